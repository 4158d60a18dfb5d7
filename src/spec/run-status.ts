/**
 * Each scenario's status from the last run, read from the Allure results `run` wrote, and what
 * that run was: when, against which system under test, with which GIM version and configuration.
 * A status is never invented: "passed" only when the last run's result for that very scenario
 * passed; no result means "not run".
 *
 * A result belongs to a scenario of the book only when both its `@id` and its content match: the
 * steps as run and their tables (the expected facts) must be those of the feature file the book
 * shows. A run of another feature folder, where a user's copy of a flow keeps the @id but states
 * other IRFs, therefore never colours the bundled flows.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PROVISIONAL_DIFFERS_PREFIX, PROVISIONAL_MATCH_PREFIX } from "../allure/categories";
import { ID_TAG_PREFIX } from "../flows/scenario-id";

/**
 * A scenario's last-run status. Deliberately not the words of the tags: "verified" and
 * "provisional" say where a flow's expected IRFs come from (@verified: the User's Guide;
 * @provisional: a hypothesis); a status says what the last run found.
 */
export type SpecStatus = "passed" | "matches hypothesis" | "differs from hypothesis" | "failed" | "not run";

/** What the last run said about one scenario: Allure's status and its first message line. */
export interface LastResult {
  status: string;
  message: string | undefined;
  /** Allure's stop time (ms), to keep the newest when a folder holds several results. */
  stop: number;
  /** scenarioFingerprint of the steps as run; "" when the result holds no steps. */
  fingerprint?: string;
}

export interface StatusVerdict {
  status: SpecStatus;
  /** Why, in a few words, e.g. "passed", "differs from hypothesis", "no result in the last run". */
  detail: string;
}

/** A step as cucumber ran it: its text without the keyword, and its data table as CSV, if any. */
export interface RunStep {
  text: string;
  csv?: string;
}

/** The data table as allure-cucumberjs attaches it: cells joined by commas, a newline after each row. */
export function dataTableCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => `${cells.join(",")}\n`).join("");
}

/** A short hash of what a scenario runs: every step's text and table, in order. */
export function scenarioFingerprint(steps: readonly RunStep[]): string {
  const hash = createHash("sha256");
  for (const step of steps) hash.update(`${step.text}\u0000${step.csv ?? ""}\u0001`);
  return hash.digest("hex").slice(0, 16);
}

/** The key of a scenario's result: its @id and its fingerprint. */
export const resultKey = (id: string, fingerprint: string | undefined) => `${id}\u0000${fingerprint ?? ""}`;

interface ResultStep {
  name?: unknown;
  attachments?: { name?: unknown; source?: unknown }[];
}

interface ResultFile {
  status?: unknown;
  stop?: unknown;
  testCaseId?: unknown;
  statusDetails?: { message?: unknown };
  labels?: { name?: unknown; value?: unknown }[];
  steps?: ResultStep[];
}

const KEYWORD = /^(?:Given|When|Then|And|But|\*)\s+/;

function fingerprintOf(result: ResultFile, resultsDir: string): string {
  const steps: RunStep[] = [];
  for (const step of result.steps ?? []) {
    if (typeof step.name !== "string") continue;
    const table = (step.attachments ?? []).find(
      (a) => a.name === "Data table" && typeof a.source === "string",
    );
    let csv: string | undefined;
    if (table !== undefined) {
      try {
        csv = readFileSync(join(resultsDir, String(table.source)), "utf8");
      } catch {
        csv = "(table missing)";
      }
    }
    steps.push({ text: step.name.replace(KEYWORD, ""), ...(csv === undefined ? {} : { csv }) });
  }
  return steps.length === 0 ? "" : scenarioFingerprint(steps);
}

/**
 * The newest result per scenario, keyed by resultKey(@id, fingerprint); an empty map when the
 * folder or its results are missing.
 */
export function readLastResults(resultsDir: string): Map<string, LastResult & { id: string }> {
  const results = new Map<string, LastResult & { id: string }>();
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
    const fingerprint = fingerprintOf(parsed, resultsDir);
    const key = resultKey(id, fingerprint);
    const previous = results.get(key);
    if (previous !== undefined && previous.stop > stop) continue;
    const message = parsed.statusDetails?.message;
    results.set(key, {
      id,
      status: parsed.status,
      message: typeof message === "string" ? message.split("\n")[0] : undefined,
      stop,
      fingerprint,
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

/** What the run behind the results was, from the environment.properties `run` writes. */
export interface RunContext {
  /** The system under test as `run` names it, e.g. "reference classifier 1.2.0". */
  sut?: string;
  gimVersion?: string;
  gimConfigFile?: string;
  /** The GIM options the run judged by (`GIM option <name>` entries). */
  gimOptions: Record<string, string>;
}

/** Java properties escaping as Allure writes it: a backslash quotes the next character. */
function unescapeProperty(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) => {
    if (c.length === 5) return String.fromCharCode(Number.parseInt(c.slice(1), 16));
    return c === "t" ? "\t" : c === "n" ? "\n" : c;
  });
}

export function readRunContext(resultsDir: string): RunContext {
  const context: RunContext = { gimOptions: {} };
  let text: string;
  try {
    text = readFileSync(join(resultsDir, "environment.properties"), "utf8");
  } catch {
    return context;
  }
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*[#!]/.test(line) || line.trim() === "") continue;
    const m = /^((?:\\.|[^=:\\])*)[=:](.*)$/.exec(line);
    if (m === null) continue;
    const key = unescapeProperty((m[1] ?? "").trim());
    const value = unescapeProperty((m[2] ?? "").trim());
    if (key === "System under test") context.sut = value;
    else if (key === "GIM version") context.gimVersion = value;
    else if (key === "GIM config file") context.gimConfigFile = value;
    else if (key.startsWith("GIM option ")) context.gimOptions[key.slice("GIM option ".length)] = value;
  }
  return context;
}

export function scenarioStatus(result: LastResult | undefined, provisional: boolean): StatusVerdict {
  if (result === undefined) return { status: "not run", detail: "no result in the last run" };
  switch (result.status) {
    case "passed":
      return provisional
        ? { status: "matches hypothesis", detail: "passed; the expected IRFs are a hypothesis (unverified)" }
        : { status: "passed", detail: "passed" };
    case "failed":
      return provisional
        ? { status: "differs from hypothesis", detail: "recorded other IRFs than the hypothesis states" }
        : { status: "failed", detail: "nonconformant: other IRFs recorded" };
    case "broken":
      return { status: "failed", detail: "harness error: no verdict" };
    // A provisional result as Allure now records it (src/allure/results-dir.ts): status unknown,
    // never a verified pass nor a regression; its message says which.
    case "unknown":
      if (result.message?.startsWith(PROVISIONAL_MATCH_PREFIX))
        return { status: "matches hypothesis", detail: "the expected IRFs are a hypothesis (unverified)" };
      if (result.message?.startsWith(PROVISIONAL_DIFFERS_PREFIX))
        return {
          status: "differs from hypothesis",
          detail: "recorded other IRFs than the hypothesis states",
        };
      return { status: "not run", detail: result.message ?? `last run: ${result.status}` };
    default:
      // `run` writes a provisional verdict as Allure's "unknown" (never red or green), its kind in the message.
      if (result.message?.startsWith(PROVISIONAL_MATCH_PREFIX)) {
        return {
          status: "matches hypothesis",
          detail: "passed; the expected IRFs are a hypothesis (unverified)",
        };
      }
      if (result.message?.startsWith(PROVISIONAL_DIFFERS_PREFIX)) {
        return {
          status: "differs from hypothesis",
          detail: result.message.slice(PROVISIONAL_DIFFERS_PREFIX.length),
        };
      }
      return { status: "not run", detail: result.message ?? `last run: ${result.status}` };
  }
}

const SEVERITY: Record<SpecStatus, number> = {
  passed: 0,
  "matches hypothesis": 1,
  "not run": 2,
  "differs from hypothesis": 3,
  failed: 4,
};

/**
 * A flow's status: its worst scenario's, and never "passed" for a provisional flow (a passing
 * hypothesis is still a hypothesis).
 */
export function flowStatus(scenarios: readonly StatusVerdict[], provisional: boolean): SpecStatus {
  if (scenarios.length === 0) return "not run";
  const worst = scenarios.reduce((a, b) => (SEVERITY[b.status] > SEVERITY[a.status] ? b : a)).status;
  return provisional && worst === "passed" ? "matches hypothesis" : worst;
}
