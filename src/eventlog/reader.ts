/**
 * Reading chat event logs (v1, ../shared/spec/event-log.md): JSON Lines from a file, stdin or
 * memory, each line parsed and validated against the shipped schema. Streaming, with memory
 * bounded by the longest line, never by the file: logs of millions of events are normal.
 * Every rejection is an InputError naming the file, the line and the field. Lines in the
 * canonical form (canonical-line.ts) are read from their bytes, checked as strictly, at a
 * fraction of the cost of JSON.parse and the schema; every other line gets both.
 */
import { open } from "node:fs/promises";
import { InputError } from "../errors";
import { asInputError as asFileError } from "../input-file";
import { printable } from "../report/text-escape";
import { decodeUtf8, firstInvalidUtf8, invalidUtf8Problem } from "../strict-utf8";
import { readCanonicalLine } from "./canonical-line";
import type { LoggedEvent } from "./events";
import { attempt, DEFAULT_MAX_LINE_BYTES, LineSplitter, toBuffer } from "./line-splitter";
import { TimeOrder } from "./time-order";
import { toLoggedEvent } from "./validate-event";

export { formatEvent, formatEventLog } from "./format-event-log";
export { DEFAULT_MAX_LINE_BYTES } from "./line-splitter";

export interface ReadEventLogOptions {
  /** Longest accepted line, in bytes (default 1 MiB); a longer one is rejected before it is read whole. */
  maxLineBytes?: number;
}

/** The name that messages give standard input, read when the file is "-". */
export const STDIN_NAME = "<stdin>";

/** Bigger than fs's 64 KiB default: fewer awaits per event, still a trivial amount of memory. */
const READ_CHUNK_BYTES = 256 * 1024;

/** The events of the log at `file` ("-" for stdin), validated, in file order. */
export function readEventLog(file: string, options: ReadEventLogOptions = {}): AsyncGenerator<LoggedEvent> {
  return eventsOf(readEventBatches(file, options));
}

/**
 * The same events in batches (one per chunk read, a few thousand events): for consumers that
 * want to spend one await per batch rather than per event. Never yields an empty batch.
 */
export function readEventBatches(
  file: string,
  options: ReadEventLogOptions = {},
): AsyncGenerator<LoggedEvent[]> {
  if (file === "-") return readEventStreamBatches(process.stdin, STDIN_NAME, options);
  return readEventStreamBatches(() => openEventLog(file), file, options);
}

/** What a log arrives as: a Readable (a file, process.stdin) or any async iterable of chunks. */
export type Chunks = AsyncIterable<Buffer | Uint8Array | string>;

/** The events of a log arriving as chunks; `file` names it in messages. */
export function readEventStream(
  source: Chunks,
  file: string,
  options: ReadEventLogOptions = {},
): AsyncGenerator<LoggedEvent> {
  return eventsOf(readEventStreamBatches(source, file, options));
}

async function* eventsOf(batches: AsyncIterable<LoggedEvent[]>): AsyncGenerator<LoggedEvent> {
  for await (const batch of batches) {
    // A plain loop: `yield*` over an array in an async generator awaits every element.
    for (const event of batch) yield event;
  }
}

/**
 * The core: events parsed a chunk at a time. Takes an opener too, so that a file is opened (and
 * fails to open) on the first `next()` like every other problem, and never if nobody reads. When a line is rejected, the
 * events before it are yielded first, then its error is thrown, as a line-by-line reader would.
 */
async function* readEventStreamBatches(
  source: Chunks | (() => Promise<Chunks>),
  file: string,
  options: ReadEventLogOptions,
): AsyncGenerator<LoggedEvent[]> {
  const splitter = new LineSplitter({ file, maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES });
  // Events are collected in one long-lived list and handed out as a fresh copy that is never
  // written again. A batch list that outlived a young-generation collection mid-chunk would sit in
  // the old generation after use, dead, until the next full collection, keeping every event
  // pushed after that collection alive and promoting it (measured: 40% of a big log's GC time).
  const collected: LoggedEvent[] = [];
  const take = (): LoggedEvent[] => {
    const batch = collected.slice();
    collected.length = 0;
    return batch;
  };
  let anyEvent = false;
  const order = new TimeOrder(file);
  const parse = (bytes: Buffer, from: number, to: number, line: number) => {
    anyEvent = true;
    const logged = parseEventBytes(bytes, from, to, file, line);
    order.check(logged);
    collected.push(logged);
  };
  try {
    const chunks = typeof source === "function" ? await source() : source;
    for await (const chunk of chunks) {
      const failure = attempt(() => splitter.pushBytes(toBuffer(chunk), parse));
      if (collected.length > 0) {
        yield take();
      }
      if (failure !== undefined) throw failure.error;
    }
  } catch (error) {
    throw asEventLogError(error, file);
  }
  const failure = attempt(() => splitter.endBytes(parse));
  if (collected.length > 0) {
    yield take();
  }
  if (failure !== undefined) throw failure.error;
  if (!anyEvent) throw emptyLog(file);
}

/**
 * One non-blank line, given as bytes[from, to), as a validated event: the fast path for lines in
 * the canonical form; any other line is parsed and validated in full.
 */
export function parseEventBytes(
  bytes: Buffer,
  from: number,
  to: number,
  file: string,
  line: number,
): LoggedEvent {
  return (
    readCanonicalLine(bytes, from, to, file, line) ??
    parseEventLine(lineText(bytes, from, to, file, line), file, line)
  );
}

/** The events of a log held in memory, with the same checks as readEventLog. */
export function parseEventLog(text: string, file: string): LoggedEvent[] {
  const events: LoggedEvent[] = [];
  const order = new TimeOrder(file);
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    line++;
    const content = text.slice(start, end);
    if (!BLANK.test(content)) {
      const logged = parseEventLine(content, file, line);
      order.check(logged);
      events.push(logged);
    }
    start = end + 1;
  }
  if (events.length === 0) throw emptyLog(file);
  return events;
}

/** The same blank bytes that the streaming splitter skips. */
const BLANK = /^[ \t\r\v\f]*$/;

/**
 * A line's bytes as text. Buffer's decoding would turn invalid UTF-8 into U+FFFD silently, and
 * the names in it would then be compared mangled: refuse the line instead.
 */
function lineText(bytes: Buffer, from: number, to: number, file: string, line: number): string {
  const text = decodeUtf8(bytes, from, to);
  if (text !== undefined) return text;
  const bad = firstInvalidUtf8(bytes.subarray(from, to));
  throw new InputError(file, line, undefined, invalidUtf8Problem("event log", bad));
}

/** One line of a log: JSON, an object, valid against the schema. */
export function parseEventLine(text: string, file: string, line: number): LoggedEvent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // JSON.parse quotes the line: escape it, or a control character in it would reach the terminal.
    throw new InputError(file, line, undefined, `not valid JSON: ${printable((error as Error).message)}`);
  }
  return toLoggedEvent(value, { file, line });
}

export function emptyLog(file: string): InputError {
  return new InputError(file, undefined, undefined, "the event log is empty: no events");
}

/** The chunks of the log file at `file`; a missing file or a directory is an InputError naming it. */
export async function openEventLog(file: string): Promise<Chunks> {
  const handle = await open(file, "r").catch((error: unknown) => {
    throw asEventLogError(error, file);
  });
  try {
    if ((await handle.stat()).isDirectory()) {
      throw new InputError(file, undefined, undefined, "is a directory, not an event log file");
    }
  } catch (error) {
    await handle.close();
    throw asEventLogError(error, file);
  }
  // The stream closes the handle when it ends, fails or is destroyed (the generator's return).
  return handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES });
}

/** Event-log read failures, named as every input file's are (src/input-file.ts). */
export function asEventLogError(error: unknown, file: string): unknown {
  return asFileError(error, file, { what: "event log" });
}
