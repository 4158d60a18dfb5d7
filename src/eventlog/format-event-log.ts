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
};

/** One event as one JSON line (no newline): contract fields in order, then any extra fields as given. */
export function formatEvent(event: ChatEvent): string {
  const source = event as unknown as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of COMMON_FIELDS) ordered[key] = source[key];
  for (const key of EVENT_FIELDS[event.event] ?? []) {
    if (source[key] !== undefined) ordered[key] = source[key];
  }
  for (const key of Object.keys(source)) {
    if (!(key in ordered)) ordered[key] = source[key];
  }
  return JSON.stringify(ordered);
}

/** Events as an event log: one JSON line each, with a trailing newline ("" for no events). */
export function formatEventLog(events: readonly ChatEvent[]): string {
  let text = "";
  for (const event of events) text += `${formatEvent(event)}\n`;
  return text;
}
