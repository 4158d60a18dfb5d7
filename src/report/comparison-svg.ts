/**
 * The side-by-side comparison as an SVG image, for cucumber's one-file HTML report: it shows a
 * text/html attachment as its source, but draws images (an SVG from a Buffer, stack.md pitfall 6)
 * — and Allure draws it too. Monospace text on a grid, so the column widths follow from the
 * character counts; differing cells are filled and their text bold, as in the HTML forms.
 */
import type { Cell, SideBySide } from "./irf-comparison-render";
import { escapeXml } from "./text-escape";

const FONT_SIZE = 12;
/** A monospace glyph is 0.6 em wide in the common fonts (DejaVu Sans Mono, Menlo, Consolas). */
const CHAR = FONT_SIZE * 0.6;
const PAD = 8;
const ROW = 22;
const COLOUR = {
  text: "#1f2328",
  muted: "#57606a",
  border: "#d0d7de",
  head: "#f6f8fa",
  differs: "#ffebe9",
  differsText: "#82071e",
  ok: "#1a7f37",
};

const chars = (text: string): number => [...text].length;

interface GridCell {
  text: string;
  differs: boolean;
  head?: boolean;
  /** Columns this cell spans (headings "expected", "recorded"). */
  span?: number;
}

function rowsOf(t: SideBySide): GridCell[][] {
  const cell = (c: Cell): GridCell => ({ text: c.text, differs: c.differs });
  const head = (text: string, span = 1): GridCell => ({ text, differs: false, head: true, span });
  const n = t.columns.length;
  return [
    [head(t.ordinal), head("status"), head("expected", n), head("recorded", n)],
    [head(""), head(""), ...[...t.columns, ...t.columns].map((c) => head(c))],
    ...t.rows.map((r) => [
      { text: r.ordinal, differs: false },
      { text: r.status, differs: !r.ok },
      ...r.expected.map(cell),
      ...r.actual.map(cell),
    ]),
  ];
}

export function renderComparisonSvg(t: SideBySide): string {
  const rows = rowsOf(t);
  const columns = 2 + 2 * t.columns.length;
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(3, ...rows.filter((r) => r.length === columns).map((r) => chars(r[i]?.text ?? ""))),
  ).map((w) => Math.ceil(w * CHAR) + 2 * PAD);
  const caption = `${t.subject}: ${t.conforms ? "conforms" : "does not conform"}`;
  const legend =
    "Filled cells differ from the other side. missing = expected, not recorded; unexpected = recorded, not expected.";
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  const width = Math.ceil(Math.max(tableWidth, chars(legend) * CHAR) + 2);
  const top = ROW;
  const height = top + rows.length * ROW + ROW + 4;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'DejaVu Sans Mono',Menlo,Consolas,'Liberation Mono',monospace" font-size="${FONT_SIZE}" role="img">`,
    `<title>${escapeXml(caption)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="1" y="${top - 7}" font-weight="bold" fill="${t.conforms ? COLOUR.ok : COLOUR.differsText}">${escapeXml(caption)}</text>`,
  ];
  rows.forEach((row, r) => {
    let x = 1;
    let column = 0;
    const y = top + r * ROW;
    for (const cell of row) {
      const span = cell.span ?? 1;
      const w = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
      const fill = cell.head ? COLOUR.head : cell.differs ? COLOUR.differs : "#ffffff";
      parts.push(
        `<rect x="${x}" y="${y}" width="${w}" height="${ROW}" fill="${fill}" stroke="${COLOUR.border}"/>`,
      );
      if (cell.text !== "") {
        const weight = cell.head || cell.differs ? ' font-weight="bold"' : "";
        const colour = cell.differs ? COLOUR.differsText : COLOUR.text;
        parts.push(
          `<text x="${x + PAD}" y="${y + ROW - 7}" fill="${colour}"${weight} xml:space="preserve">${escapeXml(cell.text)}</text>`,
        );
      }
      x += w;
      column += span;
    }
  });
  parts.push(
    `<text x="1" y="${top + rows.length * ROW + ROW - 6}" fill="${COLOUR.muted}" font-size="${FONT_SIZE - 1}">${escapeXml(legend)}</text>`,
    "</svg>",
  );
  return parts.join("\n");
}
