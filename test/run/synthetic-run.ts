/** Synthetic cucumber message streams for the run tests: a feature, its pickles and their results. */
import type { RunEnvelope } from "../../src/run/message-collector";
import type { StepResult } from "../../src/run/scenario-result";

export interface SyntheticScenario {
  tags: string[];
  name?: string;
  /** One result per step, in order. */
  results: StepResult[];
  /** Texts the scenario logged (e.g. why it was not run). */
  logs?: string[];
  /** Also emit a first attempt that failed and will be retried. */
  retried?: boolean;
}

export const PASSED: StepResult = { status: "PASSED" };
export const SKIPPED: StepResult = { status: "SKIPPED" };
export const UNDEFINED: StepResult = { status: "UNDEFINED" };
export const assertionFailure = (
  message = "IRF1: result expected Transferred, got Completed",
): StepResult => ({
  status: "FAILED",
  message: `AssertionError: ${message}\n    at expectIrfs (steps/support/outcome.ts:46:11)`,
  exception: { type: "AssertionError", message },
});
export const crash = (type = "TypeError", message = "cannot read properties of undefined"): StepResult => ({
  status: "FAILED",
  message: `${type}: ${message}\n    at somewhere (steps/x.ts:1:1)`,
  exception: { type, message },
});

/** One feature file holding the scenarios, as runCucumber would stream it. */
export function syntheticRun(
  featureName: string,
  scenarios: readonly SyntheticScenario[],
  uri = "features/x.feature",
) {
  const envelopes: RunEnvelope[] = [];
  const children = scenarios.map((_, i) => ({
    scenario: { id: `scenario-${i}`, location: { line: 10 + i * 10 }, examples: [] },
  }));
  envelopes.push({ gherkinDocument: { uri, feature: { name: featureName, children } } });
  scenarios.forEach((scenario, i) => {
    const steps = scenario.results.map((_, j) => ({ id: `p${i}-s${j}`, text: `step ${j} of scenario ${i}` }));
    envelopes.push({
      pickle: {
        id: `pickle-${i}`,
        uri,
        name: scenario.name ?? `scenario ${i}`,
        tags: scenario.tags.map((name) => ({ name })),
        astNodeIds: [`scenario-${i}`],
        steps,
      },
    });
    envelopes.push({
      testCase: {
        id: `case-${i}`,
        pickleId: `pickle-${i}`,
        testSteps: steps.map((step, j) => ({ id: `t${i}-${j}`, pickleStepId: step.id })),
      },
    });
  });
  scenarios.forEach((scenario, i) => {
    const attempts = scenario.retried ? [true, false] : [false];
    attempts.forEach((willBeRetried, attempt) => {
      const started = `started-${i}-${attempt}`;
      envelopes.push({ testCaseStarted: { id: started, testCaseId: `case-${i}` } });
      scenario.results.forEach((result, j) => {
        const shown = willBeRetried ? crash("Error", "flaky") : result;
        envelopes.push({
          testStepFinished: { testCaseStartedId: started, testStepId: `t${i}-${j}`, testStepResult: shown },
        });
      });
      for (const text of scenario.logs ?? []) {
        envelopes.push({
          attachment: {
            testCaseStartedId: started,
            body: text,
            mediaType: "text/plain",
            contentEncoding: "IDENTITY",
          },
        });
      }
      envelopes.push({ testCaseFinished: { testCaseStartedId: started, willBeRetried } });
    });
  });
  envelopes.push({ testRunFinished: { success: true } });
  return envelopes;
}
