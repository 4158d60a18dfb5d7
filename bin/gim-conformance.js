#!/usr/bin/env node
"use strict";
// Runs the compiled JavaScript in dist/ (built by `npm run build`, which `npm ci` runs as the
// `prepare` script), so no command pays for loading the TypeScript compiler.
//
// The TypeScript sources run instead, through ts-node (swc, transpile-only, per tsconfig's
// "ts-node" block), when GIM_FROM_SOURCE=1 (the test suite sets it: tests judge the sources, never
// a dist/ that may be older than them) or when dist/ is missing (a checkout that skipped `npm ci`;
// a note on stderr says so). The project is named explicitly so the command works from any
// working directory, including one with its own tsconfig.json.
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const compiled = path.join(root, "dist", "src", "cli", "main.js");

/** A broken installation is a harness error (exit 3), never "nonconformant" (node's default exit 1). */
function crashed(error) {
  const text =
    error instanceof Error ? (process.env.GIM_DEBUG === "1" ? error.stack : error.message) : String(error);
  process.stderr.write(`gim-conformance: internal error: ${text}\n`);
  process.exit(3);
}

let main;
try {
  if (process.env.GIM_FROM_SOURCE !== "1" && fs.existsSync(compiled)) {
    ({ main } = require(compiled));
  } else {
    if (process.env.GIM_FROM_SOURCE !== "1") {
      process.stderr.write(
        "gim-conformance: dist/ is not built (npm run build); running the TypeScript sources through ts-node\n",
      );
    }
    require("ts-node").register({ project: path.join(root, "tsconfig.json") });
    ({ main } = require(path.join(root, "src", "cli", "main.ts")));
  }
} catch (error) {
  crashed(error);
}
main(process.argv.slice(2)).then((code) => process.exit(code), crashed);
