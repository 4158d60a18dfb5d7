/**
 * Reading one value of a GIM record (gim-record-values.ts): the exact rejections, integers, and
 * timestamps: integer seconds, ISO 8601 with a zone, and the zoneless forms GIM's exports use,
 * which are UTC whatever the machine's time zone (so these tests run in a zone that is not UTC).
 * Also the RESOURCE_TYPE_CODE table and what seed-db writes for each resource type.
 */
import { after, before, describe, test } from "node:test";
import { expect } from "chai";
import type { Sourced } from "../../src/sut/export-spec";
import { factTimes, integer, required, timestamp, value } from "../../src/sut/gim-record-values";
import {
  RESOURCE_TYPE_CODES,
  resourceTypeOf,
  SEEDED_RESOURCE_TYPES,
} from "../../src/sut/resource-type-codes";
import { rejection } from "../support/rejection";

type Col = "START_TS" | "END_TS" | "N";

function rec(values: Partial<Record<Col, string | null>>): Sourced<Col> {
  return { values: { START_TS: null, END_TS: null, N: null, ...values }, line: 7 };
}

const iso = (text: string) => timestamp(rec({ START_TS: text }), "START_TS", "x.csv").iso;

describe("record values: text and integers", () => {
  test("value trims, and a null is empty", () => {
    expect(value(rec({ N: "  a b  " }), "N")).to.equal("a b");
    expect(value(rec({ N: null }), "N")).to.equal("");
  });

  test("required: an empty value is rejected naming the row kind (a row by default)", () => {
    expect(rejection(() => required(rec({ N: " " }), "N", "x.csv")).message).to.equal(
      'x.csv:7: field "N": is empty; every row needs it',
    );
    expect(rejection(() => required(rec({ N: null }), "N", "x.csv", "IRF row")).message).to.equal(
      'x.csv:7: field "N": is empty; every IRF row needs it',
    );
    expect(required(rec({ N: " v " }), "N", "x.csv")).to.equal("v");
  });

  test("integer: a bigint; anything else is one InputError", () => {
    expect(integer(rec({ N: " -12345678901234567890 " }), "N", "x.csv")).to.equal(-12345678901234567890n);
    expect(rejection(() => integer(rec({ N: "12a" }), "N", "x.csv")).message).to.equal(
      'x.csv:7: field "N": "12a" is not an integer',
    );
    expect(rejection(() => integer(rec({ N: "1.5" }), "N", "db", "MSF row")).message).to.equal(
      'db:7: field "N": "1.5" is not an integer',
    );
    expect(rejection(() => integer(rec({ N: "" }), "N", "x.csv")).message).to.equal(
      'x.csv:7: field "N": is empty; every row needs it',
    );
  });
});

describe("record values: timestamps are UTC whatever the local zone", () => {
  let zone: string | undefined;
  before(() => {
    zone = process.env.TZ;
    process.env.TZ = "America/New_York";
  });
  after(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  test("the zone is really not UTC here (else the zoneless cases prove nothing)", () => {
    expect(new Date(Date.UTC(2026, 2, 2, 9)).getTimezoneOffset()).to.not.equal(0);
  });

  test("integer seconds since 1970", () => {
    expect(timestamp(rec({ START_TS: "1772442005" }), "START_TS", "x.csv")).to.deep.equal({
      ms: 1772442005000,
      iso: "2026-03-02T09:00:05.000Z",
    });
  });

  test("zoneless, with a space or a T, with or without seconds and fractions: read as UTC", () => {
    expect(iso("2026-03-02 09:00")).to.equal("2026-03-02T09:00:00.000Z");
    expect(iso("2026-03-02T09:00")).to.equal("2026-03-02T09:00:00.000Z");
    expect(iso("2026-03-02 09:00:05")).to.equal("2026-03-02T09:00:05.000Z");
    expect(iso("2026-03-02T09:00:05")).to.equal("2026-03-02T09:00:05.000Z");
    expect(iso("2026-03-02 09:00:05.1")).to.equal("2026-03-02T09:00:05.100Z");
    expect(iso("2026-03-02T09:00:05.123")).to.equal("2026-03-02T09:00:05.123Z");
    expect(iso("2026-12-31 23:59:59.999")).to.equal("2026-12-31T23:59:59.999Z");
  });

  test("with a zone, the zone is kept", () => {
    expect(iso("2026-03-02T09:00:05Z")).to.equal("2026-03-02T09:00:05.000Z");
    expect(iso("2026-03-02T09:00:05+02:00")).to.equal("2026-03-02T07:00:05.000Z");
  });

  test("an expanded-year timestamp is not mistaken for a zoneless 4-digit one", () => {
    // "+002026-..." is not GIM's zoneless form; it is handed to Date.parse as written (local time).
    expect(iso("+002026-03-02T09:00:05")).to.equal(new Date(2026, 2, 2, 9, 0, 5).toISOString());
  });

  test("neither form: the exact message", () => {
    expect(rejection(() => timestamp(rec({ START_TS: "yesterday" }), "START_TS", "x.csv")).message).to.equal(
      'x.csv:7: field "START_TS": "yesterday" is neither GIM\'s integer seconds since 1970 nor an ISO 8601 timestamp',
    );
  });

  test("integer seconds beyond the dates JavaScript can hold: rejected, not a RangeError", () => {
    const e = rejection(() =>
      timestamp({ ...rec({ START_TS: "9999999999999999" }), line: undefined }, "START_TS", "db"),
    );
    expect(e.message).to.equal(
      'db: field "START_TS": "9999999999999999" is neither GIM\'s integer seconds since 1970 nor an ISO 8601 timestamp',
    );
  });

  test("factTimes: END_TS may be empty; START_TS may not", () => {
    expect(factTimes(rec({ START_TS: "60", END_TS: " " }), "x.csv")).to.deep.equal({
      start: { ms: 60000, iso: "1970-01-01T00:01:00.000Z" },
      end: undefined,
    });
    expect(factTimes(rec({ START_TS: "60", END_TS: "2026-03-02 09:00" }), "x.csv").end).to.deep.equal({
      ms: Date.UTC(2026, 2, 2, 9),
      iso: "2026-03-02T09:00:00.000Z",
    });
    expect(rejection(() => factTimes(rec({ END_TS: "60" }), "x.csv")).message).to.equal(
      'x.csv:7: field "START_TS": is empty; every row needs it',
    );
  });
});

describe("resource type codes", () => {
  test("GIM's codes, any case and padding", () => {
    expect(resourceTypeOf("AGENT")).to.equal("Agent");
    expect(resourceTypeOf(" agent ")).to.equal("Agent");
    expect(resourceTypeOf("Queue")).to.equal("Queue");
    expect(resourceTypeOf("routingpoint")).to.equal("Strategy");
    expect(resourceTypeOf("None\t")).to.equal("Other");
    expect(resourceTypeOf("UNKNOWN")).to.equal("Other");
    expect(resourceTypeOf("DN")).to.equal(undefined);
    expect(Object.keys(RESOURCE_TYPE_CODES)).to.deep.equal([
      "AGENT",
      "QUEUE",
      "ROUTINGPOINT",
      "NONE",
      "UNKNOWN",
    ]);
  });

  test("what seed-db writes into RESOURCE_ for each type, and it reads back as the same type", () => {
    expect(SEEDED_RESOURCE_TYPES).to.deep.equal({
      Agent: { type: "Agent", code: "AGENT", subtype: "Agent" },
      Queue: { type: "Queue", code: "QUEUE", subtype: "InteractionQueue" },
      Strategy: { type: "RoutingPoint", code: "ROUTINGPOINT", subtype: "RoutingStrategy" },
      Other: { type: "Unknown", code: "UNKNOWN", subtype: "Unknown" },
    });
    for (const [type, seeded] of Object.entries(SEEDED_RESOURCE_TYPES)) {
      expect(resourceTypeOf(seeded.code), type).to.equal(type);
    }
  });
});
