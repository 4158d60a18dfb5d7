/**
 * The Allure categories (Categories tab): one group per cause, under a stable name, so a reader
 * sees "Nonconformance: result differs (3)" rather than one group per failure message. The list
 * is data in category-definitions.json so cucumber.js, a plain JavaScript file, can hand it to
 * allure-cucumberjs on a bare cucumber-js run. (Not "categories.json": require("./categories")
 * would resolve to the JSON before this file.)
 *
 * Allure 2 puts a result in EVERY category whose statuses list its status and whose
 * `messageRegex` matches its whole status message (Java regex, DOTALL). The messages are the
 * one-line verdicts written by results-dir.ts (touchUp) in the grammar below, so each cause's
 * regex can find its clause: a scenario whose IRF differs in role and result sits under both.
 *
 *   nonconformance           IRF2: result expected Transferred, got Completed; IRF3 recorded but not expected (…)
 *   provisional difference   Differs from hypothesis (provisional): IRF2: role expected …, got …
 *   provisional match        Matches hypothesis (provisional): …
 *   not run                  Not run: no manifest entry for @id:… in manifest.yaml
 *   bad input                Bad input: features/x.feature: … / Undefined step: "…" has no step definition
 *   known divergence         Known divergence (expected): <reason> (<file>:<line>) — then the verdict
 */
import categories from "./category-definitions.json";

export interface AllureCategory {
  name: string;
  description?: string;
  matchedStatuses?: string[];
  messageRegex?: string;
  traceRegex?: string;
}

export const CATEGORIES: readonly AllureCategory[] = categories;

export const PROVISIONAL_DIFFERS_PREFIX = "Differs from hypothesis (provisional): ";
export const PROVISIONAL_MATCH_PREFIX = "Matches hypothesis (provisional): ";
export const NOT_RUN_PREFIX = "Not run: ";
export const BAD_INPUT_PREFIX = "Bad input: ";
export const UNDEFINED_STEP_PREFIX = "Undefined step: ";
export const KNOWN_DIVERGENCE_PREFIX = "Known divergence (expected): ";
export const STALE_EXPECTATION_PREFIX = "Stale expectation: ";
