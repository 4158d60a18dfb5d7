/**
 * `census --html FILE`: one self-contained page (inline CSS and SVG, no scripts, nothing fetched)
 * for a reporting team's ticket: the flow mix as a bar chart, each undocumented pattern with its
 * samples and a timeline of its records, and the invariant breaks. Every value from the database
 * or the features is escaped.
 */

import type { Vocabulary } from "../domain/vocabulary";
import { escapeXml } from "../report/text-escape";
import { windowText } from "./census-text";
import type { Census, CensusPattern } from "./census-types";
import {
  type ParsedPattern,
  type PatternRecord,
  parsePatternCodes,
  recordSignature,
  typeLabel,
} from "./pattern-codes";

const e = escapeXml;

interface Bar {
  label: string;
  value: number;
  undocumented: boolean;
}

/** Horizontal bars, one per flow with interactions, and one for the undocumented ones. */
export function flowMixSvg(census: Census): string {
  const bars: Bar[] = census.flows
    .filter((f) => f.interactions > 0)
    .sort((a, b) => b.interactions - a.interactions)
    .map((f) => ({ label: f.flow, value: f.interactions, undocumented: false }));
  const undocumented = census.patterns.filter((p) => p.flow === null).reduce((n, p) => n + p.interactions, 0);
  bars.push({ label: "undocumented", value: undocumented, undocumented: true });
  const max = Math.max(1, ...bars.map((b) => b.value));
  const labelWidth = 330;
  const barWidth = 420;
  const row = 22;
  const height = bars.length * row + 10;
  const total = Math.max(1, census.interactions);
  const body = bars
    .map((b, i) => {
      const y = 5 + i * row;
      const w = Math.max(b.value > 0 ? 1 : 0, Math.round((barWidth * b.value) / max));
      const pct = ((100 * b.value) / total).toFixed(1);
      return (
        `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end">${e(b.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 2}" width="${w}" height="${row - 6}" class="${b.undocumented ? "bar undocumented" : "bar"}"/>` +
        `<text x="${labelWidth + w + 6}" y="${y + 14}">${b.value} (${pct}%)</text>`
      );
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Flow mix" width="${labelWidth + barWidth + 120}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 120} ${height}">${body}</svg>`;
}

/**
 * A pattern's records on lanes, one lane per abstract resource, in the order GIM recorded them
 * (the census keeps order, not times): IRFs as filled boxes, MSFs outlined, each labelled.
 */
export function patternTimelineSvg(pattern: ParsedPattern, vocabulary: Vocabulary): string {
  const records: PatternRecord[] = [...pattern.irfs, ...pattern.msfs];
  const lanes: string[] = [];
  for (const r of records) {
    const lane = `${typeLabel(r.typeCode)}${r.rank}`;
    if (!lanes.includes(lane)) lanes.push(lane);
  }
  const laneHeight = 30;
  const left = 110;
  const step = 320;
  const width = left + Math.max(1, records.length) * step + 10;
  const height = Math.max(1, lanes.length) * laneHeight + 10;
  const laneLines = lanes
    .map(
      (l, i) =>
        `<text x="4" y="${10 + i * laneHeight + 18}">${e(l)}</text><line x1="${left}" x2="${width}" y1="${10 + i * laneHeight + 25}" y2="${10 + i * laneHeight + 25}" class="lane"/>`,
    )
    .join("");
  const boxes = records
    .map((r, k) => {
      const lane = lanes.indexOf(`${typeLabel(r.typeCode)}${r.rank}`);
      const x = left + k * step + 4;
      const y = 10 + lane * laneHeight + 2;
      const label = `${r.kind}${r.kind === "IRF" ? pattern.irfs.indexOf(r) + 1 : pattern.msfs.indexOf(r) + 1} ${recordSignature(r, vocabulary).replace(/^\S+ /, "")}`;
      return `<rect x="${x}" y="${y}" width="${step - 8}" height="${laneHeight - 6}" class="${r.kind === "IRF" ? "irf" : "msf"}"/><text x="${x + 4}" y="${y + 16}">${e(label)}</text>`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Timeline of the pattern" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${laneLines}${boxes}</svg>`;
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
code{font-family:ui-monospace,monospace;font-size:.9em;word-break:break-all}
svg text{font:12px system-ui,sans-serif}
.bar{fill:#4a7ab5}.bar.undocumented{fill:#c0392b}
.irf{fill:#d6e4f5;stroke:#4a7ab5}.msf{fill:none;stroke:#888;stroke-dasharray:4 2}.lane{stroke:#eee}
.pattern{border-left:4px solid #c0392b;padding-left:1em;margin:1.5em 0}.muted{color:#666}
`;

function undocumentedSection(census: Census, vocabulary: Vocabulary): string {
  const undocumented = census.patterns.filter((p) => p.flow === null);
  if (undocumented.length === 0) return "<p>None: every interaction's pattern is stated by a feature.</p>";
  return undocumented
    .map((p: CensusPattern) => {
      const near =
        p.nearMiss === undefined
          ? ""
          : `<p>Near miss: <code>@id:${e(p.nearMiss.flow)}</code>: ${e(p.nearMiss.difference)}</p>`;
      return (
        `<div class="pattern"><p><strong>${p.interactions}</strong> interactions: <code>${e(p.signature)}</code></p>` +
        `<p class="muted">Codes: <code>${e(p.codes)}</code></p>${near}` +
        `<p>Samples (MEDIA_SERVER_IXN_GUID): ${p.samples.map((s) => `<code>${e(s)}</code>`).join(" ")}</p>` +
        `${patternTimelineSvg(parsePatternCodes(p.codes), vocabulary)}</div>`
      );
    })
    .join("");
}

function invariantSection(census: Census): string {
  if (census.invariantBreaks.length === 0) return "<p>None.</p>";
  const rows = census.invariantBreaks
    .map(
      (b) =>
        `<tr><td><code>${e(b.invariant)}</code></td><td>${e(b.description)}</td><td>${b.interactions}</td>` +
        `<td>${b.samples.map((s) => `<code>${e(s)}</code>`).join(" ")}</td><td>${b.patterns.map((s) => `<code>${e(s)}</code>`).join("<br>")}</td></tr>`,
    )
    .join("");
  return `<table><thead><tr><th>Invariant</th><th>In words</th><th>Interactions</th><th>Samples</th><th>Patterns</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderCensusHtml(census: Census, vocabulary: Vocabulary): string {
  const documented = census.patterns.filter((p) => p.flow !== null);
  const documentedRows = documented
    .map(
      (p) =>
        `<tr><td>${p.interactions}</td><td><code>@id:${e(p.flow ?? "")}</code>${p.ties === undefined ? "" : `<br><span class="muted">tie: ${p.ties.map((t) => `@id:${e(t)}`).join(", ")}</span>`}</td><td><code>${e(p.signature)}</code></td></tr>`,
    )
    .join("");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="generator" content="gim-conformance census"><title>gim-conformance census: ${e(census.source.name)}</title>
<style>${STYLE}</style></head><body>
<h1>Census of ${e(census.source.name)}</h1>
<p>GIM ${e(census.gimVersion ?? "version unknown")}; ${e(windowText(census))}; taken ${e(census.createdAt)} by gim-conformance ${e(census.harnessVersion)}.</p>
<p><strong>${census.interactions}</strong> interactions, <strong>${census.irfs}</strong> IRFs, <strong>${census.patterns.length}</strong> distinct patterns.</p>
<h2>Flow mix</h2>
${flowMixSvg(census)}
<h2>Undocumented patterns</h2>
${undocumentedSection(census, vocabulary)}
<h2>Invariant breaks</h2>
${invariantSection(census)}
<h2>Documented patterns</h2>
<table><thead><tr><th>Interactions</th><th>Flow</th><th>Pattern</th></tr></thead><tbody>${documentedRows}</tbody></table>
</body></html>
`;
}
