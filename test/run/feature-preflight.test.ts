/**
 * Issue 11, features: what `run` used to run wrongly (exit 0 on a real problem, or an internal
 * error) is bad input, exit 2, in one line naming the file and line. Each case goes through the
 * real command, next to a valid feature where it matters (that is how the problem hid).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { EXIT } from "../../src/errors";
import { firstInvalidUtf8 } from "../../src/strict-utf8";
import { runCli } from "../support/run-cli";

const root = mkdtempSync(path.join(os.tmpdir(), "gim-preflight-"));
after(() => rmSync(root, { recursive: true, force: true }));

const FLOW_1 = [
  '    Given a customer starts a chat in the interaction queue "Chat_Inbound"',
  '    When the strategy "RouteInboundChat" routes the chat to Agent1',
  "    And Agent1 accepts the invitation and chats with the customer",
  "    And Agent1 ends the chat",
  "    Then Info Mart records exactly these IRFs:",
  "      | IRF | resource | role     | result    | reason |",
  "      | 1   | Agent1   | RoutedTo | Completed |        |",
];

let counter = 0;
/** A folder holding a valid verified feature and `bad` (file name -> bytes or text). */
function folder(bad: Record<string, string | Buffer>): string {
  const dir = path.join(root, `case-${++counter}`);
  mkdirSync(dir);
  writeFileSync(
    path.join(dir, "a-good.feature"),
    ["@flow-1 @verified", "Feature: Good", "  @id:good-one", "  Scenario: fine", ...FLOW_1, ""].join("\n"),
  );
  for (const [name, content] of Object.entries(bad)) writeFileSync(path.join(dir, name), content);
  return dir;
}

async function rejected(args: string[]): Promise<string> {
  const run = await runCli(["run", "--no-allure", ...args]);
  expect(run.code, run.output).to.equal(EXIT.badInput);
  const last = run.stderr.trim().split("\n").at(-1) ?? "";
  expect(last).not.to.contain("internal error");
  return last;
}

describe("a feature must state its evidence exactly once", () => {
  test("the good feature alone runs (the baseline the other cases differ from)", async () => {
    const run = await runCli(["run", "--no-allure", "--features", folder({})]);
    expect(run.code, run.output).to.equal(EXIT.ok);
    expect(run.stdout).to.match(/1 verified passed/);
  });

  test("tagged both @verified and @provisional: exit 2 naming the file and line", async () => {
    const dir = folder({
      "b.feature": [
        "@flow-2 @verified",
        "@provisional",
        "Feature: Both",
        "  @id:both-tags",
        "  Scenario: s",
        ...FLOW_1,
        "",
      ].join("\n"),
    });
    const line = await rejected(["--features", dir]);
    expect(line).to.equal(
      `${path.join(dir, "b.feature")}:2: field "@provisional": the feature is tagged both @verified and @provisional; tag it one or the other`,
    );
  });

  test("tagged neither: exit 2, not counted as verified", async () => {
    const dir = folder({
      "n.feature": ["@flow-2", "Feature: Neither", "  @id:no-tag", "  Scenario: s", ...FLOW_1, ""].join("\n"),
    });
    expect(await rejected(["--features", dir])).to.match(
      /n\.feature:2: field "@verified": the feature is tagged neither @verified nor @provisional/,
    );
  });

  test("a @verified scenario inside a @provisional feature: exit 2 naming its line", async () => {
    const dir = folder({
      "p.feature": [
        "@provisional",
        "Feature: Hypothesis",
        "  @id:hyp @verified",
        "  Scenario: s",
        ...FLOW_1,
        "",
      ].join("\n"),
    });
    expect(await rejected(["--features", dir])).to.match(
      /p\.feature:3: field "@verified": a scenario of a @provisional/,
    );
  });
});

describe("a feature must run something", () => {
  test("a Scenario line without its colon: exit 2 naming that line", async () => {
    const dir = folder({
      "c.feature": ["@verified", "Feature: Colonless", "  Scenario forgot the colon", ...FLOW_1, ""].join(
        "\n",
      ),
    });
    expect(await rejected(["--features", dir])).to.match(
      /c\.feature:3: "Scenario forgot the colon" has no colon after "Scenario"/,
    );
  });

  test("a feature with no scenario at all: exit 2", async () => {
    const dir = folder({ "e.feature": "@verified\nFeature: Empty\n  Just prose.\n" });
    expect(await rejected(["--features", dir])).to.match(
      /e\.feature:2: the feature has no runnable scenario/,
    );
  });
});

describe("feature files must be UTF-8 .feature files", () => {
  test("a Latin-1 feature: exit 2 naming the line of the first bad byte", async () => {
    const text = [
      "@verified",
      "Feature: Good",
      "  @id:latin",
      "  Scenario: Agent Ren\xe9e",
      ...FLOW_1,
      "",
    ].join("\n");
    const dir = folder({ "l.feature": Buffer.from(text, "latin1") });
    expect(await rejected(["--features", dir])).to.match(
      /l\.feature:4: not valid UTF-8 \(byte 0xE9 at column 22\); save the feature file as UTF-8/,
    );
  });

  test("a feature saved with a byte order mark (as Windows editors do) runs: the mark is not text", async () => {
    const text = [
      "\ufeff@flow-1 @verified",
      "Feature: Saved on Windows",
      "  @id:bom-one",
      "  Scenario: fine",
      ...FLOW_1,
      "",
    ];
    const run = await runCli(["run", "--no-allure", "--features", folder({ "b.feature": text.join("\n") })]);
    expect(run.code, run.output).to.equal(EXIT.ok);
    expect(run.stdout).to.match(/2 verified passed/);
  });

  test("firstInvalidUtf8 finds the first ill-formed sequence, not a valid multi-byte one", () => {
    expect(firstInvalidUtf8(Buffer.from("é€😀\nok", "utf8"))).to.equal(undefined);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x0a, 0xc3, 0xa9, 0xe9, 0x62]))).to.deep.equal({
      line: 2,
      column: 3,
      byte: 0xe9,
    });
    // An overlong encoding and a surrogate are ill-formed too.
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))?.column).to.equal(1);
    expect(firstInvalidUtf8(Buffer.from([0x20, 0xed, 0xa0, 0x80]))?.column).to.equal(2);
  });

  test("--features given a file that is not a .feature: exit 2 naming it", async () => {
    const file = path.join(root, "notes.txt");
    writeFileSync(file, "hello\n");
    expect(await rejected(["--features", file])).to.equal(
      `${file}: field "--features": is not a .feature file; give feature files or folders holding them`,
    );
  });

  test("a broken --tags expression: exit 2 with the tag-expression error", async () => {
    expect(await rejected(["--tags", "@flow-1 and ("])).to.match(
      /^--tags: not a tag expression: .*could not be parsed.*Unmatched \(/,
    );
  });
});

describe("feature paths with glob characters", () => {
  test("a feature in a folder named with brackets runs beside another folder's: none is dropped", async () => {
    // Preflight reads the files; cucumber globs every path it is given again, and used to read
    // "set[1]/x.feature" as a pattern matching nothing: that feature's scenarios silently did not
    // run while the other folder's passed (exit 0).
    const bracketed = path.join(root, "set[1]");
    mkdirSync(bracketed);
    writeFileSync(
      path.join(bracketed, "b.feature"),
      ["@flow-1 @verified", "Feature: Bracketed", "  @id:bracketed-one", "  Scenario: s", ...FLOW_1, ""].join(
        "\n",
      ),
    );
    const escaped = `${path.join(root, "set\\[1\\]")}/*.feature`;
    const run = await runCli(["run", "--no-allure", "--features", folder({}), escaped]);
    expect(run.code, run.output).to.equal(EXIT.ok);
    expect(run.output).to.contain("bracketed-one");
    expect(run.stdout).to.match(/2 verified passed/);
  });
});
