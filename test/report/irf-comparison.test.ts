/**
 * Expected IRF tables against recorded rows: which lines match, which cells differ, and the
 * one-line summary that becomes the assertion message of a failing scenario.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import type { IrfExpectation, IrfRow } from "../../src/domain/irf";
import { compareIrfs, summarizeComparison } from "../../src/report/irf-comparison";

function recorded(
  irf: number,
  resource: string,
  role: string,
  result: string,
  reason = "Unspecified",
): IrfRow {
  return {
    interaction: "chat-1",
    irf,
    resource,
    resourceType: "Agent",
    role,
    result,
    reason,
    roleReason: "Unspecified",
    start: "2026-03-02T09:00:05.000Z",
    end: "2026-03-02T09:04:40.000Z",
    alertingMs: 0,
    handlingMs: 0,
    mediationMs: 0,
    receivedFrom: null,
  };
}

const expected = (
  irf: number,
  resource: string,
  role: string,
  result: string,
  reason = "",
): IrfExpectation => ({
  irf,
  resource,
  role,
  result,
  reason,
});

const flow3Expected = [
  expected(1, "Agent1", "RoutedTo", "Transferred"),
  expected(2, "Agent2", "ReceivedTransfer", "Completed"),
];
const flow3Recorded = [
  recorded(1, "Agent1", "RoutedTo", "Transferred"),
  recorded(2, "Agent2", "ReceivedTransfer", "Completed"),
];

describe("compareIrfs", () => {
  test("every row matching conforms, one match line per IRF in ordinal order", () => {
    const c = compareIrfs(flow3Expected, [...flow3Recorded].reverse());
    expect(c.conforms).to.equal(true);
    expect(c.lines.map((l) => [l.irf, l.status, l.mismatched])).to.deep.equal([
      [1, "match", []],
      [2, "match", []],
    ]);
    expect(c.lines[0]?.expected).to.deep.equal(flow3Expected[0]);
    expect(c.lines[0]?.actual).to.deep.equal(flow3Recorded[0]);
  });

  test("one differing cell makes a mismatch that names that field only", () => {
    const c = compareIrfs(
      [expected(1, "Agent1", "RoutedTo", "Completed"), expected(2, "Agent2", "InConference", "Completed")],
      [recorded(1, "Agent1", "RoutedTo", "Completed"), recorded(2, "Agent2", "ReceivedConsult", "Completed")],
    );
    expect(c.conforms).to.equal(false);
    expect(c.lines[0]?.status).to.equal("match");
    expect(c.lines[1]?.status).to.equal("mismatch");
    expect(c.lines[1]?.mismatched).to.deep.equal(["role"]);
  });

  test("every differing field is named, in table order", () => {
    const c = compareIrfs(
      [expected(1, "Agent1", "RoutedTo", "Redirected", "Revoked")],
      [recorded(1, "Agent9", "RoutedTo", "Completed", "Unspecified")],
    );
    expect(c.lines[0]?.mismatched).to.deep.equal(["resource", "result", "reason"]);
  });

  test("an expected IRF that was not recorded is missing", () => {
    const c = compareIrfs(flow3Expected, flow3Recorded.slice(0, 1));
    expect(c.conforms).to.equal(false);
    expect(c.lines[1]).to.deep.include({
      irf: 2,
      status: "missing",
      expected: flow3Expected[1],
      mismatched: [],
    });
    expect(c.lines[1]).not.to.have.property("actual");
  });

  test("a recorded IRF that no row expected is unexpected: the table is the complete outcome", () => {
    const c = compareIrfs(flow3Expected, [...flow3Recorded, recorded(3, "Agent3", "RoutedTo", "Completed")]);
    expect(c.conforms).to.equal(false);
    expect(c.lines[2]).to.deep.include({ irf: 3, status: "unexpected", mismatched: [] });
    expect(c.lines[2]?.actual?.resource).to.equal("Agent3");
    expect(c.lines[2]).not.to.have.property("expected");
  });

  test("an empty expected table against recorded rows does not conform; empty against empty does", () => {
    const c = compareIrfs([], flow3Recorded);
    expect(c.conforms).to.equal(false);
    expect(c.lines.map((l) => l.status)).to.deep.equal(["unexpected", "unexpected"]);
    expect(compareIrfs([], [])).to.deep.equal({ conforms: true, lines: [] });
  });

  test("a blank expected reason equals Unspecified, and only Unspecified", () => {
    const ok = compareIrfs(
      [expected(1, "Agent1", "RoutedTo", "Completed", " ")],
      [recorded(1, "Agent1", "RoutedTo", "Completed", "Unspecified")],
    );
    expect(ok.conforms).to.equal(true);
    const explicit = compareIrfs(
      [expected(1, "Agent1", "RoutedTo", "Completed", "Unspecified")],
      [recorded(1, "Agent1", "RoutedTo", "Completed", "Unspecified")],
    );
    expect(explicit.conforms).to.equal(true);
    const revoked = compareIrfs(
      [expected(1, "Agent1", "RoutedTo", "Redirected", "")],
      [recorded(1, "Agent1", "RoutedTo", "Redirected", "Revoked")],
    );
    expect(revoked.lines[0]?.mismatched).to.deep.equal(["reason"]);
  });

  test("a duplicated ordinal pairs in order and reports the surplus", () => {
    const c = compareIrfs(
      [expected(1, "Agent1", "RoutedTo", "Completed"), expected(1, "Agent2", "RoutedTo", "Completed")],
      [recorded(1, "Agent1", "RoutedTo", "Completed")],
    );
    expect(c.lines.map((l) => l.status)).to.deep.equal(["match", "missing"]);
  });
});

describe("summarizeComparison", () => {
  test("names each differing cell, then IRFs missing or unexpected, on one line", () => {
    const c = compareIrfs(
      [
        expected(1, "Agent1", "RoutedTo", "Completed"),
        expected(2, "Agent2", "InConference", "Completed"),
        expected(4, "Agent4", "ReceivedTransfer", "Abandoned", "Revoked"),
      ],
      [
        recorded(1, "Agent1", "RoutedTo", "Completed"),
        recorded(2, "Agent2", "ReceivedConsult", "Completed"),
        recorded(3, "Agent3", "RoutedTo", "Completed"),
      ],
    );
    expect(summarizeComparison(c)).to.equal(
      "IRF2: role expected InConference, got ReceivedConsult; " +
        "IRF3 recorded but not expected (Agent3 RoutedTo/Completed); " +
        "IRF4 expected but not recorded (Agent4 ReceivedTransfer/Abandoned [Revoked])",
    );
  });

  test("several differing fields of one IRF are all named", () => {
    const c = compareIrfs(
      [expected(1, "Agent1", "RoutedTo", "Redirected", "Revoked")],
      [recorded(1, "Agent1", "RoutedTo", "Completed")],
    );
    expect(summarizeComparison(c)).to.equal(
      "IRF1: result expected Redirected, got Completed; reason expected Revoked, got Unspecified",
    );
  });

  test("a conforming comparison says so", () => {
    expect(summarizeComparison(compareIrfs(flow3Expected, flow3Recorded))).to.equal("all 2 IRFs as expected");
    expect(summarizeComparison(compareIrfs([], []))).to.equal("no IRFs expected and none recorded");
  });

  test("stays one line whatever the names hold", () => {
    const c = compareIrfs(
      [expected(1, "Agent\n1", "RoutedTo", "Completed")],
      [recorded(1, "", "RoutedTo", "Completed")],
    );
    const summary = summarizeComparison(c);
    expect(summary).to.equal('IRF1: resource expected Agent\\n1, got ""');
    expect(summary).not.to.include("\n");
  });
});
