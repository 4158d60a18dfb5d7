/**
 * One worker thread of `classify --jobs N` (parallel-classify.ts). The reading thread hands every
 * worker the same pieces of the log (whole lines, in memory they share); each splits them into
 * lines and parses and classifies only the lines of its own interactions (partition.ts), and
 * posts each stopped interaction's rows, already formatted and encoded, with the line of the
 * event that stopped it. It waits for acknowledgements when too many of its batches are not yet
 * written, so that memory stays bounded whatever the speed of the other workers and of the
 * output; the reading thread, in turn, waits for it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { InputError } from "../errors";
import { LineSplitter } from "../eventlog/line-splitter";
import { parseEventBytes } from "../eventlog/reader";
import { TimeOrder } from "../eventlog/time-order";
import type { GimConfig } from "../gimconfig/gim-config";
import { ChatClassifier } from "./classify";
import { formatRow } from "./format-row";
import { workerOf } from "./partition";

export interface WorkerInput {
  /** The log's name, for messages. */
  file: string;
  index: number;
  jobs: number;
  maxLineBytes: number;
  config: GimConfig;
  /** Batches with rows posted and not yet acknowledged before this worker waits. */
  maxInFlight: number;
}

/** What the reading thread sends: a piece of the log, the end of it, or "your rows are written". */
export type ToWorker =
  /**
   * The next bytes of the log, shared with the other workers and read only: whole lines, or a
   * run of bytes without a newline longer than a line may be (which the splitter refuses).
   */
  { type: "piece"; piece: SharedArrayBuffer } | { type: "end" } | "ack";

/** An interaction the log left open: its first line orders it among the others. */
export interface OpenGroup {
  firstLine: number;
  interaction: string;
  openAttempts: number;
  text: string;
}

export type WorkerMessage =
  /**
   * Rows of interactions that stopped, by stopping line; every own line up to `watermark` is done.
   * Posted once for every piece received, so it also tells the reading thread that one was used.
   * The rows are UTF-8 already, in one transferred buffer: group i is bytes[ends[i-1], ends[i]).
   * Encoding here and handing the bytes over without a copy leaves the merging thread nothing to
   * do but order slices and write them: strings would be cloned and encoded again there, by one
   * thread, which measured as slow as the whole single-threaded classify.
   */
  | { type: "rows"; lines: number[]; ends: number[]; bytes: Uint8Array; watermark: number }
  /** `anyLine`: whether the log held a non-blank line at all, which every worker reads alike. */
  | { type: "end"; open: OpenGroup[]; anyLine: boolean }
  | {
      type: "input-error";
      file: string;
      line: number | undefined;
      field: string | undefined;
      message: string;
    }
  | { type: "fatal"; message: string };

async function work(input: WorkerInput): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error("parallel-worker.ts runs as a worker thread only");
  const post = (m: WorkerMessage) => port.postMessage(m);
  const queue: Exclude<ToWorker, "ack">[] = [];
  let inFlight = 0;
  let wake: (() => void) | undefined;
  port.on("message", (m: ToWorker) => {
    if (m === "ack") {
      // One acknowledgement per batch with rows, never more: a count gone below zero would let
      // this worker run ahead of the merge without bound, silently.
      if (inFlight === 0)
        post({ type: "fatal", message: "an acknowledgement came with no batch of rows in flight" });
      else inFlight--;
    } else queue.push(m);
    wake?.();
    wake = undefined;
  });
  const waitForMessage = () => new Promise<void>((resolve) => (wake = resolve));

  const classifier = new ChatClassifier({ config: input.config });
  // Time order is per interaction (docs/event-log.md), and all of an interaction's lines come here.
  const order = new TimeOrder(input.file);
  const firstLine = new Map<string, number>();
  const splitter = new LineSplitter({ file: input.file, maxLineBytes: input.maxLineBytes });
  let anyLine = false;
  let lastLine = 0;
  const onLine = (bytes: Buffer, from: number, to: number, line: number) => {
    anyLine = true;
    lastLine = line;
    if (workerOf(bytes, from, to, input.jobs) !== input.index) return;
    const logged = parseEventBytes(bytes, from, to, input.file, line);
    order.check(logged);
    const id = logged.event.interaction;
    if (!firstLine.has(id)) firstLine.set(id, line);
    const rows = classifier.push(logged);
    if (rows === undefined) return;
    firstLine.delete(id);
    let text = "";
    for (const row of rows) text += `${formatRow(row)}\n`;
    lines.push(line);
    texts.push(text);
  };
  let lines: number[] = [];
  let texts: string[] = [];
  const postRows = (watermark: number) => {
    const ends: number[] = [];
    let size = 0;
    for (const text of texts) size += Buffer.byteLength(text);
    // Not from Buffer's shared pool: the ArrayBuffer is transferred, so it must be this one's alone.
    const bytes = Buffer.allocUnsafeSlow(size);
    let at = 0;
    for (const text of texts) {
      at += bytes.write(text, at);
      ends.push(at);
    }
    const message: WorkerMessage = { type: "rows", lines, ends, bytes, watermark };
    port.postMessage(message, [bytes.buffer]);
    const withRows = lines.length > 0;
    lines = [];
    texts = [];
    if (withRows) inFlight++;
  };

  try {
    for (;;) {
      while (queue.length === 0) await waitForMessage();
      const m = queue.shift() as Exclude<ToWorker, "ack">;
      if (m.type === "end") {
        splitter.endBytes(onLine);
        break;
      }
      splitter.pushBytes(Buffer.from(m.piece), onLine);
      postRows(lastLine);
      while (inFlight >= input.maxInFlight) await waitForMessage();
    }
  } catch (error) {
    // The rows decided before the bad line are posted first: they precede it in the output.
    if (lines.length > 0) postRows(0);
    if (error instanceof InputError) {
      post({
        type: "input-error",
        file: error.file,
        line: error.line,
        field: error.field,
        message: error.message,
      });
    } else {
      post({ type: "fatal", message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  const end = classifier.finish();
  const textOf = new Map<string, string>();
  for (const row of end.rows)
    textOf.set(row.interaction, `${textOf.get(row.interaction) ?? ""}${formatRow(row)}\n`);
  post({
    type: "end",
    anyLine,
    open: end.open.map((o) => ({
      firstLine: firstLine.get(o.interaction) ?? 0,
      interaction: o.interaction,
      openAttempts: o.openAttempts,
      text: textOf.get(o.interaction) ?? "",
    })),
  });
}

void work(workerData as WorkerInput);
