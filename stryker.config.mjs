// Mutation testing (StrykerJS, `npm run mutation`): do the tests notice when the code is changed?
// One area at a time, each with the test files that exercise it. Stryker's tap runner starts each
// test file as its own process and, with perTest coverage, runs for a mutant only the files that
// reach it, stopping at the first failure: seconds a mutant, where the command runner (the whole
// area's tests for every mutant) took 10 s or more. scripts/mutation.js runs the areas in turn at
// the lowest priority; one area:
//   MUTATION_AREA=gate npx stryker run stryker.config.mjs
// Not in .ci/run: it takes long (figures in README.md, "Mutation testing").
import { readdirSync } from "node:fs";

// test/sut files that start a PostgreSQL server or spawn the CLI (seconds to minutes a mutant).
const SUT_TESTS_OUT_OF_PROCESS = new Set([
  "codes-and-msfs.test.ts",
  "export-psql.test.ts",
  "hostile-text.test.ts",
  "manifest-hostile.test.ts",
  "postgres-read-once.test.ts",
  "postgres-sut.test.ts",
]);

// classify --jobs N: the worker threads, the partition of lines and the merge's parts.
const PARALLEL_FILES = [
  "src/classifier/parallel-*.ts",
  "src/classifier/partition.ts",
  "src/classifier/group-queue.ts",
  "src/classifier/merge-order.ts",
  "src/classifier/output-pieces.ts",
  "src/classifier/log-pieces.ts",
  "src/classifier/piece-feed.ts",
  "src/classifier/serial-pump.ts",
];

const AREAS = {
  // The worker-thread classifier is its own area: its test starts workers that load TypeScript,
  // 7 s a run against 1 s for the rest of test/classifier, so the core mutants do not pay for it.
  classifier: {
    mutate: ["src/classifier/**/*.ts", ...PARALLEL_FILES.map((f) => `!${f}`)],
    tests: [
      "test/classifier/bounded-memo.test.ts",
      "test/classifier/classify-api.test.ts",
      "test/classifier/msf-segments.test.ts",
      "test/classifier/descriptors.test.ts",
      "test/classifier/format-row.test.ts",
      "test/classifier/interaction-rules.test.ts",
      "test/classifier/properties.test.ts",
      "test/classifier/rejections.test.ts",
      "test/classifier/role-rule.test.ts",
      "test/flows",
      "test/examples/examples.test.ts",
      "test/gimconfig/bundled-config.test.ts",
      // The bundled features themselves, in process (the spec every descriptor answers to).
      "scripts/mutation-features.test.ts",
    ],
  },
  // On the command runner (scripts/mutation-command.js): the code under test runs in worker
  // threads, whose coverage the tap runner (main thread only) never sees, and the tap runner's
  // coverage report is used whatever `coverageAnalysis` says, so every worker-side mutant was
  // reported "no coverage" without being run. The command runner reports none: every mutant runs
  // the test file, and the workers inherit the active mutant from the environment
  // (__STRYKER_ACTIVE_MUTANT__). A lower timeout: a mutant that stalls the workers' hand-over
  // waits for it (the file takes about 10 s; a hang was 60 s each, 25 of them, at 60000).
  parallel: {
    mutate: PARALLEL_FILES,
    // The fast files first, each a second or less: the partition, the parts of the merge, then
    // the worker's protocol (seconds); only what they all miss pays for the whole command.
    tests: [
      "test/classifier/partition.test.ts",
      "test/classifier/group-queue.test.ts",
      "test/classifier/merge-order.test.ts",
      "test/classifier/output-pieces.test.ts",
      "test/classifier/log-pieces.test.ts",
      "test/classifier/piece-feed.test.ts",
      "test/classifier/serial-pump.test.ts",
      "test/classifier/parallel-faults.test.ts",
      "test/classifier/parallel-merge.test.ts",
      "test/classifier/parallel-worker.test.ts",
      "test/classifier/parallel-classify.test.ts",
    ],
    runner: "command",
    timeoutMS: 20000,
  },
  // Without test/eventlog/hostile-logs.test.ts: it drives whole `run`s of cucumber from the sources
  // (seconds per mutant) for checks the in-process reader tests and test/cli/fuzz.test.ts also make.
  eventlog: {
    mutate: ["src/eventlog/**/*.ts"],
    tests: [
      "test/eventlog/canonical-line.test.ts",
      "test/eventlog/line-splitter.test.ts",
      "test/eventlog/reader-rules.test.ts",
      "test/eventlog/reader.test.ts",
      "test/eventlog/schema.test.ts",
      "test/eventlog/timestamp.test.ts",
    ],
  },
  gate: {
    mutate: ["src/expectations/gate.ts", "src/diff/snapshot-diff.ts"],
    tests: ["test/expectations", "test/diff"],
  },
  sut: {
    mutate: ["src/sut/**/*.ts"],
    // The PostgreSQL tests use GIM_TEST_DATABASE_URL (scripts/pg-cluster.sh start); without it
    // each of their files starts a private server when PostgreSQL's binaries are installed
    // (test/support/postgres.ts: about 12 s a file, for every mutant they cover), and they skip
    // only where initdb is missing, leaving the database back end's mutants not covered.
    tests: ["test/sut", "scripts/mutation-features.test.ts"],
  },
  // The database back end alone (postgres-sut.ts and the read side of src/gimdb it stands on: the
  // queries, the read-only session, the failure messages, the target's description, the GIM
  // version read), against the files that reach it, with one PostgreSQL server for all of them (GIM_TEST_DATABASE_URL; scripts/mutation.js starts a throwaway one when it is not
  // set). On the command runner (as `parallel`): much of postgres-sut.ts runs only in the CLI
  // processes those tests spawn, which inherit the active mutant from the environment but report
  // no coverage.
  postgres: {
    mutate: [
      "src/sut/postgres-sut.ts",
      "src/gimdb/irf-query.ts",
      "src/gimdb/msf-query.ts",
      "src/gimdb/read-only-session.ts",
      "src/gimdb/pg-failure.ts",
      "src/gimdb/database-target.ts",
      "src/gimdb/gim-version.ts",
      "src/gimdb/table-access.ts",
    ],
    // The in-process one first: it kills the queries' text mutants in a second.
    tests: [
      "test/gimdb/irf-query.test.ts",
      "test/gimdb/read-only-session.test.ts",
      "test/gimdb/table-access.test.ts",
      "test/sut/postgres-sut.test.ts",
      "test/sut/sut-choice.test.ts",
      "test/gimdb/pg-failure.test.ts",
      "test/sut/codes-and-msfs.test.ts",
      "test/sut/postgres-read-once.test.ts",
    ],
    runner: "command",
    needsDatabase: true,
  },
  // The back ends without the database and the CLI: test/sut's in-process files only (the scores in
  // README.md), about 35 minutes here where the whole sut area is projected at two hours. The
  // PostgreSQL back end is left out: only the files that start a server reach it.
  "sut-in-process": {
    mutate: ["src/sut/**/*.ts", "!src/sut/postgres-sut.ts"],
    tests: readdirSync(new URL("test/sut", import.meta.url))
      .filter((f) => f.endsWith(".test.ts") && !SUT_TESTS_OUT_OF_PROCESS.has(f))
      .map((f) => `test/sut/${f}`),
  },
};

const name = process.env.MUTATION_AREA ?? "gate";
const area = AREAS[name];
if (!area) throw new Error(`MUTATION_AREA must be one of ${Object.keys(AREAS).join(", ")}, not ${name}`);
// Without a shared server each PostgreSQL test file would start its own for every mutant (about
// 12 s more each): refuse rather than run for hours. `npm run mutation -- postgres` starts one.
if (area.needsDatabase && !process.env.GIM_TEST_DATABASE_URL) {
  throw new Error(
    `MUTATION_AREA=${name} needs GIM_TEST_DATABASE_URL (eval "$(bash scripts/pg-cluster.sh start)"), or run it as npm run mutation -- ${name}`,
  );
}

const onCommand = area.runner === "command";
export default {
  // The tap runner starts each test file as its own process and, with perTest coverage, runs for a
  // mutant only the test files that reach it, stopping at the first failure: a few seconds a mutant
  // instead of the whole area's tests. A mutant reached only inside a child process (a test that
  // spawns the CLI) counts as "no coverage", so the scores are a floor. The areas whose code runs
  // mostly outside the test process use the command runner instead (see `parallel`).
  testRunner: onCommand ? "command" : "tap",
  commandRunner: { command: `node scripts/mutation-command.js ${area.tests.join(" ")}` },
  tap: {
    testFiles: area.tests.map((t) => (t.endsWith(".ts") ? t : `${t}/**/*.test.ts`)),
    nodeArgs: [
      "--test-reporter=tap",
      "-r",
      "./scripts/mutation-few-runs.js",
      "-r",
      "{{hookFile}}",
      "{{testFile}}",
    ],
    forceBail: true,
  },
  mutate: area.mutate,
  // No type checker plugin is installed: the TypeScript is transpiled (ts-node + swc) as in the
  // tests, so a mutant that would not type-check still runs and is usually killed at once.
  coverageAnalysis: onCommand ? "off" : "perTest",
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  // Generous: the runs share a 2-core machine (scripts/mutation.js runs Stryker at the lowest
  // priority), and a starved test process must not count as a mutant killed by a timeout.
  timeoutMS: area.timeoutMS ?? 60000,
  // Reruns after a change test only the mutants whose code or covering tests changed. Not on the
  // command runner: it reports one test ("All tests") whatever the files hold, so a rerun after
  // new tests reused every old verdict (the postgres area "finished" in 19 s with its old scores).
  incremental: !onCommand,
  incrementalFile: `reports/mutation/${name}-incremental.json`,
  reporters: ["clear-text", "html", "json", "progress"],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  ignorePatterns: ["reports", ".bench", ".git"],
};
