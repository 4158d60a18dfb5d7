/**
 * The drawing vocabulary of the timeline: one small glyph per kind of event and one line style
 * per kind of arrow, distinct in SHAPE and dash as well as colour, so a printed or greyscale copy
 * of the spec book still reads. Every function returns SVG markup centred on (x, y).
 */
import type { ResourceType } from "../domain/irf";
import type { LinkKind, MarkKind } from "./timeline-model";

/** Rounds to 0.1 px and prints without exponent or trailing zeros, so output is stable. */
export function num(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? "0" : String(r);
}

const pts = (coords: [number, number][]): string => coords.map(([x, y]) => `${num(x)},${num(y)}`).join(" ");

export const MARK_LEGEND: Record<MarkKind, string> = {
  submitted: "submitted",
  placed: "placed in queue",
  taken: "taken from queue",
  pulled: "pulled by strategy",
  invited: "invited",
  accepted: "accepted",
  rejected: "rejected",
  revoked: "revoked",
  removed: "left",
  stopped: "stopped",
};

/** A white disc behind each glyph keeps it legible over bars, lifelines and arrows. */
function halo(x: number, y: number): string {
  return `<circle cx="${num(x)}" cy="${num(y)}" r="8" fill="#ffffff" opacity="0.9"/>`;
}

export function drawMark(kind: MarkKind, x: number, y: number): string {
  const X = num(x);
  const Y = num(y);
  let shape: string;
  switch (kind) {
    case "submitted":
      shape = `<polygon points="${pts([
        [x - 5, y - 6],
        [x + 6.5, y],
        [x - 5, y + 6],
      ])}" fill="#37474f"/>`;
      break;
    case "placed":
      shape = `<polygon points="${pts([
        [x - 6, y - 5],
        [x + 6, y - 5],
        [x, y + 6],
      ])}" fill="#a1622f"/>`;
      break;
    case "taken":
      shape = `<polygon points="${pts([
        [x - 6, y + 5],
        [x + 6, y + 5],
        [x, y - 6],
      ])}" fill="#a1622f"/>`;
      break;
    case "pulled":
      shape = `<polygon points="${pts([
        [x, y - 6.5],
        [x + 6.5, y],
        [x, y + 6.5],
        [x - 6.5, y],
      ])}" fill="#6a3fb5"/>`;
      break;
    case "invited":
      shape = `<circle cx="${X}" cy="${Y}" r="5" fill="#ffffff" stroke="#1565c0" stroke-width="2"/>`;
      break;
    case "accepted":
      shape = `<circle cx="${X}" cy="${Y}" r="5.5" fill="#2e7d32"/>`;
      break;
    case "rejected":
      shape =
        `<path d="M${num(x - 4.5)},${num(y - 4.5)} L${num(x + 4.5)},${num(y + 4.5)} M${num(x + 4.5)},${num(y - 4.5)} ` +
        `L${num(x - 4.5)},${num(y + 4.5)}" stroke="#c62828" stroke-width="2.6" stroke-linecap="round" fill="none"/>`;
      break;
    case "revoked":
      shape =
        `<circle cx="${X}" cy="${Y}" r="5" fill="#ffffff" stroke="#e65100" stroke-width="2"/>` +
        `<path d="M${num(x - 3.5)},${num(y + 3.5)} L${num(x + 3.5)},${num(y - 3.5)}" stroke="#e65100" stroke-width="2"/>`;
      break;
    case "removed":
      shape = `<rect x="${num(x - 4.5)}" y="${num(y - 4.5)}" width="9" height="9" fill="#546e7a"/>`;
      break;
    case "stopped": {
      const r = 6.5;
      const k = r * 0.4142;
      shape = `<polygon points="${pts([
        [x - k, y - r],
        [x + k, y - r],
        [x + r, y - k],
        [x + r, y + k],
        [x + k, y + r],
        [x - k, y + r],
        [x - r, y + k],
        [x - r, y - k],
      ])}" fill="#b71c1c"/><rect x="${num(x - 3.5)}" y="${num(y - 1)}" width="7" height="2" fill="#ffffff"/>`;
      break;
    }
  }
  return halo(x, y) + shape;
}

interface LinkStyle {
  color: string;
  width: number;
  dash?: string;
  /** Shown in the legend; the four invitation purposes are also written beside their arrows. */
  legend: string;
}

export const LINK_STYLE: Record<LinkKind, LinkStyle> = {
  route: { color: "#455a64", width: 1.6, legend: "route" },
  transfer: { color: "#1565c0", width: 2, legend: "transfer" },
  conference: { color: "#6a1b9a", width: 2, dash: "6 3", legend: "conference" },
  consult: { color: "#ef6c00", width: 2, dash: "2 3", legend: "consult" },
  pull: { color: "#8e7cc3", width: 1.2, dash: "1.5 2.5", legend: "pull" },
  place: { color: "#a1622f", width: 1.4, dash: "4 3", legend: "agent placed" },
};

/** A vertical arrow from y1 to y2 at x, stopping `gap` short of the target glyph. */
export function drawArrow(kind: LinkKind, x: number, y1: number, y2: number, gap = 9): string {
  const s = LINK_STYLE[kind];
  const dir = Math.sign(y2 - y1) || 1;
  const tip = y2 - dir * gap;
  const base = tip - dir * 6;
  const dash = s.dash === undefined ? "" : ` stroke-dasharray="${s.dash}"`;
  return (
    `<line x1="${num(x)}" y1="${num(y1 + dir * gap)}" x2="${num(x)}" y2="${num(base)}" stroke="${s.color}" ` +
    `stroke-width="${s.width}"${dash}/>` +
    `<polygon points="${pts([
      [x - 4, base],
      [x + 4, base],
      [x, tip],
    ])}" fill="${s.color}"/>`
  );
}

/** A short horizontal sample of an arrow style for the legend, from x to x + 22. */
export function drawLinkSample(kind: LinkKind, x: number, y: number): string {
  const s = LINK_STYLE[kind];
  const dash = s.dash === undefined ? "" : ` stroke-dasharray="${s.dash}"`;
  return (
    `<line x1="${num(x)}" y1="${num(y)}" x2="${num(x + 16)}" y2="${num(y)}" stroke="${s.color}" stroke-width="${s.width}"${dash}/>` +
    `<polygon points="${pts([
      [x + 16, y - 4],
      [x + 16, y + 4],
      [x + 22, y],
    ])}" fill="${s.color}"/>`
  );
}

/** IRF bars take the colour of their resource's kind (the lane tells which resource). */
export const BAR_STYLE: Record<ResourceType, { fill: string; stroke: string }> = {
  Agent: { fill: "#dbeafe", stroke: "#1565c0" },
  Queue: { fill: "#f6e3cf", stroke: "#a1622f" },
  Strategy: { fill: "#ebe4f7", stroke: "#6a3fb5" },
  Other: { fill: "#eeeeee", stroke: "#757575" },
};

/**
 * A mediation segment (MSF): an outline around the time-in-queue hatch, in a colour no IRF bar
 * uses, so the recorded segment and the logged stay read as one place and can be compared.
 */
export const MSF_STYLE = { stroke: "#0e7490", label: "#0e5e73" } as const;
