/** The log's timestamp shape, its calendar check and its fast conversion to epoch milliseconds. */
import { test } from "node:test";
import { expect } from "chai";
import fc from "fast-check";
import { isLogTimestamp, logTimestampMs, timestampBytesMs, timestampMs } from "../../src/eventlog/timestamp";

const FIRST = Date.parse("0000-01-01T00:00:00.000Z");
const LAST = Date.parse("9999-12-31T23:59:59.999Z");

test("timestampMs equals Date.parse for every timestamp of years 0000 to 9999", () => {
  fc.assert(
    fc.property(fc.integer({ min: FIRST, max: LAST }), (ms) => {
      const ts = new Date(ms).toISOString();
      expect(isLogTimestamp(ts), ts).to.equal(true);
      expect(timestampMs(ts), ts).to.equal(ms);
    }),
    { numRuns: 20000 },
  );
  for (const ts of ["1970-01-01T00:00:00.000Z", "0099-03-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z"]) {
    expect(timestampMs(ts), ts).to.equal(Date.parse(ts));
  }
});

test("only days that exist pass: leap years by the Gregorian rules", () => {
  expect(isLogTimestamp("2024-02-29T00:00:00.000Z")).to.equal(true);
  expect(isLogTimestamp("2000-02-29T00:00:00.000Z")).to.equal(true);
  expect(isLogTimestamp("1900-02-29T00:00:00.000Z")).to.equal(false);
  expect(isLogTimestamp("2026-02-29T00:00:00.000Z")).to.equal(false);
  expect(isLogTimestamp("2026-06-31T00:00:00.000Z")).to.equal(false);
  expect(isLogTimestamp("2026-12-31T23:59:59.999Z")).to.equal(true);
});

test("only the one shape passes: UTC, Z, three fractional digits, no leap second", () => {
  for (const ts of [
    "2026-03-02T09:00:00Z",
    "2026-03-02T09:00:00.0000Z",
    "2026-03-02t09:00:00.000z",
    "2026-03-02T09:00:00.000+00:00",
    "2026-03-02T09:00:60.000Z",
    "+02026-03-02T09:00:00.000Z",
    " 2026-03-02T09:00:00.000Z",
  ]) {
    expect(isLogTimestamp(ts), ts).to.equal(false);
  }
});

test("logTimestampMs and timestampBytesMs, the reader's one pass, agree with the pattern, the calendar and timestampMs", () => {
  const reference = (s: string) => (isLogTimestamp(s) ? timestampMs(s) : Number.NaN);
  // Valid timestamps with up to three characters replaced, inserted or removed: near misses,
  // with the characters either side of the digits and separators in ASCII among the choices.
  const char = fc.constantFrom(..."0123456789/:-.TZtz +\u0660".split(""), "\u{1D7D8}");
  const edit = fc.tuple(fc.nat({ max: 24 }), fc.constantFrom("replace", "insert", "remove"), char);
  const day = fc.constantFrom("28", "29", "30", "31", "00", "32");
  const month = fc.constantFrom("01", "02", "04", "12", "00", "13");
  // A time field (hour, minute, second) at or past its limit.
  const clock = fc.tuple(fc.constantFrom(11, 14, 17), fc.constantFrom("00", "23", "24", "59", "60", "99"));
  const timestamp = fc
    .tuple(
      fc.integer({ min: FIRST, max: LAST }),
      day,
      month,
      fc.boolean(),
      fc.option(clock),
      fc.array(edit, { maxLength: 3 }),
    )
    .map(([ms, d, m, calendarEdge, clockEdge, edits]) => {
      let s = new Date(ms).toISOString();
      if (calendarEdge) s = `${s.slice(0, 5)}${m}-${d}${s.slice(10)}`;
      if (clockEdge !== null) s = `${s.slice(0, clockEdge[0])}${clockEdge[1]}${s.slice(clockEdge[0] + 2)}`;
      for (const [at, how, c] of edits) {
        if (how === "replace") s = s.slice(0, at) + c + s.slice(at + 1);
        else if (how === "insert") s = s.slice(0, at) + c + s.slice(at);
        else s = s.slice(0, at) + s.slice(at + 1);
      }
      return s;
    });
  const outcomes = { valid: 0, invalid: 0 };
  fc.assert(
    fc.property(fc.oneof(timestamp, fc.string({ maxLength: 30 })), (s) => {
      const expected = reference(s);
      expect(logTimestampMs(s), JSON.stringify(s)).to.deep.equal(expected);
      // The byte version, on the UTF-8 of s inside a longer buffer, when that is 24 bytes long.
      const bytes = Buffer.from(`"${s}"`, "utf8");
      if (bytes.length === 26) expect(timestampBytesMs(bytes, 1), JSON.stringify(s)).to.deep.equal(expected);
      outcomes[Number.isNaN(expected) ? "invalid" : "valid"]++;
    }),
    { numRuns: 20000 },
  );
  // Both sides are well exercised.
  expect(outcomes.valid).to.be.above(1000);
  expect(outcomes.invalid).to.be.above(1000);
});

test("every month has its own last day: the 31st of a 30-day month and the 32nd of any are refused, by every reader", () => {
  const bytes = (ts: string) => Buffer.from(ts, "latin1");
  for (let month = 1; month <= 12; month++) {
    const mm = String(month).padStart(2, "0");
    const last = new Date(Date.UTC(2026, month, 0)).getUTCDate();
    for (let day = 28; day <= 32; day++) {
      const ts = `2026-${mm}-${String(day).padStart(2, "0")}T00:00:00.000Z`;
      const exists = day <= last;
      expect(isLogTimestamp(ts), ts).to.equal(exists);
      expect(Number.isNaN(logTimestampMs(ts)), ts).to.equal(!exists);
      expect(Number.isNaN(timestampBytesMs(bytes(ts), 0)), ts).to.equal(!exists);
      if (exists) expect(logTimestampMs(ts), ts).to.equal(Date.parse(ts));
    }
  }
  expect(isLogTimestamp("2026-11-31T00:00:00.000Z")).to.equal(false);
  expect(isLogTimestamp("2026-11-30T00:00:00.000Z")).to.equal(true);
});
