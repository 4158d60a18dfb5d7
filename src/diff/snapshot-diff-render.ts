/**
 * The baseline-vs-candidate diff (scenarios, IRFs and MSFs) for three readers: the terminal (fixed-width tables), a Markdown
 * file for a merge request or ticket, and one self-contained HTML page (inline CSS, no scripts, no
 * links to fetch) that a release manager can attach to a change ticket and open from disk.
 */
import { escapeXml } from "../report/text-escape";
import type { IrfCell, IrfChange, MsfCell, MsfChange, ScenarioDiff, SnapshotDiff } from "./snapshot-diff";

/** A cell's text in pieces; a changed piece is highlighted (HTML <mark>, Markdown bold). */
interface Piece {
  text: string;
  changed?: boolean;
}
type Cell = string | Piece[];

interface Table {
  head: string[];
  rows: Cell[][];
  /** Per row, an HTML class (e.g. "added", "removed"). */
  rowClass?: (string | undefined)[];
}

const plain = (cell: Cell) => (typeof cell === "string" ? cell : cell.map((p) => p.text).join(""));

const scenarioLabel = (s: ScenarioDiff) =>
  `${s.flow === null ? "" : String(s.flow)}${s.provisional ? " (provisional)" : ""}`;

/** Row fields in reading order; a field is marked changed when the other side has the row and differs. */
function pieces(fields: [string, string][], other: Map<string, string> | undefined): Piece[] {
  return fields.flatMap(([name, text], i) => {
    const changed = other !== undefined && other.get(name) !== text;
    return [
      ...(i === 0 ? [] : [{ text: FIELD_GLUE[name] ?? " " }]),
      { text, ...(changed ? { changed } : {}) },
    ];
  });
}

/** What goes before a field: `Agent1 (Agent) RoutedTo/Completed [Unspecified; role reason Unspecified]`. */
const FIELD_GLUE: Record<string, string> = {
  resourceType: " ",
  role: " ",
  result: "/",
  reason: " [",
  roleReason: "; role reason ",
  end: "]",
  irf: " → ",
};

function irfFields(c: IrfCell): [string, string][] {
  return [
    ["resource", c.resource],
    ["resourceType", `(${c.resourceType})`],
    ["role", c.role],
    ["result", c.result],
    ["reason", c.reason],
    ["roleReason", c.roleReason],
    ["end", ""],
  ];
}

function msfFields(c: MsfCell): [string, string][] {
  return [
    ["resource", c.resource],
    ["role", c.role],
    ["result", c.result],
    ["reason", c.reason],
    ["roleReason", c.roleReason],
    ["end", ""],
    ["irf", c.irf === null ? "no IRF" : `IRF${c.irf}`],
  ];
}

function sideCell<C>(cell: C | undefined, other: C | undefined, fields: (c: C) => [string, string][]): Cell {
  if (cell === undefined) return "—";
  return pieces(fields(cell), other === undefined ? undefined : new Map(fields(other)));
}

const gimConfigText = (m: SnapshotDiff["baseline"]) =>
  m.gimConfig === undefined
    ? ""
    : `; GIM configuration ${Object.entries(m.gimConfig)
        .map(([name, value]) => `${name}=${value}`)
        .join(", ")}`;
const sideText = (m: SnapshotDiff["baseline"]) =>
  `${m.sut.name}${m.sut.gimVersion === undefined ? "" : `, GIM ${m.sut.gimVersion}`} (${m.createdAt})${gimConfigText(m)}`;

/**
 * Why a scenario's status changed, in a sentence: the candidate's (or baseline's) verdict line
 * from the snapshot, and when the recorded facts did not change at all, that the expectation did
 * (its feature's table, or the GIM configuration), so "no changed IRF" is never left unexplained.
 */
export function changeReason(s: ScenarioDiff): string {
  const detail = s.after === "passed" ? s.beforeDetail : (s.afterDetail ?? s.beforeDetail);
  const recordedSame =
    s.before !== undefined &&
    s.after !== undefined &&
    s.irfChanges.length === 0 &&
    s.msfChanges.length === 0 &&
    (s.before === "passed" || s.before === "failed") &&
    (s.after === "passed" || s.after === "failed");
  const why = recordedSame
    ? "the recorded IRFs and MSFs are the same on both sides, so the expectation changed (the feature's expected table or the GIM configuration)"
    : "";
  const verdict = detail === undefined ? "" : `${s.after === "passed" ? "baseline: " : ""}${detail}`;
  return [why, verdict].filter((x) => x !== "").join("; ") || "—";
}

/** A provisional scenario's status in the words of a hypothesis: a difference is never a failure. */
function provisionalStatus(status: ScenarioDiff["before"]): string {
  if (status === undefined) return "absent";
  if (status === "passed") return "matches hypothesis";
  if (status === "failed") return "differs from hypothesis";
  return status;
}

function statusTable(list: readonly ScenarioDiff[]): Table {
  return {
    head: ["Flow", "@id", "Scenario", "Baseline", "Candidate", "Why"],
    rows: list.map((s) => [
      scenarioLabel(s),
      s.id,
      s.name,
      s.before ?? "absent",
      s.after ?? "absent",
      changeReason(s),
    ]),
  };
}

function provisionalTable(list: readonly ScenarioDiff[]): Table {
  return {
    head: ["Flow", "@id", "Scenario", "Baseline", "Candidate", "Why"],
    rows: list.map((s) => [
      scenarioLabel(s),
      s.id,
      s.name,
      provisionalStatus(s.before),
      provisionalStatus(s.after),
      changeReason(s),
    ]),
  };
}

/** The IRF and MSF change tables share one shape: a row per changed fact, added/removed marked. */
interface FactKind<C extends IrfChange | MsfChange> {
  /** "IRF" or "MSF": the column head and each row's label. */
  name: string;
  changes(s: ScenarioDiff): readonly C[];
  number(c: C): number;
  fields(cell: NonNullable<C["before"]>): [string, string][];
}

const IRFS: FactKind<IrfChange> = {
  name: "IRF",
  changes: (s) => s.irfChanges,
  number: (c) => c.irf,
  fields: irfFields,
};

const MSFS: FactKind<MsfChange> = {
  name: "MSF",
  changes: (s) => s.msfChanges,
  number: (c) => c.msf,
  fields: msfFields,
};

function factTable<C extends IrfChange | MsfChange>(diff: SnapshotDiff, kind: FactKind<C>): Table {
  const rows: Cell[][] = [];
  const rowClass: (string | undefined)[] = [];
  for (const s of diff.scenarios) {
    for (const c of kind.changes(s)) {
      rows.push([
        scenarioLabel(s),
        s.id,
        s.interaction ?? "",
        `${kind.name}${kind.number(c)}`,
        c.kinds.join(", "),
        sideCell(c.before, c.after, kind.fields),
        sideCell(c.after, c.before, kind.fields),
      ]);
      rowClass.push(
        c.kinds.includes("added") ? "added" : c.kinds.includes("removed") ? "removed" : undefined,
      );
    }
  }
  return {
    head: ["Flow", "@id", "Interaction", kind.name, "Changed", "Baseline", "Candidate"],
    rows,
    rowClass,
  };
}

const irfTable = (diff: SnapshotDiff) => factTable(diff, IRFS);
const msfTable = (diff: SnapshotDiff) => factTable(diff, MSFS);

/**
 * The scenarios each section lists. Provisional scenarios have their own section whatever their
 * change: a hypothesis that newly differs is not "newly failing" and never a regression.
 */
function sections(diff: SnapshotDiff) {
  const verified = (list: readonly ScenarioDiff[]) => list.filter((s) => !s.provisional);
  return {
    newlyFailing: verified(diff.newlyFailing),
    newlyPassing: verified(diff.newlyPassing),
    others: verified(
      diff.scenarios.filter(
        (s) => s.change === "status-changed" || s.change === "added" || s.change === "removed",
      ),
    ),
    provisional: diff.scenarios.filter((s) => s.provisional && s.change !== "same"),
  };
}

export function verdictLine(diff: SnapshotDiff): string {
  const irfs = diff.scenarios.reduce((n, s) => n + s.irfChanges.length, 0);
  const msfs = diff.scenarios.reduce((n, s) => n + s.msfChanges.length, 0);
  const { newlyFailing, newlyPassing, provisional } = sections(diff);
  return (
    `${diff.regressed ? "REGRESSED" : "no regression"}: ${newlyFailing.length} newly failing, ` +
    `${newlyPassing.length} newly passing, ${irfs} changed IRF(s), ${msfs} changed MSF(s)` +
    (provisional.length === 0
      ? ""
      : `; ${provisional.length} provisional scenario(s) changed (hypotheses: never a regression)`)
  );
}

export function renderDiffText(diff: SnapshotDiff): string {
  const parts = [`Baseline:  ${sideText(diff.baseline)}`, `Candidate: ${sideText(diff.candidate)}`, ""];
  const section = (title: string, table: Table) => {
    parts.push(`${title} (${table.rows.length})`);
    if (table.rows.length > 0) parts.push(fixedWidth(table));
    parts.push("");
  };
  const { newlyFailing, newlyPassing, others, provisional } = sections(diff);
  section("Newly failing", statusTable(newlyFailing));
  section("Newly passing", statusTable(newlyPassing));
  if (others.length > 0) section("Other status changes", statusTable(others));
  if (provisional.length > 0) section(PROVISIONAL_TITLE, provisionalTable(provisional));
  section("Changed IRFs", irfTable(diff));
  section("Changed MSFs", msfTable(diff));
  parts.push(verdictLine(diff));
  return `${parts.join("\n")}\n`;
}

const PROVISIONAL_TITLE = "Provisional scenarios (hypotheses: a change is never a regression)";

function fixedWidth(table: Table): string {
  const rows = table.rows.map((r) => r.map(plain));
  const widths = table.head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(table.head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const md = (text: string) => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");
const mdCell = (cell: Cell) =>
  typeof cell === "string"
    ? md(cell)
    : cell.map((p) => (p.changed === true && p.text !== "" ? `**${md(p.text)}**` : md(p.text))).join("");

function markdownTable(table: Table): string {
  if (table.rows.length === 0) return "_none_";
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(table.head.map(md)),
    line(table.head.map(() => "---")),
    ...table.rows.map((r) => line(r.map(mdCell))),
  ].join("\n");
}

/** Marks of this tool's diff files: `diff --markdown/--html` replace a file only when it carries one. */
export const DIFF_MARKDOWN_MARK = "<!-- generated by gim-conformance diff -->";
export const DIFF_HTML_MARK = '<meta name="generator" content="gim-conformance diff">';

export function renderDiffMarkdown(diff: SnapshotDiff): string {
  const { newlyFailing, newlyPassing, others, provisional } = sections(diff);
  return [
    DIFF_MARKDOWN_MARK,
    "# GIM conformance: baseline vs candidate",
    "",
    `- **Baseline:** ${md(sideText(diff.baseline))}`,
    `- **Candidate:** ${md(sideText(diff.candidate))}`,
    `- **Verdict:** ${md(verdictLine(diff))}`,
    "",
    `## Newly failing (${newlyFailing.length})`,
    "",
    markdownTable(statusTable(newlyFailing)),
    "",
    `## Newly passing (${newlyPassing.length})`,
    "",
    markdownTable(statusTable(newlyPassing)),
    "",
    ...(others.length > 0
      ? [`## Other status changes (${others.length})`, "", markdownTable(statusTable(others)), ""]
      : []),
    ...(provisional.length > 0
      ? [
          `## ${PROVISIONAL_TITLE} (${provisional.length})`,
          "",
          markdownTable(provisionalTable(provisional)),
          "",
        ]
      : []),
    "## Changed IRFs",
    "",
    "Changed values are in **bold**.",
    "",
    markdownTable(irfTable(diff)),
    "",
    "## Changed MSFs",
    "",
    markdownTable(msfTable(diff)),
    "",
  ].join("\n");
}

const htmlCell = (cell: Cell) =>
  typeof cell === "string"
    ? escapeXml(cell)
    : cell
        .map((p) =>
          p.changed === true && p.text !== ""
            ? `<mark class="changed">${escapeXml(p.text)}</mark>`
            : escapeXml(p.text),
        )
        .join("");

function htmlTable(table: Table, className = ""): string {
  if (table.rows.length === 0) return "<p class=none>none</p>";
  const head = table.head.map((h) => `<th>${escapeXml(h)}</th>`).join("");
  const body = table.rows
    .map((r, i) => {
      const cls = table.rowClass?.[i];
      return `<tr${cls === undefined ? "" : ` class="${cls}"`}>${r.map((c) => `<td>${htmlCell(c)}</td>`).join("")}</tr>`;
    })
    .join("\n");
  return `<table${className === "" ? "" : ` class="${className}"`}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #bbb;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#eee}.regressed{color:#b00020}.ok{color:#1b5e20}.none{color:#666;font-style:italic}dt{font-weight:600}
mark.changed{background:#ffd8a8;color:#5c2b00;font-weight:600;padding:0 .15em;border-radius:2px;outline:1px solid #e8590c}
tr.removed td{background:#fff0f0}tr.removed td:nth-child(6){text-decoration:line-through;text-decoration-color:#b00020}
tr.added td{background:#effbef}.provisional{border-left:4px solid #d4a72c;padding-left:.8em;background:#fffbe6}
.provisional h2{color:#7a4f00}.legend{color:#555;font-size:.9em}`;

export function renderDiffHtml(diff: SnapshotDiff): string {
  const { newlyFailing, newlyPassing, others, provisional } = sections(diff);
  const verdictClass = diff.regressed ? "regressed" : "ok";
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">${DIFF_HTML_MARK}<title>GIM conformance: baseline vs candidate</title>
<style>${STYLE}</style></head><body>
<h1>GIM conformance: baseline vs candidate</h1>
<dl><dt>Baseline</dt><dd>${escapeXml(sideText(diff.baseline))}</dd><dt>Candidate</dt><dd>${escapeXml(sideText(diff.candidate))}</dd></dl>
<p class="${verdictClass}"><strong>${escapeXml(verdictLine(diff))}</strong></p>
<section id="newly-failing"><h2>Newly failing (${newlyFailing.length})</h2>
${htmlTable(statusTable(newlyFailing))}</section>
<section id="newly-passing"><h2>Newly passing (${newlyPassing.length})</h2>
${htmlTable(statusTable(newlyPassing))}</section>
${others.length > 0 ? `<section id="other-changes"><h2>Other status changes (${others.length})</h2>\n${htmlTable(statusTable(others))}</section>\n` : ""}${
  provisional.length > 0
    ? `<section id="provisional" class="provisional"><h2>${escapeXml(PROVISIONAL_TITLE)} (${provisional.length})</h2>\n${htmlTable(provisionalTable(provisional))}</section>\n`
    : ""
}<section id="changed-irfs"><h2>Changed IRFs</h2>
<p class="legend"><mark class="changed">Highlighted</mark>: the value that changed. A removed IRF's row is red, an added one green.</p>
${htmlTable(irfTable(diff), "irf-changes")}</section>
<section id="changed-msfs"><h2>Changed MSFs</h2>
${htmlTable(msfTable(diff), "msf-changes")}</section>
</body></html>
`;
}
