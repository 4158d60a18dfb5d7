/**
 * The shipped schema's rules written out as plain code, for the reader's hot path: ajv's
 * generated validators (everyLine, then the event's own rule) cost more than JSON.parse per
 * line, mostly in calls and error bookkeeping that a valid line never needs. The schema stays
 * the authority: a line this check refuses goes to ajv, which decides and words the message,
 * and a property test checks that the two agree on arbitrary near-miss lines.
 */
import { logTimestampMs } from "./timestamp";

type Line = Readonly<Record<string, unknown>>;

/** `minLength: 1` of a string: ajv counts code points, and any non-empty string has one. */
function isName(value: unknown): boolean {
  return typeof value === "string" && value.length > 0;
}

/** A property the schema declares but does not require: absent (undefined, as ajv sees it) or valid. */
function isOptionalName(value: unknown): boolean {
  return value === undefined || isName(value);
}

/**
 * The event's time in epoch milliseconds if `value` is valid against event-log.schema.json
 * (everyLine, and the rule of its own event), NaN if not.
 */
export function validEventTime(value: unknown): number {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return Number.NaN;
  const line = value as Line;
  const ts = line.ts;
  if (typeof ts !== "string" || !isName(line.interaction)) return Number.NaN;
  const time = logTimestampMs(ts);
  return isValidEventRule(line) ? time : Number.NaN;
}

/** definitions/<event> of the schema for the line's event; false for an unknown event. */
function isValidEventRule(line: Line): boolean {
  switch (line.event) {
    case "EventInteractionSubmitted": {
      const type = line.interactionType;
      return (
        isName(line.media) &&
        (type === "Inbound" || type === "Outbound" || type === "Internal") &&
        isName(line.queue) &&
        isOptionalName(line.subtype) &&
        isOptionalName(line.parent) &&
        isOptionalName(line.agent)
      );
    }
    case "EventPlacedInQueue":
      return isName(line.queue) && isOptionalName(line.agent);
    case "EventTakenFromQueue":
      return isName(line.queue) && isName(line.strategy);
    case "EventAgentInvited": {
      const purpose = line.purpose;
      const visibility = line.visibility;
      return (
        isName(line.agent) &&
        (purpose === "route" ||
          purpose === "transfer" ||
          purpose === "conference" ||
          purpose === "consult") &&
        isOptionalName(line.from) &&
        (visibility === undefined || visibility === "conference" || visibility === "consult")
      );
    }
    case "EventPartyAdded":
    case "EventRejected":
    case "EventPartyRemoved":
      return isName(line.agent);
    case "EventRevoked": {
      const reason = line.reason;
      return (
        isName(line.agent) &&
        (reason === undefined ||
          reason === "delivering-timeout" ||
          reason === "handling-timeout" ||
          reason === "requested")
      );
    }
    case "EventProcessingStopped": {
      const by = line.by;
      return (by === "agent" || by === "customer" || by === "strategy") && isOptionalName(line.agent);
    }
    case "EventVisibilityChanged": {
      const purpose = line.purpose;
      return (
        isName(line.agent) &&
        line.visibility === "conference" &&
        (purpose === undefined || purpose === "transfer" || purpose === "conference")
      );
    }
    default:
      return false;
  }
}
