/**
 * The real command, run as a user runs it: bin/gim-conformance.js in a child process, from a
 * scratch working directory, checked by exit code and output.
 */
import { spawnSync } from "node:child_process";
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

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "gim-conformance.js");

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(
  args: readonly string[],
  options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): Ran {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // A user's own database URL must not leak into (or steer) these runs.
  delete env.GIM_DATABASE_URL;
  const ran = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? scratch(),
    input: options.input,
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: ran.status, stdout: ran.stdout, stderr: ran.stderr };
}

const scratchDirs: string[] = [];
after(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gim-cli-test-"));
  scratchDirs.push(dir);
  return dir;
}

/** The example log of docs/event-log.md (the contract's own example, flow 1). */
function contractExample(): string {
  const doc = readFileSync(path.join(ROOT, "docs", "event-log.md"), "utf8");
  const block = /```jsonl\n([\s\S]*?)```/.exec(doc)?.[1];
  if (block === undefined) throw new Error("docs/event-log.md has no ```jsonl example");
  return block;
}

function writeFeature(dir: string, name: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), text);
  return dir;
}

const FLOW_1_STEPS = `
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the strategy "RouteInboundChat" routes the chat to Agent1
    And Agent1 accepts the invitation and chats with the customer
    And Agent1 ends the chat
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role     | result      | reason |
      | 1   | Agent1   | RoutedTo | Transferred |        |
`;

describe("gim-conformance usage", () => {
  test("--help works for the program and every command", () => {
    for (const args of [
      ["--help"],
      ["validate", "--help"],
      ["classify", "--help"],
      ["run", "--help"],
      ["report", "--help"],
    ]) {
      const ran = cli(args);
      expect(ran.code, args.join(" ")).to.equal(EXIT.ok);
      expect(ran.stdout, args.join(" ")).to.match(/^Usage: gim-conformance/);
    }
  });

  test("an unknown command or option is a usage error (exit 2)", () => {
    const unknown = cli(["frobnicate"]);
    expect(unknown.code).to.equal(EXIT.badInput);
    expect(unknown.stderr).to.contain("unknown command 'frobnicate'");
    expect(cli(["run", "--no-such-option"]).code).to.equal(EXIT.badInput);
    expect(cli(["run", "--sut", "oracle"]).code).to.equal(EXIT.badInput);
  });
});

describe("gim-conformance classify and validate", () => {
  test("classify on the contract's example prints exactly one row, Agent1 RoutedTo/Completed, in the contract's fields", () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "example.jsonl"), contractExample());
    const ran = cli(["classify", "example.jsonl"], { cwd: dir });
    expect(ran.code, ran.stderr).to.equal(EXIT.ok);
    const lines = ran.stdout.trim().split("\n");
    expect(lines).to.have.length(1);
    const row: unknown = JSON.parse(lines[0] ?? "");
    expect(row).to.include({
      interaction: "chat-0001",
      irf: 1,
      resource: "Agent1",
      resourceType: "Agent",
      role: "RoutedTo",
      result: "Completed",
      reason: "Unspecified",
      start: "2026-03-02T09:00:05.000Z",
      end: "2026-03-02T09:04:40.000Z",
    });
    const contractFields = [
      "interaction",
      "irf",
      "resource",
      "resourceType",
      "role",
      "result",
      "reason",
      "start",
      "end",
    ];
    expect(Object.keys(row as object).slice(0, contractFields.length)).to.deep.equal(contractFields);
  });

  test("classify - reads standard input", () => {
    const ran = cli(["classify", "-"], { input: contractExample() });
    expect(ran.code, ran.stderr).to.equal(EXIT.ok);
    expect(ran.stdout).to.contain('"role":"RoutedTo","result":"Completed"');
  });

  test("validate accepts the example and counts it", () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "example.jsonl"), contractExample());
    const ran = cli(["validate", "example.jsonl"], { cwd: dir });
    expect(ran.code, ran.stderr).to.equal(EXIT.ok);
    expect(ran.stdout).to.equal("OK: 7 events, 1 interaction\n");
  });

  test("validate rejects a malformed log with exit 2 and one line naming file:line", () => {
    const dir = scratch();
    const lines = contractExample().trim().split("\n");
    lines[2] = '{"ts":"2026-03-02T09:00:04.000Z","interaction":"chat-0001","event":"EventTakenFromQueue"';
    writeFileSync(path.join(dir, "broken.jsonl"), `${lines.join("\n")}\n`);
    const ran = cli(["validate", "broken.jsonl"], { cwd: dir });
    expect(ran.code).to.equal(EXIT.badInput);
    expect(ran.stdout).to.equal("");
    expect(ran.stderr.trim().split("\n")).to.have.length(1);
    expect(ran.stderr).to.match(/^broken\.jsonl:3: /);
  });

  /** Each bad log of issue 3's list, through the real command: exit 2 and one line naming file:line and field. */
  const BAD_LOGS: readonly { name: string; edit: (lines: string[]) => string; expected: RegExp }[] = [
    {
      name: "invalid JSON",
      edit: (l) => [...l.slice(0, 3), "{not json", ...l.slice(4)].join("\n"),
      expected: /^bad\.jsonl:4: not valid JSON/,
    },
    {
      name: "a missing field",
      edit: (l) => [...l.slice(0, 3), l[3]?.replace(',"agent":"Agent1"', "") ?? "", ...l.slice(4)].join("\n"),
      expected: /^bad\.jsonl:4: field "agent": required by EventAgentInvited/,
    },
    {
      name: "an unknown event",
      edit: (l) =>
        [...l.slice(0, 4), l[4]?.replace("EventPartyAdded", "EventPartyJoined") ?? "", ...l.slice(5)].join(
          "\n",
        ),
      expected: /^bad\.jsonl:5: field "event": unknown event "EventPartyJoined"/,
    },
    {
      name: "time going backwards",
      edit: (l) =>
        [...l.slice(0, 4), l[4]?.replace("09:00:12.000Z", "08:59:12.000Z") ?? "", ...l.slice(5)].join("\n"),
      expected: /^bad\.jsonl:5: field "ts": .*earlier than the previous event/,
    },
    {
      name: "an agent never invited",
      edit: (l) => [...l.slice(0, 4), l[4]?.replace("Agent1", "Agent7") ?? "", ...l.slice(5)].join("\n"),
      expected: /^bad\.jsonl:5: field "agent": Agent7 was never invited/,
    },
    { name: "an empty file", edit: () => "", expected: /^bad\.jsonl: the event log is empty/ },
    {
      name: "a huge line",
      edit: (l) => [l[0], `{"ts":"${"x".repeat(2 * 1024 * 1024)}"}`, ...l.slice(1)].join("\n"),
      expected: /^bad\.jsonl:2: line is longer than/,
    },
  ];
  for (const bad of BAD_LOGS) {
    test(`validate and classify reject ${bad.name}: exit 2, one line naming the line`, () => {
      const dir = scratch();
      writeFileSync(path.join(dir, "bad.jsonl"), bad.edit(contractExample().trim().split("\n")));
      for (const command of ["validate", "classify"]) {
        const ran = cli([command, "bad.jsonl"], { cwd: dir });
        expect(ran.code, `${command}: ${ran.stderr}`).to.equal(EXIT.badInput);
        expect(ran.stderr.trim().split("\n"), command).to.have.length(1);
        expect(ran.stderr, command).to.match(bad.expected);
      }
    });
  }

  test("validate and classify of a missing file exit 2", () => {
    expect(cli(["validate", "nope.jsonl"]).code).to.equal(EXIT.badInput);
    expect(cli(["classify", "nope.jsonl"]).code).to.equal(EXIT.badInput);
  });
});

describe("gim-conformance run", () => {
  test("run --tags @flow-1 passes flow 1, prints the summary and writes Allure results", () => {
    const dir = scratch();
    const ran = cli(["run", "--tags", "@flow-1"], { cwd: dir });
    expect(ran.code, ran.stderr).to.equal(EXIT.ok);
    expect(ran.stderr).to.match(/^flow 1\s+chat-routed-agent-replies\s+passed$/m);
    expect(ran.stdout).to.match(/^\s+1\s+Strategy delivers chat to agent.*\s1\s+1\s+0\s+0\s+0$/m);
    expect(ran.stdout.trim().split("\n").at(-1)).to.match(
      /^1 verified passed, 0 provisional \(unverified hypothesis\), 0 failed, 0 not run — system under test: reference classifier /,
    );
    const results = path.join(dir, "reports", "allure-results");
    expect(readdirSync(results).filter((f) => f.endsWith("-result.json"))).to.have.length(1);
    expect(readFileSync(path.join(results, "environment.properties"), "utf8")).to.contain(
      "SUT\\ kind=reference",
    );
    expect(existsSync(path.join(results, "categories.json"))).to.equal(true);
  });

  test("provisional flows are counted apart from verified ones", () => {
    const ran = cli(["run", "--tags", "@flow-7 or @flow-8", "--no-allure"]);
    expect(ran.code, ran.stderr).to.equal(EXIT.ok);
    expect(ran.stdout).to.contain("0 verified passed, 2 provisional (unverified hypothesis), 0 failed");
  });

  test("a verified mismatch exits 1; a provisional one only differs, unless --strict-provisional", () => {
    const dir = scratch();
    const verified = writeFeature(
      path.join(dir, "verified"),
      "wrong.feature",
      `@flow-1 @verified\nFeature: Wrong expectation\n  @id:wrong-verified\n  Scenario: expects a transfer${FLOW_1_STEPS}`,
    );
    const provisional = writeFeature(
      path.join(dir, "provisional"),
      "wrong.feature",
      `@flow-7 @provisional\nFeature: Wrong hypothesis\n  @id:wrong-provisional\n  Scenario: expects a transfer${FLOW_1_STEPS}`,
    );
    const nonconformant = cli(["run", "--features", verified, "--no-allure"], { cwd: dir });
    expect(nonconformant.code, nonconformant.stderr).to.equal(EXIT.nonconformant);
    expect(nonconformant.stderr).to.contain("FAILED: nonconformant");
    expect(nonconformant.stderr).to.contain("IRF1: result expected Transferred, got Completed");

    const differs = cli(["run", "--features", provisional, "--no-allure"], { cwd: dir });
    expect(differs.code, differs.stderr).to.equal(EXIT.ok);
    expect(differs.stdout).to.contain("1 provisional (unverified hypothesis; 1 differs from it)");
    const strict = cli(["run", "--features", provisional, "--no-allure", "--strict-provisional"], {
      cwd: dir,
    });
    expect(strict.code).to.equal(EXIT.nonconformant);
  });

  test("a feature with an undefined step exits 2 and shows the step", () => {
    const dir = scratch();
    const features = writeFeature(
      path.join(dir, "mine"),
      "undefined.feature",
      [
        "@verified",
        "Feature: My own flow",
        "  @id:my-undefined-step",
        "  Scenario: a step nobody wrote",
        '    Given a customer starts a chat in the interaction queue "Chat_Inbound"',
        "    When the customer sings to the queue",
        "",
      ].join("\n"),
    );
    const ran = cli(["run", "--features", features, "--no-allure"], { cwd: dir });
    expect(ran.code).to.equal(EXIT.badInput);
    expect(ran.stderr).to.contain('undefined step: "the customer sings to the queue"');
  });

  test("a scenario that never checks its outcome exits 2 and says what is missing", () => {
    const dir = scratch();
    const features = writeFeature(
      path.join(dir, "mine"),
      "no-outcome.feature",
      [
        "@verified",
        "Feature: My own flow",
        "  @id:my-unchecked-flow",
        "  Scenario: a chat told but never checked",
        '    Given a customer starts a chat in the interaction queue "Chat_Inbound"',
        '    When the strategy "RouteInboundChat" routes the chat to Agent1',
        "",
      ].join("\n"),
    );
    const ran = cli(["run", "--features", features, "--no-allure"], { cwd: dir });
    expect(ran.code).to.equal(EXIT.badInput);
    expect(ran.stderr).to.contain("no outcome was checked");
  });

  test("bad options exit 2: a missing features path, a tag expression selecting nothing", () => {
    expect(cli(["run", "--features", "no/such/dir", "--no-allure"]).code).to.equal(EXIT.badInput);
    const none = cli(["run", "--tags", "@flow-99", "--no-allure"]);
    expect(none.code).to.equal(EXIT.badInput);
    expect(none.stderr).to.contain("no scenario selected");
  });

  test("a database password never appears in the output", () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "manifest.yaml"), "version: 1\nscenarios: {}\n");
    const ran = cli(
      [
        "run",
        "--sut",
        "postgres",
        "--db",
        "postgres://gim:s3cr3t-pw@127.0.0.1:9/gim",
        "--manifest",
        "manifest.yaml",
      ],
      { cwd: dir, env: { PGCONNECT_TIMEOUT: "2" } },
    );
    expect(ran.code).to.be.oneOf([EXIT.badInput, EXIT.harness]);
    expect(ran.stdout + ran.stderr).not.to.contain("s3cr3t-pw");
  });
});

describe("gim-conformance report", {
  skip: javaMajorVersion(process.env) === undefined && "Java is not installed",
}, () => {
  test("builds index.html from a run's results and carries the history into the next report", () => {
    const dir = scratch();
    expect(cli(["run", "--tags", "@flow-2"], { cwd: dir }).code).to.equal(EXIT.ok);
    const first = cli(["report"], { cwd: dir });
    expect(first.code, first.stderr).to.equal(EXIT.ok);
    const report = path.join(dir, "reports", "allure-report");
    expect(first.stdout).to.contain(path.join(report, "index.html"));
    expect(existsSync(path.join(report, "index.html"))).to.equal(true);
    expect(existsSync(path.join(report, "history", "history.json"))).to.equal(true);

    const second = cli(["report", "--single-file", "--output", "single"], { cwd: dir });
    expect(second.code, second.stderr).to.equal(EXIT.ok);
    // The marker says the folder is the tool's output (src/output/output-dir.ts).
    expect(readdirSync(path.join(dir, "single")).sort()).to.deep.equal([
      ".gim-conformance-output",
      "history",
      "index.html",
    ]);
  });

  test("without results it is bad input (2); without Java, an environment error (3) that says what to install", () => {
    expect(cli(["report"]).code).to.equal(EXIT.badInput);
    const dir = scratch();
    expect(cli(["run", "--tags", "@flow-1"], { cwd: dir }).code).to.equal(EXIT.ok);
    const ran = cli(["report"], { cwd: dir, env: { JAVA_HOME: path.join(dir, "no-java") } });
    expect(ran.code).to.equal(EXIT.harness);
    expect(ran.stderr).to.contain("Allure needs Java 8+: apt-get install openjdk-17-jre-headless");
  });
});
