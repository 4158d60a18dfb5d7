/**
 * What a scenario's outcome check found: the system under test either could not answer for the
 * scenario (reported as not run, never as passed) or recorded rows that are compared with the
 * scenario's expected table. Kept free of cucumber so the steps, the CLI and tests share it.
 */
import type { IrfExpectation, IrfRow } from "../domain/irf";
import { compareIrfs, type IrfComparison } from "../report/irf-comparison";
import type { ScenarioRef, SystemUnderTest } from "../sut/system-under-test";

export type ScenarioOutcome =
  | { kind: "not-run"; reason: string }
  | { kind: "checked"; rows: IrfRow[]; comparison: IrfComparison };

export async function checkScenario(
  sut: SystemUnderTest,
  scenario: ScenarioRef,
  expected: readonly IrfExpectation[],
): Promise<ScenarioOutcome> {
  const answer = await sut.irfsFor(scenario);
  if (answer.kind === "not-run") return answer;
  return { kind: "checked", rows: answer.rows, comparison: compareIrfs(expected, answer.rows) };
}
