/** The row serialiser of `classify`: exactly JSON.stringify of the row in the contract's order. */
import { test } from "node:test";
import { expect } from "chai";
import fc from "fast-check";
import { classifyEvents } from "../../src/classifier/classify";
import { formatRow, ROW_FIELDS } from "../../src/classifier/format-row";
import type { IrfRow } from "../../src/domain/irf";
import { interleave, walkChat } from "../support/random-chat";

/** Strings that need escaping, or look as if they might: quotes, controls, lone surrogates. */
const awkward = fc.constantFrom(
  "",
  '"',
  "\\",
  "\n\r\t\b\f\u0000\u001f\u007f",
  "\ud800",
  "x\udfff",
  "\ud83d\ude00",
  "\u2028\u2029",
  "</script>",
  "Zoë",
);
const text = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  awkward,
  fc.tuple(fc.string(), awkward, fc.string()).map((parts) => parts.join("")),
);
const number = fc.oneof(
  fc.integer(),
  fc.nat({ max: 1e12 }),
  fc.double(),
  fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e21, 5e-7),
);

/** Arbitrary rows, their keys in the contract's order (fc.record keeps the model's order). */
const row: fc.Arbitrary<IrfRow> = fc.record({
  interaction: text,
  irf: number,
  resource: text,
  resourceType: fc.constantFrom("Agent", "Queue", "Strategy"),
  role: text,
  result: text,
  reason: text,
  start: text,
  end: text,
  roleReason: text,
  alertingMs: number,
  handlingMs: number,
  mediationMs: number,
  receivedFrom: fc.option(number, { nil: null }),
});

test("formatRow equals JSON.stringify for arbitrary rows", () => {
  fc.assert(
    fc.property(row, (r) => {
      expect(Object.keys(r)).to.deep.equal([...ROW_FIELDS]);
      expect(formatRow(r)).to.equal(JSON.stringify(r));
    }),
    { numRuns: 5000 },
  );
});

test("the contract's fields come first, in its order; then the rest of IrfRow", () => {
  const r: IrfRow = {
    interaction: "i",
    irf: 1,
    resource: "Agent1",
    resourceType: "Agent",
    role: "RoutedTo",
    result: "Completed",
    reason: "Unspecified",
    roleReason: "Unspecified",
    start: "2026-03-02T09:00:05.000Z",
    end: "2026-03-02T09:04:52.000Z",
    alertingMs: 7000,
    handlingMs: 280000,
    mediationMs: 0,
    receivedFrom: null,
  };
  const keys = Object.keys(JSON.parse(formatRow(r)) as object);
  expect(keys.slice(0, 9)).to.deep.equal([
    "interaction",
    "irf",
    "resource",
    "resourceType",
    "role",
    "result",
    "reason",
    "start",
    "end",
  ]);
  expect([...keys].sort()).to.deep.equal(Object.keys(r).sort());
  expect(JSON.parse(formatRow(r))).to.deep.equal(r);
});

test("the classifier builds its rows in that order, so JSON.stringify and formatRow agree on them", () => {
  const START = Date.parse("2026-03-02T09:00:00.000Z");
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.nat({ max: 1000 }), { maxLength: 25 }), { minLength: 1, maxLength: 4 }),
      fc.array(fc.nat(), { maxLength: 50 }),
      (choices, order) => {
        const logs = choices.map((cs, i) => walkChat(`ixn-${i}`, START, cs));
        for (const r of classifyEvents(interleave(logs, order))) {
          expect(formatRow(r)).to.equal(JSON.stringify(r));
        }
      },
    ),
    { numRuns: 300 },
  );
});
