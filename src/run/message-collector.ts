/**
 * Turns cucumber's message stream (the envelopes `runCucumber` emits, or the lines of a `message`
 * formatter's NDJSON file) into one ScenarioResult per finished scenario, plus the run-level
 * problems that are no scenario's fault (a feature that does not parse, a failing BeforeAll).
 * Reading messages rather than a formatter's text keeps the counts exact and the code free of
 * cucumber's runtime: the types below are the structural subset of @cucumber/messages it reads.
 */
import type { IrfRow } from "../domain/irf";
import type { MsfRow } from "../domain/msf";
import {
  decideOutcome,
  evidenceOf,
  featureTitle,
  flowOf,
  idOf,
  type ScenarioResult,
  type StepResult,
} from "./scenario-result";

interface Located {
  id: string;
  location: { line: number };
}
interface GherkinScenario extends Located {
  examples: readonly { tableBody: readonly Located[] }[];
  steps?: readonly Located[];
}
interface GherkinChild {
  scenario?: GherkinScenario;
  background?: { steps: readonly Located[] };
  rule?: { children: readonly { scenario?: GherkinScenario; background?: { steps: readonly Located[] } }[] };
}

/** The envelopes (and fields) the collector reads. */
export interface RunEnvelope {
  gherkinDocument?: { uri?: string; feature?: { name: string; children: readonly GherkinChild[] } };
  pickle?: {
    id: string;
    uri: string;
    name: string;
    location?: { line: number };
    tags: readonly { name: string }[];
    astNodeIds: readonly string[];
    steps: readonly { id: string; text: string; astNodeIds?: readonly string[] }[];
  };
  testCase?: { id: string; pickleId: string; testSteps: readonly { id: string; pickleStepId?: string }[] };
  testCaseStarted?: { id: string; testCaseId: string };
  testStepFinished?: { testCaseStartedId: string; testStepId: string; testStepResult: StepResult };
  testCaseFinished?: { testCaseStartedId: string; willBeRetried: boolean };
  attachment?: {
    testCaseStartedId?: string;
    body: string;
    mediaType: string;
    contentEncoding: string;
    fileName?: string;
  };
  suggestion?: { pickleStepId: string; snippets: readonly { code: string }[] };
  parseError?: { source: { uri?: string; location?: { line: number } }; message: string };
  undefinedParameterType?: { name: string; expression: string };
  testRunHookFinished?: { result: StepResult };
  testRunFinished?: { success: boolean; message?: string; exception?: { type: string; message?: string } };
}

export type RunProblemKind =
  /** A feature file that does not parse, or a step pattern naming an unknown parameter type: exit 2. */
  | "bad-feature"
  /** A BeforeAll/AfterAll hook failed, or the run itself ended with an error: exit 3. */
  | "harness-error";

export interface RunProblem {
  kind: RunProblemKind;
  message: string;
}

interface PickleInfo {
  uri: string;
  name: string;
  line: number | undefined;
  tags: string[];
  stepText: Map<string, string>;
  /** Pickle step id -> the line of its step in the feature. */
  stepLine: Map<string, number>;
}

interface Attempt {
  pickleId: string;
  results: StepResult[];
  logs: string[];
  undefinedStepIds: string[];
  /** The first step that failed, to name it when its story cannot happen (a FlowError). */
  failedStepId: string | undefined;
  rows: IrfRow[] | undefined;
  msfs: MsfRow[] | undefined;
}

/**
 * A step explains a skip with `this.log(reason)` (cucumber's log media type) or, as
 * steps/support/outcome.ts does, a text/plain attachment starting "Not run: ".
 */
const LOG_MEDIA_TYPE = "text/x.cucumber.log+plain";
const NOT_RUN_PREFIX = /^\s*not run:\s*/i;
/**
 * The outcome step attaches the recorded rows as `<id>-irfs.json` (steps/support/outcome.ts):
 * reading them from the message stream carries them to snapshots without any shared state.
 */
const ROWS_FILE = /(?<!-invite)-irfs\.json$/;
/** The recorded mediation segments, attached as `<id>-msfs.json` when the system under test gave any. */
const MSFS_FILE = /(?<!-invite)-msfs\.json$/;
// The internal invitation of a conference through a queue attaches `<id>-invite-irfs.json` and
// `<id>-invite-msfs.json` after the chat's own: the snapshot holds the customer chat's facts.

export class ScenarioCollector {
  readonly results: ScenarioResult[] = [];
  readonly problems: RunProblem[] = [];
  /** The `@id`s of every scenario the features hold, run or not (checks an expectations file's ids). */
  readonly knownIds = new Set<string>();

  private readonly featureNames = new Map<string, string>();
  private readonly astLines = new Map<string, number>();
  private readonly pickles = new Map<string, PickleInfo>();
  private readonly testCases = new Map<string, { pickleId: string; pickleStepOf: Map<string, string> }>();
  private readonly attempts = new Map<string, Attempt>();
  private readonly snippets = new Map<string, string>();

  constructor(private readonly onScenario: (result: ScenarioResult) => void = () => {}) {}

  accept(envelope: RunEnvelope): void {
    if (envelope.gherkinDocument) this.onGherkinDocument(envelope.gherkinDocument);
    else if (envelope.pickle) this.onPickle(envelope.pickle);
    else if (envelope.testCase) this.onTestCase(envelope.testCase);
    else if (envelope.testCaseStarted) this.onTestCaseStarted(envelope.testCaseStarted);
    else if (envelope.testStepFinished) this.onTestStepFinished(envelope.testStepFinished);
    else if (envelope.attachment) this.onAttachment(envelope.attachment);
    else if (envelope.suggestion) this.onSuggestion(envelope.suggestion);
    else if (envelope.testCaseFinished) this.onTestCaseFinished(envelope.testCaseFinished);
    else if (envelope.parseError) this.onParseError(envelope.parseError);
    else if (envelope.undefinedParameterType) {
      const { name, expression } = envelope.undefinedParameterType;
      this.problems.push({
        kind: "bad-feature",
        message: `undefined parameter type {${name}} in step pattern "${expression}"`,
      });
    } else if (envelope.testRunHookFinished) this.onTestRunHookFinished(envelope.testRunHookFinished);
    else if (envelope.testRunFinished) this.onTestRunFinished(envelope.testRunFinished);
  }

  private onGherkinDocument(document: NonNullable<RunEnvelope["gherkinDocument"]>): void {
    if (document.uri === undefined || document.feature === undefined) return;
    this.featureNames.set(document.uri, document.feature.name);
    const scenarios = document.feature.children.flatMap((child) => [
      ...(child.scenario ? [child.scenario] : []),
      ...(child.rule?.children.flatMap((c) => (c.scenario ? [c.scenario] : [])) ?? []),
    ]);
    const steps = document.feature.children.flatMap((child) => [
      ...(child.background?.steps ?? []),
      ...(child.rule?.children.flatMap((c) => c.background?.steps ?? []) ?? []),
    ]);
    for (const step of [...steps, ...scenarios.flatMap((s) => s.steps ?? [])])
      this.astLines.set(step.id, step.location.line);
    for (const scenario of scenarios) {
      this.astLines.set(scenario.id, scenario.location.line);
      for (const row of scenario.examples.flatMap((e) => e.tableBody))
        this.astLines.set(row.id, row.location.line);
    }
  }

  private onPickle(pickle: NonNullable<RunEnvelope["pickle"]>): void {
    // An outline's pickle points at its scenario and then its example row: the row's line is the precise one.
    const lineNode = pickle.astNodeIds.at(-1);
    const id = idOf(pickle.tags.map((t) => t.name));
    if (id !== undefined) this.knownIds.add(id);
    this.pickles.set(pickle.id, {
      uri: pickle.uri,
      name: pickle.name,
      line: pickle.location?.line ?? (lineNode === undefined ? undefined : this.astLines.get(lineNode)),
      tags: pickle.tags.map((t) => t.name),
      stepText: new Map(pickle.steps.map((s) => [s.id, s.text])),
      stepLine: new Map(
        pickle.steps.flatMap((s) => {
          const line = s.astNodeIds?.[0] === undefined ? undefined : this.astLines.get(s.astNodeIds[0]);
          return line === undefined ? [] : [[s.id, line] as const];
        }),
      ),
    });
  }

  private onTestCase(testCase: NonNullable<RunEnvelope["testCase"]>): void {
    const pickleStepOf = new Map<string, string>();
    for (const step of testCase.testSteps) {
      if (step.pickleStepId !== undefined) pickleStepOf.set(step.id, step.pickleStepId);
    }
    this.testCases.set(testCase.id, { pickleId: testCase.pickleId, pickleStepOf });
  }

  private onTestCaseStarted(started: NonNullable<RunEnvelope["testCaseStarted"]>): void {
    const testCase = this.testCases.get(started.testCaseId);
    if (testCase === undefined) return;
    this.attempts.set(started.id, {
      pickleId: testCase.pickleId,
      results: [],
      logs: [],
      undefinedStepIds: [],
      failedStepId: undefined,
      rows: undefined,
      msfs: undefined,
    });
  }

  private onTestStepFinished(finished: NonNullable<RunEnvelope["testStepFinished"]>): void {
    const attempt = this.attempts.get(finished.testCaseStartedId);
    if (attempt === undefined) return;
    attempt.results.push(finished.testStepResult);
    if (finished.testStepResult.status === "UNDEFINED") attempt.undefinedStepIds.push(finished.testStepId);
    if (finished.testStepResult.status === "FAILED") attempt.failedStepId ??= finished.testStepId;
  }

  private onAttachment(attachment: NonNullable<RunEnvelope["attachment"]>): void {
    if (attachment.testCaseStartedId === undefined) return;
    const attempt = this.attempts.get(attachment.testCaseStartedId);
    if (attempt === undefined) return;
    const text =
      attachment.contentEncoding === "BASE64"
        ? Buffer.from(attachment.body, "base64").toString("utf8")
        : attachment.body;
    if (attachment.mediaType === "application/json" && ROWS_FILE.test(attachment.fileName ?? "")) {
      attempt.rows = parseRows<IrfRow>(text);
      return;
    }
    if (attachment.mediaType === "application/json" && MSFS_FILE.test(attachment.fileName ?? "")) {
      attempt.msfs = parseRows<MsfRow>(text);
      return;
    }
    if (attachment.mediaType === LOG_MEDIA_TYPE) attempt.logs.push(text.replace(NOT_RUN_PREFIX, ""));
    else if (attachment.mediaType === "text/plain" && NOT_RUN_PREFIX.test(text)) {
      attempt.logs.push(text.replace(NOT_RUN_PREFIX, ""));
    }
  }

  private onSuggestion(suggestion: NonNullable<RunEnvelope["suggestion"]>): void {
    const code = suggestion.snippets[0]?.code;
    if (code !== undefined) this.snippets.set(suggestion.pickleStepId, code);
  }

  private onTestCaseFinished(finished: NonNullable<RunEnvelope["testCaseFinished"]>): void {
    const attempt = this.attempts.get(finished.testCaseStartedId);
    this.attempts.delete(finished.testCaseStartedId);
    if (attempt === undefined || finished.willBeRetried) return;
    const pickle = this.pickles.get(attempt.pickleId);
    if (pickle === undefined) return;
    const decided = decideOutcome(attempt.results, attempt.logs);
    const detail =
      decided.outcome === "undefined-step" && decided.detail === undefined
        ? this.describeUndefined(attempt, pickle)
        : decided.outcome === "bad-input"
          ? this.naming(attempt, pickle, decided.detail)
          : decided.detail;
    const result: ScenarioResult = {
      id: idOf(pickle.tags) ?? `${pickle.uri}:${pickle.line ?? "?"}`,
      name: pickle.name,
      uri: pickle.uri,
      line: pickle.line,
      feature: featureTitle(this.featureNames.get(pickle.uri) ?? pickle.uri),
      flow: flowOf(pickle.tags),
      evidence: evidenceOf(pickle.tags),
      outcome: decided.outcome,
      detail,
      ...(attempt.rows === undefined ? {} : { rows: attempt.rows }),
      ...(attempt.msfs === undefined ? {} : { msfs: attempt.msfs }),
    };
    this.results.push(result);
    this.onScenario(result);
  }

  /**
   * A story that cannot happen (a FlowError) is named by the step that could not, and its line:
   * the author fixes that line. An InputError already names its own file and line.
   */
  private naming(attempt: Attempt, pickle: PickleInfo, detail: string | undefined): string | undefined {
    if (detail === undefined || attempt.failedStepId === undefined) return detail;
    const failed = attempt.results.find((r) => r.status === "FAILED");
    if (failed?.exception?.type !== "FlowError") return detail;
    const testCase = [...this.testCases.values()].find((t) => t.pickleId === attempt.pickleId);
    const pickleStepId = testCase?.pickleStepOf.get(attempt.failedStepId);
    if (pickleStepId === undefined) return detail;
    const text = pickle.stepText.get(pickleStepId);
    const line = pickle.stepLine.get(pickleStepId);
    if (text === undefined) return detail;
    return `${pickle.uri}${line === undefined ? "" : `:${line}`}: step "${text}": ${detail}`;
  }

  private describeUndefined(attempt: Attempt, pickle: PickleInfo): string {
    const testCase = [...this.testCases.values()].find((t) => t.pickleId === attempt.pickleId);
    const lines = attempt.undefinedStepIds.map((testStepId) => {
      const pickleStepId = testCase?.pickleStepOf.get(testStepId);
      const text = pickleStepId === undefined ? undefined : pickle.stepText.get(pickleStepId);
      const snippet = pickleStepId === undefined ? undefined : this.snippets.get(pickleStepId);
      const head = `undefined step: "${text ?? "?"}" has no step definition`;
      return snippet === undefined ? head : `${head}; a definition could start:\n${snippet}`;
    });
    return lines.join("\n") || "undefined step";
  }

  private onParseError(parseError: NonNullable<RunEnvelope["parseError"]>): void {
    const { uri, location } = parseError.source;
    const where = uri === undefined ? "" : `${uri}${location ? `:${location.line}` : ""}: `;
    // Gherkin's message already starts with "(line:column)"; keep it, it is the precise position.
    this.problems.push({ kind: "bad-feature", message: `${where}${parseError.message}` });
  }

  private onTestRunHookFinished(finished: NonNullable<RunEnvelope["testRunHookFinished"]>): void {
    const { status, message, exception } = finished.result;
    if (status !== "FAILED") return;
    this.problems.push({
      kind: "harness-error",
      message: `a BeforeAll/AfterAll hook failed: ${exception?.message ?? message ?? "no message"}`,
    });
  }

  private onTestRunFinished(finished: NonNullable<RunEnvelope["testRunFinished"]>): void {
    const text = finished.exception?.message ?? finished.message;
    const alreadyReported = this.problems.some((p) => p.kind === "harness-error");
    if (text !== undefined && !finished.success && !alreadyReported) {
      this.problems.push({ kind: "harness-error", message: `the run ended with an error: ${text}` });
    }
  }
}

/** The rows (IRFs or MSFs) are the harness's own JSON; anything else (a user's attachment of the same name) is ignored. */
function parseRows<Row>(text: string): Row[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as Row[]) : undefined;
  } catch {
    return undefined;
  }
}
