/**
 * The feature line of each row of the data table the current step carries, so a rejected table
 * cell (an unknown descriptor) names its line: cucumber hands step definitions the cells only.
 * Read from the Gherkin document in a step hook, before the step runs.
 */
import { BeforeStep } from "@cucumber/cucumber";
import type { GherkinDocument } from "@cucumber/messages";
import type { ChatWorld } from "./world";

BeforeStep(function (this: ChatWorld, { gherkinDocument, pickleStep }) {
  const stepId = pickleStep.astNodeIds[0];
  this.tableLines = stepId === undefined ? [] : tableLinesOf(gherkinDocument, stepId);
});

type Step = { id: string; dataTable?: { rows: readonly { location: { line: number } }[] } };

function tableLinesOf(document: GherkinDocument, stepId: string): number[] {
  const steps: Step[] = [];
  for (const child of document.feature?.children ?? []) {
    steps.push(...(child.background?.steps ?? []), ...(child.scenario?.steps ?? []));
    for (const inner of child.rule?.children ?? []) {
      steps.push(...(inner.background?.steps ?? []), ...(inner.scenario?.steps ?? []));
    }
  }
  const step = steps.find((s) => s.id === stepId);
  return step?.dataTable?.rows.map((row) => row.location.line) ?? [];
}
