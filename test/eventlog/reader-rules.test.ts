/**
 * The reader's own rules, message by message and in process (test/eventlog/hostile-logs.test.ts
 * drives the same through whole runs): time order within an interaction, invalid UTF-8, blank
 * lines, values that are not events, a read failure in the middle of a stream, and the batches a
 * chunked stream gives.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, test } from "node:test";
import { expect } from "chai";
import { InputError } from "../../src/errors";
import type { LoggedEvent } from "../../src/eventlog/events";
import { parseEventLog, readEventBatches, readEventStream } from "../../src/eventlog/reader";

const SUBMITTED = (interaction = "i1", ts = "2026-03-02T09:00:00.000Z") =>
  `{"ts":"${ts}","interaction":"${interaction}","event":"EventInteractionSubmitted","media":"chat","interactionType":"Inbound","queue":"Chat_Inbound"}`;
const PLACED_AT = (ts: string, interaction = "i1") =>
  `{"ts":"${ts}","interaction":"${interaction}","event":"EventPlacedInQueue","queue":"Chat_Inbound"}`;
const STOPPED_AT = (ts: string, interaction = "i1") =>
  `{"ts":"${ts}","interaction":"${interaction}","event":"EventProcessingStopped","by":"strategy"}`;

/** The events of `chunks` read as a stream named log.jsonl. */
async function streamed(chunks: (string | Buffer)[]): Promise<LoggedEvent[]> {
  const events: LoggedEvent[] = [];
  for await (const e of readEventStream(Readable.from(chunks), "log.jsonl")) events.push(e);
  return events;
}

/** The rejection of a streamed log, and of the same text in memory: they must agree. */
async function rejections(text: string | Buffer): Promise<[InputError, InputError | undefined]> {
  let fromStream: unknown;
  try {
    await streamed([text]);
  } catch (error) {
    fromStream = error;
  }
  expect(fromStream, "the stream accepted it").to.be.instanceOf(InputError);
  let inMemory: unknown;
  if (typeof text === "string") {
    try {
      parseEventLog(text, "log.jsonl");
    } catch (error) {
      inMemory = error;
    }
    expect(inMemory, "parseEventLog accepted it").to.be.instanceOf(InputError);
  }
  return [fromStream as InputError, inMemory as InputError | undefined];
}

const BACKWARDS =
  'log.jsonl:3: field "ts": 2026-03-02T09:00:04.000Z is earlier than the previous event of interaction "i1" (2026-03-02T09:00:05.000Z); events must be in time order within an interaction';

describe("time order within an interaction", () => {
  test("an event earlier than its interaction's previous one: the line, the field, both times", async () => {
    const text = `${SUBMITTED()}\n${PLACED_AT("2026-03-02T09:00:05.000Z")}\n${PLACED_AT("2026-03-02T09:00:04.000Z")}\n`;
    const [stream, memory] = await rejections(text);
    expect(stream.message).to.equal(BACKWARDS);
    expect(memory?.message).to.equal(BACKWARDS);
  });

  test("the same millisecond is in order, and interleaved interactions each keep their own clock", async () => {
    const text = [
      SUBMITTED("i1", "2026-03-02T09:00:05.000Z"),
      SUBMITTED("i2", "2026-03-02T08:00:00.000Z"),
      PLACED_AT("2026-03-02T09:00:05.000Z", "i1"),
      PLACED_AT("2026-03-02T08:00:01.000Z", "i2"),
      "",
    ].join("\n");
    expect((await streamed([text])).map((e) => e.source.line)).to.deep.equal([1, 2, 3, 4]);
    expect(parseEventLog(text, "log.jsonl").map((e) => e.source.line)).to.deep.equal([1, 2, 3, 4]);
  });

  test("an interaction is forgotten once it stops: the reader's memory follows open interactions only", () => {
    // A later line reusing the id is not compared with the stopped interaction's clock: reuse is
    // the classifier's rule (it names the reuse), and a log of millions of chats that each stop
    // keeps a handful of entries here, not millions.
    const text = `${SUBMITTED("i1", "2026-03-02T09:00:05.000Z")}\n${STOPPED_AT("2026-03-02T09:00:09.000Z")}\n${SUBMITTED()}\n`;
    expect(parseEventLog(text, "log.jsonl").map((e) => e.source.line)).to.deep.equal([1, 2, 3]);
  });
});

describe("what a line must be", () => {
  test("invalid UTF-8 is refused, naming the line, the byte and its column", async () => {
    const latin1 = PLACED_AT("2026-03-02T09:00:01.000Z").replace("Chat_Inbound", "Caf\xe9");
    const bytes = Buffer.concat([
      Buffer.from(`${SUBMITTED()}\n`),
      Buffer.from(latin1, "latin1"),
      Buffer.from("\n"),
    ]);
    // Columns count from 1: the é is the character after "Caf".
    const column = latin1.indexOf("\xe9") + 1;
    const [stream] = await rejections(bytes);
    expect(stream.message).to.equal(
      `log.jsonl:2: not valid UTF-8 (byte 0xE9 at column ${column}); save the event log as UTF-8 (it may be Latin-1 or Windows-1252)`,
    );
  });

  test("a line of blanks (space, tab, CR, vertical tab, form feed) is skipped, as the stream's splitter does", async () => {
    const text = `\v\n${SUBMITTED()}\n \t\r\v\f\n\f\n`;
    expect(parseEventLog(text, "log.jsonl").map((e) => e.source.line)).to.deep.equal([2]);
    expect((await streamed([text])).map((e) => e.source.line)).to.deep.equal([2]);
  });

  test("a byte order mark starting a later line is refused there, in a stream as in memory", async () => {
    // Only the file's first bytes may be a byte order mark; later, U+FEFF is a character JSON
    // does not allow before a value. The stream decoded each line on its own and so dropped it.
    const text = `${SUBMITTED()}\n\ufeff${PLACED_AT("2026-03-02T09:00:01.000Z")}\n`;
    const [stream, memory] = await rejections(text);
    expect(stream.message).to.equal(memory?.message);
    expect(stream.message).to.match(/^log\.jsonl:2: not valid JSON: /);
    // ...and the same line without it is an event: the mark alone is what is refused.
    expect((await streamed([text.replace("\ufeff", "")])).map((e) => e.source.line)).to.deep.equal([1, 2]);
  });

  test("JSON that is not an object is refused as the schema would, not as a crash", async () => {
    for (const value of ["null", "[]", "7", '"ts"']) {
      const [stream, memory] = await rejections(`${SUBMITTED()}\n${value}\n`);
      expect(stream.message, value).to.equal(memory?.message);
      expect(stream.message, value).to.match(/^log\.jsonl:2: /);
      expect(stream.message, value).not.to.match(/TypeError|Cannot read/);
    }
  });
});

describe("a stream read in chunks", () => {
  test("a bad line in a later chunk is refused after the events before it are given", async () => {
    const events: number[] = [];
    let error: unknown;
    try {
      const chunks = [
        `${SUBMITTED()}\n`,
        `${PLACED_AT("2026-03-02T09:00:01.000Z")}\n{oops\n`,
        `${PLACED_AT("2026-03-02T09:00:02.000Z")}\n`,
      ];
      for await (const e of readEventStream(Readable.from(chunks), "log.jsonl")) events.push(e.source.line);
    } catch (e) {
      error = e;
    }
    expect(events).to.deep.equal([1, 2]);
    expect(error).to.be.instanceOf(InputError);
    expect((error as InputError).message).to.match(/^log\.jsonl:3: not valid JSON: /);
  });

  test("a bad last line without its newline is refused too, after the events before it", async () => {
    const [stream, memory] = await rejections(`${SUBMITTED()}\n{oops`);
    expect(stream.message).to.match(/^log\.jsonl:2: not valid JSON: /);
    expect(memory?.message).to.equal(stream.message);
  });

  test("a read failure in the middle is named as the event log's, with its code", async () => {
    async function* failing() {
      yield Buffer.from(`${SUBMITTED()}\n`);
      throw Object.assign(new Error("i/o error"), { code: "EIO" });
    }
    let error: unknown;
    const lines: number[] = [];
    try {
      for await (const e of readEventStream(failing(), "log.jsonl")) lines.push(e.source.line);
    } catch (e) {
      error = e;
    }
    expect(lines).to.deep.equal([1]);
    expect(error).to.be.instanceOf(InputError);
    expect((error as InputError).message).to.equal("log.jsonl: cannot read the event log (EIO)");
  });

  test("byte by byte, every event comes once, in order, with its line", async () => {
    const text = `${SUBMITTED()}\n\n${PLACED_AT("2026-03-02T09:00:01.000Z")}\n${STOPPED_AT("2026-03-02T09:00:02.000Z")}`;
    const bytes = Buffer.from(text);
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    expect((await streamed(chunks)).map((e) => [e.source.line, e.event.event])).to.deep.equal([
      [1, "EventInteractionSubmitted"],
      [3, "EventPlacedInQueue"],
      [4, "EventProcessingStopped"],
    ]);
  });

  test("a file whose first chunk holds no whole event gives no empty batch", async () => {
    // 300 KiB of blanks fill the first 256 KiB read with no event to give.
    const dir = mkdtempSync(join(tmpdir(), "gim-batches-"));
    try {
      const file = join(dir, "log.jsonl");
      writeFileSync(file, `${" ".repeat(300 * 1024)}\n${SUBMITTED()}\n`);
      const sizes: number[] = [];
      for await (const batch of readEventBatches(file)) sizes.push(batch.length);
      expect(sizes).to.deep.equal([1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
