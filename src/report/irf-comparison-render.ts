/**
 * Expected and recorded IRFs side by side, in three forms: a fixed-width table for terminals and
 * CI logs (marks that survive without colour), an HTML fragment for Allure attachments and the
 * spec book, and Markdown for pull requests and job summaries. All three mark exactly the cells
 * that differ: the resource cell when the resource differs, the descriptor cell when the role,
 * result or reason does, the role reason cell when an expected role reason differs.
 *
 * The recorded role reason is always shown, asserted or not: ROLE_REASON is part of the technical
 * descriptor (PDM, Table-TECHNICAL_DESCRIPTOR) and a reader judging a row needs all of it. A row
 * read from a real Info Mart also shows the names the Info Mart recorded (they may be localized)
 * and the GIM codes the comparison used, because codes are what is compared.
 */
import { formatDescriptor, UNSPECIFIED } from "../domain/descriptor";
import type { IrfExpectation, IrfRow, RecordedNames } from "../domain/irf";
import { codeOf } from "../domain/vocabulary";
import type { ComparisonLine, ComparisonStatus, IrfComparison } from "./irf-comparison";
import { escapeXml, printable } from "./text-escape";

type Side = "expected" | "actual";

export interface Cell {
  text: string;
  /** The cell differs from its counterpart on the other side. */
  differs: boolean;
}

interface RowCells {
  irf: string;
  expected: Cell[];
  actual: Cell[];
  status: string;
}

export const ABSENT: Record<Side, string> = { expected: "(not expected)", actual: "(not recorded)" };
/** An expected row without a role reason does not assert one. */
export const NOT_STATED = "(not stated)";

const blankAsUnspecified = (value: string): string => (value.trim() === "" ? UNSPECIFIED : value);

function descriptorText(row: IrfExpectation): string {
  return formatDescriptor({ ...row, reason: blankAsUnspecified(row.reason) });
}

/**
 * The names an Info Mart recorded and the codes compared, for a row that has recorded names:
 * `(Rôle RoutedTo / Terminé; codes ROUTEDTO/COMPLETED)`. The parts are those the descriptor
 * shows (the reason only when not Unspecified); a part without a recorded name shows the
 * harness's (a raw code not in the vocabulary is its own name).
 */
export function recordedNamesNote(
  row: Pick<IrfRow, "role" | "result" | "reason">,
  names: RecordedNames | undefined,
): string {
  if (names === undefined || (names.role ?? names.result ?? names.reason) === undefined) return "";
  const reason = blankAsUnspecified(row.reason);
  const parts: [string, string | undefined][] = [
    [row.role, names.role],
    [row.result, names.result],
  ];
  if (reason !== UNSPECIFIED) parts.push([reason, names.reason]);
  const shown = parts.map(([name, recorded]) => recorded ?? name).join(" / ");
  const codes = parts.map(([name]) => codeOf(name)).join("/");
  return ` (${shown}; codes ${codes})`;
}

/** The recorded role reason, with its recorded name and code when the Info Mart named it. */
export function roleReasonText(roleReason: string, recordedName: string | undefined): string {
  const value = blankAsUnspecified(roleReason);
  return recordedName === undefined ? value : `${value} (${recordedName}; code ${codeOf(value)})`;
}

/** `Agent1`, or `Agent1 (type Agente; code AGENT)` when the recorded type differs from the harness's. */
export function resourceText(row: IrfExpectation | IrfRow): string {
  if (!("resourceType" in row)) return row.resource;
  const code = row.resourceTypeCode;
  const name = row.recordedNames?.resourceType;
  const sameCode = code === undefined || code === codeOf(row.resourceType);
  const sameName = name === undefined || name === row.resourceType;
  if (sameCode && sameName) return row.resource;
  return `${row.resource} (type ${name ?? row.resourceType}; code ${code ?? codeOf(row.resourceType)})`;
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
  const descriptorDiffers = line.mismatched.some((f) => f === "role" || f === "result" || f === "reason");
  const roleReasonDiffers = line.mismatched.includes("roleReason");
  const absent = (s: Side): Cell[] => [
    { text: ABSENT[s], differs: false },
    { text: "", differs: false },
    { text: "", differs: false },
  ];
  const expected: Cell[] =
    line.expected === undefined
      ? absent("expected")
      : [
          { text: printable(line.expected.resource), differs: resourceDiffers },
          { text: printable(descriptorText(line.expected)), differs: descriptorDiffers },
          {
            text:
              line.expected.roleReason === undefined
                ? NOT_STATED
                : printable(blankAsUnspecified(line.expected.roleReason)),
            differs: roleReasonDiffers,
          },
        ];
  const a = line.actual;
  const actual: Cell[] =
    a === undefined
      ? absent("actual")
      : [
          { text: printable(resourceText(a)), differs: resourceDiffers },
          {
            text: printable(descriptorText(a) + recordedNamesNote(a, a.recordedNames)),
            differs: descriptorDiffers,
          },
          {
            text: printable(roleReasonText(a.roleReason, a.recordedNames?.roleReason)),
            differs: roleReasonDiffers,
          },
        ];
  return { irf: String(line.irf), expected, actual, status: statusText(line) };
}

function verdict(c: { conforms: boolean }): string {
  return c.conforms ? "conforms" : "does not conform";
}

/**
 * A side-by-side comparison in a form every renderer takes: the IRF and MSF comparisons both
 * become one of these, so the two tables look and mark cells the same way.
 */
export interface SideBySide {
  /** `IRFs`, `MSFs`: the caption's subject. */
  subject: string;
  /** The ordinal column's heading, `IRF` or `MSF`. */
  ordinal: string;
  /** The column headings of one side, e.g. resource, descriptor, role reason. */
  columns: readonly string[];
  conforms: boolean;
  rows: {
    ordinal: string;
    expected: Cell[];
    actual: Cell[];
    expectedAbsent: boolean;
    actualAbsent: boolean;
    status: string;
    ok: boolean;
  }[];
  /** CSS class of the HTML fragment. */
  htmlClass: string;
}

export function irfSideBySide(c: IrfComparison): SideBySide {
  return {
    subject: "IRFs",
    ordinal: "IRF",
    columns: ["resource", "descriptor", "role reason"],
    conforms: c.conforms,
    htmlClass: "gim-irf-comparison",
    rows: c.lines.map((line) => {
      const r = cellsOf(line);
      return {
        ordinal: r.irf,
        expected: r.expected,
        actual: r.actual,
        expectedAbsent: line.expected === undefined,
        actualAbsent: line.actual === undefined,
        status: r.status,
        ok: line.status === "match",
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Text

const textLegend = (t: SideBySide) =>
  `legend: »…« cell differs from the other side · ✓ match · ✗ <fields> differ · ✗ missing = expected, not recorded · ✗ unexpected = recorded, not expected${
    t.columns.includes("role reason") ? ` · role reason ${NOT_STATED} = the table does not assert one` : ""
  }`;

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
 * IRF │  expected resource   descriptor               role reason  │  recorded resource  descriptor                  role reason  │ status
 * 1   │  Agent1              RoutedTo/Transferred     (not stated)  │  Agent1             RoutedTo/Transferred        Unspecified  │ ✓ match
 * 2   │  Agent2             »InConference/Completed«  (not stated)  │  Agent2            »ReceivedConsult/Completed«  Unspecified  │ ✗ role
 * ```
 */
export function renderSideBySideText(t: SideBySide): string {
  const n = t.columns.length;
  const header = [
    t.ordinal,
    ...t.columns.map((c, i) => ` ${i === 0 ? `expected ${c}` : c} `),
    ...t.columns.map((c, i) => ` ${i === 0 ? `recorded ${c}` : c} `),
    "status",
  ];
  const body = t.rows.map((r) => [
    r.ordinal,
    ...r.expected.map(markText),
    ...r.actual.map(markText),
    r.status,
  ]);
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((row) => width(row[i] ?? ""))));
  const format = (row: string[]): string => {
    const cells = row.map((cell, i) => pad(cell, widths[i] ?? 0));
    const left = cells.slice(1, 1 + n).join(" ");
    const right = cells.slice(1 + n, 1 + 2 * n).join(" ");
    return `${cells[0]} │ ${left} │ ${right} │ ${cells[1 + 2 * n]}`.trimEnd();
  };
  const rule = (): string => {
    const dashes = widths.map((w) => "─".repeat(w));
    const left = dashes.slice(1, 1 + n).join("─");
    const right = dashes.slice(1 + n, 1 + 2 * n).join("─");
    return `${dashes[0]}─┼─${left}─┼─${right}─┼─${dashes[1 + 2 * n]}`;
  };
  const empty = t.rows.length === 0 ? [`(no ${t.subject} expected, none recorded)`] : [];
  return [
    `${t.subject}: ${verdict(t)}`,
    format(header),
    rule(),
    ...body.map(format),
    ...empty,
    textLegend(t),
    "",
  ].join("\n");
}

export function renderComparisonText(c: IrfComparison): string {
  return renderSideBySideText(irfSideBySide(c));
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
  const muted = absent || cell.text === NOT_STATED;
  const style = cell.differs
    ? `${HTML_STYLE.td};${HTML_STYLE.differs}`
    : muted
      ? `${HTML_STYLE.td};${HTML_STYLE.absent}`
      : HTML_STYLE.td;
  // The ✗ keeps the mark readable where colour is lost (print, high-contrast modes).
  const mark = cell.differs ? ' <span aria-label="differs">✗</span>' : "";
  const attr = cell.differs ? ' data-differs="true"' : "";
  return `<td style="${style}"${attr}>${escapeXml(cell.text)}${mark}</td>`;
}

/** A self-contained fragment (a table with inline styles only) for an Allure attachment. */
export function renderSideBySideHtml(t: SideBySide): string {
  const n = t.columns.length;
  const span = 2 + 2 * n;
  const th = (text: string, colspan = 1) =>
    `<th style="${HTML_STYLE.th}"${colspan > 1 ? ` colspan="${colspan}"` : ""}>${escapeXml(text)}</th>`;
  const rows = t.rows.map((r) => {
    const statusStyle = `${HTML_STYLE.td};${r.ok ? HTML_STYLE.ok : HTML_STYLE.bad}`;
    return [
      "<tr>",
      `<td style="${HTML_STYLE.td}">${escapeXml(r.ordinal)}</td>`,
      ...r.expected.map((cell) => htmlCell(cell, r.expectedAbsent)),
      ...r.actual.map((cell) => htmlCell(cell, r.actualAbsent)),
      `<td style="${statusStyle}">${escapeXml(r.status)}</td>`,
      "</tr>",
    ].join("");
  });
  if (rows.length === 0) {
    rows.push(
      `<tr><td style="${HTML_STYLE.td};${HTML_STYLE.absent}" colspan="${span}">no ${escapeXml(t.subject)} expected, none recorded</td></tr>`,
    );
  }
  const verdictStyle = t.conforms ? HTML_STYLE.ok : HTML_STYLE.bad;
  const notStated = t.columns.includes("role reason")
    ? ` A role reason ${escapeXml(NOT_STATED)} is not asserted by the table.`
    : "";
  return [
    `<div class="${escapeXml(t.htmlClass)}">`,
    `<table style="${HTML_STYLE.table}">`,
    `<caption style="${HTML_STYLE.caption}">${escapeXml(t.subject)}: <span style="${verdictStyle}">${verdict(t)}</span></caption>`,
    "<thead>",
    `<tr>${th(t.ordinal)}${th("expected", n)}${th("recorded", n)}${th("status")}</tr>`,
    `<tr>${th("")}${t.columns.map((c) => th(c)).join("")}${t.columns.map((c) => th(c)).join("")}${th("")}</tr>`,
    "</thead>",
    `<tbody>${rows.join("")}</tbody>`,
    "</table>",
    `<div style="${HTML_STYLE.legend}">Highlighted cells (✗) differ from the other side. missing = expected, not recorded; unexpected = recorded, not expected.${notStated}</div>`,
    "</div>",
    "",
  ].join("\n");
}

export function renderComparisonHtml(c: IrfComparison): string {
  return renderSideBySideHtml(irfSideBySide(c));
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
  return absent || cell.text === NOT_STATED ? `_${text}_` : text;
}

/** A GFM table with the differing cells in bold between » «. */
export function renderSideBySideMarkdown(t: SideBySide): string {
  const n = t.columns.length;
  const lines = [
    `**${t.subject}: ${verdict(t)}**`,
    "",
    `| ${t.ordinal} | ${t.columns.map((c) => `expected ${c}`).join(" | ")} | ${t.columns.map((c) => `recorded ${c}`).join(" | ")} | status |`,
    `| --: | ${Array(2 * n + 1)
      .fill("---")
      .join(" | ")} |`,
  ];
  for (const r of t.rows) {
    const cells = [
      r.ordinal,
      ...r.expected.map((cell) => mdCell(cell, r.expectedAbsent)),
      ...r.actual.map((cell) => mdCell(cell, r.actualAbsent)),
      escapeMarkdown(r.status),
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  if (t.rows.length === 0) {
    lines.push(`| | _no ${t.subject} expected, none recorded_ |${" |".repeat(2 * n)}`);
  }
  lines.push(
    "",
    "**»…«** differs from the other side; missing = expected, not recorded; unexpected = recorded, not expected.",
    "",
  );
  return lines.join("\n");
}

export function renderComparisonMarkdown(c: IrfComparison): string {
  return renderSideBySideMarkdown(irfSideBySide(c));
}
