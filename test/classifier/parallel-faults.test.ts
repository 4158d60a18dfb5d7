/**
 * classify --jobs N when a worker thread fails rather than the input: a worker that dies, throws,
 * or reports a failure of its own stops the run with one line naming the worker (a harness error,
 * exit 3, not bad input), never a hang and never a partial output passed off as whole. And the
 * worker's side of the protocol: an acknowledgement it did not ask for is a failure, not a count
 * gone negative.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { Worker } from "node:worker_threads";
import { expect } from "chai";
import { startWorker } from "../../src/classifier/parallel-classify";
import type { WorkerInput, WorkerMessage } from "../../src/classifier/parallel-worker";
import { HarnessError } from "../../src/errors";
import { BUNDLED_GIM_CONFIG } from "../../src/gimconfig/gim-config";
import { runParallel } from "../support/parallel-run";

const dir = mkdtempSync(path.join(os.tmpdir(), "gim-faults-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const log = path.join(dir, "log.jsonl");
writeFileSync(
  log,
  `${[
    '{"ts":"2026-01-01T00:00:00.000Z","interaction":"a","event":"EventInteractionSubmitted"}',
    '{"ts":"2026-01-01T00:00:01.000Z","interaction":"b","event":"EventInteractionSubmitted"}',
  ].join("\n")}\n`,
);

/** Runs classify on 2 workers where worker 1 is `failing` (worker 0 is the real one). */
async function withFailingWorker(failing: string): Promise<unknown> {
  const { text, error } = await runParallel({
    file: log,
    jobs: 2,
    start: (data: WorkerInput) =>
      data.index === 1 ? new Worker(failing, { eval: true }) : startWorker(data),
  });
  return error ?? new Error(`classified without a failure; wrote ${JSON.stringify(text)}`);
}

describe("a worker thread that fails", { timeout: 60_000 }, () => {
  test("one that exits on its own: the run stops, naming the worker and its exit code", async () => {
    const error = await withFailingWorker("process.exit(7)");
    expect(error).to.be.instanceOf(HarnessError);
    expect((error as Error).message).to.equal("classify worker 1 exited (7)");
  });

  test("one that throws: the run stops with its message, in one line", async () => {
    const error = await withFailingWorker('throw new Error("boom")');
    expect(error).to.be.instanceOf(HarnessError);
    expect((error as Error).message).to.equal("classify worker 1: boom");
  });

  test("one that reports a failure of its own: the run stops with it", async () => {
    const error = await withFailingWorker(
      'require("node:worker_threads").parentPort.postMessage({ type: "fatal", message: "disk on fire" }); setTimeout(() => {}, 60000);',
    );
    expect(error).to.be.instanceOf(HarnessError);
    expect((error as Error).message).to.equal("classify worker 1: disk on fire");
  });
});

describe("the worker's side of the protocol", { timeout: 60_000 }, () => {
  test("an acknowledgement with no batch of rows in flight is reported as a failure", async () => {
    const worker = startWorker({
      file: "log.jsonl",
      index: 0,
      jobs: 1,
      maxLineBytes: 1 << 20,
      config: BUNDLED_GIM_CONFIG,
      maxInFlight: 2,
    });
    try {
      const first = new Promise<WorkerMessage>((resolve) => worker.once("message", resolve));
      worker.postMessage("ack");
      expect(await first).to.deep.equal({
        type: "fatal",
        message: "an acknowledgement came with no batch of rows in flight",
      });
    } finally {
      await worker.terminate();
    }
  });
});
