/**
 * One worker thread of `classify --jobs N` (parallel-classify.ts): reads the whole log, parses
 * and classifies only the lines of its interactions (partition.ts), and posts each stopped
 * interaction's rows, already formatted, with the line of the event that stopped it. It waits
 * for acknowledgements when too many of its batches are not yet written, so that memory stays
 * bounded whatever the speed of the other workers and of the output.
 */
import { parentPort, workerData } from "node:worker_threads";
import { InputError } from "../errors";
import { readEventBatches } from "../eventlog/reader";
import type { GimConfig } from "../gimconfig/gim-config";
import { ChatClassifier } from "./classify";
import { formatRow } from "./format-row";
import { workerOf } from "./partition";

export interface WorkerInput {
  file: string;
  index: number;
  jobs: number;
  config: GimConfig;
  /** Batches with rows posted and not yet acknowledged before this worker waits. */
  maxInFlight: number;
}

/** An interaction the log left open: its first line orders it among the others. */
export interface OpenGroup {
  firstLine: number;
  interaction: string;
  openAttempts: number;
  text: string;
}

export type WorkerMessage =
  /** Rows of interactions that stopped, by stopping line; every own line up to `watermark` is done. */
  | { type: "rows"; lines: number[]; texts: string[]; watermark: number }
  | { type: "end"; open: OpenGroup[] }
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
  let inFlight = 0;
  let wake: (() => void) | undefined;
  port.on("message", (m: unknown) => {
    if (m !== "ack") return;
    inFlight--;
    wake?.();
    wake = undefined;
  });
  const classifier = new ChatClassifier({ config: input.config });
  const firstLine = new Map<string, number>();
  let lastLine = 0;
  const select = (bytes: Buffer, from: number, to: number, line: number): boolean => {
    lastLine = line;
    return workerOf(bytes, from, to, input.jobs) === input.index;
  };
  let lines: number[] = [];
  let texts: string[] = [];
  const flush = async (watermark: number) => {
    const withRows = lines.length > 0;
    post({ type: "rows", lines, texts, watermark });
    lines = [];
    texts = [];
    if (!withRows) return;
    inFlight++;
    while (inFlight >= input.maxInFlight) await new Promise<void>((resolve) => (wake = resolve));
  };
  try {
    for await (const batch of readEventBatches(input.file, { select })) {
      const watermark = lastLine;
      for (const logged of batch) {
        const id = logged.event.interaction;
        if (!firstLine.has(id)) firstLine.set(id, logged.source.line);
        const rows = classifier.push(logged);
        if (rows === undefined) continue;
        firstLine.delete(id);
        let text = "";
        for (const row of rows) text += `${formatRow(row)}\n`;
        lines.push(logged.source.line);
        texts.push(text);
      }
      await flush(watermark);
    }
  } catch (error) {
    // The rows decided before the bad line are posted first: they precede it in the output.
    if (lines.length > 0) post({ type: "rows", lines, texts, watermark: 0 });
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
    open: end.open.map((o) => ({
      firstLine: firstLine.get(o.interaction) ?? 0,
      interaction: o.interaction,
      openAttempts: o.openAttempts,
      text: textOf.get(o.interaction) ?? "",
    })),
  });
}

void work(workerData as WorkerInput);
