"use strict";
// node scripts/mutant-check.js REPORT [--file SRC] [--id N,N…] [--status Survived,NoCoverage] -- TEST…
//
// Replays mutants from a StrykerJS JSON report (reports/mutation/<area>.json) against the tests as
// they are now, without a whole Stryker run: for each chosen mutant it writes the mutated source in
// place, runs the given test files (as the mutation runs do: ts-node, fast-check capped by
// scripts/mutation-few-runs.js) and restores the file. It prints one line a mutant, KILLED or
// SURVIVED, and a count. Use it while writing the tests that kill a report's survivors; the scores in
// README.md still come from `npm run mutation` (Stryker runs only the tests that cover a mutant, and
// counts what this script cannot: timeouts, compile errors, no coverage).
//
// The tests are first run without any mutant: if they fail there, nothing is replayed (exit 2).
//
// A source changed since the report is followed by its line text: a mutant whose line is no longer
// there, or whose original text differs, is reported as MOVED and not run.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const usage =
  "usage: node scripts/mutant-check.js REPORT [--file SRC] [--id N,N…] [--status Survived,NoCoverage] -- TEST…";

function parseArgs(argv) {
  const dash = argv.indexOf("--");
  const own = dash === -1 ? argv : argv.slice(0, dash);
  const tests = dash === -1 ? [] : argv.slice(dash + 1);
  const opts = { report: undefined, file: undefined, ids: undefined, statuses: ["Survived", "NoCoverage"] };
  for (let i = 0; i < own.length; i++) {
    const a = own[i];
    if (a === "--file") opts.file = own[++i];
    else if (a === "--id") opts.ids = new Set(String(own[++i]).split(","));
    else if (a === "--status") opts.statuses = String(own[++i]).split(",");
    else if (opts.report === undefined && !a.startsWith("--")) opts.report = a;
    else throw new Error(`unknown argument ${JSON.stringify(a)}\n${usage}`);
  }
  if (opts.report === undefined || tests.length === 0) throw new Error(usage);
  return { ...opts, tests };
}

// Offset of a 1-based line/column in text split into lines.
function offsetOf(lines, line, column) {
  let at = 0;
  for (let i = 0; i < line - 1; i++) at += lines[i].length + 1;
  return at + column - 1;
}

// The mutated text of `now`, or undefined when the mutant's code cannot be found in it.
function mutate(then, now, mutant) {
  const thenLines = then.split("\n");
  const nowLines = now.split("\n");
  const { start, end } = mutant.location;
  const original = then.slice(
    offsetOf(thenLines, start.line, start.column),
    offsetOf(thenLines, end.line, end.column),
  );
  // The nearest line in `now` identical to the mutant's first line in `then`.
  const first = thenLines[start.line - 1];
  let best;
  for (let i = 0; i < nowLines.length; i++) {
    if (nowLines[i] !== first) continue;
    if (best === undefined || Math.abs(i + 1 - start.line) < Math.abs(best - start.line)) best = i + 1;
  }
  if (best === undefined) return undefined;
  const shift = best - start.line;
  const from = offsetOf(nowLines, start.line + shift, start.column);
  const to = offsetOf(nowLines, end.line + shift, end.column);
  if (now.slice(from, to) !== original) return undefined;
  return now.slice(0, from) + mutant.replacement + now.slice(to);
}

function runTests(tests) {
  return spawnSync(
    process.execPath,
    ["--test", "--test-reporter=dot", "-r", "./scripts/mutation-few-runs.js", ...tests],
    { cwd: root, encoding: "utf8", timeout: 120000 },
  );
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const report = JSON.parse(fs.readFileSync(opts.report, "utf8"));
  // The tests must pass on the code as it is, or every mutant would count as killed by a failure
  // that has nothing to do with it.
  const baseline = runTests(opts.tests);
  if (baseline.status !== 0) {
    process.stdout.write(`${baseline.stdout}${baseline.stderr}`);
    throw new Error("the tests fail without any mutant (output above): fix them first");
  }
  let killed = 0;
  let survived = 0;
  let moved = 0;
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    if (opts.file !== undefined && file !== opts.file) continue;
    const target = path.join(root, file);
    const now = fs.readFileSync(target, "utf8");
    const chosen = mutants.filter(
      (m) => opts.statuses.includes(m.status) && (opts.ids === undefined || opts.ids.has(m.id)),
    );
    const restore = () => fs.writeFileSync(target, now);
    process.once("SIGINT", restore);
    try {
      for (const m of chosen) {
        const label = `${file}:${m.location.start.line}:${m.location.start.column} #${m.id} ${m.mutatorName} -> ${JSON.stringify(m.replacement ?? "")}`;
        const mutated = m.replacement === undefined ? undefined : mutate(source, now, m);
        if (mutated === undefined) {
          moved++;
          process.stdout.write(`MOVED     ${label}\n`);
          continue;
        }
        fs.writeFileSync(target, mutated);
        const r = runTests(opts.tests);
        fs.writeFileSync(target, now);
        if (r.status === 0) survived++;
        else killed++;
        process.stdout.write(`${r.status === 0 ? "SURVIVED" : "KILLED  "}  ${label}\n`);
      }
    } finally {
      restore();
      process.removeListener("SIGINT", restore);
    }
  }
  process.stdout.write(`${killed} killed, ${survived} survived, ${moved} moved\n`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`mutant-check: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
