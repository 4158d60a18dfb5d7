/**
 * docs/ci-gate.md and examples/ci are copied into pipelines as they stand: every gim-conformance command it shows
 * must exist and take every option it passes (the commands themselves run in test/gate).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { expect } from "chai";
import { runCli } from "../support/run-cli";

const ROOT = join(__dirname, "..", "..");
/** The page and the pipelines it ships (examples/ci), whose commands users copy alike. */
const DOC = ["docs/ci-gate.md", "examples/ci/github-gim-upgrade-gate.yml", "examples/ci/gitlab-ci.yml"]
  .map((file) => readFileSync(join(ROOT, file), "utf8"))
  .join("\n");

/** Each invocation with its continuation lines (shell `\`, YAML folded blocks), as command -> options. */
function invocations(text: string): { command: string; options: string[] }[] {
  const lines = text.split("\n");
  const found: { command: string; options: string[] }[] = [];
  lines.forEach((line, i) => {
    const match = /gim-conformance (\w[\w-]*)(.*)$/.exec(line);
    if (match?.[1] === undefined) return;
    let whole = match[2] ?? "";
    for (let j = i + 1; j < lines.length && /^\s+--/.test(lines[j] ?? ""); j++) whole += ` ${lines[j]}`;
    found.push({
      command: match[1],
      options: [...whole.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]),
    });
  });
  return found;
}

describe("docs/ci-gate.md", () => {
  const used = invocations(DOC);

  test("shows the gate's commands: run with a snapshot and expectations, diff, report", () => {
    const commands = new Set(used.map((u) => u.command));
    expect([...commands]).to.include.members(["run", "diff", "report"]);
    const options = new Set(used.flatMap((u) => u.options));
    expect([...options]).to.include.members([
      "--snapshot",
      "--expectations",
      "--markdown",
      "--html",
      "--profile",
    ]);
  });

  test("every option it passes is one the command documents in --help", async () => {
    const byCommand = new Map<string, Set<string>>();
    for (const { command, options } of used) {
      const set = byCommand.get(command) ?? new Set<string>();
      for (const option of options) set.add(option);
      byCommand.set(command, set);
    }
    for (const [command, options] of byCommand) {
      const help = await runCli([command, "--help"]);
      expect(help.code, `${command} --help`).to.equal(0);
      for (const option of options) expect(help.stdout, `${command} ${option}`).to.contain(option);
    }
  });
});
