/**
 * What one scenario's run means for conformance, decided from its tags and its steps' results.
 * Pure: no cucumber here, only the shapes of cucumber's messages that the decisions need, so the
 * rules can be unit-tested on synthetic results.
 */
import { PROVISIONAL_DIFFERS_PREFIX, PROVISIONAL_MATCH_PREFIX } from "../allure/categories";
import type { IrfRow } from "../domain/irf";
import type { MsfRow } from "../domain/msf";

/**
 * `verified`: the expected IRFs come from the User's Guide; a mismatch is nonconformance.
 * `provisional`: they encode a hypothesis (domain.md §5); a mismatch only "differs from hypothesis".
 */
export type Evidence = "verified" | "provisional";

export type Outcome =
  /** Every step passed: the system under test recorded exactly the expected IRFs. */
  | "passed"
  /** An assertion failed: the recorded IRFs differ from the expected ones. */
  | "mismatch"
  /** Skipped or pending: the system under test could not answer (e.g. no manifest entry). Never a pass. */
  | "not-run"
  /** A step has no definition or several: the feature is not executable as written (exit 2). */
  | "undefined-step"
  /**
   * A step rejected its input (an InputError: a malformed example log, manifest entry...), or the
   * story cannot happen as written (a FlowError) (exit 2).
   */
  | "bad-input"
  /** A step or hook threw something other than an assertion: the harness broke (exit 3). */
  | "harness-error";

export interface ScenarioResult {
  /** The stable `@id:` tag's value; `<uri>:<line>` for a scenario without one. */
  id: string;
  name: string;
  /** Feature file, as cucumber reports it (relative to the working directory when under it). */
  uri: string;
  line: number | undefined;
  /** The feature's title, without a leading "Flow N:". */
  feature: string;
  /** From the `@flow-N` tag; undefined for a user's flow without one. */
  flow: number | undefined;
  evidence: Evidence;
  outcome: Outcome;
  /** Failure message, undefined-step text and snippet, or the reason a scenario was not run. */
  detail: string | undefined;
  /**
   * The IRF rows the system under test recorded, from the outcome step's `<id>-irfs.json`
   * attachment; undefined when the scenario never got an answer (not run, broken before its outcome).
   */
  rows?: IrfRow[];
  /**
   * The mediation segments the system under test recorded, from the `<id>-msfs.json` attachment;
   * undefined when it reported none (a back end without MSF data) or never answered.
   */
  msfs?: MsfRow[];
}

/** The subset of cucumber's TestStepResult that decides an outcome. */
export interface StepResult {
  status: string;
  message?: string;
  exception?: { type: string; message?: string };
}

export interface DecidedOutcome {
  outcome: Outcome;
  detail: string | undefined;
}

const FLOW_TAG = /^@flow-(\d+)$/;
const ID_TAG = /^@id:(.+)$/;

/** A scenario is verified unless tagged `@provisional`: a user's own flow asserts what they know GIM does. */
export function evidenceOf(tags: readonly string[]): Evidence {
  return tags.includes("@provisional") ? "provisional" : "verified";
}

export function flowOf(tags: readonly string[]): number | undefined {
  for (const tag of tags) {
    const match = FLOW_TAG.exec(tag);
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return undefined;
}

export function idOf(tags: readonly string[]): string | undefined {
  for (const tag of tags) {
    const match = ID_TAG.exec(tag);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}

/** "Flow 3: Agent transfers chat" and "Agent transfers chat" both title flow 3 as "Agent transfers chat". */
export function featureTitle(name: string): string {
  return name.replace(/^\s*flow\s+\d+\s*[:.\u2013\u2014-]\s*/i, "").trim();
}

/**
 * Assertion errors (chai's, node:assert's) mean the system under test answered differently;
 * the match on the constructor name follows allure-js's own failed/broken split, so the terminal
 * and the report agree on which failures are nonconformance and which are harness errors.
 */
export function isAssertion(exceptionType: string | undefined, message: string | undefined): boolean {
  if (exceptionType !== undefined) return /assert|expectation/i.test(exceptionType);
  return /^\s*AssertionError\b/.test(message ?? "");
}

/**
 * Decides one scenario's outcome from all its steps' and hooks' results. A step without a
 * definition outranks everything (the scenario never really ran), then a thrown error, then a
 * skip; `logs` are the scenario's `this.log(...)` texts, the last of which explains a skip.
 */
export function decideOutcome(results: readonly StepResult[], logs: readonly string[] = []): DecidedOutcome {
  const undefinedStep = results.find((r) => r.status === "UNDEFINED" || r.status === "AMBIGUOUS");
  if (undefinedStep !== undefined) {
    return {
      outcome: "undefined-step",
      detail: undefinedStep.status === "AMBIGUOUS" ? (undefinedStep.message ?? "ambiguous step") : undefined,
    };
  }
  const failed = results.find((r) => r.status === "FAILED" || r.status === "UNKNOWN");
  if (failed !== undefined) {
    const detail = failed.message ?? failed.exception?.message ?? "failed without a message";
    if (isAssertion(failed.exception?.type, failed.message)) return { outcome: "mismatch", detail };
    // A FlowError is a story the chat cannot follow (an agent accepts an invitation never sent):
    // the feature is wrong as written, bad input like an InputError, never a harness failure.
    if (failed.exception?.type === "InputError" || failed.exception?.type === "FlowError") {
      return { outcome: "bad-input", detail: failed.exception.message ?? firstLine(detail) };
    }
    return { outcome: "harness-error", detail };
  }
  if (results.some((r) => r.status === "PENDING")) {
    return { outcome: "not-run", detail: "a step is pending (not implemented yet)" };
  }
  if (results.some((r) => r.status === "SKIPPED")) {
    // A provisional scenario that ran to its end is skipped with its verdict logged (steps/support/outcome.ts).
    const differs = logs.find((log) => log.startsWith(PROVISIONAL_DIFFERS_PREFIX));
    if (differs !== undefined) {
      return { outcome: "mismatch", detail: differs.slice(PROVISIONAL_DIFFERS_PREFIX.length) };
    }
    if (logs.some((log) => log.startsWith(PROVISIONAL_MATCH_PREFIX)))
      return { outcome: "passed", detail: undefined };
    return { outcome: "not-run", detail: logs.at(-1)?.trim() || "skipped" };
  }
  return { outcome: "passed", detail: undefined };
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0] ?? text;
}
