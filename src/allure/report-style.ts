/**
 * The stylesheet added to the generated Allure report: Allure's own resets paragraphs, lists and
 * blockquotes to bare text and its sanitizer drops style attributes, so the scenario descriptions
 * (description-html.ts) are styled from here, through the only attributes the sanitizer keeps:
 * a table's `summary` and a cell's `abbr`. Scoped to `.description__text`, Allure's description
 * element, so nothing else in the report changes.
 */
import { BOX, DIFFERS } from "./description-html";

const D = ".description__text";
const word = (summary: string): string => summary.split(" ").at(-1) ?? summary;

export const REPORT_CSS = [
  `${D}{line-height:1.45}`,
  `${D} p{margin:0 0 .6em}`,
  `${D} ul{list-style:disc outside;padding-left:1.6em;margin:0 0 .6em}`,
  `${D} li{display:list-item;margin:.15em 0}`,
  `${D} blockquote{margin:0 0 .8em;padding:.3em .9em;border-left:4px solid #d0d7de;color:#424a53}`,
  `${D} code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,'Liberation Mono',monospace}`,
  `${D} strong{font-weight:600}`,
  // Fixed layout keeps a box as wide as the pane, so the comparison inside scrolls.
  `${D} table[summary~="gim-box"]{width:100%;table-layout:fixed;border-collapse:collapse;margin:0 0 .9em}`,
  `${D} table[summary~="gim-box"]>tbody>tr>td{padding:.5em .9em;border-radius:4px}`,
  `${D} table[summary~="${word(BOX.failed)}"]>tbody>tr>td{border-left:4px solid #cf222e;background:#ffebe9}`,
  `${D} table[summary~="${word(BOX.provisional)}"]>tbody>tr>td{border-left:4px solid #9a6700;background:#fff8c5}`,
  `${D} table[summary~="${word(BOX.banner)}"]>tbody>tr>td{border:1px solid #d4a72c;background:#fff8c5}`,
  // Wider than the test pane: it scrolls instead of being clipped.
  `${D} table[summary="${BOX.comparison}"]{display:block;overflow-x:auto;max-width:100%;border-collapse:collapse;margin:.3em 0 .5em;font-size:12px;background:#fff}`,
  `${D} table[summary="${BOX.comparison}"] th,${D} table[summary="${BOX.comparison}"] td{border:1px solid #d0d7de;padding:3px 7px;text-align:left;white-space:nowrap}`,
  `${D} table[summary="${BOX.comparison}"] th{background:#f6f8fa;font-weight:600}`,
  `${D} table[summary="${BOX.comparison}"] td[abbr="${DIFFERS}"]{background:#ffebe9;color:#82071e}`,
].join("\n");

/** Adds the stylesheet to a generated index.html (once); returns the new HTML. */
export function withReportStyle(html: string): string {
  if (html.includes('<style id="gim-conformance">')) return html;
  return html.replace("</head>", `<style id="gim-conformance">\n${REPORT_CSS}\n</style>\n</head>`);
}
