/**
 * The gate's judgement, outcome by outcome and expectation by expectation, the expectations file
 * `--update-expectations` writes, and the lines the gate prints: in process, so mutation testing
 * of gate.ts runs in seconds (test/gate runs the same through the CLI).
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import type { IrfRow } from "../../src/domain/irf";
import type { ExpectationsFile } from "../../src/expectations/expectation";
import { parseExpectations } from "../../src/expectations/expectations-file";
import { expectationsFromRun, gateLines, judge } from "../../src/expectations/gate";
import type { Outcome, ScenarioResult } from "../../src/run/scenario-result";

const OUTCOMES: Outcome[] = ["passed", "mismatch", "not-run", "undefined-step", "bad-input", "harness-error"];

const row = (irf: number, result = "Completed"): IrfRow => ({
  interaction: "i",
  irf,
  resource: `Agent${irf}`,
  resourceType: "Agent",
  role: "RoutedTo",
  result,
  reason: "Unspecified",
  roleReason: "Unspecified",
  start: "2026-01-01T00:00:00.000Z",
  end: "2026-01-01T00:01:00.000Z",
  alertingMs: 0,
  handlingMs: 0,
  mediationMs: 0,
  receivedFrom: null,
});

const result = (id: string, outcome: Outcome, over: Partial<ScenarioResult> = {}): ScenarioResult => ({
  id,
  name: id,
  uri: "features/f.feature",
  line: 3,
  feature: "Feature F",
  flow: 4,
  evidence: "verified",
  outcome,
  detail: undefined,
  ...over,
});

const expectations = (yaml: string): ExpectationsFile =>
  parseExpectations(`version: 1\nexpectations:\n${yaml}`, "exp.yaml");

const LENIENT = { strictProvisional: false };
const STRICT = { strictProvisional: true };

describe("gate: judging each outcome", () => {
  test("without an expectation: only a verified mismatch fails; a provisional one only under --strict-provisional", () => {
    for (const outcome of OUTCOMES) {
      const [verified] = judge([result("v", outcome)], undefined, LENIENT).judged;
      expect(verified?.judgement, outcome).to.equal(
        outcome === "mismatch" ? "unexpected-failure" : "as-specified",
      );
      expect(verified?.expectation).to.equal(undefined);
      const provisional = result("p", outcome, { evidence: "provisional" });
      expect(judge([provisional], undefined, LENIENT).judged[0]?.judgement, outcome).to.equal("as-specified");
      expect(judge([provisional], undefined, STRICT).judged[0]?.judgement, outcome).to.equal(
        outcome === "mismatch" ? "unexpected-failure" : "as-specified",
      );
    }
  });

  test("an expectation on a scenario that passed is stale, whatever it expects", () => {
    const file = expectations("  f: { status: fail, reason: r }\n  s: { status: skip, reason: r }\n");
    const report = judge([result("f", "passed"), result("s", "passed")], file, LENIENT);
    expect(report.judged.map((j) => j.judgement)).to.deep.equal(["unexpected-pass", "unexpected-pass"]);
    expect(report.unexpectedPasses.map((j) => j.result.id)).to.deep.equal(["f", "s"]);
    expect(report.unexpectedPasses[0]?.expectation?.id).to.equal("f");
  });

  test("skip: not run is the known divergence; anything else is judged as without it, noted", () => {
    const file = expectations("  s: { status: skip, reason: no lab interaction }\n");
    for (const outcome of OUTCOMES.filter((o) => o !== "passed")) {
      const [j] = judge([result("s", outcome)], file, LENIENT).judged;
      if (outcome === "not-run") {
        expect([j?.judgement, j?.note]).to.deep.equal(["known-divergence", undefined]);
      } else {
        expect([j?.judgement, j?.note], outcome).to.deep.equal([
          outcome === "mismatch" ? "unexpected-failure" : "as-specified",
          "expected to be skipped",
        ]);
      }
    }
    const provisional = judge([result("s", "mismatch", { evidence: "provisional" })], file, LENIENT);
    expect(provisional.judged[0]?.judgement).to.equal("as-specified");
  });

  test("fail: a scenario not run (or broken, or bad input) is NOT a known divergence; it says why", () => {
    const file = expectations("  f: { status: fail, reason: GIM records Completed }\n");
    for (const outcome of ["not-run", "undefined-step", "bad-input", "harness-error"] as const) {
      const report = judge([result("f", outcome)], file, LENIENT);
      expect(report.knownDivergences, outcome).to.deep.equal([]);
      expect(report.unexpectedFailures, outcome).to.deep.equal([]);
      expect([report.judged[0]?.judgement, report.judged[0]?.note]).to.deep.equal([
        "as-specified",
        `expected to fail, but ${outcome}`,
      ]);
    }
  });

  test("fail without rows: any mismatch is the known divergence, verified or provisional", () => {
    const file = expectations("  f: { status: fail, reason: r }\n");
    for (const evidence of ["verified", "provisional"] as const) {
      const report = judge([result("f", "mismatch", { evidence, rows: [row(1)] })], file, LENIENT);
      expect(report.knownDivergences.map((j) => [j.result.id, j.note])).to.deep.equal([["f", undefined]]);
    }
  });

  test("fail with rows: the same rows are known; other rows fail a verified scenario again, noted", () => {
    const file = expectations(
      "  f:\n    status: fail\n    reason: r\n    rows:\n      - { irf: 1, resource: Agent1, role: RoutedTo, result: Completed, reason: Unspecified }\n",
    );
    expect(judge([result("f", "mismatch", { rows: [row(1)] })], file, LENIENT).judged[0]?.judgement).to.equal(
      "known-divergence",
    );
    const other = judge([result("f", "mismatch", { rows: [row(1, "Transferred")] })], file, LENIENT);
    expect(other.unexpectedFailures.map((j) => j.note)).to.deep.equal([
      "recorded other rows than the expectation accepts",
    ]);
    const none = judge([result("f", "mismatch")], file, LENIENT);
    expect(none.unexpectedFailures.map((j) => j.result.id)).to.deep.equal(["f"]);
    const extra = judge([result("f", "mismatch", { rows: [row(1), row(2)] })], file, LENIENT);
    expect(extra.unexpectedFailures.length).to.equal(1);
    const provisional = judge(
      [result("f", "mismatch", { evidence: "provisional", rows: [row(1, "Transferred")] })],
      file,
      LENIENT,
    );
    expect([provisional.judged[0]?.judgement, provisional.judged[0]?.note]).to.deep.equal([
      "as-specified",
      "recorded other rows than the expectation accepts",
    ]);
  });

  test("the report's lists hold exactly their judgements, in run order", () => {
    const file = expectations("  k: { status: fail, reason: r }\n  st: { status: skip, reason: r }\n");
    const report = judge(
      [result("u", "mismatch"), result("k", "mismatch"), result("st", "passed"), result("ok", "passed")],
      file,
      LENIENT,
    );
    expect(report.judged.map((j) => j.result.id)).to.deep.equal(["u", "k", "st", "ok"]);
    expect(report.unexpectedFailures.map((j) => j.result.id)).to.deep.equal(["u"]);
    expect(report.knownDivergences.map((j) => j.result.id)).to.deep.equal(["k"]);
    expect(report.unexpectedPasses.map((j) => j.result.id)).to.deep.equal(["st"]);
  });
});

describe("gate: --update-expectations", () => {
  const HEADER =
    "# gim-conformance expectations: known divergences of one Info Mart release (see docs/ci-gate.md)\n";

  test("a not-run scenario becomes a skip entry without rows, even when rows were recorded", () => {
    const text = expectationsFromRun(
      [result("s", "not-run", { rows: [row(1)] })],
      undefined,
      LENIENT,
      "sut x",
    );
    expect(text.startsWith(HEADER)).to.equal(true);
    const entry = parseExpectations(text, "new.yaml").expectations.get("s");
    expect(entry).to.deep.include({
      status: "skip",
      reason: "recorded on sut x; TODO: say why this result is accepted",
    });
    expect(entry?.rows).to.equal(undefined);
    expect(text).not.to.contain("rows");
  });

  test("a gate failure becomes a fail entry with its rows; one without rows gets none", () => {
    const text = expectationsFromRun(
      [result("f", "mismatch", { rows: [row(1), row(2, "Transferred")] }), result("g", "mismatch")],
      undefined,
      LENIENT,
      "sut",
    );
    const written = parseExpectations(text, "new.yaml").expectations;
    expect(written.get("f")?.rows).to.deep.equal([
      { irf: 1, resource: "Agent1", role: "RoutedTo", result: "Completed", reason: "Unspecified" },
      { irf: 2, resource: "Agent2", role: "RoutedTo", result: "Transferred", reason: "Unspecified" },
    ]);
    expect(written.get("g")).to.deep.include({ status: "fail" });
    expect(written.get("g")?.rows).to.equal(undefined);
  });

  test("what passes, or does not fail the gate, gets no entry; a provisional mismatch only under --strict-provisional", () => {
    const results = [
      result("ok", "passed"),
      result("broken", "harness-error"),
      result("bad", "bad-input"),
      result("prov", "mismatch", { evidence: "provisional" }),
    ];
    expect([
      ...parseExpectations(expectationsFromRun(results, undefined, LENIENT, "s"), "e").expectations.keys(),
    ]).to.deep.equal([]);
    expect([
      ...parseExpectations(expectationsFromRun(results, undefined, STRICT, "s"), "e").expectations.keys(),
    ]).to.deep.equal(["prov"]);
  });

  test("an old entry's reason stays only if its status stays; its link stays either way; unselected entries stay whole", () => {
    const previous = expectations(
      [
        "  f: { status: fail, reason: kept reason, link: 'https://t/1' }",
        "  s: { status: fail, reason: was a failure, link: 'https://t/2' }",
        "  gone: { status: fail, reason: fixed now }",
        "  other:",
        "    status: fail",
        "    reason: not selected",
        "    link: https://t/3",
        "    rows:",
        "      - { irf: 1, resource: A, role: RoutedTo, result: Completed, reason: Unspecified }",
        "  other-skip: { status: skip, reason: lab only }",
        "",
      ].join("\n"),
    );
    const text = expectationsFromRun(
      [result("f", "mismatch"), result("s", "not-run"), result("gone", "passed")],
      previous,
      LENIENT,
      "sut y",
    );
    const written = parseExpectations(text, "new.yaml").expectations;
    expect([...written.keys()]).to.deep.equal(["f", "s", "other", "other-skip"]);
    expect(written.get("f")).to.deep.include({ status: "fail", reason: "kept reason", link: "https://t/1" });
    expect(written.get("s")).to.deep.include({
      status: "skip",
      reason: "recorded on sut y; TODO: say why this result is accepted",
      link: "https://t/2",
    });
    expect(written.get("other")).to.deep.include({
      status: "fail",
      reason: "not selected",
      link: "https://t/3",
    });
    expect(written.get("other")?.rows).to.deep.equal([
      { irf: 1, resource: "A", role: "RoutedTo", result: "Completed", reason: "Unspecified" },
    ]);
    expect(written.get("other-skip")).to.deep.include({ status: "skip", reason: "lab only" });
    expect(written.get("other-skip")?.link).to.equal(undefined);
    expect(written.get("f")?.link).to.equal("https://t/1");
    expect(text).to.contain("version: 1\n");
  });

  test("the file written makes the same run pass the gate", () => {
    const results = [
      result("f", "mismatch", { rows: [row(1, "Transferred")] }),
      result("s", "not-run"),
      result("ok", "passed"),
    ];
    const file = parseExpectations(expectationsFromRun(results, undefined, LENIENT, "s"), "e.yaml");
    const report = judge(results, file, LENIENT);
    expect(report.unexpectedFailures).to.deep.equal([]);
    expect(report.unexpectedPasses).to.deep.equal([]);
    expect(report.knownDivergences.map((j) => j.result.id)).to.deep.equal(["f", "s"]);
  });
});

describe("gate: the lines it prints", () => {
  test("unexpected failures, known divergences, stale entries with their line, then the counts", () => {
    const file = expectations(
      [
        "  k: { status: fail, reason: GIM 8.5 differs, link: 'https://t/9' }",
        "  n: { status: fail, reason: no link }",
        "  st: { status: skip, reason: r }",
        "",
      ].join("\n"),
    );
    const report = judge(
      [
        result("u", "mismatch", { flow: undefined, feature: "My flow" }),
        result("k", "mismatch"),
        result("n", "mismatch"),
        result("st", "passed"),
        result("w", "mismatch", { flow: 2 }),
      ],
      file,
      LENIENT,
    );
    const withNote = { ...report.unexpectedFailures[1], note: "why" } as (typeof report.judged)[number];
    const lines = gateLines(
      { ...report, unexpectedFailures: [report.unexpectedFailures[0], withNote] as typeof report.judged },
      "exp.yaml",
    );
    expect(lines).to.deep.equal([
      "UNEXPECTED FAILURE  My flow @id:u",
      "UNEXPECTED FAILURE  flow 2 @id:w (why)",
      "known divergence    flow 4 @id:k: GIM 8.5 differs (https://t/9)",
      "known divergence    flow 4 @id:n: no link",
      "UNEXPECTED PASS     flow 4 @id:st: stale expectation at exp.yaml:5, remove it",
      "expectations exp.yaml: 2 unexpected failure(s), 2 known divergence(s), 1 unexpected pass(es)",
    ]);
  });

  test("an expectation without a line is named by its file", () => {
    const file = expectations("  st: { status: skip, reason: r }\n");
    const report = judge([result("st", "passed")], file, LENIENT);
    const [j] = report.unexpectedPasses;
    const lines = gateLines(
      {
        ...report,
        unexpectedPasses: [
          { ...j, expectation: { ...j?.expectation, line: undefined } } as typeof j,
        ] as typeof report.judged,
      },
      "x.yaml",
    );
    expect(lines[0]).to.equal("UNEXPECTED PASS     flow 4 @id:st: stale expectation at x.yaml, remove it");
    expect(gateLines(judge([], file, LENIENT), "x.yaml")).to.deep.equal([
      "expectations x.yaml: 0 unexpected failure(s), 0 known divergence(s), 0 unexpected pass(es)",
    ]);
  });
});
