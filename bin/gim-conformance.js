#!/usr/bin/env node
"use strict";
// Nothing is compiled ahead of time: ts-node (swc, transpile-only, per tsconfig's "ts-node" block)
// loads the TypeScript sources. The project is named explicitly so the command works from any
// working directory, including one with its own tsconfig.json.
const path = require("node:path");

const root = path.resolve(__dirname, "..");
require("ts-node").register({ project: path.join(root, "tsconfig.json") });
require(path.join(root, "src", "cli", "main.ts"))
  .main(process.argv.slice(2))
  .then(
    (code) => process.exit(code),
    (error) => {
      // main() maps every expected failure to an exit code; reaching here is a harness bug.
      process.stderr.write(
        `gim-conformance: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(3);
    },
  );
