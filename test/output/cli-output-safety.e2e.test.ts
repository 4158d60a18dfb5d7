/**
 * Issue 11, through the real command (bin/gim-conformance.js in child processes, from scratch
 * folders): the tool removes and overwrites only what it created, refuses a folder holding other
 * files with exit 2, writes nothing beside the paths it was given, tells a run that did not finish
 * from one that did, and lets one run at a time write into a folder.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { javaMajorVersion } from "../../src/allure/generate";
import { EXIT } from "../../src/errors";
import { OUTPUT_MARKER } from "../../src/output/output-dir";
import { LOCK_FILE } from "../../src/output/run-lock";
import { RUN_RECORD } from "../../src/output/run-record";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "gim-conformance.js");

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env };
  delete e.GIM_DATABASE_URL;
  return e;
}

function cli(args: readonly string[], cwd: string): Ran {
  // The timeout turns a hang (spec --out /proc/…) into a failed test, not a stuck suite.
  const ran = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: env(),
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: ran.status, stdout: ran.stdout, stderr: ran.stderr };
}

function cliAsync(
  args: readonly string[],
  cwd: string,
): { done: Promise<Ran>; pid: number | undefined; kill(): void } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: env(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => {
    stdout += c.toString("utf8");
  });
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString("utf8");
  });
  const done = new Promise<Ran>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return { done, pid: child.pid, kill: () => child.kill("SIGKILL") };
}

const scratchDirs: string[] = [];
after(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});
function scratch(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gim-output-test-"));
  scratchDirs.push(dir);
  return dir;
}

/** A user's folder: files the tool never made, with their content, to check they survive. */
function userFiles(dir: string): Record<string, string> {
  const files = { "README.md": "my notes\n", "history/mine.json": '{"mine":true}\n', "data.csv": "a,b\n" };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return files;
}
function expectIntact(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    expect(readFileSync(path.join(dir, name), "utf8"), name).to.equal(text);
  }
}
function oneLine(text: string): string {
  const lines = text.trim().split("\n");
  expect(lines, text).to.have.length(1);
  return lines[0] ?? "";
}

/** A feature of `n` copies of flow 1, each its own @id: a run long enough to be caught halfway. */
function manyScenarios(dir: string, n: number): string {
  const features = path.join(dir, "many");
  mkdirSync(features, { recursive: true });
  const scenarios = Array.from(
    { length: n },
    (_, i) => `
  @id:copy-${i}
  Scenario: copy ${i}
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" routes the chat to Agent1
    And Agent1 accepts the invitation and chats with the customer
    And Agent1 ends the chat
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role     | result    | reason |
      | 1   | Agent1   | RoutedTo | Completed |        |
`,
  ).join("");
  writeFileSync(path.join(features, "many.feature"), `@flow-1 @verified\nFeature: Many copies\n${scenarios}`);
  return features;
}

const hasJava = javaMajorVersion(process.env) !== undefined;

describe("output folders: the tool removes only what it created", () => {
  test("report --output . refuses a folder of the user's files (exit 2, one line naming it) and deletes nothing", () => {
    const results = scratch();
    expect(cli(["run", "--tags", "@flow-1", "--results", path.join(results, "res")], results).code).to.equal(
      EXIT.ok,
    );
    const cwd = scratch();
    const files = userFiles(cwd);
    const ran = cli(["report", "--results", path.join(results, "res"), "--output", "."], cwd);
    expect(ran.code, ran.stderr).to.equal(EXIT.badInput);
    expect(oneLine(ran.stderr)).to.match(
      /^\.: --output: this folder holds files gim-conformance did not create/,
    );
    expectIntact(cwd, files);
    expect(readdirSync(path.join(results, "res")).some((f) => f.endsWith("-result.json"))).to.equal(true);
  });

  test("report --output inside the results folder (or the results inside it) is refused: --clean would empty them", () => {
    const cwd = scratch();
    expect(cli(["run", "--tags", "@flow-1", "--results", "res"], cwd).code).to.equal(EXIT.ok);
    for (const output of [".", "res", "res/report"]) {
      const ran = cli(["report", "--results", "res", "--output", output], cwd);
      expect(ran.code, output).to.equal(EXIT.badInput);
      expect(oneLine(ran.stderr)).to.contain("must be apart");
    }
    expect(readdirSync(path.join(cwd, "res")).some((f) => f.endsWith("-result.json"))).to.equal(true);
  });

  test("run --results DIR refuses a folder holding the user's files, history/ included, and writes no DIR.log beside it", () => {
    const cwd = scratch();
    const files = userFiles(path.join(cwd, "mine"));
    const ran = cli(["run", "--tags", "@flow-1", "--results", "mine"], cwd);
    expect(ran.code, ran.stderr).to.equal(EXIT.badInput);
    expect(oneLine(ran.stderr)).to.match(
      /^mine: --results: this folder holds files gim-conformance did not create/,
    );
    expectIntact(path.join(cwd, "mine"), files);
    expect(readdirSync(path.join(cwd, "mine")).sort()).to.deep.equal(["README.md", "data.csv", "history"]);

    const fresh = cli(["run", "--tags", "@flow-1", "--results", "fresh"], cwd);
    expect(fresh.code, fresh.stderr).to.equal(EXIT.ok);
    expect(readdirSync(cwd).sort()).to.deep.equal(["fresh", "mine"]);
    expect(existsSync(path.join(cwd, "fresh", OUTPUT_MARKER))).to.equal(true);
  });

  test("a results folder a bare cucumber-js run filled (unmarked, only Allure's files) is taken, its history kept", () => {
    const cwd = scratch();
    const results = path.join(cwd, "reports", "allure-results");
    mkdirSync(path.join(results, "history"), { recursive: true });
    for (const name of ["0a-result.json", "0b-container.json", "0c-attachment.svg", ".allure-cucumberjs.log"])
      writeFileSync(path.join(results, name), "{}");
    writeFileSync(path.join(results, "history", "history.json"), "{}");
    const ran = cli(["run", "--tags", "@flow-1"], cwd);
    expect(ran.code, ran.stderr).to.equal(EXIT.ok);
    const left = readdirSync(results);
    expect(left).to.include.members([OUTPUT_MARKER, "history", RUN_RECORD]);
    expect(left).not.to.include.members(["0a-result.json", "0b-container.json", "0c-attachment.svg"]);
    expect(readFileSync(path.join(results, "history", "history.json"), "utf8")).to.equal("{}");
  });

  test("a history/ in the results that the tool did not put there survives a run", () => {
    const cwd = scratch();
    expect(cli(["run", "--tags", "@flow-1", "--results", "res"], cwd).code).to.equal(EXIT.ok);
    mkdirSync(path.join(cwd, "res", "history"));
    writeFileSync(path.join(cwd, "res", "history", "mine.json"), "{}");
    expect(cli(["run", "--tags", "@flow-1", "--results", "res"], cwd).code).to.equal(EXIT.ok);
    expect(readFileSync(path.join(cwd, "res", "history", "mine.json"), "utf8")).to.equal("{}");
    expect(readdirSync(path.join(cwd, "res")).filter((f) => f.endsWith("-result.json"))).to.have.length(1);
  });

  test("lab-kit --out . refuses to overwrite the user's README.md; into a new folder it works", () => {
    const cwd = scratch();
    const files = userFiles(cwd);
    const ran = cli(["lab-kit", "--out", "."], cwd);
    expect(ran.code).to.equal(EXIT.badInput);
    expect(oneLine(ran.stderr)).to.contain("--out: this folder holds files gim-conformance did not create");
    expectIntact(cwd, files);
    expect(cli(["lab-kit", "--out", "kit"], cwd).code).to.equal(EXIT.ok);
    // Again into its own kit, with the tester's manifest beside it: the manifest stays.
    writeFileSync(path.join(cwd, "kit", "manifest.yaml"), "filled in\n");
    expect(cli(["lab-kit", "--out", "kit"], cwd).code).to.equal(EXIT.ok);
    expect(readFileSync(path.join(cwd, "kit", "manifest.yaml"), "utf8")).to.equal("filled in\n");
  });

  test("single-file outputs replace only their own files: spec --out, diff --html/--markdown, run --junit/--snapshot", () => {
    const cwd = scratch();
    const mine = "my own page\n";
    const refused = (args: string[], file: string) => {
      writeFileSync(path.join(cwd, file), mine);
      const ran = cli(args, cwd);
      expect(ran.code, `${args.join(" ")}: ${ran.stderr}`).to.equal(EXIT.badInput);
      expect(oneLine(ran.stderr)).to.match(
        /: field "--[a-z]+": exists and was not written by gim-conformance; refusing to overwrite it/,
      );
      expect(readFileSync(path.join(cwd, file), "utf8"), file).to.equal(mine);
      rmSync(path.join(cwd, file));
    };
    // Each command writes its file once, then again over its own file (a positive control).
    const ownTwice = (args: string[], file: string) => {
      for (const time of ["first", "again"]) {
        const ran = cli(args, cwd);
        expect(ran.code, `${time}: ${args.join(" ")}: ${ran.stderr}`).to.be.oneOf([
          EXIT.ok,
          EXIT.nonconformant,
        ]);
        expect(existsSync(path.join(cwd, file)), file).to.equal(true);
      }
    };
    refused(["spec", "--out", "book.html"], "book.html");
    // The coverage CSV beside the book is the user's: neither file is written.
    writeFileSync(path.join(cwd, "coverage.csv"), "a,b\n");
    const beside = cli(["spec", "--out", "book.html"], cwd);
    expect(beside.code).to.equal(EXIT.badInput);
    expect(existsSync(path.join(cwd, "book.html"))).to.equal(false);
    rmSync(path.join(cwd, "coverage.csv"));
    ownTwice(["spec", "--out", "book.html"], "book.html");

    refused(["run", "--no-allure", "--tags", "@flow-1", "--junit", "junit.xml"], "junit.xml");
    ownTwice(["run", "--no-allure", "--tags", "@flow-1", "--junit", "junit.xml"], "junit.xml");
    // The ci profile's own reports/junit.xml, written by cucumber in the same run, is replaced by
    // --junit naming it (this run wrote it), run after run.
    ownTwice(
      ["run", "--profile", "ci", "--no-allure", "--tags", "@flow-1", "--junit", "reports/junit.xml"],
      "reports/junit.xml",
    );
    expect(readFileSync(path.join(cwd, "reports", "junit.xml"), "utf8")).to.contain(
      "generated by gim-conformance",
    );
    refused(["run", "--no-allure", "--tags", "@flow-1", "--snapshot", "snap.json"], "snap.json");
    ownTwice(["run", "--no-allure", "--tags", "@flow-1", "--snapshot", "snap.json"], "snap.json");

    refused(["diff", "snap.json", "snap.json", "--html", "diff.html"], "diff.html");
    refused(["diff", "snap.json", "snap.json", "--markdown", "diff.md"], "diff.md");
    ownTwice(["diff", "snap.json", "snap.json", "--html", "diff.html", "--markdown", "diff.md"], "diff.md");
  });

  test("seed-db --manifest refuses an existing file before touching any database, unless --force", () => {
    const cwd = scratch();
    writeFileSync(path.join(cwd, "manifest.yaml"), "a tester's filled-in manifest\n");
    // No server listens there: the refusal must come first.
    const ran = cli(
      ["seed-db", "--db", "postgres://nobody@127.0.0.1:1/none", "--manifest", "manifest.yaml"],
      cwd,
    );
    expect(ran.code).to.equal(EXIT.badInput);
    expect(oneLine(ran.stderr)).to.equal(
      "manifest.yaml: --manifest: the file already exists; give a new file name, or --force to overwrite it",
    );
    expect(readFileSync(path.join(cwd, "manifest.yaml"), "utf8")).to.equal("a tester's filled-in manifest\n");
    const forced = cli(
      ["seed-db", "--db", "postgres://nobody@127.0.0.1:1/none", "--manifest", "manifest.yaml", "--force"],
      cwd,
    );
    expect(forced.code, "with --force it goes on, to the (unreachable) database").to.equal(EXIT.harness);
  });

  test("a file given as a folder or a folder given as a file: exit 2, one line naming it, never an internal error", () => {
    const cwd = scratch();
    writeFileSync(path.join(cwd, "README.md"), "mine\n");
    mkdirSync(path.join(cwd, "docs"));
    expect(cli(["run", "--tags", "@flow-1", "--no-allure", "--snapshot", "s.json"], cwd).code).to.equal(
      EXIT.ok,
    );
    const cases: [string[], string][] = [
      [["lab-kit", "--out", "README.md"], "README.md: --out: is a file, not a folder"],
      [
        ["run", "--tags", "@flow-1", "--results", "README.md"],
        "README.md: --results: is a file, not a folder",
      ],
      [["spec", "--out", "docs"], "docs: --out: is a folder, not a file"],
      [["diff", "s.json", "s.json", "--html", "docs"], "docs: --html: is a folder, not a file"],
      [
        ["run", "--tags", "@flow-1", "--no-allure", "--junit", "docs"],
        "docs: --junit: is a folder, not a file",
      ],
    ];
    for (const [args, line] of cases) {
      const ran = cli(args, cwd);
      expect(ran.code, args.join(" ")).to.equal(EXIT.badInput);
      expect(ran.stderr.trim().split("\n").at(-1), args.join(" ")).to.equal(line);
      expect(ran.stderr).not.to.contain("internal error");
    }
    expect(readFileSync(path.join(cwd, "README.md"), "utf8")).to.equal("mine\n");
  });

  test("spec --out /proc/gim/index.html ends (exit 2, one line) instead of hanging", {
    skip: !existsSync("/proc/self") && "no /proc here",
  }, () => {
    const ran = cli(["spec", "--out", "/proc/gim/index.html"], scratch());
    expect(ran.code).to.equal(EXIT.badInput);
    expect(oneLine(ran.stderr)).to.equal("/proc/gim: --out: cannot be created there (no such folder)");
  });

  test("npm start's loop twice in a row: run, report, run, report carries the history", {
    skip: !hasJava && "Java is not installed",
  }, () => {
    const cwd = scratch();
    for (const round of [1, 2]) {
      expect(cli(["run", "--tags", "@flow-1"], cwd).code, `run ${round}`).to.equal(EXIT.ok);
      const report = cli(["report", "--single-file"], cwd);
      expect(report.code, report.stderr).to.equal(EXIT.ok);
      if (round === 2) expect(report.stderr).to.contain("with the previous report's history");
    }
    const history = JSON.parse(
      readFileSync(path.join(cwd, "reports", "allure-report", "history", "history.json"), "utf8"),
    ) as Record<string, { items: unknown[] }>;
    expect(Object.values(history).map((h) => h.items.length)).to.deep.equal([2]);
  });
});

describe("a run that did not finish", () => {
  test("kill -9 halfway: report refuses the partial results (exit 2) and the history keeps only finished runs", {
    skip: !hasJava && "Java is not installed",
  }, async () => {
    const cwd = scratch();
    const features = manyScenarios(cwd, 400);
    expect(cli(["run", "--tags", "@flow-1"], cwd).code).to.equal(EXIT.ok);
    expect(cli(["report"], cwd).code).to.equal(EXIT.ok);
    const historyFile = path.join(cwd, "reports", "allure-report", "history", "history.json");
    const historyBefore = readFileSync(historyFile, "utf8");

    const run = cliAsync(["run", "--features", features], cwd);
    const results = path.join(cwd, "reports", "allure-results");
    // Killed as soon as some scenarios have finished, long before the 400th.
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      const done = existsSync(results) ? readdirSync(results).filter((f) => f.endsWith("-result.json")) : [];
      if (done.length >= 3) break;
    }
    run.kill();
    await run.done;
    const finished = readdirSync(results).filter((f) => f.endsWith("-result.json")).length;
    expect(finished).to.be.within(3, 399);
    expect(JSON.parse(readFileSync(path.join(results, RUN_RECORD), "utf8")).state).to.equal("running");

    const report = cli(["report"], cwd);
    expect(report.code, report.stderr).to.equal(EXIT.badInput);
    expect(oneLine(report.stderr)).to.match(
      /^reports\/allure-results: the run that wrote these results \(started .*\) did not finish \(killed\?\)/,
    );
    expect(readFileSync(historyFile, "utf8")).to.equal(historyBefore);
    // The next complete run is reported again.
    expect(cli(["run", "--tags", "@flow-1"], cwd).code).to.equal(EXIT.ok);
    expect(cli(["report"], cwd).code).to.equal(EXIT.ok);
  });

  test("one truncated *-result.json: report exits 2 naming the file", () => {
    const cwd = scratch();
    expect(cli(["run", "--tags", "@flow-1"], cwd).code).to.equal(EXIT.ok);
    const results = path.join(cwd, "reports", "allure-results");
    const name = readdirSync(results).find((f) => f.endsWith("-result.json")) ?? "";
    const text = readFileSync(path.join(results, name), "utf8");
    writeFileSync(path.join(results, name), text.slice(0, Math.floor(text.length / 2)));
    const ran = cli(["report"], cwd);
    expect(ran.code).to.equal(EXIT.badInput);
    expect(oneLine(ran.stderr)).to.match(
      new RegExp(
        `^reports/allure-results/${name}: not a complete Allure result \\(.*\\); the run that wrote it did not finish`,
      ),
    );
  });
});

describe("concurrent runs in one folder", () => {
  test("four run --profile ci at once: one writes, the others refuse (exit 2); no output is corrupted", async () => {
    const cwd = scratch();
    const features = manyScenarios(cwd, 60);
    const runs = Array.from({ length: 4 }, () =>
      cliAsync(["run", "--profile", "ci", "--features", features], cwd),
    );
    const ran = await Promise.all(runs.map((r) => r.done));
    const codes = ran.map((r) => r.code);
    expect(codes.filter((c) => c === EXIT.ok).length, JSON.stringify(codes)).to.be.at.least(1);
    for (const r of ran.filter((r) => r.code !== EXIT.ok)) {
      expect(r.code, r.stderr).to.equal(EXIT.badInput);
      expect(
        oneLine(
          r.stderr
            .split("\n")
            .filter((l) => !l.startsWith("gim-conformance run") && !l.startsWith("GIM configuration"))
            .join("\n"),
        ),
      ).to.match(
        /another gim-conformance run \(pid \d+, started .*\) is writing here; wait for it to finish or give another folder$/,
      );
    }
    // Overlap is what the test is about: 60 scenarios take far longer than the others' start-up.
    expect(codes.filter((c) => c === EXIT.badInput).length, JSON.stringify(codes)).to.be.at.least(1);

    const reports = path.join(cwd, "reports");
    const messages = readFileSync(path.join(reports, "cucumber-messages.ndjson"), "utf8").trim().split("\n");
    for (const line of messages) JSON.parse(line);
    expect(messages.filter((l) => l.startsWith('{"testCaseFinished"'))).to.have.length(60);
    const html = readFileSync(path.join(reports, "cucumber-report.html"), "utf8");
    expect(html.match(/<\/html>/g)).to.have.length(1);
    const results = readdirSync(path.join(reports, "allure-results"));
    expect(results.filter((f) => f.endsWith("-result.json"))).to.have.length(60);
    expect(results).not.to.include(LOCK_FILE);
    expect(readdirSync(reports)).not.to.include(LOCK_FILE);
  });

  test("a lock left by a killed run (its pid is gone) is stale: the next run takes it over", () => {
    const cwd = scratch();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    const results = path.join(cwd, "reports", "allure-results");
    mkdirSync(results, { recursive: true });
    writeFileSync(path.join(results, OUTPUT_MARKER), "gim-conformance allure-results\n");
    writeFileSync(
      path.join(results, LOCK_FILE),
      JSON.stringify({ pid: Number(dead.stdout), started: "then" }),
    );
    const ran = cli(["run", "--tags", "@flow-1"], cwd);
    expect(ran.code, ran.stderr).to.equal(EXIT.ok);
    expect(existsSync(path.join(results, LOCK_FILE))).to.equal(false);
  });

  test("a lock held by a live process refuses the run (exit 2) and leaves that run's results alone", () => {
    const cwd = scratch();
    expect(cli(["run", "--tags", "@flow-1"], cwd).code).to.equal(EXIT.ok);
    const results = path.join(cwd, "reports", "allure-results");
    const before = readdirSync(results).sort();
    writeFileSync(path.join(results, LOCK_FILE), JSON.stringify({ pid: process.pid, started: "now" }));
    const ran = cli(["run", "--tags", "@flow-2"], cwd);
    expect(ran.code).to.equal(EXIT.badInput);
    expect(ran.stderr).to.contain(
      `another gim-conformance run (pid ${process.pid}, started now) is writing here`,
    );
    expect(readdirSync(results).sort()).to.deep.equal([...before, LOCK_FILE].sort());
    expect(JSON.parse(readFileSync(path.join(results, RUN_RECORD), "utf8")).state).to.equal("complete");
  });
});
