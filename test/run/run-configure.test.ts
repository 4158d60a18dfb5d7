/**
 * What `run` hands cucumber (src/run/run-features.ts configure): the package's real cucumber.js
 * profiles, loaded by cucumber's own loadConfiguration, with the run's overrides. A run that
 * writes no Allure results loads no Allure hooks and, unless the profile has a formatter that
 * shows attachments, asks the steps to draw no evidence (issue 14).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, test } from "node:test";
import { loadConfiguration } from "@cucumber/cucumber/api";
import { expect } from "chai";
import { globSync } from "glob";
import { configure, DISCARDED_STDOUT_FORMATTER, type FeatureRunOptions } from "../../src/run/run-features";

const ROOT = path.resolve(__dirname, "..", "..");

function options(profile: string, allure: boolean): FeatureRunOptions {
  return {
    packageRoot: ROOT,
    profile,
    features: [path.join(ROOT, "features")],
    tags: undefined,
    sut: { sut: "reference" },
    strictProvisional: false,
    allure: allure
      ? { resultsDir: path.join(ROOT, "reports", "allure-results"), environmentInfo: {} }
      : undefined,
    cwd: ROOT,
    env: process.env,
    stderr: new PassThrough(),
    onScenario: () => undefined,
  };
}

async function configured(profile: string, allure: boolean) {
  const { runConfiguration } = await loadConfiguration(
    { file: "cucumber.js", profiles: [profile] },
    { cwd: ROOT },
  );
  return configure(runConfiguration, options(profile, allure));
}

/** Every bundled step file, as the sources run (the tests run the TypeScript). */
function stepFiles(): string[] {
  const steps = path.join(ROOT, "steps");
  return readdirSync(steps, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(steps, f))
    .sort();
}

describe("run's cucumber configuration", () => {
  test("the profile's stdout formatter, whose output run discards, is replaced by one that builds no summary", async () => {
    for (const profile of ["default", "ci"]) {
      const { formats } = await configured(profile, true);
      expect(formats.stdout, profile).to.equal(DISCARDED_STDOUT_FORMATTER);
      expect(formats.stdout).to.not.equal("progress");
    }
  });

  test("with Allure results: every step file, the Allure formatter, and evidence drawn", async () => {
    const c = await configured("default", true);
    expect(c.support.requirePaths).to.deep.equal([`${path.join(ROOT, "steps")}/**/*.ts`]);
    expect(Object.values(c.formats.files)).to.include("allure-cucumberjs/reporter");
    expect(c.runtime.worldParameters).to.include({ allure: true, evidence: true, sut: "reference" });
  });

  test("--no-allure, default profile: every step file but the Allure hooks, and no evidence", async () => {
    const c = await configured("default", false);
    const allureHooks = path.join(ROOT, "steps", "support", "allure.ts");
    expect(stepFiles()).to.include(allureHooks);
    // What cucumber will load: its own glob of the pattern (cucumber passes windowsPathsNoEscape).
    const patterns = c.support.requirePaths ?? [];
    expect(patterns).to.have.length(1);
    const loaded = globSync(patterns[0] as string, { absolute: true, windowsPathsNoEscape: true }).sort();
    expect(loaded).to.deep.equal(stepFiles().filter((f) => f !== allureHooks));
    expect(Object.values(c.formats.files)).to.not.include("allure-cucumberjs/reporter");
    expect(c.runtime.worldParameters).to.include({ allure: false, evidence: false });
  });

  test("--no-allure, ci profile: cucumber's HTML and messages show attachments, so the evidence is drawn", async () => {
    const c = await configured("ci", false);
    expect(Object.values(c.formats.files)).to.include.members(["html", "message", "junit"]);
    expect(c.runtime.worldParameters).to.include({ allure: false, evidence: true });
  });
});
