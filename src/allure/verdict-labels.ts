/**
 * The labels through which a scenario's steps tell the report what their verdict was. The steps
 * know it (which comparison failed, whether the flow is provisional, why it was not run);
 * allure-cucumberjs only sees a step's status. results-dir.ts turns these labels into Allure's
 * status and one-line message after the run. Labels, not files, so a bare cucumber-js run's
 * results carry them too.
 */

export const OUTCOME_LABEL = "gimOutcome";
/** One line: `IRF2: result expected Transferred, got Completed`, or a not-run reason. */
export const VERDICT_LABEL = "gimVerdict";

export type ScenarioVerdict = "nonconformance" | "differs-from-hypothesis" | "matches-hypothesis" | "not-run";
