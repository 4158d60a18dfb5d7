/** From cucumber's message stream to one result per scenario: tags, outcome and the detail shown. */
import { describe, test } from "node:test";
import { expect } from "chai";
import { type RunEnvelope, ScenarioCollector } from "../../src/run/message-collector";
import type { ScenarioResult } from "../../src/run/scenario-result";
import { assertionFailure, crash, PASSED, SKIPPED, syntheticRun, UNDEFINED } from "./synthetic-run";

function collect(envelopes: readonly RunEnvelope[]) {
  const streamed: ScenarioResult[] = [];
  const collector = new ScenarioCollector((result) => streamed.push(result));
  for (const envelope of envelopes) collector.accept(envelope);
  return { collector, streamed };
}

describe("ScenarioCollector", () => {
  test("reads flow, evidence, id, title and line from tags and the Gherkin document", () => {
    const { collector, streamed } = collect(
      syntheticRun("Flow 3: Agent transfers chat to another agent", [
        { tags: ["@flow-3", "@verified", "@id:chat-transfer-accepted"], results: [PASSED, PASSED] },
      ]),
    );
    expect(collector.results).to.deep.equal([
      {
        id: "chat-transfer-accepted",
        name: "scenario 0",
        uri: "features/x.feature",
        line: 10,
        feature: "Agent transfers chat to another agent",
        flow: 3,
        evidence: "verified",
        outcome: "passed",
        detail: undefined,
      },
    ]);
    expect(streamed).to.deep.equal(collector.results);
    expect(collector.problems).to.deep.equal([]);
  });

  test("tells a mismatch, a crash, a rejected input, an undefined step and a skip apart", () => {
    const { collector } = collect(
      syntheticRun("f", [
        { tags: ["@id:a"], results: [PASSED, assertionFailure()] },
        { tags: ["@id:b"], results: [crash(), SKIPPED] },
        { tags: ["@id:c"], results: [crash("InputError", 'examples/x.jsonl:3: field "ts": bad')] },
        { tags: ["@id:d"], results: [PASSED, UNDEFINED, SKIPPED] },
        { tags: ["@id:e"], results: [PASSED, SKIPPED], logs: ["Not run: no manifest entry for e"] },
      ]),
    );
    const byId = Object.fromEntries(collector.results.map((r) => [r.id, r]));
    expect(byId.a?.outcome).to.equal("mismatch");
    expect(byId.a?.detail).to.contain("IRF1: result expected Transferred");
    expect(byId.b?.outcome).to.equal("harness-error");
    expect(byId.c?.outcome).to.equal("bad-input");
    expect(byId.c?.detail).to.equal('examples/x.jsonl:3: field "ts": bad');
    expect(byId.d?.outcome).to.equal("undefined-step");
    expect(byId.d?.detail).to.contain('"step 1 of scenario 3"');
    expect(byId.e).to.include({ outcome: "not-run", detail: "no manifest entry for e" });
  });

  test("a scenario without tags is verified, has no flow, and is named by file and line", () => {
    const { collector } = collect(
      syntheticRun("My own flow", [{ tags: [], results: [PASSED] }], "mine/a.feature"),
    );
    expect(collector.results[0]).to.include({
      id: "mine/a.feature:10",
      flow: undefined,
      evidence: "verified",
      feature: "My own flow",
    });
  });

  test("counts only the last attempt of a retried scenario", () => {
    const { collector } = collect(syntheticRun("f", [{ tags: ["@id:r"], results: [PASSED], retried: true }]));
    expect(collector.results.map((r) => r.outcome)).to.deep.equal(["passed"]);
  });

  test("reports a feature that does not parse and a failing BeforeAll as run problems", () => {
    const { collector } = collect([
      {
        parseError: {
          source: { uri: "features/bad.feature", location: { line: 4 } },
          message: "(4:5): expected: #TagLine",
        },
      },
      {
        testRunHookFinished: {
          result: { status: "FAILED", exception: { type: "Error", message: "db down" } },
        },
      },
      { testRunFinished: { success: false, message: "db down" } },
    ]);
    expect(collector.problems).to.deep.equal([
      { kind: "bad-feature", message: "features/bad.feature:4: (4:5): expected: #TagLine" },
      { kind: "harness-error", message: "a BeforeAll/AfterAll hook failed: db down" },
    ]);
  });
});
