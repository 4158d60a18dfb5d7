#!/usr/bin/env node
"use strict";
// Nothing is compiled ahead of time: ts-node (swc, transpile-only, per tsconfig's "ts-node" block)
// loads the TypeScript sources. The project is named explicitly so the command works from any
// working directory, including one with its own tsconfig.json.
const path = require("node:path");

const root = path.resolve(__dirname, "..");

/** A broken installation is a harness error (exit 3), never "nonconformant" (node's default exit 1). */
function crashed(error) {
  const text =
    error instanceof Error ? (process.env.GIM_DEBUG === "1" ? error.stack : error.message) : String(error);
  process.stderr.write(`gim-conformance: internal error: ${text}\n`);
  process.exit(3);
}

let main;
try {
  require("ts-node").register({ project: path.join(root, "tsconfig.json") });
  ({ main } = require(path.join(root, "src", "cli", "main.ts")));
} catch (error) {
  crashed(error);
}
main(process.argv.slice(2)).then((code) => process.exit(code), crashed);
