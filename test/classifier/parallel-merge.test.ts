/**
 * The merge of classify --jobs N against workers whose messages the test scripts (real worker
 * threads, running a few lines of their own): the timings a real log rarely produces on demand.
 * A bad line reported while a write waits still stops the output before it; rows are written
 * while a worker is still reading, not held until every worker is done; a worker that exits
 * after its last message is no failure.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import { expect } from "chai";
import { generateLog } from "../../bench/generate-log";
import { startWorker } from "../../src/classifier/parallel-classify";
import type { WorkerInput, WorkerMessage } from "../../src/classifier/parallel-worker";
import { runParallel } from "../support/parallel-run";

const dir = mkdtempSync(path.join(os.tmpdir(), "gim-merge-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const log = path.join(dir, "log.jsonl");
before(async () => {
  await generateLog(log, 50);
});

/** Groups longer than the merge's 1 MiB output piece, so each is written by a write of its own. */
const GROUP_BYTES = 1_200_000;

/**
 * A worker thread running `body`, with `rows(lines, letters, watermark)` (one group per line, each
 * GROUP_BYTES of its letter), `end()` and `onMessage(f)` at hand.
 */
function scripted(body: string): Worker {
  return new Worker(
    `const { parentPort } = require("node:worker_threads");
     const rows = (lines, letters, watermark) => {
       const texts = letters.map((l) => l.repeat(${GROUP_BYTES - 1}) + "\\n");
       const bytes = Buffer.from(texts.join(""));
       let at = 0;
       const ends = texts.map((t) => (at += Buffer.byteLength(t)));
       parentPort.postMessage({ type: "rows", lines, ends, bytes: new Uint8Array(bytes), watermark });
     };
     const end = () => parentPort.postMessage({ type: "end", open: [], anyLine: true });
     const onMessage = (f) => parentPort.on("message", f);
     ${body}`,
    { eval: true },
  );
}

/** The first byte of each write, as a letter. */
function recorder() {
  const writes: string[] = [];
  return { writes, record: (bytes: Buffer) => writes.push(String.fromCharCode(bytes[0] as number)) };
}

describe("the merge against scripted workers", { timeout: 60_000 }, () => {
  test("a bad line reported while a write waits: nothing at or after it is written, and its error stops the run", async () => {
    // Worker 0 has read to line 10, with groups stopping at lines 1, 5 and 9, and is done.
    // Worker 1 has read to line 2; it meets a bad line 4 while the first group is being written.
    const workers = [
      scripted(
        `onMessage((m) => { if (m.type === "piece") { rows([1, 5, 9], ["A", "B", "C"], 10); end(); } });`,
      ),
      scripted(`onMessage((m) => {
        if (m.type === "piece") rows([], [], 2);
        if (m === "now") parentPort.postMessage({ type: "input-error", file: "log", line: 4, field: undefined, message: "log:4: bad" });
      });`),
    ];
    const { writes, record } = recorder();
    const { error } = await runParallel({
      file: log,
      jobs: 2,
      write: async (bytes) => {
        record(bytes);
        if (writes.length === 1) {
          workers[1]?.postMessage("now");
          await sleep(300); // the error comes while this write waits
        }
      },
      start: (data: WorkerInput) => workers[data.index] as Worker,
    });
    expect((error as Error | undefined)?.message).to.equal("log:4: bad");
    expect(writes, "groups after the bad line were written").to.deep.equal(["A"]);
  });

  test("rows are written while a worker is still reading, not held until every worker is done", async () => {
    // Worker 0 has a group stopping at line 1; worker 1 has read to line 5 with nothing to write.
    // Neither ends until told to, or (so that holding the rows back fails rather than hangs)
    // until two seconds have passed.
    const body = (first: string) => `
      let ended = false;
      const finish = () => { if (!ended) { ended = true; end(); } };
      setTimeout(finish, 2000);
      onMessage((m) => {
        if (m.type === "piece") ${first};
        if (m === "go") finish();
      });`;
    const workers = [scripted(body(`rows([1], ["A"], 1)`)), scripted(body(`rows([], [], 5)`))];
    const order: string[] = [];
    for (const w of workers) w.on("message", (m: WorkerMessage) => m.type === "end" && order.push("end"));
    const { error } = await runParallel({
      file: log,
      jobs: 2,
      write: async () => {
        order.push("write");
        for (const w of workers) w.postMessage("go");
      },
      start: (data: WorkerInput) => workers[data.index] as Worker,
    });
    expect(error).to.equal(undefined);
    expect(order).to.deep.equal(["write", "end", "end"]);
  });

  test("a worker that exits after its last message is no failure: the run ends with the others' rows", async () => {
    const { text, error } = await runParallel({
      file: log,
      jobs: 2,
      start: (data: WorkerInput) =>
        data.index === 1
          ? scripted(
              `onMessage((m) => { if (m.type === "piece") { end(); setTimeout(() => process.exit(0), 50); } });`,
            )
          : startWorker(data),
    });
    expect(error).to.equal(undefined);
    // Worker 0's own chats' rows.
    expect(text).to.match(/^([^\n]+\n)+$/);
  });
});
