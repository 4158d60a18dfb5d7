/** Reading event logs from real files: the contract's example, every rejection, size and speed. */

import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { after, before, test } from "node:test";
import { expect } from "chai";
import { InputError } from "../../src/errors";
import type { ChatEvent, LoggedEvent } from "../../src/eventlog/events";
import {
  formatEventLog,
  parseEventLog,
  readEventBatches,
  readEventLog,
  readEventStream,
} from "../../src/eventlog/reader";

let dir = "";
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "gim-eventlog-"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

let fileCount = 0;
/** Writes `content` to a fresh temp file and returns its path. */
async function logFile(content: string | Buffer): Promise<string> {
  const file = join(dir, `log-${++fileCount}.jsonl`);
  await writeFile(file, content);
  return file;
}

async function readAll(file: string, options?: { maxLineBytes?: number }): Promise<LoggedEvent[]> {
  const events: LoggedEvent[] = [];
  for await (const event of readEventLog(file, options)) events.push(event);
  return events;
}

async function rejection(file: string, options?: { maxLineBytes?: number }): Promise<InputError> {
  try {
    await readAll(file, options);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`${file} was accepted`);
}

/**
 * The example log of the contract, taken from the repository's copy of the spec (docs/event-log.md)
 * so the two cannot drift; a clone has no ../shared beside it.
 */
async function specExample(): Promise<string> {
  const spec = await readFile(resolve(__dirname, "../../docs/event-log.md"), "utf8");
  const block = /```jsonl\n([\s\S]*?)```/.exec(spec)?.[1];
  if (block === undefined) throw new Error("event-log.md has no jsonl example");
  return block;
}

const EVENT =
  '{"ts":"2026-03-02T09:00:00.000Z","interaction":"c-1","event":"EventPartyAdded","agent":"Agent1"}';

test("the example of event-log.md reads as its 7 events, with sources and times", async () => {
  const file = await logFile(await specExample());
  const events = await readAll(file);
  expect(events.map((e) => e.event.event)).to.deep.equal([
    "EventInteractionSubmitted",
    "EventPlacedInQueue",
    "EventTakenFromQueue",
    "EventAgentInvited",
    "EventPartyAdded",
    "EventPartyRemoved",
    "EventProcessingStopped",
  ]);
  expect(events.map((e) => e.source)).to.deep.equal([1, 2, 3, 4, 5, 6, 7].map((line) => ({ file, line })));
  expect(events[3]?.event).to.deep.equal({
    ts: "2026-03-02T09:00:05.000Z",
    interaction: "chat-0001",
    event: "EventAgentInvited",
    agent: "Agent1",
    purpose: "route",
  });
  expect(events.map((e) => e.time)).to.deep.equal(events.map((e) => Date.parse(e.event.ts)));
});

test("CRLF line endings, blank lines and a last line without newline", async () => {
  const file = await logFile(`\r\n${EVENT}\r\n   \r\n${EVENT}\r\n${EVENT}`);
  expect((await readAll(file)).map((e) => e.source.line)).to.deep.equal([2, 4, 5]);
});

test("unknown extra fields are kept on the event", async () => {
  const file = await logFile(`${EVENT.slice(0, -1)},"site":"EU","desktop":{"v":2}}\n`);
  const [logged] = await readAll(file);
  expect(logged?.event).to.deep.include({ agent: "Agent1", site: "EU", desktop: { v: 2 } });
});

test("invalid JSON names the line and the parser's reason", async () => {
  const e = await rejection(await logFile(`${EVENT}\n${EVENT}\n{"ts": "2026-03-02T09:00:00.000Z",\n`));
  expect([e.line, e.field]).to.deep.equal([3, undefined]);
  expect(e.message).to.match(/^.*log-\d+\.jsonl:3: not valid JSON: .+/);
});

test("a missing field, a wrong enum, an unknown event: file, line and field", async () => {
  const cases: [string, string, string][] = [
    [
      '{"ts":"2026-03-02T09:00:00.000Z","interaction":"c-1","event":"EventAgentInvited","purpose":"route"}',
      "agent",
      "required by EventAgentInvited but missing",
    ],
    [
      '{"ts":"2026-03-02T09:00:00.000Z","interaction":"c-1","event":"EventAgentInvited","agent":"A","purpose":"escalate"}',
      "purpose",
      'expected one of route, transfer, conference, consult, got "escalate"',
    ],
    [
      '{"ts":"2026-03-02T09:00:00.000Z","interaction":"c-1","event":"EventFoo"}',
      "event",
      'unknown event "EventFoo"',
    ],
    [
      '{"ts":"yesterday","interaction":"c-1","event":"EventPartyAdded","agent":"A"}',
      "ts",
      'expected an RFC 3339 UTC timestamp with milliseconds like 2026-03-02T09:00:00.000Z, got "yesterday"',
    ],
    [
      '{"ts":"2026-02-30T09:00:00.000Z","interaction":"c-1","event":"EventPartyAdded","agent":"A"}',
      "ts",
      'got "2026-02-30T09:00:00.000Z", which is not a real date',
    ],
  ];
  for (const [bad, field, problem] of cases) {
    const file = await logFile(`${EVENT}\n\n${bad}\n${EVENT}\n`);
    const e = await rejection(file);
    expect(e.message, bad).to.satisfy((m: string) => m.startsWith(`${file}:3: field "${field}": `));
    expect(e.message, bad).to.contain(problem);
    expect([e.file, e.line, e.field]).to.deep.equal([file, 3, field]);
  }
});

test("a line that is JSON but not an object", async () => {
  const file = await logFile(`${EVENT}\n[${EVENT}]\n`);
  expect((await rejection(file)).message).to.equal(
    `${file}:2: expected a JSON object (one event per line), got an array`,
  );
  expect((await rejection(await logFile('"EventPartyAdded"\n'))).line).to.equal(1);
});

test("an empty or whitespace-only log has no events", async () => {
  for (const content of ["", "\n\n", "  \r\n\t\n  "]) {
    const file = await logFile(content);
    const e = await rejection(file);
    expect(e.message, JSON.stringify(content)).to.equal(`${file}: the event log is empty: no events`);
    expect(e.line).to.equal(undefined);
  }
});

test("a missing file or a directory is named with a plain reason", async () => {
  const missing = join(dir, "nope.jsonl");
  expect((await rejection(missing)).message).to.equal(`${missing}: no such file`);
  expect((await rejection(dir)).message).to.equal(`${dir}: is a directory, not an event log file`);
});

test("a huge line without newline fails on the line-length limit, not on memory", async () => {
  const huge = await logFile(`${EVENT}\n{"ts":"${"9".repeat(5 * 1024 * 1024)}`);
  const e = await rejection(huge, { maxLineBytes: 1024 });
  expect(e.message).to.match(/log-\d+\.jsonl:2: line is longer than 1024 bytes/);
  // The default limit (1 MiB) against a 3 MB line.
  const big = await logFile(`${EVENT}\n${"x".repeat(3 * 1000 * 1000)}`);
  expect((await rejection(big)).message).to.contain(":2: line is longer than 1048576 bytes");
});

test("a stream stops being read as soon as a line outgrows the limit", async () => {
  let bytesRead = 0;
  const chunk = Buffer.alloc(16 * 1024, "9");
  async function* fiveMegabyteLine() {
    yield Buffer.from(`${EVENT}\n{"ts":"`);
    for (let i = 0; i < 320; i++) {
      bytesRead += chunk.length;
      yield chunk;
    }
  }
  const seen: number[] = [];
  let error: unknown;
  try {
    for await (const event of readEventStream(fiveMegabyteLine(), "big.jsonl", { maxLineBytes: 1024 })) {
      seen.push(event.source.line);
    }
  } catch (e) {
    error = e;
  }
  expect(seen).to.deep.equal([1]);
  expect((error as Error).message).to.match(/^big\.jsonl:2: line is longer than 1024 bytes/);
  expect(bytesRead).to.equal(chunk.length);
});

test("events before a bad line are delivered before its error", async () => {
  const file = await logFile(`${EVENT}\n${EVENT}\nnot json\n${EVENT}\n`);
  const seen: number[] = [];
  let error: unknown;
  try {
    for await (const event of readEventLog(file)) seen.push(event.source.line);
  } catch (e) {
    error = e;
  }
  expect(seen).to.deep.equal([1, 2]);
  expect((error as InputError).line).to.equal(3);
});

test("a log of 200,000 lines streams through in file order", async () => {
  const lines: string[] = [];
  for (let i = 0; i < 200_000; i++) {
    const ms = String(i % 1000).padStart(3, "0");
    lines.push(
      `{"ts":"2026-03-02T09:00:00.${ms}Z","interaction":"chat-${i}","event":"EventPartyAdded","agent":"A"}`,
    );
  }
  const file = await logFile(`${lines.join("\n")}\n`);
  let count = 0;
  let inOrder = true;
  // In batches: node:test's async hooks make every await about three times dearer, which would
  // time the runner rather than the reader (readEventLog itself is timed by the benchmark).
  for await (const batch of readEventBatches(file)) {
    for (const event of batch) {
      count++;
      if (event.source.line !== count) inOrder = false;
    }
  }
  expect(count).to.equal(200_000);
  expect(inOrder).to.equal(true);
  // Its speed is measured by bench/classify.ts, not asserted here: a wall-clock limit fails on a
  // busy machine (4.7 s under load 25) and under mutation testing, without any bug.
});

test("batches hold the same events, none empty", async () => {
  const file = await logFile(`${EVENT}\n\n${EVENT}\n`);
  const batches: LoggedEvent[][] = [];
  for await (const batch of readEventBatches(file)) batches.push(batch);
  expect(batches.every((b) => b.length > 0)).to.equal(true);
  expect(batches.flat().map((e) => e.source.line)).to.deep.equal([1, 3]);
});

test("readEventStream reads any Readable, e.g. what stdin would give", async () => {
  const events: LoggedEvent[] = [];
  for await (const event of readEventStream(Readable.from([Buffer.from(`${EVENT}\n`)]), "<stdin>")) {
    events.push(event);
  }
  expect(events).to.have.length(1);
  expect(events[0]?.source).to.deep.equal({ file: "<stdin>", line: 1 });
});

test("a byte order mark that arrives a byte at a time, as through a pipe, does not count towards the first line", async () => {
  // The splitter looked for it in the first chunk only; the strict decoder then dropped it from
  // the line's text, but its 3 bytes counted against the line-length limit.
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${EVENT}\n`)]);
  const chunks = [bytes.subarray(0, 1), bytes.subarray(1, 2), bytes.subarray(2)];
  const options = { maxLineBytes: Buffer.byteLength(EVENT) };
  const events: LoggedEvent[] = [];
  for await (const event of readEventStream(Readable.from(chunks), "<stdin>", options)) events.push(event);
  expect(events).to.have.length(1);
  expect(events[0]?.source).to.deep.equal({ file: "<stdin>", line: 1 });
});

test('file "-" reads standard input, named <stdin> in messages', () => {
  const script = `
    const { readEventLog } = require("./src/eventlog/reader");
    (async () => {
      const lines = [];
      try { for await (const e of readEventLog("-")) lines.push(e.source.file + ":" + e.source.line); }
      catch (e) { lines.push(e.message); }
      console.log(lines.join("|"));
    })();`;
  const run = spawnSync(process.execPath, ["-r", "ts-node/register", "-e", script], {
    cwd: resolve(__dirname, "../.."),
    input: `${EVENT}\n\n${EVENT}\nnope\n`,
    encoding: "utf8",
  });
  expect(run.stdout.trim()).to.match(/^<stdin>:1\|<stdin>:3\|<stdin>:4: not valid JSON: /);
});

test("parseEventLog reads a log in memory with the same checks", async () => {
  const example = await specExample();
  expect(parseEventLog(example, "example.jsonl")).to.have.length(7);
  expect(parseEventLog(`\uFEFF${EVENT}\r\n\r\n${EVENT}`, "m.jsonl").map((e) => e.source.line)).to.deep.equal([
    1, 3,
  ]);
  expect(() => parseEventLog(" \n\n", "m.jsonl")).to.throw(
    InputError,
    "m.jsonl: the event log is empty: no events",
  );
  expect(() => parseEventLog(`${EVENT}\n{`, "m.jsonl")).to.throw(InputError, /^m\.jsonl:2: not valid JSON/);
  expect(() => parseEventLog(`${EVENT}\n[]`, "m.jsonl")).to.throw(
    InputError,
    "m.jsonl:2: expected a JSON object",
  );
});

test("formatEventLog writes the contract's key order and reads back the same events", async () => {
  const example = await specExample();
  const events = parseEventLog(example, "example.jsonl").map((e) => e.event);
  expect(formatEventLog(events)).to.equal(example);
  const shuffled = {
    agent: "Agent2",
    note: "extra",
    visibility: "consult",
    from: "Agent1",
    event: "EventAgentInvited",
    purpose: "consult",
    interaction: "c-1",
    ts: "2026-03-02T09:00:00.000Z",
  } as ChatEvent;
  expect(formatEventLog([shuffled])).to.equal(
    '{"ts":"2026-03-02T09:00:00.000Z","interaction":"c-1","event":"EventAgentInvited","agent":"Agent2",' +
      '"purpose":"consult","from":"Agent1","visibility":"consult","note":"extra"}\n',
  );
  expect(formatEventLog([])).to.equal("");
});
