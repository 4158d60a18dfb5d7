/**
 * Load on demand (issue 14; TEAM-RULES 8): `--version`, `validate` and `classify` load no
 * cucumber, pg, Allure, Playwright or YAML parser. Run on the sources here (ts-node is loaded, so
 * only the heavy packages are checked); test/cli/compiled-cli.test.ts checks the compiled command,
 * where the TypeScript compiler must not load either.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { HEAVY_PACKAGES, matching, runRecordingModules } from "../support/loaded-modules";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "gim-conformance.js");
const EXAMPLE = path.join(ROOT, "examples", "chat-routed-agent-replies.jsonl");
const scratch = mkdtempSync(path.join(os.tmpdir(), "gim-lazy-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const SOURCES = { GIM_FROM_SOURCE: "1" };

describe("commands load only what they need (sources)", () => {
  for (const args of [
    ["--version"],
    ["validate", EXAMPLE],
    ["classify", EXAMPLE],
    ["classify", "--msf", EXAMPLE],
  ]) {
    test(`${args.join(" ").replace(ROOT, ".")}: no cucumber, pg, Allure, Playwright or YAML`, () => {
      const ran = runRecordingModules(BIN, args, { cwd: scratch, env: SOURCES });
      expect(ran.status, ran.stderr).to.equal(0);
      expect(ran.files.length, "the recorder wrote its list").to.be.greaterThan(0);
      expect(matching(ran.packages, HEAVY_PACKAGES)).to.deep.equal([]);
    });
  }

  test("run --no-allure on the reference classifier: no pg, ajv, Allure or evidence drawing, and cucumber matches steps without regexp-tree", () => {
    // From the package's own folder, where ./gim-config.yaml is the bundled configuration.
    const ran = runRecordingModules(BIN, ["run", "--no-allure", "--tags", "@flow-1"], {
      cwd: ROOT,
      env: SOURCES,
    });
    expect(ran.status, ran.stderr).to.equal(0);
    // A positive control: this is a cucumber run.
    expect(matching(ran.packages, [/^@cucumber\/cucumber$/])).to.deep.equal(["@cucumber/cucumber"]);
    // The database and export back ends load for their kind only; the schemas when a file is read;
    // regexp-match-indices' emulation (regexp-tree) not at all (src/run/native-match-indices.ts);
    // Allure's code for Allure results only. (cucumber itself loads yaml, for its config files.)
    expect(matching(ran.packages, [/^pg$/, /^ajv$/, /^regexp-tree$/, /^allure-/])).to.deep.equal([]);
    // The expectations reader only for --expectations.
    expect(ran.files.filter((f) => /[\\/]expectations-file\.ts$/.test(f))).to.deep.equal([]);
    // No report shows attachments: the SVG evidence is neither drawn nor loaded.
    expect(ran.files.filter((f) => /[\\/]report[\\/](timeline|comparison)-svg\.ts$/.test(f))).to.deep.equal(
      [],
    );
  });

  test("run writing Allure results loads Allure's code and draws the evidence (the control of the test above)", () => {
    const ran = runRecordingModules(
      BIN,
      ["run", "--tags", "@flow-1", "--results", path.join(scratch, "allure-results")],
      { cwd: ROOT, env: SOURCES },
    );
    expect(ran.status, ran.stderr).to.equal(0);
    expect(matching(ran.packages, [/^allure-cucumberjs$/, /^allure-js-commons$/])).to.deep.equal([
      "allure-cucumberjs",
      "allure-js-commons",
    ]);
    expect(
      ran.files
        .filter((f) => /[\\/]report[\\/](timeline|comparison)-svg\.ts$/.test(f))
        .map((f) => path.basename(f)),
    ).to.have.members(["timeline-svg.ts", "comparison-svg.ts"]);
  });

  test("the recorder sees a heavy package when one is needed: a user's YAML configuration loads yaml", () => {
    const config = path.join(scratch, "my-gim-config.yaml");
    copyFileSync(path.join(ROOT, "gim-config.yaml"), config);
    const ran = runRecordingModules(BIN, ["classify", "--gim-config", config, EXAMPLE], {
      cwd: scratch,
      env: SOURCES,
    });
    expect(ran.status, ran.stderr).to.equal(0);
    expect(matching(ran.packages, HEAVY_PACKAGES)).to.deep.equal(["yaml"]);
  });
});
