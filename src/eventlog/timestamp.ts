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
