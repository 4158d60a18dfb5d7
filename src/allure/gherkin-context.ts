/**
 * Where a pickle sits in its Gherkin document: its Rule, its description and, for an outline,
 * its example row. Structural types (a subset of @cucumber/messages' GherkinDocument) keep this
 * free of cucumber so it can be unit-tested.
 */

interface Node {
  id: string;
}
interface DescribedScenario extends Node {
  description: string;
  examples: readonly { tableBody: readonly Node[] }[];
}
interface Child {
  scenario?: DescribedScenario;
  rule?: { name: string; children: readonly { scenario?: DescribedScenario }[] };
}
export interface GherkinDocumentLike {
  feature?: { name: string; description: string; children: readonly Child[] };
}

export interface PickleContext {
  ruleName: string | undefined;
  /** The scenario's description, or the feature's when the scenario has none. */
  description: string;
  exampleRow: number | undefined;
}

export function pickleContext(document: GherkinDocumentLike, astNodeIds: readonly string[]): PickleContext {
  const [scenarioId, rowId] = astNodeIds;
  const feature = document.feature;
  const context: PickleContext = {
    ruleName: undefined,
    description: feature?.description ?? "",
    exampleRow: undefined,
  };
  if (feature === undefined) return context;
  const placed = feature.children.flatMap((child) => [
    ...(child.scenario ? [{ scenario: child.scenario, rule: undefined }] : []),
    ...(child.rule?.children.flatMap((c) =>
      c.scenario ? [{ scenario: c.scenario, rule: child.rule }] : [],
    ) ?? []),
  ]);
  const found = placed.find((p) => p.scenario.id === scenarioId);
  if (found === undefined) return context;
  context.ruleName = found.rule?.name;
  if (found.scenario.description.trim() !== "") context.description = found.scenario.description;
  if (rowId !== undefined) {
    const rows = found.scenario.examples.flatMap((e) => e.tableBody);
    const index = rows.findIndex((row) => row.id === rowId);
    if (index >= 0) context.exampleRow = index + 1;
  }
  return context;
}
