/**
 * The event log's timestamps: RFC 3339, UTC, with exactly three fractional digits
 * (2026-03-02T09:00:00.000Z). One fixed shape keeps logs diffable and lets the reader check and
 * convert it with a precompiled regex and digit arithmetic instead of a general date-time
 * parser: at millions of lines per second, Date.parse alone would cost a fifth of the time.
 */

/** The shape, the same as the `pattern` of `ts` in event-log.schema.json (a test keeps them equal). */
export const TIMESTAMP_PATTERN =
  /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\.[0-9]{3}Z$/;

export const TIMESTAMP_EXAMPLE = "2026-03-02T09:00:00.000Z";

/** The number at s[at, at + length), all ASCII digits (the pattern has been matched). */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * For a string that already matches TIMESTAMP_PATTERN: whether its day exists. The pattern
 * alone accepts 2026-02-30, which Date.parse silently rolls over to March 2. This is ajv's
 * `date-time` format for the shipped schema: ajv checks `pattern` before `format`, so the
 * shape is never checked twice on the hot path.
 */
export function namesRealDay(s: string): boolean {
  return digits(s, 8, 2) <= daysInMonth(digits(s, 0, 4), digits(s, 5, 2));
}

/** True when `s` is a log timestamp: the shape, and a day that exists. */
export function isLogTimestamp(s: string): boolean {
  return TIMESTAMP_PATTERN.test(s) && namesRealDay(s);
}

const MS_PER_DAY = 86_400_000;

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). Unlike
 * Date.UTC, it does not map years 0-99 to 1900-1999.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Epoch milliseconds of a valid log timestamp: equal to Date.parse(s), several times faster. */
export function timestampMs(s: string): number {
  const days = daysFromCivil(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
  return (
    days * MS_PER_DAY +
    digits(s, 11, 2) * 3_600_000 +
    digits(s, 14, 2) * 60_000 +
    digits(s, 17, 2) * 1000 +
    digits(s, 20, 3)
  );
}

/** The two digits at s[at, at + 2) as a number, or -1 if either is not an ASCII digit. */
function twoDigits(s: string, at: number): number {
  const tens = s.charCodeAt(at) - 48;
  const ones = s.charCodeAt(at + 1) - 48;
  // Unsigned, a character below "0" is huge too: one comparison per digit.
  return tens >>> 0 > 9 || ones >>> 0 > 9 ? -1 : tens * 10 + ones;
}

/** The same for bytes. */
function twoDigitBytes(b: Uint8Array, at: number): number {
  const tens = (b[at] as number) - 48;
  const ones = (b[at + 1] as number) - 48;
  return tens >>> 0 > 9 || ones >>> 0 > 9 ? -1 : tens * 10 + ones;
}

/**
 * The time of a timestamp read as its fields (each -1 if not digits): epoch milliseconds if
 * every field is in range and the day exists, NaN if not.
 */
function checkedTime(
  century: number,
  yearOfCentury: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  centis: number,
  millis: number,
): number {
  if (
    century < 0 ||
    yearOfCentury < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    centis < 0 ||
    millis >>> 0 > 9
  ) {
    return Number.NaN;
  }
  const year = century * 100 + yearOfCentury;
  if (day > daysInMonth(year, month)) return Number.NaN;
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    hour * 3_600_000 +
    minute * 60_000 +
    second * 1000 +
    centis * 10 +
    millis
  );
}

/**
 * One pass for the reader's hot path: the epoch milliseconds of `s` if it is a log timestamp
 * (TIMESTAMP_PATTERN and a day that exists), NaN if not. The same answer as
 * `isLogTimestamp(s) ? timestampMs(s) : NaN` (a test checks it), without a regex and without
 * reading the digits twice.
 */
export function logTimestampMs(s: string): number {
  if (
    s.length !== 24 ||
    s.charCodeAt(4) !== 0x2d || // -
    s.charCodeAt(7) !== 0x2d ||
    s.charCodeAt(10) !== 0x54 || // T
    s.charCodeAt(13) !== 0x3a || // :
    s.charCodeAt(16) !== 0x3a ||
    s.charCodeAt(19) !== 0x2e || // .
    s.charCodeAt(23) !== 0x5a // Z
  ) {
    return Number.NaN;
  }
  return checkedTime(
    twoDigits(s, 0),
    twoDigits(s, 2),
    twoDigits(s, 5),
    twoDigits(s, 8),
    twoDigits(s, 11),
    twoDigits(s, 14),
    twoDigits(s, 17),
    twoDigits(s, 20),
    s.charCodeAt(22) - 48,
  );
}

/**
 * logTimestampMs for the 24 bytes at b[at, at + 24) (the caller has checked they are there),
 * for the canonical-line reader, which reads a line's bytes before making any string of them.
 */
export function timestampBytesMs(b: Uint8Array, at: number): number {
  if (
    b[at + 4] !== 0x2d ||
    b[at + 7] !== 0x2d ||
    b[at + 10] !== 0x54 ||
    b[at + 13] !== 0x3a ||
    b[at + 16] !== 0x3a ||
    b[at + 19] !== 0x2e ||
    b[at + 23] !== 0x5a
  ) {
    return Number.NaN;
  }
  return checkedTime(
    twoDigitBytes(b, at),
    twoDigitBytes(b, at + 2),
    twoDigitBytes(b, at + 5),
    twoDigitBytes(b, at + 8),
    twoDigitBytes(b, at + 11),
    twoDigitBytes(b, at + 14),
    twoDigitBytes(b, at + 17),
    twoDigitBytes(b, at + 20),
    (b[at + 22] as number) - 48,
  );
}
