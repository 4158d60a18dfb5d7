/**
 * Writing events as an event log: JSON Lines with the keys in the contract's order, so that
 * logs generated from Gherkin steps read (and diff) like the example in event-log.md.
 */
import type { ChatEvent, EventName } from "./events";

/** Every line's fields, first on each line. */
export const COMMON_FIELDS = ["ts", "interaction", "event"] as const;

/** Each event's own fields in the contract's order (a test keeps this equal to the schema). */
export const EVENT_FIELDS: Readonly<Record<EventName, readonly string[]>> = {
  EventInteractionSubmitted: ["media", "interactionType", "queue"],
  EventPlacedInQueue: ["queue", "agent"],
  EventTakenFromQueue: ["queue", "strategy"],
  EventAgentInvited: ["agent", "purpose", "from", "visibility"],
  EventPartyAdded: ["agent"],
  EventRejected: ["agent"],
  EventRevoked: ["agent", "reason"],
  EventPartyRemoved: ["agent"],
  EventProcessingStopped: ["by", "agent"],
  EventVisibilityChanged: ["agent", "visibility", "purpose"],
};

/**
 * Fields added in version 1.1 (the internal invitation of a conference through a queue). They
 * follow the contract's fields when present; lines that carry them are rare and are read by the
 * general path (JSON.parse and the schema), not the canonical-line fast path.
 */
export const EVENT_FIELDS_SINCE_1_1: Readonly<Partial<Record<EventName, readonly string[]>>> = {
  EventInteractionSubmitted: ["subtype", "parent", "agent"],
};

/** One event as one JSON line (no newline): contract fields in order, then any extra fields as given. */
export function formatEvent(event: ChatEvent): string {
  // Keys set first fix the order; JSON.stringify leaves out the ones the event does not have. An
  // unknown event name has no fields of its own: tests write such lines to see them refused.
  const own = [...(EVENT_FIELDS[event.event] ?? []), ...(EVENT_FIELDS_SINCE_1_1[event.event] ?? [])];
  const ordered: Record<string, unknown> = {};
  for (const key of [...COMMON_FIELDS, ...own]) ordered[key] = undefined;
  return JSON.stringify(Object.assign(ordered, event));
}

/** Events as an event log: one JSON line each, with a trailing newline ("" for no events). */
export function formatEventLog(events: readonly ChatEvent[]): string {
  let text = "";
  for (const event of events) text += `${formatEvent(event)}\n`;
  return text;
}
