/**
 * What a scenario's page in Allure opens with (its descriptionHtml): for a scenario that did not
 * conform, the one-line verdict and the side-by-side comparison with its differing cells marked;
 * for a provisional one, the yellow hypothesis banner; then the flow's narrative and citation.
 *
 * Allure 2.46 cleans descriptionHtml with jsoup's "relaxed" safelist (HtmlSanitizerUtils): no
 * style or class attribute survives, and its own stylesheet resets paragraphs, lists and
 * blockquotes to bare text (which flattened the banner and the narrative). So this HTML uses
 * only what the safelist keeps (tables with `summary`, cells with `abbr`, strong, ul, p,
 * blockquote, code) and reads well bare, and report-style.ts, added to the generated report,
 * styles it through those attributes.
 */
import type { Cell, SideBySide } from "../report/irf-comparison-render";
import { escapeXml } from "../report/text-escape";
import { renderMarkdown } from "../spec/markdown";
import { PROVISIONAL_BANNER } from "./scenario-metadata";

/** One comparison that did not conform. */
export interface Finding {
  /** `IRFs`, `Mediation segments`, or those of the internal invitation. */
  title: string;
  /** One line, e.g. `IRF2: result expected Transferred, got Completed`. */
  verdict: string;
  /** The comparison, rendered here as a table the sanitizer keeps. */
  table: SideBySide;
}

export interface DescriptionParts {
  provisional: boolean;
  /** The scenario's Markdown description, else the feature's (gherkin-context.ts). */
  narrative: string;
  findings: readonly Finding[];
}

/** The `summary` words report-style.ts selects on (`table[summary~=…]`). */
export const BOX = {
  failed: "gim-box gim-verdict-failed",
  provisional: "gim-box gim-verdict-provisional",
  banner: "gim-box gim-provisional-banner",
  comparison: "gim-comparison",
} as const;
/** The `abbr` of a cell that differs from its counterpart on the other side. */
export const DIFFERS = "differs";

/**
 * Gherkin keeps a description's indentation after its first line: without removing it, every
 * line would read as a list item's continuation.
 */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const indentOf = (line: string): number => /^ */.exec(line)?.[0].length ?? 0;
  const rest = lines.slice(1).filter((l) => l.trim() !== "");
  if (rest.length === 0) return lines.join("\n");
  const indent = Math.min(...rest.map(indentOf));
  return [lines[0] ?? "", ...lines.slice(1).map((l) => l.slice(Math.min(indent, indentOf(l))))].join("\n");
}

function cellHtml(cell: Cell): string {
  if (!cell.differs) return `<td>${escapeXml(cell.text)}</td>`;
  return `<td abbr="${DIFFERS}"><strong>${escapeXml(cell.text)}</strong> ✗</td>`;
}

/** The side-by-side table: the same cells, marks and words as the text and attachment forms. */
export function comparisonTableHtml(t: SideBySide): string {
  const n = t.columns.length;
  const head =
    // The status right after the ordinal: what differs is readable before the table scrolls.
    `<thead><tr><th>${t.ordinal}</th><th>status</th><th colspan="${n}">expected</th><th colspan="${n}">recorded</th></tr>` +
    `<tr><th></th><th></th>${[...t.columns, ...t.columns].map((c) => `<th>${escapeXml(c)}</th>`).join("")}</tr></thead>`;
  const rows = t.rows.map(
    (r) =>
      `<tr><td>${escapeXml(r.ordinal)}</td><td${r.ok ? "" : ` abbr="${DIFFERS}"`}>${escapeXml(r.status)}</td>` +
      `${[...r.expected, ...r.actual].map(cellHtml).join("")}</tr>`,
  );
  const empty =
    t.rows.length === 0
      ? [`<tr><td colspan="${2 * n + 2}">(no ${t.subject} expected, none recorded)</td></tr>`]
      : [];
  return `<table summary="${BOX.comparison}">${head}<tbody>${[...rows, ...empty].join("")}</tbody></table>`;
}

function box(summary: string, content: string): string {
  return `<table summary="${summary}"><tbody><tr><td>${content}</td></tr></tbody></table>`;
}

function findingHtml(finding: Finding, provisional: boolean): string {
  const what = provisional ? "Differs from the hypothesis" : "Does not conform";
  return box(
    provisional ? BOX.provisional : BOX.failed,
    `<p><strong>${what}: ${escapeXml(finding.title)}</strong></p>` +
      `<p><code>${escapeXml(finding.verdict)}</code></p>` +
      comparisonTableHtml(finding.table) +
      "<p>Marked cells (✗) differ from the other side. missing = expected, not recorded; unexpected = recorded, not expected.</p>",
  );
}

export const PROVISIONAL_BANNER_HTML = box(
  BOX.banner,
  `<p><strong>Provisional.</strong> ${escapeXml(PROVISIONAL_BANNER)}.</p>` +
    "<ul><li>A difference from the hypothesis is reported, never counted as a failure (unless the run is --strict-provisional).</li>" +
    "<li>A match is not a verified pass: the outcome waits for a real Info Mart to confirm it.</li></ul>",
);

export function scenarioDescriptionHtml(parts: DescriptionParts): string {
  const narrative = parts.narrative.trim() === "" ? "" : renderMarkdown(dedent(parts.narrative.trim()));
  return [
    ...parts.findings.map((f) => findingHtml(f, parts.provisional)),
    parts.provisional ? PROVISIONAL_BANNER_HTML : "",
    narrative,
  ]
    .filter((s) => s !== "")
    .join("\n");
}
