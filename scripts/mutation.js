"use strict";
// npm run mutation [-- area…]: runs StrykerJS (stryker.config.mjs) once per area, in turn, and
// prints each area's score per file from its JSON report (reports/mutation/<area>.json).
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
// The lowest priority, inherited by Stryker and every test process it starts: a mutation run can
// go on in the background of other work (a benchmark, a test suite) without distorting it much.
try {
  require("node:os").setPriority(19);
} catch {
  // Not allowed here: run at the normal priority.
}
// The default covers every file once: `sut` (src/sut against all of test/sut, about two hours here)
// is split into `sut-in-process` and `postgres`, which together take well under one.
const areas =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : ["classifier", "parallel", "eventlog", "gate", "sut-in-process", "postgres"];
// Areas whose tests read a real PostgreSQL server: one throwaway cluster (scripts/pg-cluster.sh)
// serves them all, unless GIM_TEST_DATABASE_URL already names one.
const DATABASE_AREAS = new Set(["postgres", "sut"]);
const stryker = path.join(root, "node_modules", "@stryker-mutator", "core", "bin", "stryker.js");
let worst = 0;
const rows = [];
// Ctrl-C reaches Stryker (same process group), which stops; this process then stops too, after
// the loop, so the exit handler below still removes the cluster it started.
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => (interrupted = true));
let cluster;
function database() {
  if (process.env.GIM_TEST_DATABASE_URL) return {};
  if (cluster === undefined) {
    const started = spawnSync("bash", [path.join(root, "scripts", "pg-cluster.sh"), "start"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (started.status !== 0) {
      process.stderr.write("mutation: could not start a PostgreSQL cluster for the database areas\n");
      process.exit(3);
    }
    cluster = {};
    for (const [, key, value] of started.stdout.matchAll(/^export (\w+)=(.*)$/gm)) cluster[key] = value;
    process.on("exit", () => {
      spawnSync("bash", [path.join(root, "scripts", "pg-cluster.sh"), "stop", cluster.GIM_PG_DIR]);
    });
  }
  return { GIM_TEST_DATABASE_URL: cluster.GIM_TEST_DATABASE_URL };
}
for (const area of areas) {
  const r = spawnSync(process.execPath, [stryker, "run", "stryker.config.mjs"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...(DATABASE_AREAS.has(area) ? database() : {}), MUTATION_AREA: area },
  });
  if (r.status !== 0) worst = r.status ?? 3;
  if (interrupted) break;
  const report = path.join(root, "reports", "mutation", `${area}.json`);
  if (!fs.existsSync(report)) continue;
  for (const [file, { mutants }] of Object.entries(JSON.parse(fs.readFileSync(report, "utf8")).files)) {
    const count = (s) => mutants.filter((m) => s.includes(m.status)).length;
    const killed = count(["Killed", "Timeout"]);
    const valid = killed + count(["Survived", "NoCoverage"]);
    const score = valid === 0 ? "-" : `${((100 * killed) / valid).toFixed(1)} %`;
    rows.push(
      [
        file,
        valid,
        count(["Killed"]),
        count(["Timeout"]),
        count(["Survived"]),
        count(["NoCoverage"]),
        score,
      ].join("\t"),
    );
  }
}
process.stdout.write(`\nfile\tmutants\tkilled\ttimeout\tsurvived\tno coverage\tscore\n${rows.join("\n")}\n`);
process.exitCode = worst;
