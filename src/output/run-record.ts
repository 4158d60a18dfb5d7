/**
 * Whether the run that wrote a results folder finished. `run` records "running" before its first
 * scenario and "complete" after its last; a run killed halfway (kill -9, a crash) leaves
 * "running" behind with a dead pid, and `report` refuses those results rather than build a green
 * report of the scenarios that happened to finish and let the partial run enter the history trend.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { InputError } from "../errors";
import { asOutputError, shownPath } from "./output-path";

export const RUN_RECORD = "gim-conformance-run.json";

export type RunState = "running" | "complete" | "stopped";

export interface RunRecord {
  state: RunState;
  pid: number;
  started: string;
  finished?: string;
  /** Allure result files the run wrote (with state "complete"). */
  results?: number;
}

export function writeRunRecord(dir: string, record: RunRecord): void {
  try {
    writeFileSync(path.join(dir, RUN_RECORD), `${JSON.stringify(record, null, 2)}\n`);
  } catch (error) {
    throw asOutputError(error, dir, "--results");
  }
}

export function readRunRecord(dir: string): RunRecord | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dir, RUN_RECORD), "utf8");
  } catch {
    return undefined; // results of a bare cucumber-js run, or of a version that kept no record
  }
  try {
    const parsed = JSON.parse(text) as Partial<RunRecord>;
    if (typeof parsed.state === "string" && typeof parsed.pid === "number") return parsed as RunRecord;
  } catch {
    // a record cut short is itself the sign of a run that did not finish
  }
  return { state: "running", pid: 0, started: "?" };
}

/** Whether a process with this pid is alive (signal 0 tests for existence without sending). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Throws an InputError when the results in `dir` are not those of a finished run. */
export function assertRunFinished(dir: string): void {
  const record = readRunRecord(dir);
  if (record === undefined || record.state === "complete") return;
  const where = shownPath(dir);
  if (record.state === "running" && processAlive(record.pid) && record.pid !== process.pid) {
    throw new InputError(
      where,
      undefined,
      undefined,
      `a run (pid ${record.pid}, started ${record.started}) is still writing these results; report them when it has finished`,
    );
  }
  const how = record.state === "stopped" ? "stopped with an error" : "did not finish (killed?)";
  throw new InputError(
    where,
    undefined,
    undefined,
    `the run that wrote these results (started ${record.started}) ${how}: its results are partial and are not reported; run again`,
  );
}
