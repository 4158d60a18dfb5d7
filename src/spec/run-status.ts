/**
 * Each scenario's status from the last run, read from the Allure results `run` wrote. A status
 * is never invented: a scenario is "verified" only when the last run's result for it passed and
 * its flow is verified; no result means "not run".
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PROVISIONAL_DIFFERS_PREFIX, PROVISIONAL_MATCH_PREFIX } from "../allure/categories";
import { ID_TAG_PREFIX } from "../flows/scenario-id";

export type SpecStatus = "verified" | "provisional" | "failing" | "not run";

/** What the last run said about one scenario: Allure's status and its first message line. */
export interface LastResult {
  status: string;
  message: string | undefined;
  /** Allure's stop time (ms), to keep the newest when a folder holds several results. */
  stop: number;
}

export interface StatusVerdict {
  status: SpecStatus;
  /** Why, in a few words, e.g. "passed", "differs from hypothesis", "no result in the last run". */
  detail: string;
}

interface ResultFile {
  status?: unknown;
  stop?: unknown;
  testCaseId?: unknown;
  statusDetails?: { message?: unknown };
  labels?: { name?: unknown; value?: unknown }[];
}

/** The newest result per scenario @id; an empty map when the folder or its results are missing. */
export function readLastResults(resultsDir: string): Map<string, LastResult> {
  const results = new Map<string, LastResult>();
  let names: string[];
  try {
    names = readdirSync(resultsDir).filter((n) => n.endsWith("-result.json"));
  } catch {
    return results;
  }
  for (const name of names.sort()) {
    let parsed: ResultFile;
    try {
      parsed = JSON.parse(readFileSync(join(resultsDir, name), "utf8")) as ResultFile;
    } catch {
      // A half-written or foreign file says nothing about a scenario; skipping it keeps "not run".
      continue;
    }
    const id = scenarioIdOfResult(parsed);
    if (id === undefined || typeof parsed.status !== "string") continue;
    const stop = typeof parsed.stop === "number" ? parsed.stop : 0;
    const previous = results.get(id);
    if (previous !== undefined && previous.stop > stop) continue;
    const message = parsed.statusDetails?.message;
    results.set(id, {
      status: parsed.status,
      message: typeof message === "string" ? message.split("\n")[0] : undefined,
      stop,
    });
  }
  return results;
}

/** The `@id:` tag label `run` writes (testCaseId is the same id; the tag is what a bare cucumber run has too). */
function scenarioIdOfResult(result: ResultFile): string | undefined {
  for (const label of result.labels ?? []) {
    if (label.name === "tag" && typeof label.value === "string" && label.value.startsWith(ID_TAG_PREFIX)) {
      return label.value.slice(ID_TAG_PREFIX.length);
    }
  }
  return typeof result.testCaseId === "string" ? result.testCaseId : undefined;
}

export function scenarioStatus(result: LastResult | undefined, provisional: boolean): StatusVerdict {
  if (result === undefined) return { status: "not run", detail: "no result in the last run" };
  switch (result.status) {
    case "passed":
      return provisional
        ? { status: "provisional", detail: "matches the hypothesis (unverified)" }
        : { status: "verified", detail: "passed" };
    case "failed":
      return {
        status: "failing",
        detail: provisional ? "differs from hypothesis" : "nonconformant: other IRFs recorded",
      };
    case "broken":
      return { status: "failing", detail: "harness error: no verdict" };
    // A provisional result (src/allure/results-dir.ts): never a verified pass, never a regression.
    case "unknown":
      if (result.message?.startsWith(PROVISIONAL_MATCH_PREFIX))
        return { status: "provisional", detail: "matches the hypothesis (unverified)" };
      if (result.message?.startsWith(PROVISIONAL_DIFFERS_PREFIX))
        return { status: "failing", detail: "differs from hypothesis" };
      return { status: "not run", detail: result.message ?? `last run: ${result.status}` };
    default:
      return { status: "not run", detail: result.message ?? `last run: ${result.status}` };
  }
}

const SEVERITY: Record<SpecStatus, number> = { verified: 0, provisional: 1, "not run": 2, failing: 3 };

/**
 * A flow's status: its worst scenario's, and never "verified" for a provisional flow (a passing
 * hypothesis is still a hypothesis).
 */
export function flowStatus(scenarios: readonly StatusVerdict[], provisional: boolean): SpecStatus {
  if (scenarios.length === 0) return "not run";
  const worst = scenarios.reduce((a, b) => (SEVERITY[b.status] > SEVERITY[a.status] ? b : a)).status;
  return provisional && worst === "verified" ? "provisional" : worst;
}
