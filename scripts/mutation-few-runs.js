"use strict";
// Preloaded (node -r) by the mutation-testing command only: caps every fast-check property at
// MUTATION_NUM_RUNS runs (default 50), because Stryker runs the test command once per mutant and
// the suite's 10,000-run properties would make a mutation run take hours. `npm test` never
// loads this file: there every property keeps its full number of runs.
const fc = require("fast-check");

const cap = Number(process.env.MUTATION_NUM_RUNS ?? 50);
const assert = fc.assert;
fc.assert = (property, params) =>
  assert(property, { ...params, numRuns: Math.min(params?.numRuns ?? 100, cap) });
