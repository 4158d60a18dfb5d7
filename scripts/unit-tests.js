"use strict";
// Runs every test/**/*.test.ts in this one process: node's --test flag cannot load .ts files
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
const files = fs
  .readdirSync(path.join(root, "test"), { recursive: true })
  .map((name) => path.join(root, "test", String(name)))
  .filter((file) => file.endsWith(".test.ts"))
  .filter((file) => only.length === 0 || only.some((p) => file === p || file.startsWith(`${p}${path.sep}`)))
  .sort();

if (files.length === 0) {
  process.stderr.write(`unit-tests: no test files matched ${only.join(" ") || "test/**/*.test.ts"}\n`);
  process.exitCode = 1;
}
for (const file of files) require(file);
