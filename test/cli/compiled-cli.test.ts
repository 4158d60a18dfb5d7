/**
 * The compiled command from a clean checkout (issue 14): the repository's files as a clone has
 * them (tracked and not ignored: no dist/, no reports/), node_modules linked in place of `npm ci`,
 * then the `prepare` build (tsc -p tsconfig.build.json). The built command must answer without
 * the TypeScript compiler, load the compiled step definitions, and load no heavy package for
 * --version, validate and classify.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { expect } from "chai";
import { classifyEvents } from "../../src/classifier/classify";
import { formatRow } from "../../src/classifier/format-row";
import { parseEventLog } from "../../src/eventlog/reader";
import {
  HEAVY_PACKAGES,
  type LoadedRun,
  matching,
  runRecordingModules,
  TYPESCRIPT_PACKAGES,
} from "../support/loaded-modules";

const ROOT = path.resolve(__dirname, "..", "..");
const EXAMPLE_NAME = "chat-routed-agent-replies.jsonl";
const work = mkdtempSync(path.join(os.tmpdir(), "gim-compiled-"));
const clone = path.join(work, "clone");
const cwd = path.join(work, "cwd");
after(() => rmSync(work, { recursive: true, force: true }));

/** What a clone holds: tracked files and new ones not ignored, as in the working tree now. */
function checkoutFiles(): string[] | undefined {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (listed.status !== 0) return undefined;
  return listed.stdout.split("\0").filter((f) => f !== "" && existsSync(path.join(ROOT, f)));
}

const files = checkoutFiles();
/** Compiled runs must not take the sources' way (the unit-test runner sets GIM_FROM_SOURCE). */
const COMPILED_ENV: NodeJS.ProcessEnv = { GIM_FROM_SOURCE: undefined };

function bin(args: readonly string[]): LoadedRun {
  return runRecordingModules(path.join(clone, "bin", "gim-conformance.js"), args, {
    cwd,
    env: COMPILED_ENV,
  });
}

/** Project files (outside node_modules) the run loaded, relative to the clone. */
function ownFiles(run: LoadedRun): string[] {
  return run.files
    .filter((f) => f.startsWith(clone + path.sep) && !f.includes(`${path.sep}node_modules${path.sep}`))
    .map((f) => path.relative(clone, f));
}

describe("the compiled command from a clean checkout", {
  skip: files === undefined && "not a git checkout",
}, () => {
  before(() => {
    for (const file of files ?? []) {
      mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
      copyFileSync(path.join(ROOT, file), path.join(clone, file));
    }
    symlinkSync(path.join(ROOT, "node_modules"), path.join(clone, "node_modules"), "dir");
    mkdirSync(cwd);
  });

  test("without dist/ the command says so and runs the sources through ts-node", () => {
    expect(existsSync(path.join(clone, "dist")), "a clean checkout has no dist/").to.equal(false);
    const ran = bin(["--version"]);
    expect(ran.status, ran.stderr).to.equal(0);
    expect(ran.stderr).to.match(/dist\/ is not built \(npm run build\)/);
    expect(matching(ran.packages, TYPESCRIPT_PACKAGES)).to.include("ts-node");
  });

  test("the prepare script builds dist/: sources, their JSON files and the step definitions", () => {
    const pkg = JSON.parse(readFileSync(path.join(clone, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.prepare).to.equal("tsc -p tsconfig.build.json");
    const built = spawnSync(
      process.execPath,
      [path.join(clone, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"],
      { cwd: clone, encoding: "utf8", timeout: 300_000 },
    );
    expect(built.status, built.stdout + built.stderr).to.equal(0);
    expect(existsSync(path.join(clone, "dist", "src", "cli", "main.js"))).to.equal(true);
    expect(existsSync(path.join(clone, "dist", "src", "eventlog", "event-log.schema.json"))).to.equal(true);
    const steps = readdirSync(path.join(clone, "dist", "steps")).filter((f) => f.endsWith(".js"));
    const sourceSteps = readdirSync(path.join(clone, "steps")).filter((f) => f.endsWith(".ts"));
    expect(steps.sort()).to.deep.equal(sourceSteps.map((f) => f.replace(/\.ts$/, ".js")).sort());
  });

  test("--version prints the package's version, loading neither TypeScript nor a heavy package", () => {
    const ran = bin(["--version"]);
    expect(ran.status, ran.stderr).to.equal(0);
    const { version } = JSON.parse(readFileSync(path.join(clone, "package.json"), "utf8")) as {
      version: string;
    };
    expect(ran.stdout.trim()).to.equal(version);
    expect(ran.stderr).to.equal("");
    expect(matching(ran.packages, [...TYPESCRIPT_PACKAGES, ...HEAVY_PACKAGES])).to.deep.equal([]);
    expect(
      ownFiles(ran).filter((f) => !f.startsWith(`dist${path.sep}`) && !f.startsWith("bin")),
    ).to.deep.equal([]);
  });

  test("validate and classify answer as the sources do, loading neither TypeScript nor a heavy package", () => {
    const example = path.join(clone, "examples", EXAMPLE_NAME);
    const logged = parseEventLog(readFileSync(example, "utf8"), example);
    const interactions = new Set(logged.map((l) => l.event.interaction)).size;

    const validated = bin(["validate", example]);
    expect(validated.status, validated.stderr).to.equal(0);
    expect(validated.stdout).to.equal(
      `OK: ${logged.length} events, ${interactions} interaction${interactions === 1 ? "" : "s"}\n`,
    );
    expect(matching(validated.packages, [...TYPESCRIPT_PACKAGES, ...HEAVY_PACKAGES])).to.deep.equal([]);

    const classified = bin(["classify", example]);
    expect(classified.status, classified.stderr).to.equal(0);
    const expected = classifyEvents(logged, example, undefined);
    expect(expected.length).to.be.greaterThan(0);
    expect(classified.stdout).to.equal(`${expected.map(formatRow).join("\n")}\n`);
    expect(matching(classified.packages, [...TYPESCRIPT_PACKAGES, ...HEAVY_PACKAGES])).to.deep.equal([]);
  });

  test("run --no-allure loads the compiled step definitions and no TypeScript", () => {
    const ran = bin(["run", "--no-allure", "--tags", "@flow-1"]);
    expect(ran.status, ran.stderr).to.equal(0);
    expect(ran.stdout).to.match(/^1 verified passed, 0 provisional .*0 failed, 0 not run/m);
    expect(matching(ran.packages, TYPESCRIPT_PACKAGES)).to.deep.equal([]);
    const steps = ownFiles(ran).filter((f) => f.startsWith(path.join("dist", "steps")));
    expect(steps).to.include(path.join("dist", "steps", "irf-steps.js"));
    expect(ownFiles(ran).filter((f) => f.endsWith(".ts"))).to.deep.equal([]);
  });

  test("run --profile ci writes JUnit, cucumber messages and Allure results from compiled code", () => {
    const ran = bin(["run", "--profile", "ci", "--tags", "@flow-1"]);
    expect(ran.status, ran.stderr).to.equal(0);
    expect(matching(ran.packages, TYPESCRIPT_PACKAGES)).to.deep.equal([]);
    expect(readFileSync(path.join(cwd, "reports", "junit.xml"), "utf8")).to.match(/<testsuite\b/);
    expect(existsSync(path.join(cwd, "reports", "cucumber-messages.ndjson"))).to.equal(true);
    const results = readdirSync(path.join(cwd, "reports", "allure-results")).filter((f) =>
      f.endsWith("-result.json"),
    );
    expect(results.length).to.be.greaterThan(0);
    const statuses = results.map(
      (f) =>
        (
          JSON.parse(readFileSync(path.join(cwd, "reports", "allure-results", f), "utf8")) as {
            status: string;
          }
        ).status,
    );
    expect(
      statuses.every((s) => s === "passed"),
      statuses.join(", "),
    ).to.equal(true);
  });
});
