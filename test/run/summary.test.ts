/** The per-flow tally and the exit code it earns, on synthetic results. */
import { describe, test } from "node:test";
import { expect } from "chai";
import { EXIT } from "../../src/errors";
import type { RunProblem } from "../../src/run/message-collector";
import type { Outcome, ScenarioResult } from "../../src/run/scenario-result";
import { summarize, verdict } from "../../src/run/summary";
import { progressLine, summaryTable, totalsLine } from "../../src/run/summary-render";

const LENIENT = { strictProvisional: false };
const STRICT = { strictProvisional: true };

function scenario(flow: number | undefined, outcome: Outcome, provisional = false): ScenarioResult {
  return {
    id: `flow-${flow ?? "x"}-${outcome}`,
    name: `a ${outcome} scenario`,
    uri: "features/x.feature",
    line: 3,
    feature: flow === undefined ? "My own flow" : `Flow title ${flow}`,
    flow,
    evidence: provisional ? "provisional" : "verified",
    outcome,
    detail: outcome === "not-run" ? "no manifest entry" : outcome === "passed" ? undefined : "why",
  };
}

/** The brief's reference run: ten verified flows pass, two provisional ones match their hypothesis. */
const referenceRun: ScenarioResult[] = [
  ...[1, 2, 3, 4, 5, 6, 6, 9, 10, 11].map((flow) => scenario(flow, "passed")),
  scenario(7, "passed", true),
  scenario(8, "passed", true),
];

describe("summarize", () => {
  test("puts every scenario in exactly one column, per flow and in total", () => {
    const summary = summarize(referenceRun, [], LENIENT);
    expect(summary.flows.map((row) => row.flow)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(summary.flows.find((row) => row.flow === 6)?.tally.verifiedPassed).to.equal(2);
    expect(summary.totals).to.include({
      scenarios: 12,
      verifiedPassed: 10,
      provisional: 2,
      failed: 0,
      notRun: 0,
    });
  });

  test("never counts a provisional pass as verified", () => {
    const { totals } = summarize([scenario(7, "passed", true)], [], LENIENT);
    expect(totals).to.include({ verifiedPassed: 0, provisional: 1 });
  });

  test("a provisional mismatch differs from its hypothesis without failing, unless strict", () => {
    const results = [scenario(7, "mismatch", true), scenario(1, "passed")];
    expect(summarize(results, [], LENIENT).totals).to.include({ provisional: 1, differs: 1, failed: 0 });
    expect(verdict(summarize(results, [], LENIENT)).code).to.equal(EXIT.ok);
    expect(summarize(results, [], STRICT).totals).to.include({ provisional: 0, differs: 1, failed: 1 });
    expect(verdict(summarize(results, [], STRICT)).code).to.equal(EXIT.nonconformant);
  });

  test("a user's flows without a number follow the numbered ones, by title", () => {
    const summary = summarize([scenario(undefined, "passed"), scenario(2, "passed")], [], LENIENT);
    expect(summary.flows.map((row) => row.title)).to.deep.equal(["Flow title 2", "My own flow"]);
  });
});

describe("verdict", () => {
  const code = (results: ScenarioResult[], problems: RunProblem[] = []) =>
    verdict(summarize(results, problems, LENIENT)).code;

  test("0 when every verified scenario passed; not-run ones do not change it", () => {
    expect(code(referenceRun)).to.equal(EXIT.ok);
    expect(code([...referenceRun, scenario(3, "not-run")])).to.equal(EXIT.ok);
  });

  test("1 when a verified scenario recorded other IRFs", () => {
    expect(code([...referenceRun, scenario(3, "mismatch")])).to.equal(EXIT.nonconformant);
  });

  test("2 for an undefined step, a rejected input, a feature that does not parse, or nothing checked", () => {
    expect(code([...referenceRun, scenario(3, "undefined-step")])).to.equal(EXIT.badInput);
    expect(code([scenario(3, "bad-input"), scenario(4, "mismatch")])).to.equal(EXIT.badInput);
    expect(
      code(referenceRun, [{ kind: "bad-feature", message: "x.feature:4: (4:5): parse error" }]),
    ).to.equal(EXIT.badInput);
    expect(code([])).to.equal(EXIT.badInput);
    expect(code([scenario(1, "not-run"), scenario(2, "not-run")])).to.equal(EXIT.badInput);
  });

  test("3 for a harness error, which outranks every other verdict", () => {
    expect(
      code([scenario(1, "harness-error"), scenario(2, "mismatch"), scenario(3, "undefined-step")]),
    ).to.equal(EXIT.harness);
    expect(code(referenceRun, [{ kind: "harness-error", message: "BeforeAll failed" }])).to.equal(
      EXIT.harness,
    );
  });

  test("says why when it is not 0", () => {
    expect(verdict(summarize(referenceRun, [], LENIENT)).reason).to.equal(undefined);
    expect(verdict(summarize([scenario(3, "mismatch")], [], LENIENT)).reason).to.match(
      /^nonconformant: 1 scenario/,
    );
  });
});

describe("rendering", () => {
  test("the totals line names verified, provisional, failed, not run and the system under test", () => {
    const { totals } = summarize([...referenceRun, scenario(3, "not-run")], [], LENIENT);
    expect(totalsLine(totals, "reference classifier 0.1.0", LENIENT)).to.equal(
      "10 verified passed, 2 provisional (unverified hypothesis), 0 failed, 1 not run — system under test: reference classifier 0.1.0",
    );
  });

  test("the totals line breaks failures down when they are not all nonconformance", () => {
    const results = [scenario(7, "mismatch", true), scenario(1, "mismatch"), scenario(2, "harness-error")];
    expect(totalsLine(summarize(results, [], LENIENT).totals, "sut", LENIENT)).to.equal(
      "0 verified passed, 1 provisional (unverified hypothesis; 1 differs from it), 2 failed (1 nonconformant, 1 harness error), 0 not run — system under test: sut",
    );
  });

  test("the table has a row per flow and a total row", () => {
    const table = summaryTable(summarize(referenceRun, [], LENIENT)).split("\n");
    expect(table[0]).to.match(
      /^Flow\s+Title\s+Scenarios\s+Verified passed\s+Provisional\s+Failed\s+Not run$/,
    );
    expect(table).to.have.length(1 + 11 + 1);
    expect(table.at(-1)).to.match(/^\s+Total\s+12\s+10\s+2\s+0\s+0$/);
  });

  test("a progress line says flow, id and what the outcome means", () => {
    expect(progressLine(scenario(7, "mismatch", true), LENIENT)).to.match(
      /^flow 7\s+flow-7-mismatch\s+differs from hypothesis \(provisional\)$/,
    );
    expect(progressLine(scenario(2, "not-run"), LENIENT)).to.match(/not run: no manifest entry$/);
  });
});
