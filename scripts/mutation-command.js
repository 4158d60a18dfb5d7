"use strict";
// The test command of the mutation areas that run on Stryker's command runner (stryker.config.mjs:
// `parallel`, `postgres`): node scripts/mutation-command.js TEST_FILE…
// Runs each test file in turn as its own `node` process, as the tap runner would, and stops at
// the first that fails: its exit code is the mutant's verdict (0 survived, anything else killed).
// Why not the tap runner there: it always reports the coverage it saw in its own test processes,
// and Stryker then plans a mutant only against the files that covered it, whatever
// `coverageAnalysis` says. Code that runs only in worker threads or in spawned CLI processes is
// never seen, so its mutants were reported "no coverage" without being run. The command runner
// reports no coverage at all: every mutant runs these files, with the active mutant in the
// environment (__STRYKER_ACTIVE_MUTANT__), which worker threads and child processes inherit.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write("mutation-command: give the test files to run\n");
  process.exit(2);
}
const fewRuns = path.join(__dirname, "mutation-few-runs.js");
for (const file of files) {
  const r = spawnSync(process.execPath, ["--test-reporter=dot", "-r", fewRuns, file], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (r.status !== 0) {
    process.stderr.write(`mutation-command: ${file} failed (${r.signal ?? `exit ${r.status}`})\n`);
    process.exit(1);
  }
}
