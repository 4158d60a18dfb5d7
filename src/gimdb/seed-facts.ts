/**
 * What seed-db writes into the measure columns of each fact, computed from one example's event log
 * and the reference classifier's facts for it: never a constant. Pure, so a test can state the
 * same rules and compare with the database.
 *
 * GIM's column families (practitioners' SQL; the PDM column lists could not be read, so where a
 * family's meaning for chat is not documented the rule is marked HYPOTHESIS):
 * - every agent IRF was alerted: RING_COUNT 1, RING_DURATION its alerting time; an agent who joined
 *   has TALK_COUNT 1, TALK_DURATION its handling time, HANDLE_COUNT 1;
 * - the same time again in the family of the agent's role: CUSTOMER_* for an agent who faced the
 *   customer (routed to, received a transfer), CONS_RCV_* for a consulted agent, CONF_JOIN_* for a
 *   conference joiner (HYPOTHESIS: GIM's voice split, applied to chat; 8.5.001 extended "some CONS_*
 *   fields" to chat consultations);
 * - the agent who asked for a consultation gets CONS_INIT_TALK_COUNT/DURATION of each consultation
 *   that was joined, and CONFERENCE_INITIATED_COUNT counts the conferences it started (HYPOTHESIS);
 * - a queue or strategy IRF (one that ended in mediation) has MEDIATION_COUNT 1 and
 *   MEDIATION_DURATION its mediation time;
 * - the HOLD, ACW and AFTER_CALL_WORK columns are 0: version 1 of the event log has no hold or after-call
 *   work events, so none happened in the examples.
 * Durations are whole seconds (GIM's unit for fact durations), rounded.
 */
import type { IrfRow } from "../domain/irf";
import type { MsfRow } from "../domain/msf";
import type { LoggedEvent, StoppedBy } from "../eventlog/events";
import type { ExampleInteraction } from "./example-logs";

export const IRF_MEASURE_COLUMNS = [
  "RING_COUNT",
  "RING_DURATION",
  "TALK_COUNT",
  "TALK_DURATION",
  "HOLD_COUNT",
  "HOLD_DURATION",
  "AFTER_CALL_WORK_COUNT",
  "AFTER_CALL_WORK_DURATION",
  "HANDLE_COUNT",
  "MEDIATION_COUNT",
  "MEDIATION_DURATION",
  "CUSTOMER_RING_COUNT",
  "CUSTOMER_RING_DURATION",
  "CUSTOMER_TALK_COUNT",
  "CUSTOMER_TALK_DURATION",
  "CUSTOMER_HOLD_COUNT",
  "CUSTOMER_HOLD_DURATION",
  "CUSTOMER_ACW_COUNT",
  "CUSTOMER_ACW_DURATION",
  "CUSTOMER_HANDLE_COUNT",
  "CONS_INIT_TALK_COUNT",
  "CONS_INIT_TALK_DURATION",
  "CONS_INIT_HOLD_COUNT",
  "CONS_INIT_HOLD_DURATION",
  "CONS_RCV_RING_COUNT",
  "CONS_RCV_RING_DURATION",
  "CONS_RCV_TALK_COUNT",
  "CONS_RCV_TALK_DURATION",
  "CONS_RCV_HOLD_COUNT",
  "CONS_RCV_HOLD_DURATION",
  "CONS_RCV_ACW_COUNT",
  "CONS_RCV_ACW_DURATION",
  "CONF_JOIN_RING_COUNT",
  "CONF_JOIN_RING_DURATION",
  "CONF_JOIN_TALK_COUNT",
  "CONF_JOIN_TALK_DURATION",
  "CONF_JOIN_HOLD_COUNT",
  "CONF_JOIN_HOLD_DURATION",
  "CONFERENCE_INITIATED_COUNT",
  "STOP_ACTION",
] as const;

export type IrfMeasureColumn = (typeof IRF_MEASURE_COLUMNS)[number];
export type IrfMeasures = Record<IrfMeasureColumn, number>;

/** Roles whose agent talks with the customer; the others join a consultation or a conference. */
const CUSTOMER_FACING_ROLES = new Set(["RoutedTo", "ReceivedTransfer", "DivertedTo"]);

/** GIM's unit for fact durations: whole seconds. */
export function wholeSeconds(ms: number): number {
  return Math.round(ms / 1000);
}

function endMs(row: { end: string }): number {
  return row.end === "" ? Number.POSITIVE_INFINITY : Date.parse(row.end);
}

/** Whether the agent of an agent IRF joined: an EventPartyAdded for it within the attempt. */
export function joined(row: IrfRow, events: readonly LoggedEvent[]): boolean {
  if (row.resourceType !== "Agent") return false;
  const from = Date.parse(row.start);
  const to = endMs(row);
  return events.some(
    (e) =>
      e.event.event === "EventPartyAdded" && e.event.agent === row.resource && e.time >= from && e.time <= to,
  );
}

/** The log's EventProcessingStopped, if the interaction stopped within it. */
export function stopOf(events: readonly LoggedEvent[]): { by: StoppedBy; agent?: string } | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]?.event;
    if (e?.event === "EventProcessingStopped")
      return e.agent === undefined ? { by: e.by } : { by: e.by, agent: e.agent };
  }
  return undefined;
}

export function irfMeasures(row: IrfRow, example: ExampleInteraction): IrfMeasures {
  const m = Object.fromEntries(IRF_MEASURE_COLUMNS.map((c) => [c, 0])) as IrfMeasures;
  if (row.resourceType !== "Agent") {
    m.MEDIATION_COUNT = 1;
    m.MEDIATION_DURATION = wholeSeconds(row.mediationMs);
    return m;
  }
  const didJoin = joined(row, example.events) ? 1 : 0;
  const ring = wholeSeconds(row.alertingMs);
  const talk = wholeSeconds(row.handlingMs);
  m.RING_COUNT = 1;
  m.RING_DURATION = ring;
  m.TALK_COUNT = didJoin;
  m.TALK_DURATION = talk;
  m.HANDLE_COUNT = didJoin;
  if (CUSTOMER_FACING_ROLES.has(row.role)) {
    m.CUSTOMER_RING_COUNT = 1;
    m.CUSTOMER_RING_DURATION = ring;
    m.CUSTOMER_TALK_COUNT = didJoin;
    m.CUSTOMER_TALK_DURATION = talk;
    m.CUSTOMER_HANDLE_COUNT = didJoin;
  } else if (row.role === "ReceivedConsult") {
    m.CONS_RCV_RING_COUNT = 1;
    m.CONS_RCV_RING_DURATION = ring;
    m.CONS_RCV_TALK_COUNT = didJoin;
    m.CONS_RCV_TALK_DURATION = talk;
  } else if (row.role === "InConference") {
    m.CONF_JOIN_RING_COUNT = 1;
    m.CONF_JOIN_RING_DURATION = ring;
    m.CONF_JOIN_TALK_COUNT = didJoin;
    m.CONF_JOIN_TALK_DURATION = talk;
  }
  for (const invited of example.rows) {
    if (invited.receivedFrom !== row.irf || !joined(invited, example.events)) continue;
    if (invited.role === "ReceivedConsult") {
      m.CONS_INIT_TALK_COUNT += 1;
      m.CONS_INIT_TALK_DURATION += wholeSeconds(invited.handlingMs);
    } else if (invited.role === "InConference") {
      m.CONFERENCE_INITIATED_COUNT += 1;
    }
  }
  // HYPOTHESIS: STOP_ACTION marks the IRF of the agent who stopped the interaction (the log's
  // EventProcessingStopped by that agent), its last attempt.
  const stop = stopOf(example.events);
  const last = [...example.rows].reverse().find((r) => r.resource === row.resource);
  m.STOP_ACTION = stop?.by === "agent" && stop.agent === row.resource && last?.irf === row.irf ? 1 : 0;
  return m;
}

/** The MSF that led to or ran during this IRF (the last one linked to it), if any. */
export function linkedMsf(row: IrfRow, msfs: readonly MsfRow[]): MsfRow | undefined {
  return [...msfs].reverse().find((m) => m.irf === row.irf);
}

export interface AnchorFlags {
  FIRST_IRF_FOR_IXN: number;
  FIRST_ENGAGE_FOR_IXN: number;
  FIRST_ENGAGE_FOR_AGENT_IXN: number;
}

/** HYPOTHESIS (column names): first IRF of the interaction, first joined one, first joined one of its agent. */
export function anchorFlags(row: IrfRow, example: ExampleInteraction): AnchorFlags {
  const joinedRows = example.rows.filter((r) => joined(r, example.events));
  const first = example.rows[0];
  return {
    FIRST_IRF_FOR_IXN: first?.irf === row.irf ? 1 : 0,
    FIRST_ENGAGE_FOR_IXN: joinedRows[0]?.irf === row.irf ? 1 : 0,
    FIRST_ENGAGE_FOR_AGENT_IXN: joinedRows.find((r) => r.resource === row.resource)?.irf === row.irf ? 1 : 0,
  };
}

export interface ChatSession {
  /** Agents who joined the session (distinct). */
  agentsCount: number;
  /** Agent attempts that joined. */
  handleCount: number;
  /** First to last event of the log, seconds. */
  sessionDuration: number;
  /** First event to the first EventPartyAdded, seconds; null when no agent joined. */
  untilFirstAgentDuration: number | null;
  /** Sum of the joined agents' handling time, seconds (HYPOTHESIS: GIM's exact definition unread). */
  handleDuration: number;
  /** Who stopped the interaction, as the log's EventProcessingStopped says, upper-cased; null if it never stopped. */
  endedBy: string | null;
}

export function chatSession(example: ExampleInteraction): ChatSession {
  const added = example.events.filter((e) => e.event.event === "EventPartyAdded");
  const agents = new Set(added.map((e) => (e.event.event === "EventPartyAdded" ? e.event.agent : "")));
  const joinedRows = example.rows.filter((r) => joined(r, example.events));
  const firstAdded = added[0];
  const stop = stopOf(example.events);
  return {
    agentsCount: agents.size,
    handleCount: joinedRows.length,
    sessionDuration: wholeSeconds(example.lastMs - example.firstMs),
    untilFirstAgentDuration:
      firstAdded === undefined ? null : wholeSeconds(firstAdded.time - example.firstMs),
    handleDuration: joinedRows.reduce((n, r) => n + wholeSeconds(r.handlingMs), 0),
    endedBy: stop === undefined ? null : stop.by.toUpperCase(),
  };
}

/**
 * The interaction type and subtype the log's EventInteractionSubmitted gives ("Inbound", and since
 * event log 1.1 a subtype such as "InternalConferenceInvite"); null where the log says nothing.
 */
export function interactionTypeOf(events: readonly LoggedEvent[]): {
  type: string | null;
  subtype: string | null;
} {
  for (const e of events) {
    if (e.event.event === "EventInteractionSubmitted")
      return { type: e.event.interactionType, subtype: e.event.subtype ?? null };
  }
  return { type: null, subtype: null };
}
