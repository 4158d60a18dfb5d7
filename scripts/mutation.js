"use strict";
// npm run mutation [-- area…]: runs StrykerJS (stryker.config.mjs) once per area, in turn, and
// prints each area's score per file from its JSON report (reports/mutation/<area>.json).
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const areas =
  process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["classifier", "parallel", "eventlog", "gate", "sut"];
const stryker = path.join(root, "node_modules", "@stryker-mutator", "core", "bin", "stryker.js");
let worst = 0;
const rows = [];
for (const area of areas) {
  const r = spawnSync(process.execPath, [stryker, "run", "stryker.config.mjs"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, MUTATION_AREA: area },
  });
  if (r.status !== 0) worst = r.status ?? 3;
  const report = path.join(root, "reports", "mutation", `${area}.json`);
  if (!fs.existsSync(report)) continue;
  for (const [file, { mutants }] of Object.entries(JSON.parse(fs.readFileSync(report, "utf8")).files)) {
    const count = (s) => mutants.filter((m) => s.includes(m.status)).length;
    const killed = count(["Killed", "Timeout"]);
    const valid = killed + count(["Survived", "NoCoverage"]);
    rows.push(`${file}\t${killed}/${valid}\t${valid === 0 ? "-" : ((100 * killed) / valid).toFixed(1)} %`);
  }
}
process.stdout.write(`\nfile\tkilled/mutants\tscore\n${rows.join("\n")}\n`);
process.exitCode = worst;
