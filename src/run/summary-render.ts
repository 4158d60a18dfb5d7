/**
 * How a run reads in the terminal: one progress line per finished scenario (stderr), then the
 * per-flow table and a totals line (stdout). Plain fixed-width text so it reads the same in a
 * CI log as in a terminal.
 */
import type { ScenarioResult } from "./scenario-result";
import { plural, type RunSummary, type SummaryPolicy, type Tally } from "./summary";

/** What a scenario's outcome means, in the words of the summary. */
export function statusText(result: ScenarioResult, policy: SummaryPolicy): string {
  const provisional = result.evidence === "provisional";
  switch (result.outcome) {
    case "passed":
      return provisional ? "matches hypothesis (provisional)" : "passed";
    case "mismatch":
      if (!provisional) return "FAILED: nonconformant";
      return policy.strictProvisional
        ? "FAILED: differs from hypothesis"
        : "differs from hypothesis (provisional)";
    case "not-run":
      return `not run: ${result.detail ?? "skipped"}`;
    case "undefined-step":
      return "ERROR: undefined step";
    case "bad-input":
      return "ERROR: bad input";
    case "harness-error":
      return "ERROR: harness error";
  }
}

export function flowLabel(flow: number | undefined): string {
  return flow === undefined ? "flow -" : `flow ${flow}`;
}

/** `flow 3   flow-3-transfer-accepted   passed` */
export function progressLine(result: ScenarioResult, policy: SummaryPolicy): string {
  return `${flowLabel(result.flow).padEnd(8)} ${result.id}  ${statusText(result, policy)}`;
}

/**
 * The lines under a progress line that show why a scenario did not pass: the side-by-side IRF
 * comparison of a mismatch, the step that is undefined, the error of a broken step. Stack
 * frames are left out unless `withStack` (GIM_DEBUG), they help the harness's developers only.
 */
export function detailLines(result: ScenarioResult, withStack: boolean): string[] {
  if (result.outcome === "passed" || result.outcome === "not-run" || result.detail === undefined) return [];
  const where = `${result.uri}${result.line === undefined ? "" : `:${result.line}`}`;
  const lines = result.detail.split("\n").filter((line) => withStack || !/^\s+at\s/.test(line));
  while (lines.length > 0 && lines.at(-1)?.trim() === "") lines.pop();
  return [`  ${where}  ${result.name}`, ...lines.map((line) => `    ${line}`)];
}

const COLUMNS = ["Scenarios", "Verified passed", "Provisional", "Failed", "Not run"] as const;
const MAX_TITLE = 56;

function cells(tally: Tally): number[] {
  return [tally.scenarios, tally.verifiedPassed, tally.provisional, tally.failed, tally.notRun];
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** The per-flow table, one row per flow and a total row. */
export function summaryTable(summary: RunSummary): string {
  const titles = summary.flows.map((row) => clip(row.title, MAX_TITLE));
  const titleWidth = Math.max("Title".length, "Total".length, ...titles.map((t) => t.length));
  const line = (flow: string, title: string, values: readonly (string | number)[]): string =>
    [
      flow.padStart(4),
      title.padEnd(titleWidth),
      ...values.map((v, i) => String(v).padStart(COLUMNS[i]?.length ?? 0)),
    ].join("  ");
  const rows = summary.flows.map((row, i) =>
    line(row.flow === undefined ? "-" : String(row.flow), titles[i] ?? "", cells(row.tally)),
  );
  return [line("Flow", "Title", COLUMNS), ...rows, line("", "Total", cells(summary.totals))].join("\n");
}

/**
 * `11 verified passed, 2 provisional (unverified hypothesis), 0 failed, 0 not run — system under test: reference classifier 0.1.0`
 */
export function totalsLine(totals: Tally, systemUnderTest: string, policy: SummaryPolicy): string {
  const differsNote =
    totals.differs > 0 && !policy.strictProvisional ? `; ${totals.differs} differs from it` : "";
  const failedParts = [
    [totals.nonconformant, "nonconformant"],
    [totals.badInput, "bad input"],
    [totals.harnessErrors, plural(totals.harnessErrors, "harness error")],
  ] as const;
  const breakdown = failedParts.filter(([n]) => n > 0);
  const failedNote =
    breakdown.length > 1 || (breakdown.length === 1 && breakdown[0]?.[1] !== "nonconformant")
      ? ` (${breakdown.map(([n, what]) => `${n} ${what}`).join(", ")})`
      : "";
  return (
    `${totals.verifiedPassed} verified passed, ` +
    `${totals.provisional} provisional (unverified hypothesis${differsNote}), ` +
    `${totals.failed} failed${failedNote}, ` +
    `${totals.notRun} not run — system under test: ${systemUnderTest}`
  );
}
