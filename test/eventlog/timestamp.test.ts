/** The log's timestamp shape, its calendar check and its fast conversion to epoch milliseconds. */
import { test } from "node:test";
import { expect } from "chai";
import fc from "fast-check";
import { isLogTimestamp, timestampMs } from "../../src/eventlog/timestamp";

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
