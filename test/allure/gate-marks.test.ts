/**
 * Under an expectations file the Allure results carry the gate's decision: known divergences and
 * stale expectations get their own categories, and a regression stays "Nonconformance".
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import { CATEGORIES } from "../../src/allure/categories";
import { KNOWN_DIVERGENCE_PREFIX, markResult, STALE_EXPECTATION_PREFIX } from "../../src/allure/gate-marks";
import type { AllureResult } from "../../src/allure/results-dir";
import type { Expectation } from "../../src/expectations/expectation";
import type { GateJudgement, JudgedResult } from "../../src/expectations/gate";
import type { ScenarioResult } from "../../src/run/scenario-result";

/** Allure matches the whole message, DOTALL (as in results-dir.test.ts). */
const categoryOf = (result: AllureResult) =>
  CATEGORIES.filter(
    (c) =>
      (c.matchedStatuses ?? []).includes(result.status ?? "") &&
      (c.messageRegex === undefined ||
        new RegExp(`^(?:${c.messageRegex})$`, "s").test(result.statusDetails?.message ?? "")),
  ).map((c) => c.name);

const expectation: Expectation = {
  id: "a",
  status: "fail",
  reason: "GIM 8.5.2",
  link: "https://t/1",
  line: 3,
};
const judged = (
  judgement: GateJudgement,
  evidence: ScenarioResult["evidence"] = "verified",
): JudgedResult => ({
  result: {
    id: "a",
    name: "a",
    uri: "f",
    line: 1,
    feature: "F",
    flow: 3,
    evidence,
    outcome: "mismatch",
    detail: undefined,
  },
  expectation,
  judgement,
});
const failed: AllureResult = {
  status: "failed",
  // As touchUp leaves it: the one-line verdict (results-dir.ts).
  statusDetails: { message: "IRF1: result expected Completed, got Transferred" },
};

describe("Allure marks of the gate", () => {
  test("a known divergence is marked with its reason, link and line, in its own category, once", () => {
    const marked = markResult(failed, judged("known-divergence"), "e.yaml");
    expect(marked?.statusDetails?.message).to.equal(
      `${KNOWN_DIVERGENCE_PREFIX}GIM 8.5.2 https://t/1 (e.yaml:3) — IRF1: result expected Completed, got Transferred`,
    );
    expect(categoryOf(marked ?? {})).to.deep.equal(["Known divergences (expected)"]);
    expect(markResult(marked ?? {}, judged("known-divergence"), "e.yaml")).to.equal(undefined);
  });

  test("a stale expectation marks the passed result; a regression stays Nonconformance", () => {
    const stale = markResult({ status: "passed" }, judged("unexpected-pass"), "e.yaml");
    expect(stale?.statusDetails?.message).to.match(
      new RegExp(`^${STALE_EXPECTATION_PREFIX}e\\.yaml:3 expects fail`),
    );
    expect(categoryOf(stale ?? {})).to.deep.equal(["Stale expectations (unexpected pass)"]);
    expect(markResult(failed, judged("unexpected-failure"), "e.yaml")).to.equal(undefined);
    expect(categoryOf(failed)).to.deep.equal(["Nonconformance: result differs"]);
    expect(categoryOf({ status: "passed" })).to.deep.equal([]);
  });

  test("a provisional difference keeps its provisional category even when expected", () => {
    expect(markResult(failed, judged("known-divergence", "provisional"), "e.yaml")).to.equal(undefined);
  });
});
