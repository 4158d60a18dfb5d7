/**
 * The baseline-vs-candidate diff (scenarios, IRFs and MSFs) for three readers: the terminal (fixed-width tables), a Markdown
 * file for a merge request or ticket, and one self-contained HTML page (inline CSS, no scripts, no
 * links to fetch) that a release manager can attach to a change ticket and open from disk.
 */
import { escapeXml } from "../report/text-escape";
import type { IrfCell, IrfChange, MsfCell, MsfChange, ScenarioDiff, SnapshotDiff } from "./snapshot-diff";

interface Table {
  head: string[];
  rows: string[][];
}

const scenarioLabel = (s: ScenarioDiff) =>
  `${s.flow === null ? "" : String(s.flow)}${s.provisional ? " (provisional)" : ""}`;
const cellText = (c: IrfCell | undefined) =>
  c === undefined
    ? "—"
    : `${c.resource} (${c.resourceType}) ${c.role}/${c.result} [${c.reason}; role reason ${c.roleReason}]`;
const msfCellText = (c: MsfCell | undefined) =>
  c === undefined
    ? "—"
    : `${c.resource} ${c.role}/${c.result} [${c.reason}; role reason ${c.roleReason}] → ${c.irf === null ? "no IRF" : `IRF${c.irf}`}`;
const gimConfigText = (m: SnapshotDiff["baseline"]) =>
  m.gimConfig === undefined
    ? ""
    : `; GIM configuration ${Object.entries(m.gimConfig)
        .map(([name, value]) => `${name}=${value}`)
        .join(", ")}`;
const sideText = (m: SnapshotDiff["baseline"]) =>
  `${m.sut.name}${m.sut.gimVersion === undefined ? "" : `, GIM ${m.sut.gimVersion}`} (${m.createdAt})${gimConfigText(m)}`;

function statusTable(list: readonly ScenarioDiff[]): Table {
  return {
    head: ["Flow", "@id", "Scenario", "Baseline", "Candidate"],
    rows: list.map((s) => [scenarioLabel(s), s.id, s.name, s.before ?? "absent", s.after ?? "absent"]),
  };
}

function irfTable(diff: SnapshotDiff): Table {
  const rows: string[][] = [];
  for (const s of diff.scenarios) {
    for (const c of s.irfChanges) rows.push(irfRow(s, c));
  }
  return { head: ["Flow", "@id", "Interaction", "IRF", "Changed", "Baseline", "Candidate"], rows };
}

function irfRow(s: ScenarioDiff, c: IrfChange): string[] {
  return [
    scenarioLabel(s),
    s.id,
    s.interaction ?? "",
    `IRF${c.irf}`,
    c.kinds.join(", "),
    cellText(c.before),
    cellText(c.after),
  ];
}

function msfTable(diff: SnapshotDiff): Table {
  const rows: string[][] = [];
  for (const s of diff.scenarios) {
    for (const c of s.msfChanges) rows.push(msfRow(s, c));
  }
  return { head: ["Flow", "@id", "Interaction", "MSF", "Changed", "Baseline", "Candidate"], rows };
}

function msfRow(s: ScenarioDiff, c: MsfChange): string[] {
  return [
    scenarioLabel(s),
    s.id,
    s.interaction ?? "",
    `MSF${c.msf}`,
    c.kinds.join(", "),
    msfCellText(c.before),
    msfCellText(c.after),
  ];
}

function otherChanges(diff: SnapshotDiff): ScenarioDiff[] {
  return diff.scenarios.filter(
    (s) => s.change === "status-changed" || s.change === "added" || s.change === "removed",
  );
}

export function verdictLine(diff: SnapshotDiff): string {
  const irfs = diff.scenarios.reduce((n, s) => n + s.irfChanges.length, 0);
  const msfs = diff.scenarios.reduce((n, s) => n + s.msfChanges.length, 0);
  return (
    `${diff.regressed ? "REGRESSED" : "no regression"}: ${diff.newlyFailing.length} newly failing, ` +
    `${diff.newlyPassing.length} newly passing, ${irfs} changed IRF(s), ${msfs} changed MSF(s)`
  );
}

export function renderDiffText(diff: SnapshotDiff): string {
  const parts = [`Baseline:  ${sideText(diff.baseline)}`, `Candidate: ${sideText(diff.candidate)}`, ""];
  const section = (title: string, table: Table) => {
    parts.push(`${title} (${table.rows.length})`);
    if (table.rows.length > 0) parts.push(fixedWidth(table));
    parts.push("");
  };
  section("Newly failing", statusTable(diff.newlyFailing));
  section("Newly passing", statusTable(diff.newlyPassing));
  const others = otherChanges(diff);
  if (others.length > 0) section("Other status changes", statusTable(others));
  section("Changed IRFs", irfTable(diff));
  section("Changed MSFs", msfTable(diff));
  parts.push(verdictLine(diff));
  return `${parts.join("\n")}\n`;
}

function fixedWidth(table: Table): string {
  const widths = table.head.map((h, i) => Math.max(h.length, ...table.rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(table.head), line(widths.map((w) => "-".repeat(w))), ...table.rows.map(line)].join("\n");
}

const md = (text: string) => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");

function markdownTable(table: Table): string {
  if (table.rows.length === 0) return "_none_";
  const line = (cells: readonly string[]) => `| ${cells.map(md).join(" | ")} |`;
  return [line(table.head), line(table.head.map(() => "---")), ...table.rows.map(line)].join("\n");
}

export function renderDiffMarkdown(diff: SnapshotDiff): string {
  const others = otherChanges(diff);
  return [
    "# GIM conformance: baseline vs candidate",
    "",
    `- **Baseline:** ${md(sideText(diff.baseline))}`,
    `- **Candidate:** ${md(sideText(diff.candidate))}`,
    `- **Verdict:** ${md(verdictLine(diff))}`,
    "",
    `## Newly failing (${diff.newlyFailing.length})`,
    "",
    markdownTable(statusTable(diff.newlyFailing)),
    "",
    `## Newly passing (${diff.newlyPassing.length})`,
    "",
    markdownTable(statusTable(diff.newlyPassing)),
    "",
    ...(others.length > 0
      ? [`## Other status changes (${others.length})`, "", markdownTable(statusTable(others)), ""]
      : []),
    "## Changed IRFs",
    "",
    markdownTable(irfTable(diff)),
    "",
    "## Changed MSFs",
    "",
    markdownTable(msfTable(diff)),
    "",
  ].join("\n");
}

function htmlTable(table: Table): string {
  if (table.rows.length === 0) return "<p class=none>none</p>";
  const head = table.head.map((h) => `<th>${escapeXml(h)}</th>`).join("");
  const body = table.rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join("")}</tr>`)
    .join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #bbb;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#eee}.regressed{color:#b00020}.ok{color:#1b5e20}.none{color:#666;font-style:italic}dt{font-weight:600}`;

export function renderDiffHtml(diff: SnapshotDiff): string {
  const others = otherChanges(diff);
  const verdictClass = diff.regressed ? "regressed" : "ok";
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>GIM conformance: baseline vs candidate</title>
<style>${STYLE}</style></head><body>
<h1>GIM conformance: baseline vs candidate</h1>
<dl><dt>Baseline</dt><dd>${escapeXml(sideText(diff.baseline))}</dd><dt>Candidate</dt><dd>${escapeXml(sideText(diff.candidate))}</dd></dl>
<p class="${verdictClass}"><strong>${escapeXml(verdictLine(diff))}</strong></p>
<h2>Newly failing (${diff.newlyFailing.length})</h2>
${htmlTable(statusTable(diff.newlyFailing))}
<h2>Newly passing (${diff.newlyPassing.length})</h2>
${htmlTable(statusTable(diff.newlyPassing))}
${others.length > 0 ? `<h2>Other status changes (${others.length})</h2>\n${htmlTable(statusTable(others))}\n` : ""}<h2>Changed IRFs</h2>
${htmlTable(irfTable(diff))}
<h2>Changed MSFs</h2>
${htmlTable(msfTable(diff))}
</body></html>
`;
}
