/**
 * The Allure results folder between a run and a report: emptied before a run (allure-cucumberjs
 * only adds files, and stale results would show as retries), and touched up after it so that a
 * reader meets each scenario's verdict first and in one line, and provisional results never
 * look like a verified pass or a regression.
 */
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors";
import { claimOutputDir, isMarked } from "../output/output-dir";
import { shownPath } from "../output/output-path";
import { RUN_RECORD } from "../output/run-record";
import { printable } from "../report/text-escape";
import {
  BAD_INPUT_PREFIX,
  KNOWN_DIVERGENCE_PREFIX,
  NOT_RUN_PREFIX,
  PROVISIONAL_DIFFERS_PREFIX,
  PROVISIONAL_MATCH_PREFIX,
  UNDEFINED_STEP_PREFIX,
} from "./categories";
import { OUTCOME_LABEL, type ScenarioVerdict, VERDICT_LABEL } from "./verdict-labels";

/** The files an Allure 2 results folder holds; nothing else in the folder is ever deleted. */
const RESULT_FILE =
  /(-result\.json|-container\.json|-attachment(\.\w+)?|^environment\.properties|^categories\.json|^executor\.json)$/;

/**
 * Cucumber drops the other stdout formatter unless allure-cucumberjs has a file target (stack.md
 * pitfall 2); it writes nothing there. Kept inside the results folder: `run --results DIR` once
 * left a stray DIR.log beside the folder it was given.
 */
export const FORMATTER_LOG = ".allure-cucumberjs.log";

/** Names in a results folder that gim-conformance (or its cucumber profile) writes. */
function isOwnResultName(name: string): boolean {
  return RESULT_FILE.test(name) || name === FORMATTER_LOG || name === RUN_RECORD;
}

/** Makes `resultsDir` the tool's results folder (src/output/output-dir.ts), or refuses it. */
export function claimResultsDir(resultsDir: string, option = "--results"): void {
  claimOutputDir(resultsDir, {
    kind: "allure-results",
    option,
    // A folder a bare cucumber-js run of our profile filled, or one from before folders were marked.
    recognised: (entries) => entries.every((name) => isOwnResultName(name) || name === "history"),
  });
}

/**
 * Claims `resultsDir` for a run (src/output/output-dir.ts) and removes the previous run's results.
 * A `history/` is removed only when `report` put it there (it carries the marker): one the tool did
 * not create is left alone.
 */
export async function clearResults(resultsDir: string, option = "--results"): Promise<void> {
  claimResultsDir(resultsDir, option);
  const history = path.join(resultsDir, "history");
  const names = await readdir(resultsDir);
  await Promise.all(
    names
      .filter((name) => isOwnResultName(name) || (name === "history" && isMarked(history, "allure-history")))
      .map((name) => rm(path.join(resultsDir, name), { recursive: true, force: true })),
  );
}

export async function resultFiles(resultsDir: string): Promise<string[]> {
  try {
    const names = await readdir(resultsDir);
    return names.filter((name) => name.endsWith("-result.json")).map((name) => path.join(resultsDir, name));
  } catch {
    return [];
  }
}

/**
 * A result file's JSON. A truncated or corrupt one (a run killed while writing it) is bad input
 * naming the file, not an internal error.
 */
export async function readResultFile(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError(
      shownPath(file),
      undefined,
      undefined,
      `not a complete Allure result (${printable(why)}); the run that wrote it did not finish: run again`,
    );
  }
}

interface StatusDetails {
  message?: string;
  trace?: string;
}
interface ResultStep {
  name?: string;
  status?: string;
  statusDetails?: StatusDetails;
  steps?: ResultStep[];
}
export interface AllureResult {
  name?: string;
  status?: string;
  statusDetails?: StatusDetails;
  labels?: { name: string; value: string }[];
  steps?: ResultStep[];
}

/** allure-cucumberjs's message on a step that has no definition. */
const NO_IMPLEMENTATION = "The step doesn't have an implementation.";

/**
 * Allure's statuses for what a scenario's run means (README "Reading the report"):
 * - verified pass: passed (green); nonconformance: failed (red), its message the one-line verdict;
 * - provisional, matching or differing from its hypothesis: unknown (purple, "?"), never red or
 *   green: a hypothesis is neither a regression nor a verified pass. With --strict-provisional a
 *   difference fails the run, and is failed here too;
 * - not run: skipped (grey), its message the reason;
 * - bad input and harness errors: broken (yellow); only a harness error keeps its stack trace.
 */
function statusFor(verdict: ScenarioVerdict | undefined, status: string | undefined): string | undefined {
  if (verdict === "differs-from-hypothesis") return status === "failed" ? "failed" : "unknown";
  if (verdict === "matches-hypothesis") return "unknown";
  if (verdict === "not-run") return "skipped";
  return status;
}

function lastLabel(result: AllureResult, name: string): string | undefined {
  return result.labels?.filter((l) => l.name === name).at(-1)?.value;
}

/** The one-line message a reader meets first, or undefined to keep allure-cucumberjs's. */
function messageFor(result: AllureResult, verdict: ScenarioVerdict | undefined): string | undefined {
  const line = lastLabel(result, VERDICT_LABEL) ?? "";
  const message = result.statusDetails?.message ?? "";
  switch (verdict) {
    case "nonconformance":
      // The gate's mark (gate-marks.ts) names the expectation before the verdict: keep it.
      return message.startsWith(KNOWN_DIVERGENCE_PREFIX) ? message : line;
    case "differs-from-hypothesis":
      return `${PROVISIONAL_DIFFERS_PREFIX}${line}`;
    case "matches-hypothesis":
      return `${PROVISIONAL_MATCH_PREFIX}${line}`;
    case "not-run":
      return `${NOT_RUN_PREFIX}${line}`;
    default:
      return undefined;
  }
}

/** A rejected input (src/errors.ts InputError) is the user's to fix: one line, no trace. */
function isBadInput(details: StatusDetails | undefined): boolean {
  return /^InputError\b/.test(details?.trace ?? "");
}

/** Steps keep their one-line message; a trace is noise everywhere but in a harness error. */
function withoutTraces(
  steps: ResultStep[] | undefined,
  message: string | undefined,
): ResultStep[] | undefined {
  return steps?.map((step) => {
    const copy: ResultStep = { ...step, steps: withoutTraces(step.steps, message) };
    if (step.steps === undefined) delete copy.steps;
    if (step.statusDetails?.trace !== undefined || (step.status === "failed" && message !== undefined)) {
      copy.statusDetails = { message: message ?? step.statusDetails?.message?.split("\n", 1)[0] ?? "" };
    }
    return copy;
  });
}

/**
 * Returns the result as the report should show it, or undefined when it is right as written.
 * Reads the labels the steps set (verdict-labels.ts); idempotent, so `report` may apply it again
 * to results a bare cucumber-js run wrote.
 */
export function touchUp(result: AllureResult): AllureResult | undefined {
  const touched = touchedUp(result);
  return JSON.stringify(touched) === JSON.stringify(result) ? undefined : touched;
}

function touchedUp(result: AllureResult): AllureResult {
  const undefinedStep = result.steps?.find(
    (s) => s.status === undefined && s.statusDetails?.message === NO_IMPLEMENTATION,
  );
  if (undefinedStep !== undefined) {
    return {
      ...result,
      status: "broken",
      statusDetails: {
        message: `${UNDEFINED_STEP_PREFIX}"${undefinedStep.name ?? "?"}" has no step definition`,
      },
    };
  }
  if (result.status === "broken") {
    if (!isBadInput(result.statusDetails) || result.statusDetails?.message?.startsWith(BAD_INPUT_PREFIX))
      return result;
    const message = `${BAD_INPUT_PREFIX}${result.statusDetails?.message ?? ""}`;
    return { ...result, statusDetails: { message }, steps: withoutTraces(result.steps, undefined) };
  }
  const verdict = lastLabel(result, OUTCOME_LABEL) as ScenarioVerdict | undefined;
  const message = messageFor(result, verdict);
  if (message === undefined) return result;
  const touched: AllureResult = {
    ...result,
    status: statusFor(verdict, result.status),
    statusDetails: { message },
    steps: withoutTraces(result.steps, result.status === "failed" ? message : undefined),
  };
  if (result.steps === undefined) delete touched.steps;
  return touched;
}

export async function touchUpResults(resultsDir: string): Promise<void> {
  for (const file of await resultFiles(resultsDir)) {
    const parsed: unknown = await readResultFile(file);
    if (typeof parsed !== "object" || parsed === null) continue;
    const changed = touchUp(parsed as AllureResult);
    if (changed !== undefined) await writeFile(file, JSON.stringify(changed));
  }
}
