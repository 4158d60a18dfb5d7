/**
 * `classify --jobs N`: the classifier on N worker threads, for big log files. Each worker reads
 * the whole file and classifies the interactions that hash to it (partition.ts); this thread
 * merges their rows into exactly the single-threaded order, which is documented in
 * docs/event-log.md ("Output"): each stopped interaction's rows when the event that stopped it
 * comes, in the log's line order, then the rows that ended in interactions the log left open, in
 * the order of their first events. A group is written only when every other worker has read past
 * its line, so the output is byte for byte the single-threaded one.
 *
 * Memory stays bounded: each worker waits once MAX_IN_FLIGHT of its batches are not yet written,
 * and this thread writes with the output's backpressure.
 *
 * A bad line: the groups that stopped before it are written, then the error of the earliest bad
 * line (the one a single thread would have met first) is thrown, the same one-line InputError.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { HarnessError, InputError } from "../errors";
import type { GimConfig } from "../gimconfig/gim-config";
import { COMPILED, PACKAGE_ROOT } from "../package-root";
import type { OpenInteraction } from "./classify";
import type { OpenGroup, WorkerInput, WorkerMessage } from "./parallel-worker";

const MAX_IN_FLIGHT = 8;
/** Output is written in pieces of about this many characters. */
const WRITE_CHARS = 1 << 20;

export interface ParallelClassifyOptions {
  file: string;
  jobs: number;
  config: GimConfig;
  /** Writes text (whole lines, each ending in a newline); resolves when it may be called again. */
  write: (text: string) => Promise<void>;
  /** False once the reader of the output has gone away: stop. */
  isOpen: () => boolean;
  onOpen?: (open: readonly OpenInteraction[]) => void;
}

interface Batch {
  remaining: number;
}

interface Lane {
  worker: Worker;
  lines: number[];
  texts: string[];
  batches: Batch[];
  head: number;
  watermark: number;
  done: boolean;
  error: InputError | undefined;
  open: OpenGroup[];
}

function startWorker(data: WorkerInput): Worker {
  if (COMPILED) return new Worker(path.join(__dirname, "parallel-worker.js"), { workerData: data });
  // From the sources (tests, development): the worker registers ts-node as bin/ does.
  const project = JSON.stringify(path.join(PACKAGE_ROOT, "tsconfig.json"));
  const script = JSON.stringify(path.join(__dirname, "parallel-worker.ts"));
  return new Worker(`require("ts-node").register({ project: ${project} }); require(${script});`, {
    eval: true,
    workerData: data,
  });
}

export function classifyInParallel(options: ParallelClassifyOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const lanes: Lane[] = [];
    let out = "";
    let pumping = false;
    let again = false;
    let finished = false;

    const stop = (error?: unknown) => {
      if (finished) return;
      finished = true;
      for (const lane of lanes) void lane.worker.terminate();
      if (error === undefined) resolve();
      else reject(error);
    };

    const queued = (lane: Lane) => lane.head < lane.lines.length;

    /** Is every other lane past `line` (or holding a group of its own to compare with)? */
    const settledBefore = (line: number, except: Lane) =>
      lanes.every((l) => l === except || l.done || queued(l) || l.watermark >= line);

    const emitReady = async (limit: number): Promise<void> => {
      for (;;) {
        let best: Lane | undefined;
        for (const lane of lanes) {
          if (
            queued(lane) &&
            (best === undefined || (lane.lines[lane.head] as number) < (best.lines[best.head] as number))
          )
            best = lane;
        }
        if (best === undefined) return;
        const line = best.lines[best.head] as number;
        if (line >= limit || !settledBefore(line, best)) return;
        out += best.texts[best.head];
        const batch = best.batches[best.head] as Batch;
        best.head++;
        if (--batch.remaining === 0 && !best.done) best.worker.postMessage("ack");
        if (best.head > 4096 && best.head * 2 > best.lines.length) {
          best.lines = best.lines.slice(best.head);
          best.texts = best.texts.slice(best.head);
          best.batches = best.batches.slice(best.head);
          best.head = 0;
        }
        if (out.length >= WRITE_CHARS) await flushOut();
        if (!options.isOpen()) return;
      }
    };

    const flushOut = async () => {
      if (out === "") return;
      const text = out;
      out = "";
      await options.write(text);
    };

    const step = async (): Promise<void> => {
      const errors = lanes.filter((l) => l.error !== undefined);
      const limit = errors.reduce((m, l) => Math.min(m, l.error?.line ?? 0), Number.POSITIVE_INFINITY);
      await emitReady(limit);
      if (!options.isOpen()) return stop();
      if (errors.length > 0) {
        // Every lane past the earliest bad line (or done): nothing before it is still to come.
        if (!lanes.every((l) => l.done || l.watermark >= limit)) return;
        await emitReady(limit);
        await flushOut();
        const first = errors.find((l) => (l.error?.line ?? 0) === limit);
        return stop(first?.error);
      }
      if (!lanes.every((l) => l.done && !queued(l))) return;
      const open = lanes.flatMap((l) => l.open).sort((a, b) => a.firstLine - b.firstLine);
      if (open.length > 0) {
        options.onOpen?.(open.map((o) => ({ interaction: o.interaction, openAttempts: o.openAttempts })));
        for (const o of open) out += o.text;
      }
      await flushOut();
      stop();
    };

    const pump = () => {
      if (finished) return;
      if (pumping) {
        again = true;
        return;
      }
      pumping = true;
      void (async () => {
        try {
          do {
            again = false;
            await step();
          } while (again && !finished);
        } catch (error) {
          stop(error);
        } finally {
          pumping = false;
        }
      })();
    };

    for (let index = 0; index < options.jobs; index++) {
      const worker = startWorker({
        file: options.file,
        index,
        jobs: options.jobs,
        config: options.config,
        maxInFlight: MAX_IN_FLIGHT,
      });
      const lane: Lane = {
        worker,
        lines: [],
        texts: [],
        batches: [],
        head: 0,
        watermark: 0,
        done: false,
        error: undefined,
        open: [],
      };
      lanes.push(lane);
      worker.on("message", (m: WorkerMessage) => {
        if (m.type === "rows") {
          if (m.lines.length > 0) {
            const batch: Batch = { remaining: m.lines.length };
            for (let i = 0; i < m.lines.length; i++) {
              lane.lines.push(m.lines[i] as number);
              lane.texts.push(m.texts[i] as string);
              lane.batches.push(batch);
            }
          }
          lane.watermark = Math.max(lane.watermark, m.watermark);
        } else if (m.type === "end") {
          lane.open = m.open;
          lane.done = true;
        } else if (m.type === "input-error") {
          const error = new InputError(m.file, m.line, m.field, "");
          error.message = m.message; // the worker's own one line, as the single thread says it
          lane.error = error;
          lane.done = true;
        } else {
          stop(new HarnessError(`classify worker ${index}: ${m.message}`));
          return;
        }
        pump();
      });
      worker.on("error", (error) => stop(new HarnessError(`classify worker ${index}: ${error.message}`)));
      worker.on("exit", (code) => {
        if (!lane.done && !finished) stop(new HarnessError(`classify worker ${index} exited (${code})`));
      });
    }
  });
}
