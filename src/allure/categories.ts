/**
 * The Allure categories (Categories tab) that keep nonconformance, provisional differences,
 * scenarios not run and harness errors apart. The list is data in category-definitions.json so
 * cucumber.js, a plain JavaScript file, can hand it to allure-cucumberjs on a bare cucumber-js run.
 * (Not "categories.json": require("./categories") would resolve to the JSON before this file.)
 *
 * Allure 2 matches a category when the result's status is listed and the whole status message
 * matches `messageRegex` (Java regex, DOTALL). Provisional and verified failures share the status
 * "failed", so provisional ones get PROVISIONAL_FAILURE_PREFIX in their message (results-dir.ts).
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

export const PROVISIONAL_FAILURE_PREFIX = "Differs from hypothesis (provisional): ";
