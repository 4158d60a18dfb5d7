/**
 * Splits a byte stream into lines for a JSON Lines reader, with memory bounded by the longest
 * allowed line rather than by the input: a runaway line (a whole file with no newline, a binary
 * file) is rejected as soon as it outgrows the limit, before the rest of it is read. Works on
 * Buffers, so line numbers and the byte limit are exact whatever the encoding, and so that a
 * reader can look at a line's bytes before paying for a string (canonical-line.ts).
 */
import { InputError } from "../errors";

/** 1 MiB: far beyond any real event (a few hundred bytes), small enough to keep memory flat. */
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

export interface Line {
  text: string;
  /** 1-based, counting every line of the input, blank ones included, so editors agree. */
  line: number;
}

export interface LineSplitterOptions {
  /** The file name that errors report. */
  file: string;
  maxLineBytes?: number;
}

/** A line as bytes: bytes[from, to), without its line ending; only valid during the call. */
export type OnLineBytes = (bytes: Buffer, from: number, to: number, line: number) => void;

const LF = 0x0a;
const CR = 0x0d;
/** The UTF-8 byte order mark, as some Windows tools write before the first line. */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function isBlankByte(b: number | undefined): boolean {
  return b === 0x20 || b === 0x09 || b === CR || b === 0x0b || b === 0x0c;
}

/**
 * The push-based core: feed it chunks, it calls back with each complete non-blank line.
 * Synchronous, so a reader can turn one chunk into a batch of events without a promise per line.
 */
export class LineSplitter {
  readonly file: string;
  readonly maxLineBytes: number;
  /** Lines completed so far, blank ones included. */
  private lineCount = 0;
  /** The start of a line not yet ended, spread over the chunks it came in. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Whether the input may still begin with a byte order mark: what is pending is its start. */
  private atStart = true;

  constructor(options: LineSplitterOptions) {
    this.file = options.file;
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    if (!(this.maxLineBytes > 0)) {
      throw new RangeError(`maxLineBytes must be positive, got ${this.maxLineBytes}`);
    }
  }

  /** Splits `chunk`, calling `onLine` with the text of every non-blank line it completes. */
  push(chunk: Buffer, onLine: (text: string, line: number) => void): void {
    this.pushBytes(chunk, (bytes, from, to, line) => onLine(bytes.toString("utf8", from, to), line));
  }

  /** Flushes a last line that had no newline. */
  end(onLine: (text: string, line: number) => void): void {
    this.endBytes((bytes, from, to, line) => onLine(bytes.toString("utf8", from, to), line));
  }

  /** Splits `chunk`, calling `onLine` with the bytes of every non-blank line it completes. */
  pushBytes(chunk: Buffer, onLine: OnLineBytes): void {
    let start = 0;
    if (this.atStart) start = this.skipMark(chunk);
    for (;;) {
      const newline = chunk.indexOf(LF, start);
      if (newline === -1) break;
      if (this.pendingBytes === 0) {
        this.emit(chunk, start, newline, onLine);
      } else {
        this.pending.push(chunk.subarray(start, newline));
        const whole = Buffer.concat(this.pending, this.pendingBytes + newline - start);
        this.pending = [];
        this.pendingBytes = 0;
        this.emit(whole, 0, whole.length, onLine);
      }
      start = newline + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.length - start;
      // One byte of slack: a line of exactly the limit may be waiting for the \n of its \r\n.
      if (this.pendingBytes + rest > this.maxLineBytes + 1) throw this.tooLong(this.lineCount + 1);
      this.pending.push(chunk.subarray(start));
      this.pendingBytes += rest;
    }
  }

  /** Flushes a last line that had no newline, as bytes. */
  endBytes(onLine: OnLineBytes): void {
    if (this.pendingBytes === 0) return;
    const whole = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.emit(whole, 0, whole.length, onLine);
  }

  /**
   * Where `chunk` goes on after a byte order mark, which is not part of the first event. The
   * mark may come in several chunks (a pipe can deliver a byte at a time): its bytes seen so far
   * wait as the pending start of the first line, and stay that line's start if the mark breaks off.
   */
  private skipMark(chunk: Buffer): number {
    let at = 0;
    while (at < chunk.length && this.pendingBytes + at < BOM.length) {
      if (chunk[at] !== BOM[this.pendingBytes + at]) {
        this.atStart = false;
        return 0;
      }
      at++;
    }
    // The chunk ended inside the mark: its bytes wait with the pending ones, as any line's would.
    if (this.pendingBytes + at < BOM.length) return 0;
    this.atStart = false;
    this.pending = [];
    this.pendingBytes = 0;
    return at;
  }

  private emit(buffer: Buffer, from: number, to: number, onLine: OnLineBytes): void {
    const line = ++this.lineCount;
    const end = to > from && buffer[to - 1] === CR ? to - 1 : to;
    if (end - from > this.maxLineBytes) throw this.tooLong(line);
    let first = from;
    while (first < end && isBlankByte(buffer[first])) first++;
    if (first === end) return;
    onLine(buffer, from, end, line);
  }

  private tooLong(line: number): InputError {
    return new InputError(
      this.file,
      line,
      undefined,
      `line is longer than ${this.maxLineBytes} bytes; an event log holds one event (a few hundred bytes) per line`,
    );
  }
}

/**
 * The non-blank lines of a byte stream (a Readable, process.stdin, any AsyncIterable of chunks).
 * Lines before a rejected one are still yielded first, as a line-by-line reader would.
 */
export async function* splitLines(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  options: LineSplitterOptions,
): AsyncGenerator<Line> {
  const splitter = new LineSplitter(options);
  let batch: Line[] = [];
  const collect = (text: string, line: number) => {
    batch.push({ text, line });
  };
  for await (const chunk of source) {
    const failure = attempt(() => splitter.push(toBuffer(chunk), collect));
    const lines = batch;
    batch = [];
    // A plain loop: `yield*` over an array in an async generator awaits every element.
    for (const line of lines) yield line;
    if (failure !== undefined) throw failure.error;
  }
  const failure = attempt(() => splitter.end(collect));
  for (const line of batch) yield line;
  if (failure !== undefined) throw failure.error;
}

/** Runs `work`, returning what it threw (boxed, since anything can be thrown) instead of throwing. */
export function attempt(work: () => void): { error: unknown } | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return { error };
  }
}

export function toBuffer(chunk: Buffer | Uint8Array | string): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
