/**
 * What a timeline shows, before any geometry: one interaction's participants (lanes), the events
 * marked on them, the invitations drawn between them, and the spans (IRFs, time in queue, the
 * customer's presence). Kept apart from the SVG so the reading of the event log can be tested,
 * and reused by other renderers, without parsing drawings.
 */
import { formatDescriptor } from "../domain/descriptor";
import type { IrfRow, ResourceType } from "../domain/irf";
import type { MsfRow } from "../domain/msf";
import { InputError } from "../errors";
import type { ChatEvent, InvitePurpose } from "../eventlog/events";

export type LaneKind = "customer" | "queue" | "strategy" | "agent";

export interface Lane {
  kind: LaneKind;
  name: string;
}

/** The glyphs of the timeline: one per kind of event (a pull marks both queue and strategy). */
export const MARK_KINDS = [
  "submitted",
  "placed",
  "taken",
  "pulled",
  "invited",
  "accepted",
  "rejected",
  "revoked",
  "removed",
  "stopped",
] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

export interface Mark {
  kind: MarkKind;
  lane: number;
  time: number;
  /** Full sentence for the tooltip, e.g. `09:00:05.000 Agent2 invited (transfer from Agent1)`. */
  note: string;
}

/** An arrow between lanes at one instant: who invited whom, who pulled or placed the chat. */
export type LinkKind = InvitePurpose | "pull" | "place";

export interface Link {
  kind: LinkKind;
  from: number;
  to: number;
  time: number;
}

/**
 * `queue`: time in queue as the event log shows it; `msf`: a mediation segment as the Info Mart
 * recorded it (MEDIATION_SEGMENT_FACT), on its queue's lane; the two can differ, which is the point
 * of drawing both.
 */
export type SpanKind = "irf" | "msf" | "queue" | "presence";

export interface Span {
  kind: SpanKind;
  lane: number;
  start: number;
  end: number;
  /** Short visible label: `IRF1 RoutedTo/Transferred`, `MSF1 Received/Diverted`, `in queue (MSF)`; empty for presence. */
  label: string;
  note: string;
  /** IRF spans: the row's ordinal, descriptor and resource type (which picks the bar's colour). */
  irf?: number;
  descriptor?: string;
  resourceType?: ResourceType;
  /** MSF spans: the segment's ordinal (its descriptor is in `descriptor`). */
  msf?: number;
  /** Queue spans: the log ended while the chat was still queued; MSF spans: the segment has no end. */
  open?: boolean;
}

export interface TimelineModel {
  interaction: string;
  media?: string;
  interactionType?: string;
  lanes: Lane[];
  marks: Mark[];
  links: Link[];
  spans: Span[];
  /** Every distinct instant shown (events and IRF boundaries), ascending, epoch ms. */
  times: number[];
}

const LANE_ORDER: readonly LaneKind[] = ["customer", "queue", "strategy", "agent"];
const LANE_OF_RESOURCE: Record<ResourceType, LaneKind> = {
  Agent: "agent",
  Queue: "queue",
  Strategy: "strategy",
  Other: "strategy",
};

/** `09:00:05.000`: the clock time of an instant, UTC, as Info Mart logs show it. */
export function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

function parseTime(ts: string, field: string): number {
  const ms = Date.parse(ts);
  if (Number.isNaN(ms))
    throw new InputError("timeline", undefined, field, `"${ts}" is not an RFC 3339 timestamp`);
  return ms;
}

/** Collects lanes grouped by kind, each kind in order of first appearance. */
class LaneSet {
  private readonly seen = new Map<string, Lane>();

  add(kind: LaneKind, name: string): void {
    const key = `${kind}\u0000${name}`;
    if (!this.seen.has(key)) this.seen.set(key, { kind, name });
  }

  ordered(): Lane[] {
    const all = [...this.seen.values()];
    return LANE_ORDER.flatMap((kind) => all.filter((l) => l.kind === kind));
  }
}

function participants(e: ChatEvent): [LaneKind, string][] {
  switch (e.event) {
    case "EventInteractionSubmitted":
      return [["queue", e.queue]];
    case "EventPlacedInQueue":
      return e.agent === undefined
        ? [["queue", e.queue]]
        : [
            ["agent", e.agent],
            ["queue", e.queue],
          ];
    case "EventTakenFromQueue":
      return [
        ["queue", e.queue],
        ["strategy", e.strategy],
      ];
    case "EventAgentInvited":
      return e.from === undefined
        ? [["agent", e.agent]]
        : [
            ["agent", e.from],
            ["agent", e.agent],
          ];
    case "EventProcessingStopped":
      return e.agent === undefined ? [] : [["agent", e.agent]];
    default:
      return [["agent", e.agent]];
  }
}

/**
 * Reads one interaction out of `events`, `rows` and `msfs`: the interaction of rows[0], else of
 * msfs[0], else of the first event. Events are put in time order (stable, so same-instant events
 * keep the log's order).
 */
export function buildTimeline(
  events: readonly ChatEvent[],
  rows: readonly IrfRow[],
  msfRows: readonly MsfRow[] = [],
): TimelineModel {
  const interaction = rows[0]?.interaction ?? msfRows[0]?.interaction ?? events[0]?.interaction ?? "";
  const timed = events
    .filter((e) => e.interaction === interaction)
    .map((e) => ({ e, time: parseTime(e.ts, "ts") }))
    .sort((a, b) => a.time - b.time);
  const irfs = rows
    .filter((r) => r.interaction === interaction)
    .map((r) => ({ r, start: parseTime(r.start, "start"), end: parseTime(r.end, "end") }));
  const msfs = msfRows
    .filter((m) => m.interaction === interaction)
    .map((m) => ({
      m,
      start: parseTime(m.start, "start"),
      // A segment still open has no end: it is drawn to the last instant shown.
      end: m.end === "" ? undefined : parseTime(m.end, "end"),
    }));

  const laneSet = new LaneSet();
  // A Customer lane only when the log shows the customer: an export or database run knows the
  // recorded rows, not the chat's events, and an empty lane would suggest a customer who did nothing.
  if (timed.length > 0) laneSet.add("customer", "Customer");
  for (const { e } of timed) for (const [kind, name] of participants(e)) laneSet.add(kind, name);
  for (const { r } of irfs) laneSet.add(LANE_OF_RESOURCE[r.resourceType], r.resource);
  for (const { m } of msfs) laneSet.add("queue", m.resource);
  const lanes = laneSet.ordered();
  const laneIndex = (kind: LaneKind, name: string): number =>
    lanes.findIndex((l) => l.kind === kind && l.name === name);
  const customer = laneIndex("customer", "Customer");

  const marks: Mark[] = [];
  const links: Link[] = [];
  const spans: Span[] = [];
  const queuedSince = new Map<string, number>();
  let media: string | undefined;
  let interactionType: string | undefined;
  /** The strategy that last pulled the chat: the sender of a route invitation. */
  let routingStrategy: number | undefined;
  let firstTime: number | undefined;
  let stopTime: number | undefined;

  const closeQueueStay = (queue: string, end: number, why: string, open = false): void => {
    const since = queuedSince.get(queue);
    if (since === undefined) return;
    queuedSince.delete(queue);
    spans.push({
      kind: "queue",
      lane: laneIndex("queue", queue),
      start: since,
      end,
      label: "in queue (MSF)",
      note: `${queue}: in queue ${clockTime(since)} → ${clockTime(end)} (${why})`,
      open,
    });
  };

  for (const { e, time } of timed) {
    firstTime ??= time;
    const at = clockTime(time);
    const mark = (kind: MarkKind, lane: number, note: string): void => {
      marks.push({ kind, lane, time, note: `${at} ${note}` });
    };
    switch (e.event) {
      case "EventInteractionSubmitted":
        media = e.media;
        interactionType = e.interactionType;
        mark("submitted", customer, `customer submitted a ${e.media} (${e.interactionType}) to ${e.queue}`);
        break;
      case "EventPlacedInQueue": {
        const queue = laneIndex("queue", e.queue);
        if (e.agent !== undefined)
          links.push({ kind: "place", from: laneIndex("agent", e.agent), to: queue, time });
        mark("placed", queue, `placed in ${e.queue}${e.agent === undefined ? "" : ` by ${e.agent}`}`);
        if (!queuedSince.has(e.queue)) queuedSince.set(e.queue, time);
        break;
      }
      case "EventTakenFromQueue": {
        const queue = laneIndex("queue", e.queue);
        const strategy = laneIndex("strategy", e.strategy);
        routingStrategy = strategy;
        mark("taken", queue, `taken from ${e.queue} by ${e.strategy}`);
        mark("pulled", strategy, `${e.strategy} pulled it from ${e.queue} to route it`);
        links.push({ kind: "pull", from: queue, to: strategy, time });
        closeQueueStay(e.queue, time, `taken by ${e.strategy}`);
        break;
      }
      case "EventAgentInvited": {
        const agent = laneIndex("agent", e.agent);
        const from =
          e.from !== undefined
            ? laneIndex("agent", e.from)
            : e.purpose === "route"
              ? routingStrategy
              : undefined;
        if (from !== undefined && from !== agent) links.push({ kind: e.purpose, from, to: agent, time });
        const by = e.from === undefined ? "" : ` from ${e.from}`;
        const visibility = e.visibility === undefined ? "" : `, visibility ${e.visibility}`;
        mark("invited", agent, `${e.agent} invited (${e.purpose}${by}${visibility})`);
        break;
      }
      case "EventPartyAdded":
        mark("accepted", laneIndex("agent", e.agent), `${e.agent} accepted and joined`);
        break;
      case "EventRejected":
        mark("rejected", laneIndex("agent", e.agent), `${e.agent} rejected the invitation`);
        break;
      case "EventRevoked":
        mark(
          "revoked",
          laneIndex("agent", e.agent),
          `revoked from ${e.agent}${e.reason ? ` (${e.reason})` : ""}`,
        );
        break;
      case "EventPartyRemoved":
        mark("removed", laneIndex("agent", e.agent), `${e.agent} left`);
        break;
      case "EventProcessingStopped": {
        const lane =
          e.by === "agent" && e.agent !== undefined
            ? laneIndex("agent", e.agent)
            : e.by === "strategy" && routingStrategy !== undefined
              ? routingStrategy
              : customer;
        mark("stopped", lane, `stopped by ${e.by}${e.agent === undefined ? "" : ` ${e.agent}`}`);
        for (const queue of [...queuedSince.keys()]) closeQueueStay(queue, time, `stopped by ${e.by}`);
        stopTime ??= time;
        break;
      }
    }
  }

  const msfTimes = msfs.flatMap((s) => (s.end === undefined ? [s.start] : [s.start, s.end]));
  const times = [
    ...new Set([...timed.map((t) => t.time), ...irfs.flatMap((i) => [i.start, i.end]), ...msfTimes]),
  ].sort((a, b) => a - b);
  const lastTime = times[times.length - 1];
  if (lastTime !== undefined) {
    for (const queue of [...queuedSince.keys()])
      closeQueueStay(queue, lastTime, "still queued when the log ends", true);
  }
  if (firstTime !== undefined) {
    const end = stopTime ?? lastTime ?? firstTime;
    spans.push({
      kind: "presence",
      lane: customer,
      start: firstTime,
      end,
      label: "",
      note: `customer in the chat ${clockTime(firstTime)} → ${clockTime(end)}`,
    });
  }
  for (const { r, start, end } of irfs) {
    const descriptor = formatDescriptor(r);
    spans.push({
      kind: "irf",
      lane: laneIndex(LANE_OF_RESOURCE[r.resourceType], r.resource),
      start,
      end,
      label: `IRF${r.irf} ${descriptor}`,
      note: `IRF${r.irf} ${r.resource} ${descriptor}: ${clockTime(start)} → ${clockTime(end)}`,
      irf: r.irf,
      descriptor,
      resourceType: r.resourceType,
    });
  }
  for (const { m, start, end } of msfs) {
    const descriptor = formatDescriptor(m);
    const to = end ?? lastTime ?? start;
    const link = m.irf === null ? "linked to no IRF" : `linked to IRF${m.irf}`;
    spans.push({
      kind: "msf",
      lane: laneIndex("queue", m.resource),
      start,
      end: to,
      label: `MSF${m.msf} ${descriptor}`,
      note: `MSF${m.msf} ${m.resource} ${descriptor}: ${clockTime(start)} → ${end === undefined ? "(no end)" : clockTime(end)}, ${link}`,
      msf: m.msf,
      descriptor,
      ...(end === undefined ? { open: true } : {}),
    });
  }
  return { interaction, media, interactionType, lanes, marks, links, spans, times };
}
