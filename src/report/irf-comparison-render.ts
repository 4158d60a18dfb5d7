/**
 * Expected and recorded IRFs side by side, in three forms: a fixed-width table for terminals and
 * CI logs (marks that survive without colour), an HTML fragment for Allure attachments and the
 * spec book, and Markdown for pull requests and job summaries. All three mark exactly the cells
 * that differ: the resource cell when the resource differs, the descriptor cell when the role,
 * result or reason does.
 */
import { formatDescriptor, UNSPECIFIED } from "../domain/descriptor";
import type { IrfExpectation } from "../domain/irf";
import type { ComparisonLine, ComparisonStatus, IrfComparison } from "./irf-comparison";
import { escapeXml, printable } from "./text-escape";

type Side = "expected" | "actual";

interface Cell {
  text: string;
  /** The cell differs from its counterpart on the other side. */
  differs: boolean;
}

interface RowCells {
  irf: string;
  expectedResource: Cell;
  expectedDescriptor: Cell;
  actualResource: Cell;
  actualDescriptor: Cell;
  status: string;
}

const ABSENT: Record<Side, string> = { expected: "(not expected)", actual: "(not recorded)" };

function descriptorText(row: IrfExpectation): string {
  return formatDescriptor({ ...row, reason: row.reason.trim() === "" ? UNSPECIFIED : row.reason });
}

function statusText(line: ComparisonLine): string {
  const labels: Record<ComparisonStatus, string> = {
    match: "✓ match",
    mismatch: `✗ ${line.mismatched.join(", ")}`,
    missing: "✗ missing",
    unexpected: "✗ unexpected",
  };
  return labels[line.status];
}

function cellsOf(line: ComparisonLine): RowCells {
  const resourceDiffers = line.mismatched.includes("resource");
  const descriptorDiffers = line.mismatched.some((f) => f !== "resource");
  const side = (s: Side): [Cell, Cell] => {
    const row = s === "expected" ? line.expected : line.actual;
    if (row === undefined)
      return [
        { text: ABSENT[s], differs: false },
        { text: "", differs: false },
      ];
    return [
      { text: printable(row.resource), differs: resourceDiffers },
      { text: printable(descriptorText(row)), differs: descriptorDiffers },
    ];
  };
  const [expectedResource, expectedDescriptor] = side("expected");
  const [actualResource, actualDescriptor] = side("actual");
  return {
    irf: String(line.irf),
    expectedResource,
    expectedDescriptor,
    actualResource,
    actualDescriptor,
    status: statusText(line),
  };
}

function verdict(c: IrfComparison): string {
  return c.conforms ? "conforms" : "does not conform";
}

// ---------------------------------------------------------------------------------------------
// Text

const TEXT_LEGEND =
  "legend: »…« cell differs from the other side · ✓ match · ✗ <fields> differ · ✗ missing = expected, not recorded · ✗ unexpected = recorded, not expected";

/** Display width in code points (good enough for names; no East Asian width tables here). */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, w: number): string {
  return text + " ".repeat(Math.max(0, w - width(text)));
}

/** A differing cell is wrapped in » «; the others get spaces instead, so the text stays aligned. */
function markText(cell: Cell): string {
  return cell.differs ? `»${cell.text}«` : ` ${cell.text} `;
}

/**
 * ```
 * IRF │  expected resource   descriptor             │  actual resource   descriptor                │ status
 * 1   │  Agent1              RoutedTo/Transferred   │  Agent1            RoutedTo/Transferred      │ ✓ match
 * 2   │  Agent2             »InConference/Completed«│  Agent2           »ReceivedConsult/Completed«│ ✗ role
 * ```
 */
export function renderComparisonText(c: IrfComparison): string {
  const header = [
    "IRF",
    " expected resource ",
    " descriptor ",
    " recorded resource ",
    " descriptor ",
    "status",
  ];
  const body = c.lines.map((line) => {
    const r = cellsOf(line);
    return [
      r.irf,
      markText(r.expectedResource),
      markText(r.expectedDescriptor),
      markText(r.actualResource),
      markText(r.actualDescriptor),
      r.status,
    ];
  });
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((row) => width(row[i] ?? ""))));
  const format = (row: string[]): string => {
    const [irf, er, ed, ar, ad, status] = row.map((cell, i) => pad(cell, widths[i] ?? 0));
    return `${irf} │ ${er} ${ed} │ ${ar} ${ad} │ ${status}`.trimEnd();
  };
  const rule = (): string => {
    const [irf, er, ed, ar, ad, status] = widths.map((w) => "─".repeat(w));
    return `${irf}─┼─${er}─${ed}─┼─${ar}─${ad}─┼─${status}`;
  };
  const empty = c.lines.length === 0 ? ["(no IRFs expected, none recorded)"] : [];
  return [`IRFs: ${verdict(c)}`, format(header), rule(), ...body.map(format), ...empty, TEXT_LEGEND, ""].join(
    "\n",
  );
}

// ---------------------------------------------------------------------------------------------
// HTML

const HTML_STYLE = {
  table:
    "border-collapse:collapse;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:13px;color:#1f2328;background:#ffffff",
  caption: "text-align:left;font-weight:600;padding:4px 0 6px 0",
  th: "border:1px solid #d0d7de;padding:4px 8px;background:#f6f8fa;text-align:left;font-weight:600",
  td: "border:1px solid #d0d7de;padding:4px 8px;text-align:left;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,'Liberation Mono',monospace",
  differs: "background:#ffebe9;color:#82071e;font-weight:700;outline:2px solid #cf222e;outline-offset:-2px",
  absent: "color:#6e7781;font-style:italic",
  ok: "color:#1a7f37;font-weight:600",
  bad: "color:#cf222e;font-weight:600",
  legend: "font-size:12px;color:#57606a;padding-top:6px",
} as const;

function htmlCell(cell: Cell, absent: boolean): string {
  const style = cell.differs
    ? `${HTML_STYLE.td};${HTML_STYLE.differs}`
    : absent
      ? `${HTML_STYLE.td};${HTML_STYLE.absent}`
      : HTML_STYLE.td;
  // The ✗ keeps the mark readable where colour is lost (print, high-contrast modes).
  const mark = cell.differs ? ' <span aria-label="differs">✗</span>' : "";
  const attr = cell.differs ? ' data-differs="true"' : "";
  return `<td style="${style}"${attr}>${escapeXml(cell.text)}${mark}</td>`;
}

/** A self-contained fragment (a table with inline styles only) for an Allure attachment. */
export function renderComparisonHtml(c: IrfComparison): string {
  const th = (text: string, span = 1) =>
    `<th style="${HTML_STYLE.th}"${span > 1 ? ` colspan="${span}"` : ""}>${escapeXml(text)}</th>`;
  const rows = c.lines.map((line) => {
    const r = cellsOf(line);
    const statusStyle = `${HTML_STYLE.td};${line.status === "match" ? HTML_STYLE.ok : HTML_STYLE.bad}`;
    return [
      "<tr>",
      `<td style="${HTML_STYLE.td}">${escapeXml(r.irf)}</td>`,
      htmlCell(r.expectedResource, line.expected === undefined),
      htmlCell(r.expectedDescriptor, line.expected === undefined),
      htmlCell(r.actualResource, line.actual === undefined),
      htmlCell(r.actualDescriptor, line.actual === undefined),
      `<td style="${statusStyle}">${escapeXml(r.status)}</td>`,
      "</tr>",
    ].join("");
  });
  if (rows.length === 0) {
    rows.push(
      `<tr><td style="${HTML_STYLE.td};${HTML_STYLE.absent}" colspan="6">no IRFs expected, none recorded</td></tr>`,
    );
  }
  const verdictStyle = c.conforms ? HTML_STYLE.ok : HTML_STYLE.bad;
  return [
    '<div class="gim-irf-comparison">',
    `<table style="${HTML_STYLE.table}">`,
    `<caption style="${HTML_STYLE.caption}">IRFs: <span style="${verdictStyle}">${verdict(c)}</span></caption>`,
    "<thead>",
    `<tr>${th("IRF")}${th("expected", 2)}${th("recorded", 2)}${th("status")}</tr>`,
    `<tr>${th("")}${th("resource")}${th("descriptor")}${th("resource")}${th("descriptor")}${th("")}</tr>`,
    "</thead>",
    `<tbody>${rows.join("")}</tbody>`,
    "</table>",
    `<div style="${HTML_STYLE.legend}">Highlighted cells (✗) differ from the other side. missing = expected, not recorded; unexpected = recorded, not expected.</div>`,
    "</div>",
    "",
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Backslash-escapes what GFM would read as markup, table syntax or raw HTML. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&#]/g, (ch) => `\\${ch}`);
}

function mdCell(cell: Cell, absent: boolean): string {
  if (cell.text === "") return "";
  const text = escapeMarkdown(cell.text);
  if (cell.differs) return `**»${text}«**`;
  return absent ? `_${text}_` : text;
}

/** A GFM table with the differing cells in bold between » «. */
export function renderComparisonMarkdown(c: IrfComparison): string {
  const lines = [
    `**IRFs: ${verdict(c)}**`,
    "",
    "| IRF | expected resource | expected descriptor | recorded resource | recorded descriptor | status |",
    "| --: | --- | --- | --- | --- | --- |",
  ];
  for (const line of c.lines) {
    const r = cellsOf(line);
    const cells = [
      r.irf,
      mdCell(r.expectedResource, line.expected === undefined),
      mdCell(r.expectedDescriptor, line.expected === undefined),
      mdCell(r.actualResource, line.actual === undefined),
      mdCell(r.actualDescriptor, line.actual === undefined),
      escapeMarkdown(r.status),
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  if (c.lines.length === 0) lines.push("| | _no IRFs expected, none recorded_ | | | | |");
  lines.push(
    "",
    "**»…«** differs from the other side; missing = expected, not recorded; unexpected = recorded, not expected.",
    "",
  );
  return lines.join("\n");
}
