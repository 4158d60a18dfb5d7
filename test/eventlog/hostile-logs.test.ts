/**
 * Issue 11, event logs and stories: invalid UTF-8 and time going backwards are refused by the
 * reader itself, naming the line; a story that cannot happen, or a clock pushed past what a
 * timestamp can hold, is bad input naming the step (exit 2), never a harness error (3).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { EXIT, InputError } from "../../src/errors";
import { parseEventLog, readEventStream } from "../../src/eventlog/reader";
import { ChatScript } from "../../src/flows/chat-script";
import { FlowError } from "../../src/flows/flow-error";
import { runCli } from "../support/run-cli";

const root = mkdtempSync(path.join(os.tmpdir(), "gim-hostile-logs-"));
after(() => rmSync(root, { recursive: true, force: true }));

const SUBMITTED =
  '{"ts":"2026-03-02T09:00:00.000Z","interaction":"i1","event":"EventInteractionSubmitted","media":"chat","interactionType":"Inbound","queue":"Chat_Inbound"}';
const PLACED_AT = (ts: string, queue = "Chat_Inbound") =>
  `{"ts":"${ts}","interaction":"i1","event":"EventPlacedInQueue","queue":"${queue}"}`;

async function readAll(bytes: Buffer, file = "log.jsonl"): Promise<number> {
  let n = 0;
  for await (const _ of readEventStream(Readable.from([bytes]), file)) n++;
  return n;
}

async function readRejection(bytes: Buffer, file = "log.jsonl"): Promise<InputError> {
  try {
    await readAll(bytes, file);
  } catch (error) {
    expect(error).to.be.instanceOf(InputError);
    return error as InputError;
  }
  throw new Error("the log was accepted");
}

describe("the reader refuses invalid UTF-8, naming the line", () => {
  test("a Latin-1 agent name on line 2 (non-canonical: it has a space)", async () => {
    const line2 = Buffer.concat([
      Buffer.from(
        '{"ts": "2026-03-02T09:00:01.000Z","interaction":"i1","event":"EventPlacedInQueue","queue":"Caf',
      ),
      Buffer.from([0xe9]),
      Buffer.from('"}'),
    ]);
    const e = await readRejection(Buffer.concat([Buffer.from(`${SUBMITTED}\n`), line2, Buffer.from("\n")]));
    expect(e.message).to.match(/^log\.jsonl:2: not valid UTF-8 \(byte 0xE9 at column \d+\)/);
  });

  test("valid UTF-8 names still read (the check refuses only what is broken)", async () => {
    const text = `${SUBMITTED}\n${PLACED_AT("2026-03-02T09:00:01.000Z", "Café_Ü")}\n`;
    expect(await readAll(Buffer.from(text, "utf8"))).to.equal(2);
  });

  test("through validate: exit 2 and the line, where the name used to become U+FFFD", async () => {
    const file = path.join(root, "latin1.jsonl");
    writeFileSync(
      file,
      Buffer.from(`${SUBMITTED}\n${PLACED_AT("2026-03-02T09:00:01.000Z", "Caf\xe9")}\n`, "latin1"),
    );
    const run = await runCli(["validate", file]);
    expect(run.code, run.output).to.equal(EXIT.badInput);
    expect(run.stderr.trim()).to.match(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2: not valid UTF-8`),
    );
  });
});

describe("the reader refuses time going backwards within an interaction", () => {
  const backwards = `${SUBMITTED}\n${PLACED_AT("2026-03-02T09:00:05.000Z")}\n${PLACED_AT("2026-03-02T09:00:04.000Z")}\n`;

  test("streaming, naming the line and the field", async () => {
    const e = await readRejection(Buffer.from(backwards));
    expect(e.line).to.equal(3);
    expect(e.field).to.equal("ts");
    expect(e.message).to.contain('earlier than the previous event of interaction "i1"');
  });

  test("in memory too", () => {
    expect(() => parseEventLog(backwards, "mem.jsonl")).to.throw(InputError, /^mem\.jsonl:3: field "ts"/);
  });

  test("interleaved interactions each keep their own order", async () => {
    const other = `{"ts":"2026-03-02T08:00:00.000Z","interaction":"i2","event":"EventInteractionSubmitted","media":"chat","interactionType":"Inbound","queue":"Q2"}`;
    const text = `${SUBMITTED}\n${other}\n${PLACED_AT("2026-03-02T09:00:01.000Z")}\n`;
    expect(await readAll(Buffer.from(text))).to.equal(3);
  });
});

describe("a story that cannot happen is bad input naming the step", () => {
  test("the clock cannot pass what a timestamp holds: a FlowError, not a RangeError", () => {
    const chat = new ChatScript("c").customerStartsChat("Q");
    expect(() => chat.after(Number("99999999999999999999"))).to.throw(FlowError, /too long for a chat/);
    expect(() => chat.after(60)).not.to.throw();
  });

  test("through run: an invitation accepted but never sent, and an endless wait, both exit 2 naming the step", async () => {
    const dir = path.join(root, "stories");
    mkdirSync(dir);
    const table = [
      "    Then Info Mart records exactly these IRFs:",
      "      | IRF | resource     | role     | result   | reason |",
      "      | 1   | Chat_Inbound | Received | Diverted |        |",
    ];
    writeFileSync(
      path.join(dir, "a.feature"),
      [
        "@flow-1 @verified",
        "Feature: Impossible",
        "  @id:never-invited",
        "  Scenario: accepts what nobody sent",
        '    Given a customer starts a chat in the interaction queue "Chat_Inbound"',
        "    When Agent1 accepts the invitation",
        ...table,
        "",
        "  @id:endless-wait",
        "  Scenario: waits forever",
        '    Given a customer starts a chat in the interaction queue "Chat_Inbound"',
        "    When 99999999999999999999 seconds pass",
        ...table,
        "",
      ].join("\n"),
    );
    const run = await runCli(["run", "--no-allure", "--features", dir]);
    expect(run.code, run.output).to.equal(EXIT.badInput);
    expect(run.stderr).to.match(/never-invited\s+ERROR: bad input/);
    expect(run.stderr).to.match(
      /a\.feature:6: step "Agent1 accepts the invitation": Agent1 cannot accept: Agent1 was never invited/,
    );
    expect(run.stderr).to.match(
      /a\.feature:14: step "99999999999999999999 seconds pass": .*too long for a chat/,
    );
    expect(run.output).not.to.contain("RangeError");
    expect(run.output).not.to.contain("harness error");
  });
});
