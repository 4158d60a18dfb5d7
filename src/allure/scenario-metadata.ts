/**
 * The Allure labels, ids and description of one scenario, from its tags and place in the
 * feature. allure-cucumberjs sets no suite labels and cannot map `@verified` to a severity
 * (stack.md pitfall 3), so a Before hook (steps/support/allure.ts) applies what this computes.
 * Pure, so the mapping is unit-tested without cucumber.
 */
import { evidenceOf, featureTitle, flowOf, idOf } from "../run/scenario-result";

export interface ScenarioFacts {
  tags: readonly string[];
  featureName: string;
  scenarioName: string;
  /** The `Rule:` the scenario sits under, if any. */
  ruleName: string | undefined;
  /** The scenario's Markdown description, else the feature's. */
  description: string;
  /** 1-based row of a Scenario Outline's example, so each row keeps its own history. */
  exampleRow: number | undefined;
}

export interface AllureLabel {
  name: string;
  value: string;
}

export interface ScenarioMetadata {
  labels: AllureLabel[];
  /** From the `@id:` tag: stable across renames, so the history trend survives them. */
  testCaseId: string | undefined;
  historyId: string | undefined;
  provisional: boolean;
}

export const VERIFIED_SUITE = "Verified flows";
export const PROVISIONAL_SUITE = "Provisional flows (unverified hypotheses)";
export const PROVISIONAL_BANNER = "Expected IRFs are a hypothesis (domain.md §5), not from the User's Guide";

/**
 * `Flow 03: …`: Allure sorts suites by name as text, which put Flow 10 and 11 before Flow 1; two
 * digits sort the bundled flows (and a user's up to 99) in their number order.
 */
export function flowSuiteName(flow: number | undefined, title: string): string {
  return flow === undefined ? title : `Flow ${String(flow).padStart(2, "0")}: ${title}`;
}

export function scenarioMetadata(facts: ScenarioFacts): ScenarioMetadata {
  const provisional = evidenceOf(facts.tags) === "provisional";
  const flow = flowOf(facts.tags);
  const title = featureTitle(facts.featureName);
  const labels: AllureLabel[] = [
    { name: "parentSuite", value: provisional ? PROVISIONAL_SUITE : VERIFIED_SUITE },
    // No subSuite: under its flow the tree lists the scenario itself, not a folder of the same name.
    { name: "suite", value: flowSuiteName(flow, title) },
    // One story per scenario (its Rule first, when it has one): the Overview's "Features by
    // stories" widget counts stories, so it then counts what the other widgets count, scenarios.
    {
      name: "story",
      value: facts.ruleName === undefined ? facts.scenarioName : `${facts.ruleName} › ${facts.scenarioName}`,
    },
    // Verified flows gate GIM upgrades; a provisional one only signals a hypothesis to check.
    { name: "severity", value: provisional ? "minor" : "critical" },
  ];
  if (flow !== undefined) labels.push({ name: "flow", value: String(flow) });
  if (provisional) labels.push({ name: "provisional", value: "true" });

  const id = idOf(facts.tags);
  const stableId =
    id === undefined ? undefined : facts.exampleRow === undefined ? id : `${id}#${facts.exampleRow}`;
  return { labels, testCaseId: stableId, historyId: stableId, provisional };
}
