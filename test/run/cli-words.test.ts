/**
 * Issue 13, CLI words: an unknown descriptor names its line and offers "did you mean"; an
 * undefined step lists the phrases the harness understands instead of a JavaScript snippet;
 * `run --help` names cucumber-report.html; the "build the report with" hint honours --results.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { expect } from "chai";
import { EXIT } from "../../src/errors";
import { stepPhrase } from "../../src/run/message-collector";
import { runCli } from "../support/run-cli";

const ROOT = path.resolve(__dirname, "..", "..");
const root = mkdtempSync(path.join(os.tmpdir(), "gim-cli-words-"));
after(() => rmSync(root, { recursive: true, force: true }));

function feature(name: string, lines: string[]): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, `${name}.feature`), `${lines.join("\n")}\n`);
  return dir;
}

const HEAD = ["@flow-1 @verified", "Feature: Mine", "  @id:mine-one", "  Scenario: routed and completed"];
const STORY = [
  '    Given a customer starts a chat in the interaction queue "Chat_Inbound"',
  '    When the strategy "RouteInboundChat" routes the chat to Agent1',
  "    And Agent1 accepts the invitation and chats with the customer",
  "    And Agent1 ends the chat",
];

test("an unknown descriptor names its file and line and offers the nearest name", async () => {
  const dir = feature("typo", [
    ...HEAD,
    ...STORY,
    "    Then Info Mart records exactly these IRFs:",
    "      | IRF | resource | role     | result   | reason |",
    "      | 1   | Agent1   | RoutedTo | Complted |        |",
  ]);
  const run = await runCli(["run", "--no-allure", "--features", dir]);
  expect(run.code, run.output).to.equal(EXIT.badInput);
  expect(run.stderr).to.match(
    /typo\.feature:11: field "result": IRF table row 1: unknown TECHNICAL_RESULT "Complted" \(did you mean "Completed"\?\); known: /i,
  );
});

test("an undefined step lists the step phrases the harness understands, not a JavaScript snippet", async () => {
  const dir = feature("undefined", [...HEAD, STORY[0] ?? "", "    When Agent1 acepts the invitation"]);
  const run = await runCli(["run", "--no-allure", "--features", dir]);
  expect(run.code, run.output).to.equal(EXIT.badInput);
  expect(run.stderr).to.contain(
    'undefined step: "Agent1 acepts the invitation" has no step definition; did you mean "<agent> accepts the invitation"?',
  );
  expect(run.stderr).to.contain("The steps the harness understands:");
  expect(run.stderr).to.contain('a customer starts a chat in the interaction queue "<queue>"');
  expect(run.stderr).to.contain("<number> seconds pass");
  expect(run.output).not.to.match(/function|async|a definition could start|\{agent\}/);
});

test("stepPhrase shows each placeholder as an analyst writes it", () => {
  expect(stepPhrase("the strategy {strategy} routes the chat to {agent}")).to.equal(
    'the strategy "<strategy>" routes the chat to <agent>',
  );
  expect(stepPhrase("{int} seconds pass")).to.equal("<number> seconds pass");
});

test("run --help names cucumber's one-file HTML report", async () => {
  const run = await runCli(["run", "--help"]);
  expect(run.code).to.equal(EXIT.ok);
  expect(run.stdout.replace(/\s+/g, " ")).to.contain("reports/cucumber-report.html");
});

test('the "build the report with" hint names --results when it is not the default', async () => {
  const results = path.join(root, "my results");
  const run = await runCli(["run", "--tags", "@flow-1", "--results", results]);
  expect(run.code, run.output).to.equal(EXIT.ok);
  const shown = path.relative(ROOT, results);
  expect(run.stderr).to.contain(`build the report with: gim-conformance report --results '${shown}'`);
});
