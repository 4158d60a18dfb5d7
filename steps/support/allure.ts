// Must come first: it installs the test runtime without which every allure-js-commons call below
// silently does nothing (stack.md pitfall 1).
import "allure-cucumberjs";
import { Before } from "@cucumber/cucumber";
import * as allure from "allure-js-commons";
import { scenarioDescriptionHtml } from "../../src/allure/description-html";
import { pickleContext } from "../../src/allure/gherkin-context";
import { scenarioMetadata } from "../../src/allure/scenario-metadata";
import type { ChatWorld } from "./world";

/**
 * Suites by flow, severity by evidence, a testCaseId/historyId from the scenario's `@id:` tag so
 * the history trend survives renames, and the description as HTML (the provisional banner, the
 * narrative; outcome.ts adds the verdict and comparison when a table does not conform). The hook
 * name is allure-cucumberjs's marker for "not a fixture": its metadata then goes to the test
 * itself (a fixture may not set historyId) and the report shows no empty set-up step.
 */
Before({ name: "ALLURE_FIXTURE_IGNORE" }, async function (this: ChatWorld, { pickle, gherkinDocument }) {
  const context = pickleContext(gherkinDocument, pickle.astNodeIds);
  const metadata = scenarioMetadata({
    tags: pickle.tags.map((tag) => tag.name),
    featureName: gherkinDocument.feature?.name ?? pickle.uri,
    scenarioName: pickle.name,
    ...context,
  });
  this.narrative = context.description;
  await allure.labels(...metadata.labels);
  if (metadata.testCaseId !== undefined) await allure.testCaseId(metadata.testCaseId);
  if (metadata.historyId !== undefined) await allure.historyId(metadata.historyId);
  await allure.descriptionHtml(
    scenarioDescriptionHtml({
      provisional: metadata.provisional,
      narrative: context.description,
      findings: [],
    }),
  );
});
