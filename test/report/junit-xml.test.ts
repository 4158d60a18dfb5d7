/** JUnit XML as the gate sees it: what each kind of result becomes in a CI test tab. */
import { describe, test } from "node:test";
import { expect } from "chai";
import { parseExpectations } from "../../src/expectations/expectations-file";
import { judge } from "../../src/expectations/gate";
import { renderJunit } from "../../src/report/junit-xml";
import type { ScenarioResult } from "../../src/run/scenario-result";

const result = (
  id: string,
  outcome: ScenarioResult["outcome"],
  detail?: string,
  provisional = false,
): ScenarioResult => ({
  id,
  name: `${id} <&>`,
  uri: "features/x.feature",
  line: 1,
  feature: "Agent transfers chat",
  flow: 3,
  evidence: provisional ? "provisional" : "verified",
  outcome,
  detail,
});
const file = parseExpectations(
  "version: 1\nexpectations:\n  stale: { status: fail, reason: old }\n",
  "e.yaml",
);
const results = [
  result("ok", "passed"),
  result("bad", "mismatch", "AssertionError: IRF1 differs\ntable"),
  result("crash", "harness-error", "TypeError: x\n at y"),
  result("none", "not-run", "no manifest entry"),
  result("hypo", "mismatch", "AssertionError: IRF2 differs", true),
  result("stale", "passed"),
];
const policy = { strictProvisional: false };

describe("JUnit XML", () => {
  test("one test case per scenario named by flow and @id; failure, error and skipped as the gate decides", () => {
    const xml = renderJunit(judge(results, file, policy), {
      suiteName: "gim",
      failOnStale: false,
      expectationsFile: "e.yaml",
      timestamp: new Date("2026-01-01T00:00:00Z"),
    });
    expect(xml).to.contain('tests="6" failures="1" errors="1" skipped="2"');
    expect(xml).to.contain(
      '<testcase name="Flow 3 @id:ok: ok &lt;&amp;&gt;" classname="Flow 3: Agent transfers chat"',
    );
    expect(xml).to.match(
      /@id:bad[^>]*>\s*<failure message="IRF1 differs">AssertionError: IRF1 differs\ntable<\/failure>/,
    );
    expect(xml).to.match(/@id:crash[^>]*>\s*<error message="harness-error: TypeError: x">/);
    expect(xml).to.match(/@id:none[^>]*>\s*<skipped message="not run: no manifest entry">/);
    expect(xml).to.match(
      /@id:hypo[^>]*>\s*<skipped message="differs from hypothesis \(provisional\): AssertionError: IRF2 differs">/,
    );
    expect(xml).to.match(/@id:stale[^>]*>\s*<system-out>stale expectation \(e\.yaml:3\)/);
  });

  test("with --fail-on-stale a stale expectation is a failure", () => {
    const xml = renderJunit(judge(results, file, policy), {
      suiteName: "gim",
      failOnStale: true,
      expectationsFile: "e.yaml",
    });
    expect(xml).to.match(/@id:stale[^>]*>\s*<failure message="stale expectation/);
  });
});
