/**
 * One run at a time per output folder. Four `run --profile ci` started together in one folder
 * truncated each other's cucumber-messages.ndjson, wrote two </html> into cucumber-report.html and
 * 48 Allure results for 12 scenarios. A run takes a lock file (created with O_EXCL, holding its
 * pid) in every folder it writes to; a second run refuses with exit 2. A lock left by a run that
 * was killed (its pid is gone) is stale and taken over.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { InputError } from "../errors";
import { asOutputError, makeDirs, shownPath } from "./output-path";
import { processAlive } from "./run-record";

export const LOCK_FILE = ".gim-conformance.lock";

interface LockContent {
  pid: number;
  started: string;
}

export class RunLocks {
  private readonly held: string[] = [];
  private readonly releaseOnExit = () => this.release();

  constructor() {
    // A run that throws still leaves through process exit: its locks must not outlive it.
    process.once("exit", this.releaseOnExit);
  }

  /** Takes the lock of `dir` (created if need be); an InputError when another live run holds it. */
  acquire(dir: string, option: string): void {
    const file = path.join(path.resolve(dir), LOCK_FILE);
    if (this.held.includes(file)) return;
    makeDirs(path.dirname(file), option);
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = openSync(file, "wx");
        try {
          const content: LockContent = { pid: process.pid, started: new Date().toISOString() };
          writeSync(fd, `${JSON.stringify(content)}\n`);
        } finally {
          closeSync(fd);
        }
        this.held.push(file);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw asOutputError(error, file, option);
      }
      const holder = readLock(file);
      if (holder !== undefined && processAlive(holder.pid)) {
        throw new InputError(
          shownPath(path.dirname(file)),
          undefined,
          undefined,
          `${option}: another gim-conformance run (pid ${holder.pid}, started ${holder.started}) is writing here; ` +
            "wait for it to finish or give another folder",
        );
      }
      // The holder is gone (or the lock is half-written by one that died): stale, take it over once.
      if (holder === undefined && attempt === 0 && lockAgeMs(file) < 2000) {
        // A lock being written this very moment has no pid yet: give its writer a moment.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        continue;
      }
      if (attempt > 2) {
        throw new InputError(shownPath(file), undefined, undefined, `${option}: cannot take the run lock`);
      }
      try {
        // Only the stale lock we read: another run may have just replaced it with its own.
        if (readLock(file)?.pid === holder?.pid) unlinkSync(file);
      } catch {
        // another run removed it first; try again
      }
    }
  }

  release(): void {
    for (const file of this.held.splice(0)) {
      if (readLock(file)?.pid !== process.pid) continue;
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
    process.removeListener("exit", this.releaseOnExit);
  }
}

function readLock(file: string): LockContent | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<LockContent>;
    if (typeof parsed.pid === "number") return { pid: parsed.pid, started: String(parsed.started ?? "?") };
  } catch {
    // unreadable or half-written
  }
  return undefined;
}

function lockAgeMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
