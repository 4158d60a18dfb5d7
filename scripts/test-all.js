"use strict";
// The whole test suite (`npm test`): type-check, Biome, the unit tests, then every feature against
// the reference classifier with provisional scenarios held to their hypotheses too. Every stage
// runs even when an earlier one failed, so one run shows every problem. The last line printed is
// `N passed, N failed` (and `, N skipped`), counted from the runners' machine-readable output:
// node:test's own summary counts (scripts/count-reporter.js) and cucumber's message stream. A stage that gives no count (type-check,
// Biome, a runner that crashed) adds 1 failed when it fails.
const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const reports = path.join(root, "reports");
const unitCounts = path.join(reports, "unit-test-counts.json");
const messages = path.join(reports, "cucumber-messages.ndjson");
const node = process.execPath;

/** No stage may hang CI (which must finish within 10 minutes): one is stopped after this long. */
const STAGE_TIMEOUT_MS = 8 * 60 * 1000;

/** Runs a command with its output shown; returns whether it exited 0. */
function sh(args, env = {}) {
  const result = spawnSync(node, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
    timeout: STAGE_TIMEOUT_MS,
  });
  if (result.error) process.stderr.write(`test-all: ${result.error.message}\n`);
  return result.status === 0;
}

function banner(name) {
  process.stdout.write(`\n=== ${name} ===\n`);
}

/** A stage without its own count: 0 passed / 1 failed, but a success adds nothing. */
function check(name, args) {
  banner(name);
  const ok = sh(args);
  return { name, ok, passed: 0, failed: ok ? 0 : 1, skipped: 0, text: ok ? "passed" : "FAILED" };
}

const UNIT_ARGS = [
  // A test that leaves a handle open (a database pool, a timer) must not keep the process alive.
  "--test-force-exit",
  "--test-reporter=spec",
  "--test-reporter-destination=stdout",
  `--test-reporter=${path.join(root, "scripts", "count-reporter.js")}`,
  "--test-reporter-destination=stderr",
  path.join("scripts", "unit-tests.js"),
];

/** One group's counts (scripts/count-reporter.js wrote them) as a stage result. */
function unitStage(name, ok, countsFile) {
  const counted = fs.existsSync(countsFile) ? JSON.parse(fs.readFileSync(countsFile, "utf8")) : {};
  if (counted.pass === undefined) {
    return { name, ok: false, passed: 0, failed: 1, skipped: 0, text: "no test summary (crashed?)" };
  }
  const failed = (counted.fail ?? 0) + (counted.cancelled ?? 0);
  const skipped = (counted.skipped ?? 0) + (counted.todo ?? 0);
  // A crash after the summary (or a failing hook) shows only in the exit status.
  const extra = !ok && failed === 0 ? 1 : 0;
  return {
    name,
    ok: ok && failed === 0,
    passed: counted.pass,
    failed: failed + extra,
    skipped,
    text: counts(counted.pass, failed + extra, skipped),
  };
}

function unitTests() {
  const name = "unit tests";
  banner(name);
  fs.rmSync(unitCounts, { force: true });
  const ok = sh(UNIT_ARGS, { GIM_TEST_COUNTS: unitCounts, GIM_TEST_GROUP: "main" });
  return unitStage(name, ok, unitCounts);
}

/**
 * The browser and pipeline tests (scripts/unit-tests.js, group "isolated") in a second process,
 * started first and run beside the other stages: the machine has two cores and these tests spend
 * most of their time waiting on Chromium, Java and npm. Their output goes to a log printed when
 * they end, so the two runs' lines do not interleave.
 */
function startIsolatedTests() {
  const name = "browser, pipeline and end-to-end tests";
  const countsFile = path.join(reports, "isolated-test-counts.json");
  const logFile = path.join(reports, "isolated-tests.log");
  fs.rmSync(countsFile, { force: true });
  const log = fs.openSync(logFile, "w");
  const child = spawn(node, UNIT_ARGS, {
    cwd: root,
    stdio: ["ignore", log, log],
    env: { ...process.env, GIM_TEST_COUNTS: countsFile, GIM_TEST_GROUP: "isolated" },
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), STAGE_TIMEOUT_MS);
  const done = new Promise((resolve) => {
    child.on("error", (error) => {
      process.stderr.write(`test-all: ${error.message}\n`);
      resolve(false);
    });
    child.on("close", (code) => resolve(code === 0));
  });
  return async () => {
    const ok = await done;
    clearTimeout(timer);
    fs.closeSync(log);
    banner(name);
    process.stdout.write(fs.readFileSync(logFile, "utf8"));
    return unitStage(name, ok, countsFile);
  };
}

function features() {
  const name = "features (reference classifier, strict provisional)";
  banner(name);
  fs.rmSync(messages, { force: true });
  const bin = path.join("bin", "gim-conformance.js");
  // On the sources, like the unit tests: a dist/ older than them must not decide the suite.
  const ok = sh([bin, "run", "--profile", "ci", "--strict-provisional", "--no-allure"], {
    GIM_FROM_SOURCE: "1",
  });
  if (!fs.existsSync(messages))
    return { name, ok: false, passed: 0, failed: 1, skipped: 0, text: "no message output" };

  require("ts-node").register({ project: path.join(root, "tsconfig.json") });
  const { ScenarioCollector } = require(path.join(root, "src", "run", "message-collector.ts"));
  const { summarize } = require(path.join(root, "src", "run", "summary.ts"));
  const collector = new ScenarioCollector();
  for (const line of fs.readFileSync(messages, "utf8").split("\n")) {
    if (line.trim() !== "") collector.accept(JSON.parse(line));
  }
  const { totals, problems } = summarize(collector.results, collector.problems, { strictProvisional: true });
  const passed = totals.verifiedPassed + totals.provisional;
  // Run-level problems (a feature that does not parse, a failing BeforeAll) are failures no scenario counts.
  const failed = totals.failed + problems.length + (!ok && totals.failed + problems.length === 0 ? 1 : 0);
  return {
    name,
    ok: ok && failed === 0,
    passed,
    failed,
    skipped: totals.notRun,
    text: counts(passed, failed, totals.notRun),
  };
}

function counts(passed, failed, skipped) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}

async function main() {
  fs.mkdirSync(reports, { recursive: true });
  const isolated = startIsolatedTests();
  const stages = [
    check("typecheck (tsc)", [path.join("node_modules", "typescript", "bin", "tsc"), "-p", "."]),
    check("lint (biome ci)", [path.join("node_modules", "@biomejs", "biome", "bin", "biome"), "ci", "."]),
    unitTests(),
    features(),
  ];
  stages.push(await isolated());
  printSummary(stages);
}

function printSummary(stages) {
  process.stdout.write("\n=== summary ===\n");
  const width = Math.max(...stages.map((s) => s.name.length));
  for (const stage of stages) process.stdout.write(`${stage.name.padEnd(width)}  ${stage.text}\n`);
  const total = (key) => stages.reduce((sum, s) => sum + s[key], 0);
  process.stdout.write(`${counts(total("passed"), total("failed"), total("skipped"))}\n`);
  process.exitCode = stages.every((s) => s.ok) ? 0 : 1;
}

main().catch((error) => {
  process.stderr.write(`test-all: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.stdout.write("0 passed, 1 failed\n");
  process.exitCode = 1;
});
