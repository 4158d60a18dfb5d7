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
 * piece-feed.ts hands them to the workers with back-pressure, group-queue.ts holds each worker's
 * groups until they are written, merge-order.ts says which group is written next,
 * output-pieces.ts gathers the rows into large writes, serial-pump.ts runs the merge's steps one
 * at a time as the workers' messages come.
 *
 * Memory stays bounded: the reading waits while a worker has MAX_PIECES_AHEAD pieces not yet
 * used, each worker waits once MAX_IN_FLIGHT of its batches are not yet written, and this thread
 * writes with the output's backpressure.
 *
 * A bad line: the groups that stopped before it are written, then the error of the earliest bad
 * line (the one a single thread would have met first) is thrown, the same one-line InputError.
 * The earliest error is asked afresh before each group is written: a worker may report one while
 * a write waits, and taking it once per step let a run go on past a bad line and end as if the
 * log were sound.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { HarnessError, InputError } from "../errors";
import { DEFAULT_MAX_LINE_BYTES } from "../eventlog/line-splitter";
import { asEventLogError, emptyLog, openEventLog } from "../eventlog/reader";
import type { GimConfig } from "../gimconfig/gim-config";
import { COMPILED, PACKAGE_ROOT } from "../package-root";
import type { OpenInteraction } from "./classify";
import { GroupQueue } from "./group-queue";
import { sendPieces } from "./log-pieces";
import { allPast, nextToWrite, type WorkerProgress } from "./merge-order";
import { OutputPieces } from "./output-pieces";
import type { ToWorker, WorkerInput, WorkerMessage } from "./parallel-worker";
import { PieceFeed } from "./piece-feed";
import { SerialPump } from "./serial-pump";

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
  /** Its "end" message: every line read, no error. */
  end: EndMessage | undefined;
  error: InputError | undefined;
  post(message: ToWorker): void;
}

type EndMessage = Extract<WorkerMessage, { type: "end" }>;

/** One worker thread running parallel-worker, compiled or (tests, development) from the sources. */
export function startWorker(data: WorkerInput): Worker {
  if (COMPILED) return new Worker(path.join(__dirname, "parallel-worker.js"), { workerData: data });
  // From the sources (tests, development): the worker registers ts-node as bin/ does. Named by
  // its path: an eval'd worker resolves a bare name from the current folder, so run from outside
  // the repository it found no ts-node and every worker failed.
  const tsNode = JSON.stringify(require.resolve("ts-node"));
  const project = JSON.stringify(path.join(PACKAGE_ROOT, "tsconfig.json"));
  const script = JSON.stringify(path.join(__dirname, "parallel-worker.ts"));
  return new Worker(`require(${tsNode}).register({ project: ${project} }); require(${script});`, {
    eval: true,
    workerData: data,
  });
}

export function classifyInParallel(options: ParallelClassifyOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const lanes: Lane[] = [];
    const output = new OutputPieces(options.write);
    let finished = false;
    const feed = new PieceFeed(lanes, MAX_PIECES_AHEAD, () => finished);

    const stop = (error?: unknown) => {
      if (finished) return;
      finished = true;
      feed.poke();
      for (const lane of lanes) void lane.worker.terminate();
      if (error === undefined) resolve();
      else reject(error);
    };

    /** The error of the earliest bad line any worker has met so far. */
    const earliestError = (): InputError | undefined => {
      let first: InputError | undefined;
      for (const { error } of lanes) {
        if (error !== undefined && (first === undefined || (error.line ?? 0) < (first.line ?? 0)))
          first = error;
      }
      return first;
    };

    /**
     * Writes every group that may be written, while the output is read. The limit (the earliest
     * bad line: nothing from there on is written) is asked afresh for each group: a worker may
     * report a bad line while this waits on a write.
     */
    const writeReady = async (): Promise<void> => {
      for (;;) {
        const index = nextToWrite(lanes, earliestError()?.line ?? Number.POSITIVE_INFINITY);
        if (index === undefined) return;
        const lane = lanes[index] as Lane;
        const group = lane.groups.take();
        await output.add(group.bytes, group.start, group.end);
        // The batch's memory is free: the worker may send another.
        if (group.batchDone && !lane.done) lane.post("ack");
        if (!options.isOpen()) return;
      }
    };

    const step = async (): Promise<void> => {
      await writeReady();
      if (!options.isOpen()) return stop();
      const error = earliestError();
      if (error !== undefined) {
        // Every lane past the earliest bad line (or done): nothing before it is still to come.
        if (!allPast(lanes, error.line ?? 0)) return;
        await writeReady();
        await output.flush();
        return stop(error);
      }
      const ends = lanes.map((l) => l.end);
      if (!ends.every((end): end is EndMessage => end !== undefined)) return;
      // Every worker split every line, so any of them can say whether the log held an event.
      if (!(ends[0] as EndMessage).anyLine) return stop(emptyLog(options.file));
      const open = ends.flatMap((end) => end.open).sort((a, b) => a.firstLine - b.firstLine);
      if (open.length > 0) {
        options.onOpen?.(open.map((o) => ({ interaction: o.interaction, openAttempts: o.openAttempts })));
        for (const o of open) await output.add(Buffer.from(o.text));
      }
      await output.flush();
      stop();
    };
    const pump = new SerialPump(step, () => finished, stop);

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
        end: undefined,
        error: undefined,
        get done() {
          return this.end !== undefined || this.error !== undefined;
        },
        post: (message) => worker.postMessage(message),
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
          feed.answered(index);
        } else if (m.type === "end") {
          lane.end = m;
        } else if (m.type === "input-error") {
          const error = new InputError(m.file, m.line, m.field, "");
          error.message = m.message; // the worker's own one line, as the single thread says it
          lane.error = error;
        } else {
          stop(new HarnessError(`classify worker ${index}: ${m.message}`));
          return;
        }
        feed.poke();
        pump.request();
      });
      worker.on("error", (error) => stop(new HarnessError(`classify worker ${index}: ${error.message}`)));
      // A worker that ends after its last message is no failure (and after the run, stop ignores it).
      worker.on("exit", (code) => {
        if (!lane.done) stop(new HarnessError(`classify worker ${index} exited (${code})`));
      });
    }

    void (async () => {
      const read = await sendPieces(await openEventLog(options.file), maxLineBytes, feed);
      if (read) feed.end();
    })().catch((error: unknown) => stop(asEventLogError(error, options.file)));
  });
}
