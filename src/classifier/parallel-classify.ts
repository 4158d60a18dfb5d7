/**
 * `classify --jobs N`: the classifier on N worker threads, for big log files. This thread reads
 * the log once, in pieces of whole lines held in memory every worker reads in place (a
 * SharedArrayBuffer, not a copy each); each worker splits every piece into lines and parses,
 * validates, classifies, formats and encodes only the lines of its own interactions
 * (partition.ts: a hash of the id, read from the bytes without parsing). Splitting is cheap next
 * to parsing, so doing it in every worker costs less than dealing the lines out from here: that
 * made this thread the bottleneck. An earlier design had each worker read the file itself and
 * search each line's bytes to the end of its chunk (quadratic): two workers took twice the CPU
 * of one thread and no less time.
 *
 * This thread merges the workers' rows into exactly the single-threaded order, which is
 * documented in docs/event-log.md ("Output"): each stopped interaction's rows when the event
 * that stopped it comes, in the log's line order, then the rows that ended in interactions the
 * log left open, in the order of their first events. A group is written only when every other
 * worker has read past its line, so the output is byte for byte the single-threaded one.
 *
 * The parts, each its own module: log-pieces.ts cuts the log into pieces of whole lines,
 * group-queue.ts holds each worker's groups until they are written, merge-order.ts says which
 * group is written next, output-pieces.ts gathers the rows into large writes.
 *
 * Memory stays bounded: the reading waits while a worker has MAX_PIECES_AHEAD pieces not yet
 * used, each worker waits once MAX_IN_FLIGHT of its batches are not yet written, and this thread
 * writes with the output's backpressure.
 *
 * A bad line: the groups that stopped before it are written, then the error of the earliest bad
 * line (the one a single thread would have met first) is thrown, the same one-line InputError.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { HarnessError, InputError } from "../errors";
import { DEFAULT_MAX_LINE_BYTES } from "../eventlog/line-splitter";
import { emptyLog, openEventLog } from "../eventlog/reader";
import type { GimConfig } from "../gimconfig/gim-config";
import { asInputError as asFileError } from "../input-file";
import { COMPILED, PACKAGE_ROOT } from "../package-root";
import type { OpenInteraction } from "./classify";
import { GroupQueue } from "./group-queue";
import { sendPieces } from "./log-pieces";
import { allPast, nextToWrite, type WorkerProgress } from "./merge-order";
import { OutputPieces } from "./output-pieces";
import type { OpenGroup, ToWorker, WorkerInput, WorkerMessage } from "./parallel-worker";

const MAX_IN_FLIGHT = 8;
const MAX_PIECES_AHEAD = 4;

export interface ParallelClassifyOptions {
  file: string;
  jobs: number;
  config: GimConfig;
  /** Writes UTF-8 bytes (whole lines, each ending in a newline); resolves when it may be called again. */
  write: (bytes: Buffer) => Promise<void>;
  /** False once the reader of the output has gone away: stop. */
  isOpen: () => boolean;
  onOpen?: (open: readonly OpenInteraction[]) => void;
  /** Longest accepted line, in bytes (default 1 MiB), as for the single-threaded reader. */
  maxLineBytes?: number;
  /** Starts each worker (default startWorker). A test gives one that fails, to see it reported. */
  start?: (data: WorkerInput) => Worker;
}

/** One worker as the merge sees it. */
interface Lane extends WorkerProgress {
  worker: Worker;
  groups: GroupQueue;
  /** Pieces sent and not yet answered with a "rows" message. */
  piecesAhead: number;
  error: InputError | undefined;
  open: OpenGroup[];
  anyLine: boolean;
}

/** One worker thread running parallel-worker, compiled or (tests, development) from the sources. */
export function startWorker(data: WorkerInput): Worker {
  if (COMPILED) return new Worker(path.join(__dirname, "parallel-worker.js"), { workerData: data });
  // From the sources (tests, development): the worker registers ts-node as bin/ does.
  const project = JSON.stringify(path.join(PACKAGE_ROOT, "tsconfig.json"));
  const script = JSON.stringify(path.join(__dirname, "parallel-worker.ts"));
  return new Worker(`require("ts-node").register({ project: ${project} }); require(${script});`, {
    eval: true,
    workerData: data,
  });
}

/** `parts` copied into memory that every worker can read without a copy of its own. */
function shared(parts: readonly Buffer[], size: number): SharedArrayBuffer {
  const memory = new SharedArrayBuffer(size);
  const view = Buffer.from(memory);
  let at = 0;
  for (const part of parts) at += part.copy(view, at);
  return memory;
}

export function classifyInParallel(options: ParallelClassifyOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const lanes: Lane[] = [];
    const output = new OutputPieces(options.write);
    let pumping = false;
    let again = false;
    let finished = false;
    let room: (() => void) | undefined;

    const stop = (error?: unknown) => {
      if (finished) return;
      finished = true;
      room?.();
      for (const lane of lanes) void lane.worker.terminate();
      if (error === undefined) resolve();
      else reject(error);
    };

    /** Writes every group that may be written before `limit`, while the output is read. */
    const writeReady = async (limit: number): Promise<void> => {
      for (;;) {
        const index = nextToWrite(lanes, limit);
        if (index === undefined) return;
        const lane = lanes[index] as Lane;
        const group = lane.groups.take();
        await output.add(group.bytes, group.start, group.end);
        // The batch's memory is free: the worker may send another.
        if (group.batchDone && !lane.done) lane.worker.postMessage("ack" satisfies ToWorker);
        if (!options.isOpen()) return;
      }
    };

    const step = async (): Promise<void> => {
      const errors: InputError[] = lanes.flatMap((l) => (l.error === undefined ? [] : [l.error]));
      const limit = errors.reduce((m, e) => Math.min(m, e.line ?? 0), Number.POSITIVE_INFINITY);
      await writeReady(limit);
      if (!options.isOpen()) return stop();
      if (errors.length > 0) {
        // Every lane past the earliest bad line (or done): nothing before it is still to come.
        if (!allPast(lanes, limit)) return;
        await writeReady(limit);
        await output.flush();
        return stop(errors.find((e) => (e.line ?? 0) === limit));
      }
      if (!lanes.every((l) => l.done && l.nextLine === undefined)) return;
      // Every worker split every line, so any of them can say whether the log held an event.
      if (!(lanes[0] as Lane).anyLine) return stop(emptyLog(options.file));
      const open = lanes.flatMap((l) => l.open).sort((a, b) => a.firstLine - b.firstLine);
      if (open.length > 0) {
        options.onOpen?.(open.map((o) => ({ interaction: o.interaction, openAttempts: o.openAttempts })));
        for (const o of open) await output.add(Buffer.from(o.text, "utf8"));
      }
      await output.flush();
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

    const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    for (let index = 0; index < options.jobs; index++) {
      const worker = (options.start ?? startWorker)({
        file: options.file,
        index,
        jobs: options.jobs,
        maxLineBytes,
        config: options.config,
        maxInFlight: MAX_IN_FLIGHT,
      });
      const groups = new GroupQueue();
      const lane: Lane = {
        worker,
        groups,
        // Read from the queue, never kept beside it.
        get nextLine() {
          return groups.nextLine();
        },
        watermark: 0,
        piecesAhead: 0,
        done: false,
        error: undefined,
        open: [],
        anyLine: false,
      };
      lanes.push(lane);
      worker.on("message", (m: WorkerMessage) => {
        if (m.type === "rows") {
          lane.groups.add(
            Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength),
            m.lines,
            m.ends,
          );
          lane.watermark = Math.max(lane.watermark, m.watermark);
          lane.piecesAhead--;
        } else if (m.type === "end") {
          lane.open = m.open;
          lane.anyLine = m.anyLine;
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
        room?.();
        pump();
      });
      worker.on("error", (error) => stop(new HarnessError(`classify worker ${index}: ${error.message}`)));
      worker.on("exit", (code) => {
        if (!lane.done && !finished) stop(new HarnessError(`classify worker ${index} exited (${code})`));
      });
    }

    const busy = () => lanes.some((l) => !l.done && l.piecesAhead >= MAX_PIECES_AHEAD);
    void (async () => {
      const read = await sendPieces(await openEventLog(options.file), maxLineBytes, {
        send(parts, size) {
          const piece = shared(parts, size);
          for (const lane of lanes) {
            if (lane.done) continue;
            lane.worker.postMessage({ type: "piece", piece } satisfies ToWorker);
            lane.piecesAhead++;
          }
        },
        async room() {
          while (busy() && !finished) await new Promise<void>((resolve) => (room = resolve));
          room = undefined;
        },
        stopped: () => finished || lanes.every((l) => l.done),
      });
      if (!read) return;
      for (const lane of lanes) if (!lane.done) lane.worker.postMessage({ type: "end" } satisfies ToWorker);
    })().catch((error: unknown) => stop(asFileError(error, options.file, { what: "event log" })));
  });
}
