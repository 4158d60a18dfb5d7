/**
 * The per-flow tally of a run and the exit code it earns. Provisional scenarios encode
 * hypotheses (domain.md §5): they are counted apart and never as verified passes, and by
 * default a provisional mismatch only "differs from hypothesis" without failing the gate.
 */
import { EXIT, type ExitCode } from "../errors";
import type { RunProblem } from "./message-collector";
import type { ScenarioResult } from "./scenario-result";

export interface SummaryPolicy {
  /**
   * Provisional scenarios must match their hypothesis too. The project's own test suite uses it:
   * the reference classifier must implement the hypotheses it ships with.
   */
  strictProvisional: boolean;
}

export interface Tally {
  scenarios: number;
  verifiedPassed: number;
  /** Provisional scenarios that ran to a verdict (unless strict and differing, then they are failed). */
  provisional: number;
  /** Provisional scenarios whose actual IRFs differ from the hypothesis (in `provisional`, or `failed` when strict). */
  differs: number;
  /** Every scenario that fails the gate: nonconformant, badInput and harnessErrors together. */
  failed: number;
  /** Verified scenarios (and strict provisional ones) whose IRFs differ. */
  nonconformant: number;
  /** Undefined steps and rejected inputs. */
  badInput: number;
  harnessErrors: number;
  notRun: number;
}

export interface FlowRow {
  flow: number | undefined;
  title: string;
  tally: Tally;
}

export interface RunSummary {
  flows: FlowRow[];
  totals: Tally;
  problems: readonly RunProblem[];
}

export function emptyTally(): Tally {
  return {
    scenarios: 0,
    verifiedPassed: 0,
    provisional: 0,
    differs: 0,
    failed: 0,
    nonconformant: 0,
    badInput: 0,
    harnessErrors: 0,
    notRun: 0,
  };
}

/** Adds one scenario to a tally: every scenario lands in exactly one of the four columns. */
export function count(tally: Tally, result: ScenarioResult, policy: SummaryPolicy): void {
  tally.scenarios += 1;
  const provisional = result.evidence === "provisional";
  switch (result.outcome) {
    case "passed":
      if (provisional) tally.provisional += 1;
      else tally.verifiedPassed += 1;
      return;
    case "mismatch":
      if (provisional) tally.differs += 1;
      if (provisional && !policy.strictProvisional) {
        tally.provisional += 1;
      } else {
        tally.failed += 1;
        tally.nonconformant += 1;
      }
      return;
    case "not-run":
      tally.notRun += 1;
      return;
    case "undefined-step":
    case "bad-input":
      tally.failed += 1;
      tally.badInput += 1;
      return;
    case "harness-error":
      tally.failed += 1;
      tally.harnessErrors += 1;
      return;
  }
}

/** Groups results by flow: numbered flows first in number order, then a user's unnumbered features by title. */
export function summarize(
  results: readonly ScenarioResult[],
  problems: readonly RunProblem[],
  policy: SummaryPolicy,
): RunSummary {
  const rows = new Map<string, FlowRow>();
  const totals = emptyTally();
  for (const result of results) {
    const key = result.flow === undefined ? `title:${result.feature}` : `flow:${result.flow}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = { flow: result.flow, title: result.feature, tally: emptyTally() };
      rows.set(key, row);
    }
    count(row.tally, result, policy);
    count(totals, result, policy);
  }
  const flows = [...rows.values()].sort(
    (a, b) =>
      (a.flow ?? Number.POSITIVE_INFINITY) - (b.flow ?? Number.POSITIVE_INFINITY) ||
      a.title.localeCompare(b.title),
  );
  return { flows, totals, problems };
}

export interface Verdict {
  code: ExitCode;
  /** One line saying why, for stderr; undefined when every verified scenario conformed. */
  reason: string | undefined;
}

/**
 * The exit code of `run`. A broken harness outranks a broken feature, which outranks
 * nonconformance, because a verdict reached by a broken harness or half-executable feature
 * cannot be trusted. A run that checked nothing (no scenario selected, or all not run) is a
 * usage problem, never a pass.
 */
export function verdict(summary: RunSummary): Verdict {
  const { totals, problems } = summary;
  const harness = problems.filter((p) => p.kind === "harness-error");
  if (totals.harnessErrors > 0 || harness.length > 0) {
    const n = totals.harnessErrors + harness.length;
    return { code: EXIT.harness, reason: `harness error: ${n} ${plural(n, "error")} (see above)` };
  }
  const badFeature = problems.filter((p) => p.kind === "bad-feature");
  if (totals.badInput > 0 || badFeature.length > 0) {
    const n = totals.badInput + badFeature.length;
    return {
      code: EXIT.badInput,
      reason: `bad input: ${n} ${plural(n, "problem")} in the features or their inputs (see above)`,
    };
  }
  if (totals.scenarios === 0) {
    return { code: EXIT.badInput, reason: "no scenario selected: check --features and --tags" };
  }
  if (totals.notRun === totals.scenarios) {
    return {
      code: EXIT.badInput,
      reason: `nothing was checked: all ${totals.scenarios} scenarios were not run (see the reasons above)`,
    };
  }
  if (totals.nonconformant > 0) {
    return {
      code: EXIT.nonconformant,
      reason: `nonconformant: ${totals.nonconformant} ${plural(totals.nonconformant, "scenario")} recorded IRFs other than expected`,
    };
  }
  return { code: EXIT.ok, reason: undefined };
}

export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
