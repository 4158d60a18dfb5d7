/**
 * The spec book's stylesheet, inlined so the page opens offline from disk. Light and plain for
 * reading on screen; in print each flow starts a page, backgrounds are dropped and diagrams
 * shrink to the page width, so the page prints to PDF for a review meeting.
 */
export const SPEC_PAGE_CSS = `
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --accent: #0969da;
  --ok: #1a7f37; --ok-bg: #dafbe1; --warn: #9a6700; --warn-bg: #fff8c5; --bad: #cf222e; --bad-bg: #ffebe9;
  --none: #57606a; --none-bg: #eaeef2; }
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.55;
  font-family: 'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif; }
.book-header, main, .book-footer { max-width: 1000px; margin: 0 auto; padding: 0 24px; }
.book-header { padding-top: 32px; padding-bottom: 8px; border-bottom: 1px solid var(--line); }
.kicker { margin: 0; color: var(--muted); font-size: .8rem; letter-spacing: .08em; text-transform: uppercase; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: .2em 0 .4em; }
h2 { font-size: 1.4rem; line-height: 1.3; margin: 0 0 .6em; }
h3 { font-size: 1.1rem; margin: 1.2em 0 .3em; }
h4 { font-size: .8rem; margin: 0 0 .4em; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.lede { max-width: 75ch; }
.run-source { color: var(--muted); font-size: .9rem; display: grid; grid-template-columns: max-content minmax(0, 1fr);
  gap: 2px 12px; margin: .6em 0 1em; }
.run-source dt { font-weight: 600; color: var(--ink); }
.run-source dd { margin: 0; overflow-wrap: anywhere; }
.run-source .run-others { color: var(--warn); }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace; font-size: .85em;
  background: var(--soft); padding: .1em .3em; border-radius: 4px; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; background: var(--soft); border-bottom: 2px solid var(--line); }
td.num, th.num { text-align: right; width: 1%; white-space: nowrap; }
.index, .flow, .coverage { padding: 28px 0; border-bottom: 1px solid var(--line); }
.legend { color: var(--muted); font-size: .85rem; margin-top: 1em; }
.status { display: inline-block; font-size: .75rem; font-weight: 600; line-height: 1.4; padding: .1em .6em;
  border-radius: 999px; vertical-align: middle; white-space: nowrap; border: 1px solid currentColor; }
.status-passed { color: var(--ok); background: var(--ok-bg); }
.status-matches-hypothesis { color: var(--warn); background: var(--warn-bg); }
.status-differs-from-hypothesis { color: var(--warn); background: var(--warn-bg); border-style: dashed; }
.status-failed { color: var(--bad); background: var(--bad-bg); }
.status-not-run { color: var(--none); background: var(--none-bg); }
.tag-provisional { color: var(--warn); font-weight: 600; }
.tag-verified { color: var(--muted); }
.flow-num { color: var(--muted); font-weight: 500; margin-right: .2em; }
.provisional-banner { border: 2px solid #d4a72c; background: var(--warn-bg); color: #4d2d00; border-radius: 6px;
  padding: 10px 14px; margin: 0 0 1em; }
.provisional-banner::before { content: "⚠ "; font-weight: 700; }
.scenario-provisional-banner { border: 1px dashed #d4a72c; background: var(--warn-bg); color: #4d2d00; border-radius: 6px;
  padding: 6px 12px; margin: .4em 0 .8em; font-size: .9rem; }
.scenario-provisional-banner::before { content: "⚠ "; font-weight: 700; }
.narrative { max-width: 80ch; }
.narrative blockquote { margin: .6em 0; padding: .2em 1em; border-left: 4px solid var(--line); color: #3b434b; }
.narrative ul { padding-left: 1.4em; }
.guide-link, .doc-link { overflow-wrap: anywhere; }
.citation { font-size: .9rem; color: var(--muted); border-left: 4px solid var(--accent); padding-left: 10px; }
.citation.missing { border-left-color: var(--bad); }
.meta { font-size: .8rem; color: var(--muted); margin: .2em 0 .8em; }
.scenario { margin-top: 1.4em; }
.diagram { margin: .6em 0 1em; padding: 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.diagram svg { display: block; width: 100%; height: auto; max-width: 100%; }
.diagram figcaption { font-size: .8rem; color: var(--muted); margin-top: 4px; }
.diagram-missing { color: var(--bad); font-weight: 600; }
.scenario-body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 16px; }
pre.gherkin { margin: 0; padding: 12px 14px; background: var(--soft); border: 1px solid var(--line);
  border-radius: 6px; overflow-x: auto; font-size: .8rem; line-height: 1.5;
  font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace; white-space: pre; }
.g-kw { color: #8250df; font-weight: 600; }
.g-tag { color: #0550ae; }
.g-str { color: #0a3069; }
.g-quote { color: var(--muted); font-style: italic; }
.g-table { color: #1f2328; }
.msf-box.provisional { border-left: 4px solid #d4a72c; padding-left: 10px; background: var(--warn-bg); }
td.not-asserted { color: var(--muted); font-style: italic; }
.gim-config { padding: 28px 0; border-bottom: 1px solid var(--line); }
.gim-config-table { width: auto; }
.irf-table td.descriptor, .msf-table td.descriptor { font-weight: 600; white-space: nowrap; }
/* The matrix must fit the page: long descriptors break after a slash or before a bracket, not overflow. */
.coverage-table { table-layout: fixed; }
.coverage-table th:nth-child(1) { width: 38%; }
.coverage-table th:nth-child(2) { width: 18%; }
.coverage-table th:nth-child(4) { width: 17%; }
.coverage-table td.descriptor { font-weight: 600; overflow-wrap: anywhere; }
.coverage-table td { overflow-wrap: anywhere; }
.coverage .note { background: var(--soft); border-left: 4px solid var(--muted); padding: 8px 12px; font-size: .9rem; }
.coverage .summary { font-size: .9rem; }
.th-note { font-weight: 400; font-size: .75rem; color: var(--muted); }
.flow-link { display: inline-block; min-width: 1.8em; text-align: center; border: 1px solid var(--line);
  border-radius: 4px; padding: 0 .3em; margin: 1px; }
.flow-link.provisional { color: var(--warn); border-color: #d4a72c; background: var(--warn-bg); }
.gap { color: var(--bad); font-weight: 600; }
.coverage-state { font-weight: 600; }
.coverage-state.coverage-verified { color: var(--ok); }
.coverage-state.coverage-provisional-only { color: var(--warn); }
.coverage-state.coverage-not-covered { color: var(--bad); }
tr.coverage-provisional-only td { background: #fffdf0; }
tr.coverage-not-covered td { background: #fff5f5; }
.book-footer { color: var(--muted); font-size: .8rem; padding-top: 16px; padding-bottom: 40px; }
@media print {
  @page { size: A4; margin: 14mm 12mm 18mm;
    @bottom-left { content: "GIM chat flows: the specification"; font-size: 8pt; color: #57606a; }
    @bottom-right { content: "page " counter(page) " of " counter(pages); font-size: 8pt; color: #57606a; } }
  html { font-size: 11pt; }
  body { background: none; }
  .book-header, main, .book-footer { max-width: none; padding: 0; }
  a { color: inherit; }
  .flow { break-before: page; page-break-before: always; border-bottom: none; padding-top: 0; }
  .coverage { break-before: page; page-break-before: always; }
  .diagram, table, pre.gherkin, .provisional-banner { break-inside: avoid; page-break-inside: avoid; }
  .diagram { border: none; padding: 0; }
  .diagram svg { width: 100% !important; max-width: 100%; height: auto; }
  th, pre.gherkin, code, .coverage .note, tr.coverage-provisional-only td, tr.coverage-not-covered td { background: none; }
  .status { background: none; }
  .provisional-banner { background: none; border: 2pt solid #000; color: #000; }
  pre.gherkin { white-space: pre-wrap; overflow: visible; border: 1px solid #999; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
}
`;
