/**
 * An SVG timeline of one chat interaction: who had it when, what each event did, and which IRFs
 * Info Mart records for it. Output is a self-contained image (no scripts, no external fonts or
 * links, ids prefixed per drawing so several can share an HTML page) and is a pure function of
 * its input, so a spec book or an Allure attachment built twice is byte-identical.
 *
 * Layout: one horizontal lane per participant, Customer first, then interaction queues, routing
 * strategies and agents, each kind in order of first appearance. Time runs left to right on a
 * piecewise scale (see timeline-scale.ts: a minimum spacing between distinct instants, the rest
 * proportional). Events are glyphs on their lane; invitations, pulls and placements are vertical
 * arrows between lanes; IRFs are bars on their resource's lane; time in a queue is a hatched bar,
 * and a recorded mediation segment (MSF), when given, an outline around it on its queue's lane.
 */

import { formatDescriptor } from "../domain/descriptor";
import type { IrfRow } from "../domain/irf";
import type { MsfRow } from "../domain/msf";
import type { ChatEvent } from "../eventlog/events";
import type { IrfComparison } from "./irf-comparison";
import { escapeXml } from "./text-escape";
import { BAR_STYLE, drawArrow, drawMark, LINK_STYLE, MSF_STYLE, num } from "./timeline-glyphs";
import { renderLegend, type ShownGlyphs } from "./timeline-legend";
import {
  buildTimeline,
  clockTime,
  type LaneKind,
  type LinkKind,
  type Span,
  type TimelineModel,
} from "./timeline-model";
import { durationText, piecewiseScale, relativeTime } from "./timeline-scale";

export interface TimelineInput {
  events: readonly ChatEvent[];
  rows: readonly IrfRow[];
  /** The mediation segments recorded for the interaction, if the system under test gave any. */
  msfs?: readonly MsfRow[];
  title?: string;
  /**
   * The expected-vs-recorded comparison of a failing scenario: the IRF that differs is outlined
   * and labelled with what was expected, an expected IRF never recorded is named under the title.
   */
  comparison?: IrfComparison;
}

const FONT_FAMILY =
  "'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
const INK = "#1f2328";
const MUTED = "#57606a";

// Geometry, in px of the viewBox. The default width suits a ~900 px report column.
const MIN_WIDTH = 900;
const MARGIN = 16;
/** The lane-name column grows with the longest name, within these bounds; longer names wrap. */
const LABEL_WIDTH_MIN = 160;
const LABEL_WIDTH_MAX = 260;
const PLOT_RIGHT_PAD = 30;
const MIN_GAP = 34;
const LANE_HEIGHT = 64;
const DIFFERS = "#cf222e";
/** Lifeline (and glyph centre) from a lane's top. */
const LANE_CENTER = 30;
const SAME_TIME_NUDGE = 13;

const LANE_KIND_LABEL: Record<LaneKind, string> = {
  customer: "CUSTOMER",
  queue: "QUEUE",
  strategy: "ROUTING STRATEGY",
  agent: "AGENT",
};

/**
 * Estimated advance of a string, erring wide (the widths of DejaVu Sans, the broadest common
 * fallback) so that labels placed by it never run into each other whatever font is found.
 */
function textWidth(text: string, fontSize: number, bold = false): number {
  return [...text].length * fontSize * (bold ? 0.68 : 0.58);
}

/** Shortens a name to fit a width, keeping its start and marking the cut with an ellipsis. */
function fit(text: string, width: number, fontSize: number, bold = false): string {
  const chars = [...text];
  const max = Math.floor(width / (fontSize * (bold ? 0.68 : 0.58)));
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join("")}…`;
}

/**
 * Breaks text into lines that fit a width, preferring breaks after spaces, `_`, `-`, `/` and `·`;
 * at most `maxLines`, the last one shortened with an ellipsis if the text is longer still.
 */
export function wrap(text: string, width: number, fontSize: number, bold = false, maxLines = 3): string[] {
  const perLine = Math.max(1, Math.floor(width / (fontSize * (bold ? 0.68 : 0.58))));
  const lines: string[] = [];
  let rest = [...text];
  while (rest.length > perLine && lines.length < maxLines - 1) {
    let cut = perLine;
    for (let i = perLine; i > perLine / 2; i--) {
      if (/[\s_\-/·]/.test(rest[i - 1] ?? "")) {
        cut = i;
        break;
      }
    }
    lines.push(rest.slice(0, cut).join("").trimEnd());
    rest = rest.slice(cut);
    while (rest[0] === " ") rest = rest.slice(1);
  }
  lines.push(fit(rest.join(""), width, fontSize, bold));
  return lines;
}

/** FNV-1a: a short, stable id prefix so several drawings can share one HTML page. */
function idPrefix(model: TimelineModel): string {
  let h = 0x811c9dc5;
  const s = JSON.stringify(model);
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `gimtl-${h.toString(16).padStart(8, "0")}`;
}

/** Text with a white halo, so it stays readable across lines, stripes and bars. */
function label(x: number, y: number, text: string, attrs: string): string {
  return (
    `<text x="${num(x)}" y="${num(y)}" ${attrs} paint-order="stroke" stroke="#ffffff" stroke-width="3" ` +
    `stroke-linejoin="round">${escapeXml(text)}</text>`
  );
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box, pad = 2): boolean =>
  a.x0 < b.x1 + pad && b.x0 < a.x1 + pad && a.y0 < b.y1 + pad && b.y0 < a.y1 + pad;

/** The box a label of `width` takes with its baseline at y (ascent and descent of the font). */
const textBox = (x: number, y: number, width: number, fontSize: number): Box => ({
  x0: x,
  y0: y - fontSize * 0.85,
  x1: x + width,
  y1: y + fontSize * 0.3,
});

/**
 * Where labels may go: every arrow (its shaft and head), every event glyph and every label placed
 * so far is an obstacle, so a label never covers an arrowhead, a glyph or another label.
 */
class Placer {
  private readonly taken: Box[] = [];

  block(box: Box): void {
    this.taken.push(box);
  }

  free(box: Box): boolean {
    return !this.taken.some((t) => overlaps(t, box));
  }

  /**
   * The first free spot among `rows` (baselines), each tried from x rightwards past whatever is in
   * the way up to `maxX`, then leftwards down to `minX`; the first row at x when nothing is free.
   */
  place(
    x: number,
    rows: readonly number[],
    width: number,
    fontSize: number,
    maxX: number,
    minX = x,
  ): { x: number; y: number } {
    for (const step of [1, -1] as const) {
      for (const y of rows) {
        let at = x;
        for (let tries = 0; tries < 40 && at + width <= maxX && at >= minX; tries++) {
          const box = textBox(at, y, width, fontSize);
          const hit = this.taken.filter((t) => overlaps(t, box));
          if (hit.length === 0) {
            this.taken.push(box);
            return { x: at, y };
          }
          at =
            step === 1
              ? Math.max(...hit.map((h) => h.x1)) + 3
              : Math.min(...hit.map((h) => h.x0)) - width - 3;
        }
      }
    }
    const y = rows[0] ?? 0;
    this.taken.push(textBox(x, y, width, fontSize));
    return { x, y };
  }
}

/** Everything the drawing sections share: the model and where things go. */
interface Layout {
  model: TimelineModel;
  /** Prefix of this drawing's ids. */
  p: string;
  width: number;
  /** Where the plot starts: right of the lane names. */
  plotLeft: number;
  /** The title, subtitle and note lines, wrapped to the width. */
  titleLines: string[];
  subtitleLines: string[];
  noteLines: string[];
  /** Each lane's name, in one or two lines. */
  laneNames: string[][];
  plotRight: number;
  lanesTop: number;
  lanesBottom: number;
  first: number | undefined;
  last: number | undefined;
  x: (time: number) => number;
  laneCenter: (lane: number) => number;
}

function layOut(model: TimelineModel, title: string, notes: readonly string[]): Layout {
  const nameWidth = Math.min(
    LABEL_WIDTH_MAX,
    Math.max(LABEL_WIDTH_MIN, ...model.lanes.map((lane) => textWidth(lane.name, 13, true) + 10)),
  );
  const plotLeft = MARGIN + nameWidth + 18;
  const preferred = MIN_WIDTH - plotLeft - MARGIN - PLOT_RIGHT_PAD;
  const scale = piecewiseScale(model.times, plotLeft, preferred, MIN_GAP);
  const width = Math.max(MIN_WIDTH, plotLeft + scale.span + PLOT_RIGHT_PAD + MARGIN);
  const textRoom = width - 2 * MARGIN;
  const titleLines = wrap(title, textRoom, 16, true);
  const subtitleLines = wrap(subtitleOf(model), textRoom, 12);
  const noteLines = notes.flatMap((n) => wrap(n, textRoom, 12, true));
  const headerBottom = 25 + (titleLines.length - 1) * 20 + (subtitleLines.length + noteLines.length) * 16;
  const lanesTop = headerBottom + 17;
  const first = model.times[0];
  const last = model.times[model.times.length - 1];
  return {
    model,
    p: idPrefix(model),
    width,
    plotLeft,
    titleLines,
    subtitleLines,
    noteLines,
    laneNames: model.lanes.map((lane) => wrap(lane.name, nameWidth - 10, 13, true, 2)),
    plotRight: width - MARGIN - PLOT_RIGHT_PAD,
    lanesTop,
    lanesBottom: lanesTop + model.lanes.length * LANE_HEIGHT,
    first,
    last,
    x: scale.x,
    laneCenter: (lane) => lanesTop + lane * LANE_HEIGHT + LANE_CENTER,
  };
}

/** What a comparison says about the drawing: the expected descriptor of each IRF that differs, and the IRFs missing. */
function differences(comparison: IrfComparison | undefined): {
  differs: Map<number, string>;
  missing: string[];
} {
  const differs = new Map<number, string>();
  const missing: string[] = [];
  for (const line of comparison?.lines ?? []) {
    if (line.status === "mismatch" && line.expected !== undefined) {
      const resource = line.mismatched.includes("resource") ? `${line.expected.resource} ` : "";
      const roleReason =
        line.mismatched.includes("roleReason") && line.expected.roleReason !== undefined
          ? ` (role reason ${line.expected.roleReason})`
          : "";
      differs.set(line.irf, `expected ${resource}${formatDescriptor(line.expected)}${roleReason}`);
    } else if (line.status === "unexpected") {
      differs.set(line.irf, "not expected");
    } else if (line.status === "missing" && line.expected !== undefined) {
      missing.push(
        `✗ IRF${line.irf} expected: ${line.expected.resource} ${formatDescriptor(line.expected)}, not recorded`,
      );
    }
  }
  return { differs, missing };
}

export function renderTimelineSvg(input: TimelineInput): string {
  const model = buildTimeline(input.events, input.rows, input.msfs);
  const title = input.title ?? `Interaction ${model.interaction}`;
  const { differs, missing } = differences(input.comparison);
  const l = layOut(model, title, missing);
  const legend = renderLegend(
    MARGIN,
    l.lanesBottom + (l.first === undefined ? 6 : 42),
    l.width - MARGIN,
    `${l.p}-hatch`,
    textWidth,
    shownGlyphs(model, differs.size > 0),
  );
  const width = num(l.width);
  const height = num(legend.bottom + 12);
  return `${[
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
      `role="img" aria-labelledby="${l.p}-title ${l.p}-desc" font-family="${FONT_FAMILY}">`,
    `<title id="${l.p}-title">${escapeXml(title)}</title>`,
    `<desc id="${l.p}-desc">${escapeXml(description(l, differs, missing))}</desc>`,
    "<defs>",
    `<pattern id="${l.p}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="6" height="6" fill="#fdf1e4"/><line x1="0" y1="0" x2="0" y2="6" stroke="#d9a25f" stroke-width="2.2"/></pattern>`,
    "</defs>",
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...header(l),
    ...lanes(l),
    ...axis(l),
    ...spans(l, differs),
    ...arrowsAndMarks(l),
    ...labels(l, differs),
    legend.svg,
    "</svg>",
  ].join("\n")}\n`;
}

/** Which glyphs, arrows and bars this drawing shows: the legend explains only those. */
function shownGlyphs(model: TimelineModel, differs: boolean): ShownGlyphs {
  const bars = new Set<string>();
  for (const span of model.spans) {
    if (span.kind === "irf") bars.add(span.resourceType ?? "Agent");
    else bars.add(span.kind);
  }
  if (differs) bars.add("differs");
  return {
    marks: new Set(model.marks.filter((m) => m.lane >= 0).map((m) => m.kind)),
    links: new Set(model.links.filter((k) => k.from >= 0 && k.to >= 0).map((k) => k.kind)),
    bars,
  };
}

function period(l: Layout): string {
  return l.first !== undefined && l.last !== undefined
    ? `${clockTime(l.first)} to ${clockTime(l.last)} UTC (${durationText(l.last - l.first)})`
    : "no events";
}

function kindText(model: TimelineModel): string {
  return [model.media, model.interactionType].filter((x) => x !== undefined).join(" ");
}

/** The `<desc>`: the whole drawing in one paragraph, for screen readers and text search. */
function description(l: Layout, differs: ReadonlyMap<number, string>, missing: readonly string[]): string {
  const { model } = l;
  const irfs = model.spans
    .filter((s) => s.kind === "irf")
    .map((s) => {
      const diff = differs.get(s.irf ?? 0);
      return `IRF${s.irf} ${model.lanes[s.lane]?.name ?? ""} ${s.descriptor}${diff === undefined ? "" : ` (differs: ${diff})`}`;
    });
  const lanesText = model.lanes.map((lane) =>
    lane.kind === "customer" ? lane.name : `${lane.kind} ${lane.name}`,
  );
  const msfs = model.spans
    .filter((s) => s.kind === "msf")
    .map((s) => `MSF${s.msf} ${model.lanes[s.lane]?.name ?? ""} ${s.descriptor}`);
  return (
    `Timeline of ${kindText(model) || "interaction"} ${model.interaction}, ${period(l)}. ` +
    `Lanes: ${lanesText.join("; ")}. ` +
    (irfs.length === 0 ? "No IRFs." : `IRFs: ${irfs.join("; ")}.`) +
    (msfs.length === 0 ? "" : ` MSFs: ${msfs.join("; ")}.`) +
    (missing.length === 0 ? "" : ` ${missing.map((m) => m.replace(/^✗ /, "")).join("; ")}.`)
  );
}

function subtitleOf(model: TimelineModel): string {
  const first = model.times[0];
  const last = model.times[model.times.length - 1];
  const when =
    first === undefined || last === undefined
      ? ""
      : `${new Date(first).toISOString().slice(0, 10)} ${clockTime(first)} to ${clockTime(last)} UTC (${durationText(last - first)})`;
  return [`interaction ${model.interaction}`, kindText(model), when].filter((x) => x !== "").join("  ·  ");
}

/** Title, subtitle and the missing-IRF notes, each wrapped to the width rather than cut off. */
function header(l: Layout): string[] {
  const out: string[] = [];
  let y = 25;
  for (const line of l.titleLines) {
    out.push(
      `<text x="${MARGIN}" y="${y}" font-size="16" font-weight="700" fill="${INK}" class="gimtl-title">${escapeXml(line)}</text>`,
    );
    y += 20;
  }
  for (const line of l.subtitleLines) {
    out.push(
      `<text x="${MARGIN}" y="${y}" font-size="12" fill="${MUTED}" class="gimtl-subtitle">${escapeXml(line)}</text>`,
    );
    y += 16;
  }
  for (const line of l.noteLines) {
    out.push(
      `<text x="${MARGIN}" y="${y}" font-size="12" font-weight="600" fill="${DIFFERS}" class="gimtl-missing">${escapeXml(line)}</text>`,
    );
    y += 16;
  }
  return out;
}

/** Stripes, names (kind above, name below) and lifelines. */
function lanes(l: Layout): string[] {
  const out = l.model.lanes.flatMap((lane, i) => {
    const top = l.lanesTop + i * LANE_HEIGHT;
    const c = l.laneCenter(i);
    const fill = i % 2 === 0 ? "#f6f8fa" : "#ffffff";
    const name = l.laneNames[i] ?? [lane.name];
    // One line: one text (what readers and tests search); two: one tspan per line.
    const nameText =
      name.length === 1
        ? escapeXml(name[0] ?? "")
        : name
            .map((line, k) => `<tspan x="${MARGIN + 8}" dy="${k === 0 ? 0 : 14}">${escapeXml(line)}</tspan>`)
            .join("");
    const nameY = name.length === 1 ? c + 10 : c + 8;
    return [
      `<rect x="${MARGIN}" y="${top}" width="${num(l.width - 2 * MARGIN)}" height="${LANE_HEIGHT}" fill="${fill}"/>`,
      `<g><title>${escapeXml(`${LANE_KIND_LABEL[lane.kind].toLowerCase()} ${lane.name}`)}</title>`,
      `<text x="${MARGIN + 8}" y="${c - (name.length === 1 ? 6 : 10)}" font-size="10" letter-spacing="0.6" fill="${MUTED}">${LANE_KIND_LABEL[lane.kind]}</text>`,
      `<text x="${MARGIN + 8}" y="${nameY}" font-size="13" font-weight="600" fill="${INK}" class="gimtl-lane">${nameText}</text></g>`,
      `<line x1="${l.plotLeft - 10}" y1="${c}" x2="${num(l.plotRight + 12)}" y2="${c}" stroke="#c8ced6" stroke-width="1"/>`,
    ];
  });
  out.push(
    `<line class="gimtl-lane-rule" x1="${l.plotLeft - 18}" y1="${l.lanesTop}" x2="${l.plotLeft - 18}" y2="${l.lanesBottom}" stroke="#d0d7de" stroke-width="1"/>`,
  );
  return out;
}

/** A dotted grid line per instant, the axis, and as many tick labels as fit without overlapping. */
function axis(l: Layout): string[] {
  const y = l.lanesBottom;
  const out = [
    `<line x1="${l.plotLeft - 10}" y1="${y}" x2="${num(l.plotRight + 12)}" y2="${y}" stroke="#8c959f" stroke-width="1"/>`,
  ];
  const ticks: { x: number; text: string }[] = [];
  for (const t of l.model.times) {
    const x = l.x(t);
    out.push(
      `<line x1="${num(x)}" y1="${l.lanesTop}" x2="${num(x)}" y2="${y}" stroke="#d8dee4" stroke-width="1" stroke-dasharray="2 3"/>`,
      `<line x1="${num(x)}" y1="${y}" x2="${num(x)}" y2="${y + 4}" stroke="#8c959f" stroke-width="1"/>`,
    );
    const text = relativeTime(t - (l.first ?? t));
    const prev = ticks[ticks.length - 1];
    if (prev?.text === text) continue;
    if (prev === undefined || prev.x + textWidth(prev.text, 11) / 2 + 8 < x - textWidth(text, 11) / 2) {
      ticks.push({ x, text });
    } else if (t === l.last) {
      ticks[ticks.length - 1] = { x, text }; // the end time matters more than its neighbour
    }
  }
  for (const tick of ticks) {
    out.push(
      `<text x="${num(tick.x)}" y="${y + 16}" font-size="11" text-anchor="middle" fill="${MUTED}">${escapeXml(tick.text)}</text>`,
    );
  }
  out.push(
    l.first === undefined
      ? `<text x="${l.plotLeft}" y="${l.lanesTop + LANE_CENTER + 4}" font-size="12" fill="${MUTED}">no events for this interaction</text>`
      : `<text x="${l.plotLeft - 10}" y="${y + 32}" font-size="11" font-style="italic" fill="${MUTED}">` +
          `${escapeXml(`time since ${clockTime(l.first)} UTC — short gaps are widened to stay readable, so spacing is not to scale`)}</text>`,
  );
  return out;
}

/**
 * The customer's presence, time in queue (hatched, below the lifeline), MSFs (an outline around
 * the hatch) and IRF bars (on the lifeline).
 */
function spans(l: Layout, differs: ReadonlyMap<number, string>): string[] {
  const order: Span["kind"][] = ["presence", "queue", "msf", "irf"];
  return order.flatMap((kind) =>
    l.model.spans
      .filter((span) => span.kind === kind)
      .map((span) => {
        const x0 = l.x(span.start);
        const w = num(Math.max(l.x(span.end) - x0, 4));
        const c = l.laneCenter(span.lane);
        const tip = `<title>${escapeXml(span.note)}</title>`;
        if (kind === "presence") {
          return `<g>${tip}<rect x="${num(x0)}" y="${c - 2}" width="${w}" height="4" rx="2" fill="#90a4ae"/></g>`;
        }
        if (kind === "queue") {
          return (
            `<g>${tip}<rect x="${num(x0)}" y="${c + 8}" width="${w}" height="8" fill="url(#${l.p}-hatch)" ` +
            `stroke="#c98b4a" stroke-width="0.8"${span.open ? ' stroke-dasharray="3 2"' : ""}/></g>`
          );
        }
        if (kind === "msf") {
          return (
            `<g class="gimtl-msf">${tip}<rect x="${num(x0)}" y="${c + 6}" width="${w}" height="12" rx="2" fill="none" ` +
            `stroke="${MSF_STYLE.stroke}" stroke-width="1.8"${span.open ? ' stroke-dasharray="4 2"' : ""}/></g>`
          );
        }
        const colour = BAR_STYLE[span.resourceType ?? "Agent"];
        const diff = differs.get(span.irf ?? 0);
        // The IRF that differs from the expected table: outlined in red, dashed, around its bar.
        const outline =
          diff === undefined
            ? ""
            : `<rect class="gimtl-differs" x="${num(x0 - 3)}" y="${c - 10}" width="${num(Number(w) + 6)}" height="20" rx="4" ` +
              `fill="none" stroke="${DIFFERS}" stroke-width="2" stroke-dasharray="4 2"/>`;
        const tipText = diff === undefined ? tip : `<title>${escapeXml(`${span.note} — ${diff}`)}</title>`;
        return (
          `<g class="gimtl-irf">${tipText}<rect x="${num(x0)}" y="${c - 7}" width="${w}" height="14" rx="3" ` +
          `fill="${colour.fill}" stroke="${colour.stroke}" stroke-width="1.2"/>${outline}</g>`
        );
      }),
  );
}

/** Arrows first, then the glyphs on top of everything they connect. */
function arrowsAndMarks(l: Layout): string[] {
  const out: string[] = [];
  for (const link of l.model.links) {
    if (link.from < 0 || link.to < 0) continue;
    out.push(
      `<g class="gimtl-arrow">${drawArrow(link.kind, l.x(link.time), l.laneCenter(link.from), l.laneCenter(link.to))}</g>`,
    );
  }
  // Several events of one lane at one instant (left + stopped) sit side by side, not on top.
  const slots = new Map<string, number>();
  for (const mark of l.model.marks) {
    if (mark.lane < 0) continue;
    const key = `${mark.lane}@${mark.time}`;
    const k = slots.get(key) ?? 0;
    slots.set(key, k + 1);
    const glyph = drawMark(mark.kind, markX(l, mark, k), l.laneCenter(mark.lane));
    out.push(`<g class="gimtl-mark gimtl-${mark.kind}"><title>${escapeXml(mark.note)}</title>${glyph}</g>`);
  }
  return out;
}

/** Several events of one lane at one instant (left + stopped) sit side by side, not on top. */
function markX(l: Layout, mark: TimelineModel["marks"][number], slot: number): number {
  return l.x(mark.time) + slot * SAME_TIME_NUDGE;
}

/** The boxes arrows (shaft and head) and event glyphs take, as drawn by arrowsAndMarks. */
function obstacles(l: Layout): Box[] {
  const boxes: Box[] = [];
  for (const link of l.model.links) {
    if (link.from < 0 || link.to < 0) continue;
    const x = l.x(link.time);
    const a = l.laneCenter(link.from);
    const b = l.laneCenter(link.to);
    boxes.push({ x0: x - 5, x1: x + 5, y0: Math.min(a, b) + 8, y1: Math.max(a, b) - 8 });
  }
  const slots = new Map<string, number>();
  for (const mark of l.model.marks) {
    if (mark.lane < 0) continue;
    const key = `${mark.lane}@${mark.time}`;
    const k = slots.get(key) ?? 0;
    slots.set(key, k + 1);
    const x = markX(l, mark, k);
    const c = l.laneCenter(mark.lane);
    boxes.push({ x0: x - 8, x1: x + 8, y0: c - 8, y1: c + 8 });
  }
  return boxes;
}

/**
 * Text on the plot, drawn last, each label where it covers no arrow, arrowhead, glyph or other
 * label. Each lane has a label row above its lifeline and one below. An invitation's purpose goes
 * left of its arrow, in the lower row of the upper of its two lanes. Then IRF labels (what the
 * reader came for) prefer the upper row, the expected value of an IRF that differs the lower one,
 * MSF labels the lower one, then time-in-queue labels unless an MSF on the lane already covers that
 * stay. A label slides right past what is in its way, or moves to the other row.
 */
function labels(l: Layout, differs: ReadonlyMap<number, string>): string[] {
  const placer = new Placer();
  for (const box of obstacles(l)) placer.block(box);
  const out: string[] = [];
  const maxX = l.width - MARGIN;
  for (const link of l.model.links) {
    if (link.from < 0 || link.to < 0 || !isInvitation(link.kind)) continue;
    const w = textWidth(link.kind, 11);
    const x = l.x(link.time) - 6;
    const upper = Math.min(link.from, link.to);
    const c = l.laneCenter(upper);
    // Right-aligned to the arrow when free, else wherever the placer finds room on the lane.
    const spot = placer.free(textBox(x - w, c + 27, w, 11))
      ? placer.place(x - w, [c + 27], w, 11, maxX)
      : placer.place(x + 8, [c + 27, c - 12], w, 11, maxX);
    const colour = LINK_STYLE[link.kind].color;
    out.push(label(spot.x, spot.y, link.kind, `font-size="11" fill="${colour}" class="gimtl-link-label"`));
  }
  const place = (
    span: Span,
    text: string,
    x0: number,
    prefer: "above" | "below",
    fontSize: number,
    bold: boolean,
    attrs: string,
  ): void => {
    const w = textWidth(text, fontSize, bold);
    const x = Math.max(l.plotLeft - 8, Math.min(x0, l.plotRight + 14 - w));
    const c = l.laneCenter(span.lane);
    const rows = prefer === "above" ? [c - 12, c + 28] : [c + 28, c - 12];
    const spot = placer.place(x, rows, w, fontSize, maxX, l.plotLeft - 8);
    out.push(label(spot.x, spot.y, text, `font-size="${fontSize}" ${attrs}`));
  };
  const irfSpans = l.model.spans.filter((s) => s.kind === "irf");
  for (const span of irfSpans) {
    place(
      span,
      span.label,
      l.x(span.start) + 9,
      "above",
      11.5,
      true,
      `font-weight="600" fill="${INK}" class="gimtl-irf-label"`,
    );
  }
  for (const span of irfSpans) {
    const diff = differs.get(span.irf ?? 0);
    if (diff === undefined) continue;
    place(
      span,
      `✗ IRF${span.irf} ${diff}`,
      l.x(span.start) + 9,
      "below",
      11,
      true,
      `font-weight="600" fill="${DIFFERS}" class="gimtl-expected-label"`,
    );
  }
  const msfSpans = l.model.spans.filter((s) => s.kind === "msf");
  for (const span of msfSpans) {
    place(
      span,
      span.label,
      l.x(span.start) + 2,
      "below",
      11,
      true,
      `font-weight="600" fill="${MSF_STYLE.label}" class="gimtl-msf-label"`,
    );
  }
  for (const span of l.model.spans.filter((s) => s.kind === "queue")) {
    const covered = msfSpans.some((m) => m.lane === span.lane && m.start < span.end && span.start < m.end);
    if (!covered)
      place(
        span,
        span.label,
        l.x(span.start) + 2,
        "below",
        11,
        false,
        `fill="#8a5a2b" class="gimtl-queue-label"`,
      );
  }
  return out;
}

function isInvitation(kind: LinkKind): kind is "route" | "transfer" | "conference" | "consult" {
  return kind === "route" || kind === "transfer" || kind === "conference" || kind === "consult";
}
