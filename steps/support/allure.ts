// Must come first: it installs the test runtime without which every allure-js-commons call below
// silently does nothing (stack.md pitfall 1).
import "allure-cucumberjs";
import { Before } from "@cucumber/cucumber";
import * as allure from "allure-js-commons";
import { pickleContext } from "../../src/allure/gherkin-context";
import { scenarioMetadata } from "../../src/allure/scenario-metadata";

/**
 * Suites by flow, severity by evidence, the provisional banner, and a testCaseId/historyId from
 * the scenario's `@id:` tag so the history trend survives renames. The hook name is
 * allure-cucumberjs's marker for "not a fixture": its metadata then goes to the test itself
 * (a fixture may not set historyId) and the report shows no empty set-up step.
 */
Before({ name: "ALLURE_FIXTURE_IGNORE" }, async ({ pickle, gherkinDocument }) => {
  const context = pickleContext(gherkinDocument, pickle.astNodeIds);
  const metadata = scenarioMetadata({
    tags: pickle.tags.map((tag) => tag.name),
    featureName: gherkinDocument.feature?.name ?? pickle.uri,
    scenarioName: pickle.name,
    ...context,
  });
  await allure.labels(...metadata.labels);
  if (metadata.testCaseId !== undefined) await allure.testCaseId(metadata.testCaseId);
  if (metadata.historyId !== undefined) await allure.historyId(metadata.historyId);
  if (metadata.description !== undefined) await allure.description(metadata.description);
});
