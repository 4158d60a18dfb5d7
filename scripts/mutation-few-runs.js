"use strict";
// Preloaded (node -r) by the mutation-testing runs only (stryker.config.mjs): StrykerJS's tap
// runner starts each test file as its own `node` process, so this file does what
// scripts/unit-tests.js does for `npm test` (ts-node on tsconfig.json, GIM_FROM_SOURCE=1 so the
// CLI tests judge the sources) and caps every fast-check property at MUTATION_NUM_RUNS runs
// (default 50): a test file runs once per mutant it covers, and the suite's 10,000-run properties
// would make a mutation run take hours. `npm test` never loads this file: there every property
// keeps its full number of runs.
const path = require("node:path");

require("ts-node").register({ project: path.join(process.cwd(), "tsconfig.json") });
process.env.GIM_FROM_SOURCE = "1";

const fc = require("fast-check");

const cap = Number(process.env.MUTATION_NUM_RUNS ?? 50);
const assert = fc.assert;
fc.assert = (property, params) =>
  assert(property, { ...params, numRuns: Math.min(params?.numRuns ?? 100, cap) });
