/**
 * For mutation testing only (stryker.config.mjs, areas classifier and eventlog): the bundled
 * features, run in this process through the same entry as `gim-conformance run`, against the
 * reference classifier, holding provisional scenarios to their hypotheses. The features are the
 * spec: a mutant that changes any descriptor, MSF or event the flows produce fails a scenario. In
 * `npm test` the features run through cucumber-js itself (scripts/test-all.js), so this file
 * lives here and not under test/, where it would run them twice.
 */
import { strict as assert } from "node:assert";
import path from "node:path";
import { Writable } from "node:stream";
import { test } from "node:test";
import { runFeatures } from "../src/run/run-features";

const ROOT = path.resolve(__dirname, "..");

test("every bundled scenario ends as its tables say (verified passed, provisional as hypothesised)", async () => {
  let log = "";
  const { results, problems } = await runFeatures({
    packageRoot: ROOT,
    profile: "default",
    features: [path.join(ROOT, "features")],
    tags: undefined,
    sut: { sut: "reference" },
    strictProvisional: true,
    allure: undefined,
    cwd: ROOT,
    env: process.env,
    stderr: new Writable({
      write(chunk, _encoding, done) {
        log += String(chunk);
        done();
      },
    }),
    onScenario: () => {},
  });
  assert.deepEqual(problems, [], log);
  assert.ok(results.length >= 19, `only ${results.length} scenarios ran`);
  const failed = results.filter((r) => r.outcome !== "passed");
  assert.deepEqual(
    failed.map((r) => `${r.id}: ${r.outcome} ${r.detail ?? ""}`),
    [],
  );
});
