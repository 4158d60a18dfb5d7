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

import type { IrfRow } from "../domain/irf";
import type { MsfRow } from "../domain/msf";
import type { ChatEvent } from "../eventlog/events";
import { escapeXml } from "./text-escape";
import { BAR_STYLE, drawArrow, drawMark, LINK_STYLE, MSF_STYLE, num } from "./timeline-glyphs";
import { renderLegend } from "./timeline-legend";
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
}

const FONT_FAMILY =
  "'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
const INK = "#1f2328";
const MUTED = "#57606a";

// Geometry, in px of the viewBox. The default width suits a ~900 px report column.
const MIN_WIDTH = 900;
const MARGIN = 16;
const LABEL_WIDTH = 160;
const PLOT_LEFT = MARGIN + LABEL_WIDTH + 18;
const PLOT_RIGHT_PAD = 30;
const MIN_GAP = 34;
const HEADER_HEIGHT = 62;
const LANE_HEIGHT = 64;
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

/** Horizontal intervals already taken by labels, per lane and label row. */
class LabelRows {
  private readonly taken = new Map<string, [number, number][]>();

  free(lane: number, row: string, x0: number, x1: number): boolean {
    return !(this.taken.get(`${lane}/${row}`) ?? []).some(([a, b]) => x0 < b + 6 && a < x1 + 6);
  }

  take(lane: number, row: string, x0: number, x1: number): void {
    const key = `${lane}/${row}`;
    this.taken.set(key, [...(this.taken.get(key) ?? []), [x0, x1]]);
  }
}

/** Everything the drawing sections share: the model and where things go. */
interface Layout {
  model: TimelineModel;
  /** Prefix of this drawing's ids. */
  p: string;
  width: number;
  plotRight: number;
  lanesTop: number;
  lanesBottom: number;
  first: number | undefined;
  last: number | undefined;
  x: (time: number) => number;
  laneCenter: (lane: number) => number;
}

function layOut(model: TimelineModel): Layout {
  const preferred = MIN_WIDTH - PLOT_LEFT - MARGIN - PLOT_RIGHT_PAD;
  const scale = piecewiseScale(model.times, PLOT_LEFT, preferred, MIN_GAP);
  const width = Math.max(MIN_WIDTH, PLOT_LEFT + scale.span + PLOT_RIGHT_PAD + MARGIN);
  const lanesTop = HEADER_HEIGHT;
  return {
    model,
    p: idPrefix(model),
    width,
    plotRight: width - MARGIN - PLOT_RIGHT_PAD,
    lanesTop,
    lanesBottom: lanesTop + model.lanes.length * LANE_HEIGHT,
    first: model.times[0],
    last: model.times[model.times.length - 1],
    x: scale.x,
    laneCenter: (lane) => lanesTop + lane * LANE_HEIGHT + LANE_CENTER,
  };
}

export function renderTimelineSvg(input: TimelineInput): string {
  const l = layOut(buildTimeline(input.events, input.rows, input.msfs));
  const title = input.title ?? `Interaction ${l.model.interaction}`;
  const legend = renderLegend(
    MARGIN,
    l.lanesBottom + (l.first === undefined ? 6 : 42),
    l.width - MARGIN,
    `${l.p}-hatch`,
    textWidth,
  );
  const width = num(l.width);
  const height = num(legend.bottom + 12);
  return `${[
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
      `role="img" aria-labelledby="${l.p}-title ${l.p}-desc" font-family="${FONT_FAMILY}">`,
    `<title id="${l.p}-title">${escapeXml(title)}</title>`,
    `<desc id="${l.p}-desc">${escapeXml(description(l))}</desc>`,
    "<defs>",
    `<pattern id="${l.p}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="6" height="6" fill="#fdf1e4"/><line x1="0" y1="0" x2="0" y2="6" stroke="#d9a25f" stroke-width="2.2"/></pattern>`,
    "</defs>",
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...header(l, title),
    ...lanes(l),
    ...axis(l),
    ...spans(l),
    ...arrowsAndMarks(l),
    ...labels(l),
    legend.svg,
    "</svg>",
  ].join("\n")}\n`;
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
function description(l: Layout): string {
  const { model } = l;
  const irfs = model.spans
    .filter((s) => s.kind === "irf")
    .map((s) => `IRF${s.irf} ${model.lanes[s.lane]?.name ?? ""} ${s.descriptor}`);
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
    (msfs.length === 0 ? "" : ` MSFs: ${msfs.join("; ")}.`)
  );
}

function header(l: Layout, title: string): string[] {
  const date = l.first === undefined ? "" : `${new Date(l.first).toISOString().slice(0, 10)} ${period(l)}`;
  const subtitle = [`interaction ${l.model.interaction}`, kindText(l.model), date]
    .filter((x) => x !== "")
    .join("  ·  ");
  return [
    `<text x="${MARGIN}" y="25" font-size="16" font-weight="700" fill="${INK}">${escapeXml(fit(title, l.width - 2 * MARGIN, 16, true))}</text>`,
    `<text x="${MARGIN}" y="45" font-size="12" fill="${MUTED}">${escapeXml(fit(subtitle, l.width - 2 * MARGIN, 12))}</text>`,
  ];
}

/** Stripes, names (kind above, name below) and lifelines. */
function lanes(l: Layout): string[] {
  const out = l.model.lanes.flatMap((lane, i) => {
    const top = l.lanesTop + i * LANE_HEIGHT;
    const c = l.laneCenter(i);
    const fill = i % 2 === 0 ? "#f6f8fa" : "#ffffff";
    const name = fit(lane.name, LABEL_WIDTH - 10, 13, true);
    return [
      `<rect x="${MARGIN}" y="${top}" width="${num(l.width - 2 * MARGIN)}" height="${LANE_HEIGHT}" fill="${fill}"/>`,
      `<g><title>${escapeXml(`${LANE_KIND_LABEL[lane.kind].toLowerCase()} ${lane.name}`)}</title>`,
      `<text x="${MARGIN + 8}" y="${c - 6}" font-size="10" letter-spacing="0.6" fill="${MUTED}">${LANE_KIND_LABEL[lane.kind]}</text>`,
      `<text x="${MARGIN + 8}" y="${c + 10}" font-size="13" font-weight="600" fill="${INK}" class="gimtl-lane">${escapeXml(name)}</text></g>`,
      `<line x1="${PLOT_LEFT - 10}" y1="${c}" x2="${num(l.plotRight + 12)}" y2="${c}" stroke="#c8ced6" stroke-width="1"/>`,
    ];
  });
  out.push(
    `<line x1="${PLOT_LEFT - 18}" y1="${l.lanesTop}" x2="${PLOT_LEFT - 18}" y2="${l.lanesBottom}" stroke="#d0d7de" stroke-width="1"/>`,
  );
  return out;
}

/** A dotted grid line per instant, the axis, and as many tick labels as fit without overlapping. */
function axis(l: Layout): string[] {
  const y = l.lanesBottom;
  const out = [
    `<line x1="${PLOT_LEFT - 10}" y1="${y}" x2="${num(l.plotRight + 12)}" y2="${y}" stroke="#8c959f" stroke-width="1"/>`,
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
      ? `<text x="${PLOT_LEFT}" y="${l.lanesTop + LANE_CENTER + 4}" font-size="12" fill="${MUTED}">no events for this interaction</text>`
      : `<text x="${PLOT_LEFT - 10}" y="${y + 32}" font-size="11" font-style="italic" fill="${MUTED}">` +
          `${escapeXml(`time since ${clockTime(l.first)} UTC — short gaps are widened to stay readable, so spacing is not to scale`)}</text>`,
  );
  return out;
}

/**
 * The customer's presence, time in queue (hatched, below the lifeline), MSFs (an outline around
 * the hatch) and IRF bars (on the lifeline).
 */
function spans(l: Layout): string[] {
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
        return (
          `<g class="gimtl-irf">${tip}<rect x="${num(x0)}" y="${c - 7}" width="${w}" height="14" rx="3" ` +
          `fill="${colour.fill}" stroke="${colour.stroke}" stroke-width="1.2"/></g>`
        );
      }),
  );
}

/** Arrows first, then the glyphs on top of everything they connect. */
function arrowsAndMarks(l: Layout): string[] {
  const out: string[] = [];
  for (const link of l.model.links) {
    if (link.from < 0 || link.to < 0) continue;
    out.push(drawArrow(link.kind, l.x(link.time), l.laneCenter(link.from), l.laneCenter(link.to)));
  }
  // Several events of one lane at one instant (left + stopped) sit side by side, not on top.
  const slots = new Map<string, number>();
  for (const mark of l.model.marks) {
    if (mark.lane < 0) continue;
    const key = `${mark.lane}@${mark.time}`;
    const k = slots.get(key) ?? 0;
    slots.set(key, k + 1);
    const glyph = drawMark(mark.kind, l.x(mark.time) + k * SAME_TIME_NUDGE, l.laneCenter(mark.lane));
    out.push(`<g class="gimtl-${mark.kind}"><title>${escapeXml(mark.note)}</title>${glyph}</g>`);
  }
  return out;
}

/**
 * Text on the plot, drawn last. Each lane has a label row above its lifeline and one below.
 * An invitation's purpose goes left of its arrow, in the lower row of the upper of its two lanes
 * (a strategy or agent lane, where that row is free): by the arrow's start when it points down,
 * by its head when it points up, never over a lane it merely crosses. Then IRF labels claim the
 * upper row (they are what the reader came for), MSF labels the lower one, then time-in-queue
 * labels the lower one too unless an MSF on the lane already covers that stay; a label whose row
 * is taken there moves to the other row.
 */
function labels(l: Layout): string[] {
  const rows = new LabelRows();
  const out: string[] = [];
  for (const link of l.model.links) {
    if (link.from < 0 || link.to < 0 || !isInvitation(link.kind)) continue;
    const x = l.x(link.time) - 6;
    const upper = Math.min(link.from, link.to);
    rows.take(upper, "below", x - textWidth(link.kind, 11), x);
    const colour = LINK_STYLE[link.kind].color;
    out.push(
      label(x, l.laneCenter(upper) + 27, link.kind, `font-size="11" text-anchor="end" fill="${colour}"`),
    );
  }
  const place = (
    span: Span,
    x0: number,
    prefer: "above" | "below",
    fontSize: number,
    attrs: string,
  ): void => {
    const w = textWidth(span.label, fontSize, span.kind === "irf");
    const x = Math.max(PLOT_LEFT - 8, Math.min(x0, l.plotRight + 14 - w));
    const other = prefer === "above" ? "below" : "above";
    const free = (row: string) => rows.free(span.lane, row, x, x + w);
    const row = free(prefer) || !free(other) ? prefer : other;
    rows.take(span.lane, row, x, x + w);
    out.push(
      label(
        x,
        l.laneCenter(span.lane) + (row === "above" ? -12 : 28),
        span.label,
        `font-size="${fontSize}" ${attrs}`,
      ),
    );
  };
  for (const span of l.model.spans.filter((s) => s.kind === "irf")) {
    place(
      span,
      l.x(span.start) + 9,
      "above",
      11.5,
      `font-weight="600" fill="${INK}" class="gimtl-irf-label"`,
    );
  }
  const msfSpans = l.model.spans.filter((s) => s.kind === "msf");
  for (const span of msfSpans) {
    place(
      span,
      l.x(span.start) + 2,
      "below",
      11,
      `font-weight="600" fill="${MSF_STYLE.label}" class="gimtl-msf-label"`,
    );
  }
  for (const span of l.model.spans.filter((s) => s.kind === "queue")) {
    const covered = msfSpans.some((m) => m.lane === span.lane && m.start < span.end && span.start < m.end);
    if (!covered) place(span, l.x(span.start) + 2, "below", 11, `fill="#8a5a2b"`);
  }
  return out;
}

function isInvitation(kind: LinkKind): kind is "route" | "transfer" | "conference" | "consult" {
  return kind === "route" || kind === "transfer" || kind === "conference" || kind === "consult";
}
