"use strict";
// A node:test reporter that prints nothing and keeps the run's own summary counts (tests, pass,
// fail, cancelled, skipped, todo) in the file named by GIM_TEST_COUNTS, written synchronously
// as each count arrives: with --test-force-exit the process ends as soon as the tests do, before
// an asynchronous file reporter (tap to a file) has flushed its summary.
const fs = require("node:fs");

const SUMMARY = /^(tests|suites|pass|fail|cancelled|skipped|todo) (\d+)$/;

module.exports = async function* countReporter(source) {
  const file = process.env.GIM_TEST_COUNTS;
  const counts = {};
  for await (const event of source) {
    // Only the run's summary: diagnostics of nested tests carry their own (deeper) nesting.
    if (event.type !== "test:diagnostic" || event.data.nesting !== 0) continue;
    const match = SUMMARY.exec(event.data.message);
    if (match === null) continue;
    counts[match[1]] = Number(match[2]);
    if (file) fs.writeFileSync(file, JSON.stringify(counts));
  }
  yield "";
};
