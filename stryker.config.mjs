// Mutation testing (StrykerJS, `npm run mutation`): do the unit tests notice when the code is
// changed? One area at a time, each with the unit tests that exercise it, because the command
// runner runs its whole command for every mutant: a narrow, in-process command keeps a run to
// minutes per area instead of hours. scripts/mutation.js runs the areas in turn; one area:
//   MUTATION_AREA=diff npx stryker run stryker.config.mjs
// Not in .ci/run: it takes long (figures in README.md, "Mutation testing").
const AREAS = {
  classifier: { mutate: ["src/classifier/**/*.ts"], tests: ["test/classifier"] },
  eventlog: { mutate: ["src/eventlog/**/*.ts"], tests: ["test/eventlog"] },
  gate: {
    mutate: ["src/expectations/gate.ts", "src/diff/snapshot-diff.ts"],
    tests: ["test/expectations", "test/diff"],
  },
  sut: {
    mutate: ["src/sut/**/*.ts"],
    tests: [
      "test/sut/export-sut.test.ts",
      "test/sut/gim-irf-rows.test.ts",
      "test/sut/gim-msf-rows.test.ts",
      "test/sut/lab-manifest.test.ts",
      "test/sut/sut-units.test.ts",
    ],
  },
};

const name = process.env.MUTATION_AREA ?? "gate";
const area = AREAS[name];
if (!area) throw new Error(`MUTATION_AREA must be one of ${Object.keys(AREAS).join(", ")}, not ${name}`);

export default {
  testRunner: "command",
  commandRunner: {
    command: `node -r ./scripts/mutation-few-runs.js --test-force-exit --test-reporter=dot scripts/unit-tests.js ${area.tests.join(" ")}`,
  },
  mutate: area.mutate,
  // No type checker plugin is installed: the TypeScript is transpiled (ts-node + swc) as in the
  // tests, so a mutant that would not type-check still runs and is usually killed at once.
  coverageAnalysis: "off",
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 20000,
  reporters: ["clear-text", "html", "json", "progress"],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  ignorePatterns: ["reports", ".bench", ".git"],
};
