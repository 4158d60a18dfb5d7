/**
 * A run judged against its expectations file. Known divergences pass the gate; anything the file
 * does not foresee fails it. An *unexpected pass* (the file expects a failure or skip that did not
 * happen) is a stale expectation: it is reported and counted so it can be removed, but by default
 * it does not fail the gate — an upgrade that fixes a divergence must not block the upgrade
 * (web-platform-tests also reports unexpected passes apart and lets CI decide). `--fail-on-stale`
 * makes it fail (exit 1), for pipelines that want the file pruned before merging.
 */
import { compareIrfs } from "../report/irf-comparison";
import type { ScenarioResult } from "../run/scenario-result";
import type { SummaryPolicy } from "../run/summary";
import { EXPECTATIONS_FORMAT_VERSION, type Expectation, type ExpectationsFile } from "./expectation";

export type GateJudgement =
  /** No expectation and the result does not fail the gate. */
  | "as-specified"
  /** Failed or skipped as the file expects. */
  | "known-divergence"
  /** Fails the gate and the file does not expect it (or expects other rows). */
  | "unexpected-failure"
  /** The file expects fail or skip, and the scenario passed: remove the entry. */
  | "unexpected-pass";

export interface JudgedResult {
  result: ScenarioResult;
  expectation: Expectation | undefined;
  judgement: GateJudgement;
  /** Why, for an unexpected failure under an expectation (e.g. other rows than accepted). */
  note?: string;
}

export interface GateReport {
  judged: JudgedResult[];
  unexpectedFailures: JudgedResult[];
  unexpectedPasses: JudgedResult[];
  knownDivergences: JudgedResult[];
}

/** Whether the result fails the gate on its own (summary.ts's rule for nonconformance). */
function failsGate(result: ScenarioResult, policy: SummaryPolicy): boolean {
  return result.outcome === "mismatch" && (result.evidence === "verified" || policy.strictProvisional);
}

export function judge(
  results: readonly ScenarioResult[],
  file: ExpectationsFile | undefined,
  policy: SummaryPolicy,
): GateReport {
  const judged = results.map((result) => judgeOne(result, file?.expectations.get(result.id), policy));
  return {
    judged,
    unexpectedFailures: judged.filter((j) => j.judgement === "unexpected-failure"),
    unexpectedPasses: judged.filter((j) => j.judgement === "unexpected-pass"),
    knownDivergences: judged.filter((j) => j.judgement === "known-divergence"),
  };
}

function judgeOne(
  result: ScenarioResult,
  expectation: Expectation | undefined,
  policy: SummaryPolicy,
): JudgedResult {
  const failing = failsGate(result, policy);
  if (expectation === undefined) {
    return { result, expectation, judgement: failing ? "unexpected-failure" : "as-specified" };
  }
  if (result.outcome === "passed") return { result, expectation, judgement: "unexpected-pass" };
  if (expectation.status === "skip") {
    if (result.outcome === "not-run") return { result, expectation, judgement: "known-divergence" };
    return {
      result,
      expectation,
      judgement: failing ? "unexpected-failure" : "as-specified",
      note: "expected to be skipped",
    };
  }
  // status: fail. A scenario that did not get as far as a verdict (not run, broken, bad input)
  // has not shown the expected divergence: it is not a known divergence, and its own outcome
  // decides the exit code (summary.ts), as without an expectation.
  if (result.outcome !== "mismatch") {
    return {
      result,
      expectation,
      judgement: "as-specified",
      note: `expected to fail, but ${result.outcome}`,
    };
  }
  if (expectation.rows !== undefined && !compareIrfs(expectation.rows, result.rows ?? []).conforms) {
    return {
      result,
      expectation,
      judgement: failing ? "unexpected-failure" : "as-specified",
      note: "recorded other rows than the expectation accepts",
    };
  }
  return { result, expectation, judgement: "known-divergence" };
}

/**
 * The expectations file that makes this run pass: every gate failure expected `fail` with its
 * recorded rows, every not-run scenario `skip`; reasons and links of entries that remain are kept,
 * and so are the entries of scenarios the run did not select.
 */
export function expectationsFromRun(
  results: readonly ScenarioResult[],
  previous: ExpectationsFile | undefined,
  policy: SummaryPolicy,
  sutName: string,
): string {
  const entries: Record<string, Record<string, unknown>> = {};
  for (const result of results) {
    const status = failsGate(result, policy) ? "fail" : result.outcome === "not-run" ? "skip" : undefined;
    if (status === undefined) continue;
    const old = previous?.expectations.get(result.id);
    const entry: Record<string, unknown> = {
      status,
      reason:
        old?.status === status ? old.reason : `recorded on ${sutName}; TODO: say why this result is accepted`,
    };
    if (old?.link !== undefined) entry.link = old.link;
    // Only a `fail` pins rows: a `skip` has nothing recorded to accept (parseExpectations refuses rows on it).
    if (status === "fail" && result.rows !== undefined) {
      entry.rows = result.rows.map((r) => ({
        irf: r.irf,
        resource: r.resource,
        role: r.role,
        result: r.result,
        reason: r.reason,
      }));
    }
    entries[result.id] = entry;
  }
  // Scenarios this run did not select (--tags) keep their entries: updating a subset loses nothing.
  const ran = new Set(results.map((r) => r.id));
  for (const old of previous?.expectations.values() ?? []) {
    if (ran.has(old.id)) continue;
    const entry: Record<string, unknown> = { status: old.status, reason: old.reason };
    if (old.link !== undefined) entry.link = old.link;
    if (old.rows !== undefined) entry.rows = old.rows;
    entries[old.id] = entry;
  }
  const header =
    "# gim-conformance expectations: known divergences of one Info Mart release (see docs/ci-gate.md)\n";
  // Loaded here: only --update-expectations writes YAML, and every run loads this module (issue 14).
  const { stringify } = require("yaml") as typeof import("yaml");
  return (
    header + stringify({ version: EXPECTATIONS_FORMAT_VERSION, expectations: entries }, { lineWidth: 0 })
  );
}

/** Lines for stderr: every unexpected result, then the stale expectations, then the counts. */
export function gateLines(report: GateReport, expectationsFile: string): string[] {
  const lines: string[] = [];
  const label = (j: JudgedResult) =>
    `${j.result.flow === undefined ? j.result.feature : `flow ${j.result.flow}`} @id:${j.result.id}`;
  for (const j of report.unexpectedFailures) {
    lines.push(`UNEXPECTED FAILURE  ${label(j)}${j.note === undefined ? "" : ` (${j.note})`}`);
  }
  for (const j of report.knownDivergences) {
    const link = j.expectation?.link === undefined ? "" : ` (${j.expectation.link})`;
    lines.push(`known divergence    ${label(j)}: ${j.expectation?.reason ?? ""}${link}`);
  }
  for (const j of report.unexpectedPasses) {
    const where =
      j.expectation?.line === undefined ? expectationsFile : `${expectationsFile}:${j.expectation.line}`;
    lines.push(`UNEXPECTED PASS     ${label(j)}: stale expectation at ${where}, remove it`);
  }
  lines.push(
    `expectations ${expectationsFile}: ${report.unexpectedFailures.length} unexpected failure(s), ` +
      `${report.knownDivergences.length} known divergence(s), ${report.unexpectedPasses.length} unexpected pass(es)`,
  );
  return lines;
}
