/**
 * Issue 11: text from the input reaches the terminal escaped (an ESC could retitle or clear it, a
 * newline could forge an output line), and an unknown RESOURCE_TYPE_CODE is bad input in one line
 * (exit 2), as docs/real-info-mart.md says, from an export and from a live database alike.
 * Each case puts ESC and a newline into the input and runs the real command.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, type TestContext, test } from "node:test";
import { expect } from "chai";
import { EXIT } from "../../src/errors";
import { passwordOf, postgresUnavailable, type SeededSchema, seededSchema } from "../support/postgres";
import { type CliRun, runCli } from "../support/run-cli";

const dir = mkdtempSync(path.join(os.tmpdir(), "gim-hostile-text-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const ESC = "\u001b";
/** Clears the screen, then starts what would look like a line of the tool's own. */
const HOSTILE = `${ESC}[2J\nFORGED: 0 failed`;

function write(name: string, text: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** No raw control character (other than line ends) and no forged line anywhere in the output. */
function expectEscaped(run: CliRun): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  expect(run.output, run.output).not.to.match(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  expect(run.output.split("\n").some((line) => line.startsWith("FORGED"))).to.equal(false);
}

const SUBMITTED = (interaction: string) =>
  JSON.stringify({
    ts: "2026-03-02T09:00:00.000Z",
    interaction,
    event: "EventInteractionSubmitted",
    media: "chat",
    interactionType: "Inbound",
    queue: "Chat_Inbound",
  });

describe("event logs: escaped in every message", () => {
  test("an invalid JSON line holding ESC", async () => {
    const file = write("bad-json.jsonl", `${SUBMITTED("i1")}\n{"ts": ${ESC}[2J oops\n`);
    const run = await runCli(["validate", file]);
    expect(run.code, run.output).to.equal(EXIT.badInput);
    expect(run.stderr).to.contain(`${file}:2: not valid JSON`);
    expect(run.stderr).to.contain("\\u001b[2J");
    expectEscaped(run);
  });

  test("an agent name holding ESC and a newline", async () => {
    const added = JSON.stringify({
      ts: "2026-03-02T09:00:05.000Z",
      interaction: "i1",
      event: "EventPartyAdded",
      agent: `Agent${HOSTILE}`,
    });
    const file = write("agent.jsonl", `${SUBMITTED("i1")}\n${added}\n`);
    for (const command of ["validate", "classify"]) {
      const run = await runCli([command, file]);
      expect(run.code, run.output).to.equal(EXIT.badInput);
      expect(run.stderr.trim().split("\n"), run.stderr).to.have.length(1);
      expect(run.stderr).to.contain("\\u001b[2J\\nFORGED");
      expectEscaped(run);
    }
  });

  test("an interaction id holding ESC and a newline, named by the time-order check", async () => {
    const id = `chat${HOSTILE}`;
    const placed = (ts: string) =>
      JSON.stringify({ ts, interaction: id, event: "EventPlacedInQueue", queue: "Q" });
    const file = write(
      "interaction.jsonl",
      `${SUBMITTED(id)}\n${placed("2026-03-02T09:00:05.000Z")}\n${placed("2026-03-02T09:00:04.000Z")}\n`,
    );
    const run = await runCli(["validate", file]);
    expect(run.code, run.output).to.equal(EXIT.badInput);
    expect(run.stderr).to.match(
      /:3: field "ts": .*earlier than the previous event of interaction "chat\\u001b\[2J\\nFORGED/,
    );
    expectEscaped(run);
  });
});

const IRF_HEADER =
  "interaction_id,media_server_ixn_guid,interaction_resource_id,media_name_code,interaction_type_code,resource_name,resource_type_code,resource_role_code,technical_result_code,result_reason_code,role_reason_code,start_ts,end_ts";

describe("an export's cells: an unknown RESOURCE_TYPE_CODE", () => {
  test("is bad input (exit 2) in one escaped line, said once", async () => {
    const csv = write(
      "irf.csv",
      `${IRF_HEADER}\n1,G1,1,CHAT,INBOUND,Agent1,"ROBOT${HOSTILE}",ROUTEDTO,COMPLETED,,,1772442000,1772442300\n`,
    );
    const manifest = write("m.yaml", "version: 1\nscenarios:\n  chat-routed-agent-replies: { guid: G1 }\n");
    const run = await runCli([
      "run",
      "--no-allure",
      "--sut",
      "export",
      "--export",
      csv,
      "--manifest",
      manifest,
    ]);
    expect(run.code, run.output).to.equal(EXIT.badInput);
    const message = 'field "RESOURCE_TYPE_CODE": unknown code "ROBOT\\u001b[2J\\nFORGED: 0 failed"';
    expect(run.stderr).to.contain(`${csv}:`);
    expect(run.stderr).to.contain(message);
    expect(run.output.split(message)).to.have.length(2); // once, not doubled
    expectEscaped(run);
  });
});

const unavailable = postgresUnavailable();
function pgTest(name: string, fn: () => Promise<void>): void {
  test(name, async (t: TestContext) => {
    if (unavailable !== undefined) {
      t.skip(unavailable);
      return;
    }
    await fn();
  });
}

describe("a live database's text: RESOURCE_TYPE_CODE and JOB_VERSION", () => {
  let seeded: SeededSchema | undefined;
  after(async () => {
    await seeded?.schema.drop();
  });
  const runPostgres = async () => {
    if (seeded === undefined) seeded = await seededSchema("hostile_text");
    return runCli([
      "run",
      "--no-allure",
      "--tags",
      "@flow-1",
      "--sut",
      "postgres",
      "--db",
      seeded.schema.url,
      "--manifest",
      seeded.manifestFile,
    ]);
  };

  pgTest("a JOB_VERSION holding ESC, BEL and a newline is shown escaped", async () => {
    const run0 = await runPostgres();
    expect(run0.code, run0.output).to.equal(EXIT.ok);
    await seeded?.schema.writer.query("UPDATE ctl_transform_history SET job_version = $1", [
      `8.5.116${ESC}]0;pwned\u0007\nFORGED: 0 failed`,
    ]);
    const run = await runPostgres();
    expect(run.code, run.output).to.equal(EXIT.ok);
    expect(run.stderr).to.contain("8.5.116\\u001b]0;pwned\\u0007\\nFORGED");
    expectEscaped(run);
    expect(run.output).not.to.contain(passwordOf(seeded?.schema.url ?? ""));
  });

  pgTest("an unknown RESOURCE_TYPE_CODE row is exit 2 in one escaped line, said once", async () => {
    if (seeded === undefined) seeded = await seededSchema("hostile_text");
    await seeded.schema.writer.query(
      "UPDATE resource_ SET resource_type_code = $1 WHERE resource_type_code = 'AGENT'",
      [`ROBOT${HOSTILE}`],
    );
    const run = await runPostgres();
    expect(run.code, run.output).to.equal(EXIT.badInput);
    const lines = run.stderr.trim().split("\n");
    expect(lines, run.stderr).to.have.length(1);
    expect(lines[0]).to.match(
      /^PostgreSQL Info Mart at .*: field "RESOURCE_TYPE_CODE": unknown code "ROBOT\\u001b\[2J\\nFORGED: 0 failed" for interaction /,
    );
    expectEscaped(run);
  });
});
