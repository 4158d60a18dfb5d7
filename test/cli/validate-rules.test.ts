/**
 * The classifier's consistency rules through `validate` and `classify` (main() in process): each log
 * here is valid line by line, and used to pass (issue 11); each is now refused with exit 2 and one
 * line naming file, line and field.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, test } from "node:test";
import { expect } from "chai";
import { main } from "../../src/cli/main";
import { formatEventLog } from "../../src/eventlog/format-event-log";
import { ChatLog } from "../support/chat-log";

const dir = mkdtempSync(join(tmpdir(), "gim-validate-rules-"));
after(() => rmSync(dir, { recursive: true, force: true }));

class Collect extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function cli(command: string, log: ChatLog, name: string) {
  const file = join(dir, name);
  writeFileSync(file, formatEventLog(log.events));
  const stdout = new Collect();
  const stderr = new Collect();
  const code = await main([command, file], { stdout, stderr, env: {} });
  return { code, stdout: stdout.text, stderr: stderr.text, file };
}

const cases: { name: string; log: () => ChatLog; where: string }[] = [
  {
    name: "an interaction id reused after its interaction stopped",
    log: () =>
      new ChatLog()
        .submitted()
        .add("EventProcessingStopped", { by: "customer" })
        .submitted()
        .add("EventProcessingStopped", { by: "customer" }),
    where: ':4: field "interaction": interaction "chat-1" has already stopped',
  },
  {
    name: "a second EventInteractionSubmitted after the chat left its queue",
    log: () =>
      new ChatLog().submitted().routedTo("Agent1").add("EventInteractionSubmitted", {
        media: "chat",
        interactionType: "Inbound",
        queue: "Chat_Inbound",
      }),
    where: ':5: field "event": interaction "chat-1" was already submitted',
  },
  {
    name: "a delivering-timeout revoke of an agent who already joined",
    log: () =>
      new ChatLog()
        .submitted()
        .routedTo("Agent1")
        .add("EventPartyAdded", { agent: "Agent1" })
        .add("EventRevoked", { agent: "Agent1", reason: "delivering-timeout" }),
    where: ':6: field "reason": Agent1 has already joined interaction "chat-1"',
  },
];

for (const [i, c] of cases.entries()) {
  test(`validate and classify refuse ${c.name} (exit 2, one line)`, async () => {
    for (const command of ["validate", "classify"]) {
      const r = await cli(command, c.log(), `case-${i}-${command}.jsonl`);
      expect(r.code, command).to.equal(2);
      expect(r.stderr.startsWith(`${r.file}${c.where}`), r.stderr).to.equal(true);
      expect(r.stderr.trimEnd().split("\n")).to.have.length(1);
    }
  });
}

test("classify never writes two IRF 1 rows for one interaction id", async () => {
  const r = await cli("classify", cases[0]?.log() as ChatLog, "twice.jsonl");
  const firsts = r.stdout
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as { interaction: string; irf: number })
    .filter((row) => row.irf === 1);
  expect(firsts.length).to.be.at.most(1);
});
