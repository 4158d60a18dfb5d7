/**
 * The timeline's legend: the glyphs, arrows and bars this drawing shows, and only those (a key to
 * things not drawn sends the reader looking for them, e.g. a customer's glyphs on an export run's
 * timeline, which knows no events). Laid out as a grid per group (events, arrows, bars) so it
 * reads as a table rather than a run-on line; a group with nothing shown is left out.
 */
import { escapeXml } from "./text-escape";
import {
  BAR_STYLE,
  drawLinkSample,
  drawMark,
  LINK_STYLE,
  MARK_LEGEND,
  MSF_STYLE,
  num,
} from "./timeline-glyphs";
import { type LinkKind, MARK_KINDS } from "./timeline-model";

/** What a drawing shows: mark kinds, link kinds, and bars (a ResourceType, "queue", "msf", "presence", "differs"). */
export interface ShownGlyphs {
  marks: ReadonlySet<string>;
  links: ReadonlySet<string>;
  bars: ReadonlySet<string>;
}

interface LegendItem {
  /** The key in ShownGlyphs that makes it shown. */
  key: string;
  /** Draws the sample with its left edge at x, vertically centred on y. */
  draw: (x: number, y: number) => string;
  sampleWidth: number;
  text: string;
}

const FONT_SIZE = 11.5;
const HEADING_WIDTH = 66;
const ROW_HEIGHT = 21;

const LINK_ORDER: readonly LinkKind[] = ["route", "transfer", "conference", "consult", "pull", "place"];

function bar(fill: string, stroke: string, height: number, extra = ""): (x: number, y: number) => string {
  return (x, y) =>
    `<rect x="${num(x)}" y="${num(y - height / 2)}" width="22" height="${height}" rx="${height > 8 ? 3 : 0}" fill="${fill}" stroke="${stroke}" stroke-width="1"${extra}/>`;
}

function groups(hatch: string): { heading: string; items: LegendItem[] }[] {
  return [
    {
      heading: "EVENTS",
      items: MARK_KINDS.map((k) => ({
        key: k,
        draw: (x, y) => drawMark(k, x + 7, y),
        sampleWidth: 14,
        text: MARK_LEGEND[k],
      })),
    },
    {
      heading: "ARROWS",
      items: LINK_ORDER.map((k) => ({
        key: k,
        draw: (x, y) => drawLinkSample(k, x, y),
        sampleWidth: 22,
        text: LINK_STYLE[k].legend,
      })),
    },
    {
      heading: "BARS",
      items: [
        {
          key: "Agent",
          draw: bar(BAR_STYLE.Agent.fill, BAR_STYLE.Agent.stroke, 12),
          sampleWidth: 22,
          text: "agent IRF",
        },
        {
          key: "Queue",
          draw: bar(BAR_STYLE.Queue.fill, BAR_STYLE.Queue.stroke, 12),
          sampleWidth: 22,
          text: "queue IRF",
        },
        {
          key: "Strategy",
          draw: bar(BAR_STYLE.Strategy.fill, BAR_STYLE.Strategy.stroke, 12),
          sampleWidth: 22,
          text: "strategy IRF",
        },
        {
          key: "Other",
          draw: bar(BAR_STYLE.Other.fill, BAR_STYLE.Other.stroke, 12),
          sampleWidth: 22,
          text: "other resource IRF",
        },
        { key: "queue", draw: bar(`url(#${hatch})`, "#c98b4a", 8), sampleWidth: 22, text: "in queue (MSF)" },
        {
          key: "msf",
          draw: (x, y) =>
            `<rect x="${num(x)}" y="${num(y - 6)}" width="22" height="12" rx="2" fill="none" stroke="${MSF_STYLE.stroke}" stroke-width="1.8"/>`,
          sampleWidth: 22,
          text: "MSF as recorded",
        },
        { key: "presence", draw: bar("#90a4ae", "#90a4ae", 4), sampleWidth: 22, text: "customer in chat" },
        {
          key: "differs",
          draw: (x, y) =>
            `<rect x="${num(x)}" y="${num(y - 7)}" width="22" height="14" rx="3" fill="none" stroke="#cf222e" stroke-width="2" stroke-dasharray="4 2"/>`,
          sampleWidth: 22,
          text: "IRF differs from the expected table",
        },
      ],
    },
  ];
}

/**
 * @param textWidth the renderer's text-width estimate, so legend and plot agree on spacing
 * @returns the markup and the y just below the legend
 */
export function renderLegend(
  left: number,
  top: number,
  right: number,
  hatchId: string,
  textWidth: (text: string, fontSize: number) => number,
  shown: ShownGlyphs,
): { svg: string; bottom: number } {
  const isShown = (group: string, key: string) =>
    (group === "EVENTS" ? shown.marks : group === "ARROWS" ? shown.links : shown.bars).has(key);
  const visible = groups(hatchId)
    .map((g) => ({ ...g, items: g.items.filter((i) => isShown(g.heading, i.key)) }))
    .filter((g) => g.items.length > 0);
  if (visible.length === 0) return { svg: "", bottom: top };
  const out: string[] = [
    `<line x1="${num(left)}" y1="${num(top)}" x2="${num(right)}" y2="${num(top)}" stroke="#d8dee4" stroke-width="1"/>`,
  ];
  let y = top + 18;
  for (const group of visible) {
    const cell = Math.max(...group.items.map((i) => i.sampleWidth + 6 + textWidth(i.text, FONT_SIZE) + 12));
    const gridLeft = left + 8 + HEADING_WIDTH;
    const columns = Math.max(1, Math.floor((right - gridLeft) / cell));
    out.push(
      `<text x="${num(left + 8)}" y="${num(y + 3.5)}" font-size="9.5" letter-spacing="0.6" fill="#57606a">${group.heading}</text>`,
    );
    group.items.forEach((item, i) => {
      const x = gridLeft + (i % columns) * cell;
      const rowY = y + Math.floor(i / columns) * ROW_HEIGHT;
      out.push(
        item.draw(x, rowY),
        `<text x="${num(x + item.sampleWidth + 6)}" y="${num(rowY + 4)}" font-size="${FONT_SIZE}" fill="#1f2328">${escapeXml(item.text)}</text>`,
      );
    });
    y += Math.ceil(group.items.length / columns) * ROW_HEIGHT + 4;
  }
  return { svg: out.join("\n"), bottom: y - 4 };
}
