// cucumber-js profiles. `gim-conformance run` loads these too, then points the features,
// the step definitions and the Allure results at absolute paths (src/run/run-features.ts),
// so a bare `npx cucumber-js` from the repository and the CLI from anywhere behave alike.

const categories = require("./src/allure/category-definitions.json");

/** @type {import("@cucumber/cucumber/api").IConfiguration} */
const base = {
  paths: ["features/**/*.feature"],
  // ts-node with swc, transpile-only (tsconfig.json "ts-node"): type-checking is tsc's job, once.
  requireModule: ["ts-node/register"],
  require: ["steps/**/*.ts"],
  // A scenario with an undefined or pending step fails the run: a flow that cannot run proves nothing.
  strict: true,
  // A bare cucumber-js run holds provisional scenarios to their hypotheses, as the project's own
  // checks do; `gim-conformance run` passes its --strict-provisional choice instead
  // (src/run/run-features.ts), and then a provisional result ends "skipped", never passed or failed.
  worldParameters: { strictProvisional: true },
  format: [
    "progress",
    // The Allure formatter needs a file target, or cucumber silently drops "progress" (stack.md pitfall
    // 2); inside the results folder, where `run` puts it too (src/allure/results-dir.ts FORMATTER_LOG).
    ["allure-cucumberjs/reporter", "reports/allure-results/.allure-cucumberjs.log"],
  ],
  formatOptions: {
    snippetInterface: "async-await",
    // Options read by allure-cucumberjs 3.12.2 (AllureCucumberReporterConfig): resultsDir, labels,
    // links, and the allure-js-commons reporter options globalLabels, categories, environmentInfo.
    resultsDir: "reports/allure-results",
    // No global epic: the Overview's behaviors widget would then count features under one epic,
    // not the test cases the rest of the Overview counts.
    // Only tags with a value map here (the label takes what follows "@name:"); @flow-N, @verified
    // and @provisional become suites, severity and labels in steps/support/allure.ts instead.
    labels: [
      { name: "epic", pattern: [/^@epic:.+$/] },
      { name: "severity", pattern: [/^@severity:.+$/] },
      { name: "owner", pattern: [/^@owner:.+$/] },
    ],
    links: {
      issue: { pattern: [/^@issue=.+$/], urlTemplate: "%s" },
    },
    categories,
  },
};

module.exports = {
  default: base,
  // For CI: machine-readable results next to the Allure ones.
  ci: {
    ...base,
    format: [
      ...base.format,
      ["junit", "reports/junit.xml"],
      ["message", "reports/cucumber-messages.ndjson"],
      // cucumber's own one-file HTML report: readable where no Java (for Allure) is at hand.
      ["html", "reports/cucumber-report.html"],
    ],
  },
};
