/**
 * The reader's fast path: a line in canonical form, read straight from its bytes. Canonical is
 * the form formatEventLog writes and the contract's example shows: ts, interaction, event, then
 * the event's own fields in the contract's order (EVENT_FIELDS), every value a string of
 * printable ASCII without escapes, no spaces, nothing else. For such a line, JSON.parse and the
 * schema are spent on something already known, and they cost most of the reader's time.
 *
 * Reading one checks every byte: the keys and punctuation against the canonical text, names
 * non-empty and printable, enums and the event against the schema's values, the timestamp's
 * shape and calendar. A line it accepts is valid JSON, valid against the schema, and read as
 * the same object JSON.parse would build (keys in the same order); any other line returns
 * undefined and takes the general path (JSON.parse, then the schema, which words any error).
 * A property test checks all of this against JSON.parse and the schema on arbitrary lines.
 */
import { type ChatEvent, EVENT_NAMES, type LoggedEvent } from "./events";
import { timestampBytesMs } from "./timestamp";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SPACE = 0x20;
const TILDE = 0x7e;
const CLOSE_BRACE = 0x7d;

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Every key is read with the punctuation around it, from the closing quote of the value before. */
const HEAD = ascii('{"ts":"');
const TS_LENGTH = 24;
const key = (name: string) => ascii(`","${name}":"`);
const INTERACTION = key("interaction");
const EVENT = key("event");
const MEDIA = key("media");
const INTERACTION_TYPE = key("interactionType");
const QUEUE = key("queue");
const STRATEGY = key("strategy");
const AGENT = key("agent");
const PURPOSE = key("purpose");
const FROM = key("from");
const VISIBILITY = key("visibility");
const REASON = key("reason");
const BY = key("by");

/** A closed set of values (the schema's enum), as strings and as bytes. */
interface Words {
  text: readonly string[];
  bytes: readonly Uint8Array[];
}
const words = (...text: string[]): Words => ({ text, bytes: text.map(ascii) });

const EVENTS = words(...EVENT_NAMES);
const INTERACTION_TYPES = words("Inbound", "Outbound", "Internal");
const PURPOSES = words("route", "transfer", "conference", "consult");
const VISIBILITIES = words("conference", "consult");
const REASONS = words("delivering-timeout", "handling-timeout", "requested");
const CHANGED_VISIBILITIES = words("conference");
const COMPLETED_AS = words("transfer", "conference");
const STOPPED_BY = words("agent", "customer", "strategy");

interface Latin1Slicer {
  latin1Slice(from: number, to: number): string;
}

/**
 * bytes.toString("latin1", from, to) without its argument handling, which shows at millions of
 * lines: Buffer's own latin1Slice, undocumented but in every Node release since v6 (and what
 * toString calls); the documented call stands in if it ever goes.
 */
const latin1: (bytes: Buffer, from: number, to: number) => string =
  typeof (Buffer.prototype as Partial<Latin1Slicer>).latin1Slice === "function"
    ? (bytes, from, to) => (bytes as unknown as Latin1Slicer).latin1Slice(from, to)
    : (bytes, from, to) => bytes.toString("latin1", from, to);

/**
 * Each helper takes the position to read at and returns the position after what it read, or -1
 * when the bytes are not what it reads; -1 passes through every helper, so a line is read as one
 * chain and checked once at the end.
 */

/** The position after `literal` if it is at `at`. */
function after(b: Uint8Array, at: number, to: number, literal: Uint8Array): number {
  if (at < 0 || at + literal.length > to) return -1;
  for (let i = 0; i < literal.length; i++) if (b[at + i] !== literal[i]) return -1;
  return at + literal.length;
}

/** The position of the quote that closes a name at `at`: one or more printable ASCII bytes but `"` and `\`. */
function nameEnd(b: Uint8Array, at: number, to: number): number {
  if (at < 0) return -1;
  for (let i = at; i < to; i++) {
    const c = b[i] as number;
    if (c === QUOTE) return i > at ? i : -1;
    if (c < SPACE || c > TILDE || c === BACKSLASH) return -1;
  }
  return -1;
}

/** Which of `set` is at `at`, followed by its closing quote: its index, or -1. */
function wordAt(b: Uint8Array, at: number, to: number, set: Words): number {
  if (at < 0) return -1;
  for (let w = 0; w < set.bytes.length; w++) {
    const word = set.bytes[w] as Uint8Array;
    if (at + word.length < to && b[at + word.length] === QUOTE && after(b, at, to, word) >= 0) return w;
  }
  return -1;
}

/**
 * The event on `bytes[from, to)` (a line without its newline), if the line is canonical and
 * valid; undefined if not. Its strings are slices of one string made for the line, so that
 * keeping an event keeps no more than its line.
 */
export function readCanonicalLine(
  bytes: Buffer,
  from: number,
  to: number,
  file: string,
  line: number,
): LoggedEvent | undefined {
  const b = bytes;
  let p = after(b, from, to, HEAD);
  if (p < 0 || p + TS_LENGTH >= to) return undefined;
  const time = timestampBytesMs(b, p);
  if (Number.isNaN(time)) return undefined;
  const tsStart = p;
  p = after(b, p + TS_LENGTH, to, INTERACTION);
  const idStart = p;
  p = nameEnd(b, p, to);
  const idEnd = p;
  p = after(b, p, to, EVENT);
  const kind = wordAt(b, p, to, EVENTS);
  if (kind < 0) return undefined;
  p += (EVENTS.bytes[kind] as Uint8Array).length;

  // The event's own fields: where each name is, and which enum value each enum has.
  let aStart = -1;
  let aEnd = -1;
  let bStart = -1;
  let bEnd = -1;
  let word = -1;
  let optionalWord = -1;
  switch (kind) {
    case 0: // EventInteractionSubmitted: media, interactionType, queue
      aStart = after(b, p, to, MEDIA);
      aEnd = nameEnd(b, aStart, to);
      p = after(b, aEnd, to, INTERACTION_TYPE);
      word = wordAt(b, p, to, INTERACTION_TYPES);
      p = word < 0 ? -1 : p + (INTERACTION_TYPES.bytes[word] as Uint8Array).length;
      bStart = after(b, p, to, QUEUE);
      p = bEnd = nameEnd(b, bStart, to);
      break;
    case 1: // EventPlacedInQueue: queue, agent?
      aStart = after(b, p, to, QUEUE);
      p = aEnd = nameEnd(b, aStart, to);
      bStart = after(b, p, to, AGENT);
      if (bStart >= 0) p = bEnd = nameEnd(b, bStart, to);
      break;
    case 2: // EventTakenFromQueue: queue, strategy
      aStart = after(b, p, to, QUEUE);
      aEnd = nameEnd(b, aStart, to);
      bStart = after(b, aEnd, to, STRATEGY);
      p = bEnd = nameEnd(b, bStart, to);
      break;
    case 3: {
      // EventAgentInvited: agent, purpose, from?, visibility?
      aStart = after(b, p, to, AGENT);
      aEnd = nameEnd(b, aStart, to);
      p = after(b, aEnd, to, PURPOSE);
      word = wordAt(b, p, to, PURPOSES);
      p = word < 0 ? -1 : p + (PURPOSES.bytes[word] as Uint8Array).length;
      bStart = after(b, p, to, FROM);
      if (bStart >= 0) p = bEnd = nameEnd(b, bStart, to);
      const visibility = after(b, p, to, VISIBILITY);
      if (visibility >= 0) {
        optionalWord = wordAt(b, visibility, to, VISIBILITIES);
        p = optionalWord < 0 ? -1 : visibility + (VISIBILITIES.bytes[optionalWord] as Uint8Array).length;
      }
      break;
    }
    case 4: // EventPartyAdded: agent
    case 5: // EventRejected: agent
    case 7: // EventPartyRemoved: agent
      aStart = after(b, p, to, AGENT);
      p = aEnd = nameEnd(b, aStart, to);
      break;
    case 6: {
      // EventRevoked: agent, reason?
      aStart = after(b, p, to, AGENT);
      p = aEnd = nameEnd(b, aStart, to);
      const reason = after(b, p, to, REASON);
      if (reason >= 0) {
        optionalWord = wordAt(b, reason, to, REASONS);
        p = optionalWord < 0 ? -1 : reason + (REASONS.bytes[optionalWord] as Uint8Array).length;
      }
      break;
    }
    case 9: {
      // EventVisibilityChanged (1.1): agent, visibility, purpose?
      aStart = after(b, p, to, AGENT);
      aEnd = nameEnd(b, aStart, to);
      p = after(b, aEnd, to, VISIBILITY);
      word = wordAt(b, p, to, CHANGED_VISIBILITIES);
      p = word < 0 ? -1 : p + (CHANGED_VISIBILITIES.bytes[word] as Uint8Array).length;
      const purpose = after(b, p, to, PURPOSE);
      if (purpose >= 0) {
        optionalWord = wordAt(b, purpose, to, COMPLETED_AS);
        p = optionalWord < 0 ? -1 : purpose + (COMPLETED_AS.bytes[optionalWord] as Uint8Array).length;
      }
      break;
    }
    default: {
      // EventProcessingStopped: by, agent?
      const by = after(b, p, to, BY);
      word = wordAt(b, by, to, STOPPED_BY);
      p = word < 0 ? -1 : by + (STOPPED_BY.bytes[word] as Uint8Array).length;
      aStart = after(b, p, to, AGENT);
      if (aStart >= 0) p = aEnd = nameEnd(b, aStart, to);
      break;
    }
  }
  // The last value's closing quote, then the end of the object and of the line.
  if (p < 0 || p + 2 !== to || b[p + 1] !== CLOSE_BRACE) return undefined;

  // Every byte has been checked to be printable ASCII: latin1 decodes it as UTF-8 would.
  const text = latin1(bytes, from, to);
  const ts = text.slice(tsStart - from, tsStart - from + TS_LENGTH);
  const interaction = text.slice(idStart - from, idEnd - from);
  // An absent field's name is never used (the values below leave the field out), so no check
  // for one: its start and end are both still -1, an empty slice.
  const nameA = text.slice(aStart - from, aEnd - from);
  const nameB = text.slice(bStart - from, bEnd - from);
  // Object literals with the keys in the line's order: the same objects JSON.parse builds.
  let value: ChatEvent;
  switch (kind) {
    case 0:
      value = {
        ts,
        interaction,
        event: "EventInteractionSubmitted",
        media: nameA,
        interactionType: INTERACTION_TYPES.text[word] as "Inbound",
        queue: nameB,
      };
      break;
    case 1:
      value =
        bStart < 0
          ? { ts, interaction, event: "EventPlacedInQueue", queue: nameA }
          : { ts, interaction, event: "EventPlacedInQueue", queue: nameA, agent: nameB };
      break;
    case 2:
      value = { ts, interaction, event: "EventTakenFromQueue", queue: nameA, strategy: nameB };
      break;
    case 3: {
      const purpose = PURPOSES.text[word] as "route";
      const visibility = VISIBILITIES.text[optionalWord] as "conference" | undefined;
      if (bStart < 0) {
        value =
          visibility === undefined
            ? { ts, interaction, event: "EventAgentInvited", agent: nameA, purpose }
            : { ts, interaction, event: "EventAgentInvited", agent: nameA, purpose, visibility };
      } else {
        value =
          visibility === undefined
            ? { ts, interaction, event: "EventAgentInvited", agent: nameA, purpose, from: nameB }
            : { ts, interaction, event: "EventAgentInvited", agent: nameA, purpose, from: nameB, visibility };
      }
      break;
    }
    case 6: {
      const reason = REASONS.text[optionalWord] as "requested" | undefined;
      value =
        reason === undefined
          ? { ts, interaction, event: "EventRevoked", agent: nameA }
          : { ts, interaction, event: "EventRevoked", agent: nameA, reason };
      break;
    }
    case 8: {
      const by = STOPPED_BY.text[word] as "agent";
      value =
        aStart < 0
          ? { ts, interaction, event: "EventProcessingStopped", by }
          : { ts, interaction, event: "EventProcessingStopped", by, agent: nameA };
      break;
    }
    case 9: {
      const purpose = COMPLETED_AS.text[optionalWord] as "transfer" | undefined;
      value =
        purpose === undefined
          ? { ts, interaction, event: "EventVisibilityChanged", agent: nameA, visibility: "conference" }
          : {
              ts,
              interaction,
              event: "EventVisibilityChanged",
              agent: nameA,
              visibility: "conference",
              purpose,
            };
      break;
    }
    default:
      // EventPartyAdded, EventRejected, EventPartyRemoved: the same shape.
      value = { ts, interaction, event: EVENTS.text[kind] as "EventPartyAdded", agent: nameA };
  }
  return { event: value, source: { file, line }, time };
}
