"use strict";
// Runs test/**/*.test.ts (or one group of them, see GIM_TEST_GROUP) in this one process: node's --test flag cannot load .ts files
// here, so this file registers ts-node and requires the test files; node:test collects the
// tests they declare and reports them with whatever --test-reporter was given:
//   node --test-reporter=spec scripts/unit-tests.js            (all)
//   node --test-reporter=spec scripts/unit-tests.js test/cli   (only files under test/cli)
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
require("ts-node").register({ project: path.join(root, "tsconfig.json") });
// The CLI tests spawn bin/gim-conformance.js: judge the sources, not a dist/ older than them.
process.env.GIM_FROM_SOURCE = "1";

const only = process.argv.slice(2).map((p) => path.resolve(p));
// GIM_TEST_GROUP splits the suite into two processes that `npm test` runs side by side:
// "isolated" holds the tests that drive a browser, a whole pipeline or the CLI end to end
// (*.browser.test.ts, *.pipeline.test.ts, *.e2e.test.ts: long, child-process heavy, and kept apart
// from in-process state the other tests leave behind); "main" holds everything else; unset, both.
const group = process.env.GIM_TEST_GROUP;
const ISOLATED = /\.(browser|pipeline|e2e)\.test\.ts$/;
const files = fs
  .readdirSync(path.join(root, "test"), { recursive: true })
  .map((name) => path.join(root, "test", String(name)))
  .filter((file) => file.endsWith(".test.ts"))
  .filter((file) => only.length === 0 || only.some((p) => file === p || file.startsWith(`${p}${path.sep}`)))
  .filter((file) => group === undefined || (group === "isolated") === ISOLATED.test(file))
  .sort();

if (files.length === 0) {
  process.stderr.write(`unit-tests: no test files matched ${only.join(" ") || "test/**/*.test.ts"}\n`);
  process.exitCode = 1;
}
for (const file of files) require(file);
