/**
 * One worker of `classify --jobs N`, driven through its message protocol (parallel-worker.ts):
 * rows for every piece, the memory bound (it stops taking pieces while too many of its batches
 * are unacknowledged), the end of the log, and a bad line after good ones. parallel-classify's
 * tests see only the merged output, where a worker that ignored the bound writes the same bytes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { expect } from "chai";
import { ChatClassifier } from "../../src/classifier/classify";
import { formatRow } from "../../src/classifier/format-row";
import { startWorker } from "../../src/classifier/parallel-classify";
import type { ToWorker, WorkerInput, WorkerMessage } from "../../src/classifier/parallel-worker";
import { parseEventLog } from "../../src/eventlog/reader";
import { BUNDLED_GIM_CONFIG } from "../../src/gimconfig/gim-config";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLE = readFileSync(path.join(ROOT, "examples", "chat-abandoned-in-queue.jsonl"), "utf8");

/** The example's lines with its interaction renamed: a whole interaction that stops. */
function interaction(id: string): string {
  return EXAMPLE.replaceAll('"interaction":"chat-abandoned-in-queue"', `"interaction":"${id}"`);
}

/** The example's number of lines: line numbers count on across pieces. */
const EXAMPLE_LINES = EXAMPLE.trimEnd().split("\n").length;

/** A worker (index 0 of 1: every line is its own), and the messages it has posted so far. */
function start(maxInFlight: number) {
  const input: WorkerInput = {
    file: "log.jsonl",
    index: 0,
    jobs: 1,
    maxLineBytes: 1 << 20,
    config: BUNDLED_GIM_CONFIG,
    maxInFlight,
  };
  const worker = startWorker(input);
  const messages: WorkerMessage[] = [];
  const waiters: (() => void)[] = [];
  worker.on("message", (m: WorkerMessage) => {
    messages.push(m);
    for (const w of waiters.splice(0)) w();
  });
  /** Resolves once `count` messages have arrived. */
  const received = async (count: number) => {
    while (messages.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  const send = (m: ToWorker) => worker.postMessage(m);
  const piece = (text: string) => {
    const bytes = Buffer.from(text);
    const shared = new SharedArrayBuffer(bytes.length);
    bytes.copy(Buffer.from(shared));
    send({ type: "piece", piece: shared });
  };
  return { worker, messages, received, send, piece };
}

type Driven = ReturnType<typeof start>;

/** Runs `drive` against a fresh worker, and ends the worker whatever happens. */
async function withWorker(maxInFlight: number, drive: (w: Driven) => Promise<void>): Promise<void> {
  const w = start(maxInFlight);
  try {
    await drive(w);
  } finally {
    await w.worker.terminate();
  }
}

const rowsOf = (m: WorkerMessage | undefined) => (m?.type === "rows" ? m : undefined);

describe("one classify worker, through its messages", { timeout: 60_000 }, () => {
  test("rows for each piece; past maxInFlight unacknowledged batches it takes no more pieces", async () => {
    await withWorker(2, async (w) => {
      for (let i = 1; i <= 4; i++) w.piece(interaction(`ixn-${i}`));
      await w.received(2);
      // Time for a worker that ignored the bound to answer a third piece.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(w.messages.length, "answered a piece past the bound").to.equal(2);
      const first = rowsOf(w.messages[0]);
      expect(first?.lines.length).to.equal(1);
      expect(Buffer.from(first?.bytes ?? []).toString()).to.contain("ixn-1");
      expect(first?.ends).to.deep.equal([first?.bytes.length]);
      // Each acknowledgement lets one more batch out.
      w.send("ack");
      await w.received(3);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(w.messages.length).to.equal(3);
      expect(Buffer.from(rowsOf(w.messages[2])?.bytes ?? []).toString()).to.contain("ixn-3");
      w.send("ack");
      w.send("ack");
      await w.received(4);
      // The watermark is the last line of the pieces so far (lines count across pieces).
      expect(rowsOf(w.messages[3])?.watermark).to.equal(4 * EXAMPLE_LINES);
      w.send({ type: "end" });
      await w.received(5);
      expect(w.messages[4]).to.deep.equal({ type: "end", open: [], anyLine: true });
    });
  });

  test("pieces of blank lines give empty rows messages, which need no acknowledgement, and the end says the log held no line", async () => {
    await withWorker(2, async (w) => {
      // More than maxInFlight of them: only batches with rows count against the bound.
      for (let i = 0; i < 3; i++) w.piece("\n  \n");
      await w.received(3);
      expect(w.messages.map((m) => rowsOf(m)?.lines)).to.deep.equal([[], [], []]);
      w.send({ type: "end" });
      await w.received(4);
      expect(w.messages[3]).to.deep.equal({ type: "end", open: [], anyLine: false });
    });
  });

  test("a bad line: the rows decided before it first, then its one-line error", async () => {
    await withWorker(8, async (w) => {
      const good = interaction("ixn-good");
      w.piece(`${good}{not json\n${interaction("ixn-after")}`);
      await w.received(2);
      const rows = rowsOf(w.messages[0]);
      expect(rows?.lines.length).to.equal(1);
      expect(Buffer.from(rows?.bytes ?? []).toString())
        .to.contain("ixn-good")
        .and.not.contain("ixn-after");
      const bad = EXAMPLE_LINES + 1;
      expect(w.messages[1]).to.deep.include({ type: "input-error", file: "log.jsonl", line: bad });
      const error = w.messages[1];
      expect(error?.type === "input-error" ? error.message : "").to.match(
        new RegExp(`^log\\.jsonl:${bad}: not valid JSON`),
      );
    });
  });

  test("an interaction left open: its rows and first line come with the end", async () => {
    await withWorker(8, async (w) => {
      const lines = interaction("ixn-open").trimEnd().split("\n");
      w.piece(`${interaction("ixn-done")}${lines.slice(0, 2).join("\n")}\n`);
      await w.received(1);
      w.send({ type: "end" });
      await w.received(2);
      const end = w.messages[1];
      expect(end?.type).to.equal("end");
      if (end?.type !== "end") return;
      expect(end.anyLine).to.equal(true);
      expect(end.open.map((o) => [o.interaction, o.firstLine])).to.deep.equal([
        ["ixn-open", EXAMPLE_LINES + 1],
      ]);
      // What a single-threaded classifier says of the same two events.
      const alone = new ChatClassifier({ config: BUNDLED_GIM_CONFIG });
      for (const e of parseEventLog(`${lines.slice(0, 2).join("\n")}\n`, "log.jsonl")) alone.push(e);
      const finished = alone.finish();
      expect(end.open[0]?.openAttempts).to.equal(finished.open[0]?.openAttempts);
      expect(end.open[0]?.text).to.equal(finished.rows.map((r) => `${formatRow(r)}\n`).join(""));
    });
  });
});
