/** The outcome check: a system under test that cannot answer makes the scenario not run, never pass. */
import { describe, test } from "node:test";
import { expect } from "chai";
import type { IrfRow } from "../../src/domain/irf";
import { checkScenario } from "../../src/flows/scenario-outcome";
import type { ScenarioRef, SutAnswer, SystemUnderTest } from "../../src/sut/system-under-test";

function fakeSut(answer: SutAnswer): SystemUnderTest {
  return {
    kind: "export",
    describe: async () => ({ kind: "export", name: "fake", details: {} }),
    irfsFor: async () => answer,
    close: async () => {},
  };
}

const scenario: ScenarioRef = { id: "chat-x", name: "x", interaction: "chat-x", events: [] };

const row = (over: Partial<IrfRow>): IrfRow => ({
  interaction: "chat-x",
  irf: 1,
  resource: "Agent1",
  resourceType: "Agent",
  role: "RoutedTo",
  result: "Completed",
  reason: "Unspecified",
  roleReason: "Unspecified",
  start: "2026-03-02T09:00:05.000Z",
  end: "2026-03-02T09:04:40.000Z",
  alertingMs: 7000,
  handlingMs: 268000,
  mediationMs: 0,
  receivedFrom: null,
  ...over,
});

describe("checkScenario", () => {
  test("passes on the not-run answer and its reason", async () => {
    const outcome = await checkScenario(
      fakeSut({ kind: "not-run", reason: "no manifest entry for chat-x" }),
      scenario,
      [],
    );
    expect(outcome).to.deep.equal({ kind: "not-run", reason: "no manifest entry for chat-x" });
  });

  test("compares recorded rows with the expected table", async () => {
    const expected = [
      { irf: 1, resource: "Agent1", role: "RoutedTo", result: "Completed", reason: "Unspecified" },
    ];
    const good = await checkScenario(fakeSut({ kind: "rows", rows: [row({})] }), scenario, expected);
    const bad = await checkScenario(
      fakeSut({ kind: "rows", rows: [row({ result: "Redirected" })] }),
      scenario,
      expected,
    );
    expect(good.kind === "checked" && good.comparison.conforms).to.equal(true);
    expect(bad.kind === "checked" && bad.comparison.conforms).to.equal(false);
  });
});
