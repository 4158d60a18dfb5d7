/**
 * The reader's canonical-line fast path: it accepts exactly the plainly canonical valid lines,
 * and reads each as the object JSON.parse builds, with the time the schema path computes.
 */
import { test } from "node:test";
import { expect } from "chai";
import fc from "fast-check";
import { readCanonicalLine } from "../../src/eventlog/canonical-line";
import { EVENT_NAMES, type EventName } from "../../src/eventlog/events";
import { EVENT_FIELDS, formatEvent } from "../../src/eventlog/format-event-log";
import { validEventTime } from "../../src/eventlog/valid-event-time";
import { EVENT_LOG_SCHEMA } from "../../src/eventlog/validate-event";

interface Rule {
  required?: string[];
  properties?: Record<string, { enum?: string[] }>;
}
const rules = EVENT_LOG_SCHEMA.definitions as unknown as Record<string, { then: Rule }>;

/** Reads `line` the way the reader does: its bytes inside a bigger buffer, with bait after it. */
function read(line: string) {
  // What follows the line would complete a truncated one: reading past `to` would show.
  const bytes = Buffer.concat([Buffer.from("#"), Buffer.from(line, "utf8"), Buffer.from('"}\n')]);
  return readCanonicalLine(bytes, 1, bytes.length - 3, "chat.jsonl", 12);
}

/** The general path's verdict: JSON.parse, then the schema. */
function general(line: string): { value: unknown; time: number } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const time = validEventTime(value);
  return Number.isNaN(time) ? undefined : { value, time };
}

/** A valid line that is in canonical form and only printable ASCII without escapes. */
function isPlainlyCanonical(line: string, value: unknown): boolean {
  const record = value as Record<string, unknown>;
  const known = ["ts", "interaction", "event", ...(EVENT_FIELDS[record.event as EventName] ?? [])];
  return (
    /^[\x20-\x7e]*$/.test(line) &&
    !line.includes("\\") &&
    Object.keys(record).every((k) => known.includes(k)) &&
    formatEvent(value as Parameters<typeof formatEvent>[0]) === line
  );
}

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 10,
});
const name = fc.oneof(
  { arbitrary: printable, weight: 4 },
  fc.constantFrom("Agent1", "Chat_Inbound", "a b", "é", "𝄞", 'x"y', "x\\y", "\t", "", " ", "\u007f"),
);
const FIRST = Date.parse("0000-01-01T00:00:00.000Z");
const LAST = Date.parse("9999-12-31T23:59:59.999Z");
const ts = fc.oneof(
  { arbitrary: fc.integer({ min: FIRST, max: LAST }).map((ms) => new Date(ms).toISOString()), weight: 6 },
  fc.constantFrom("2026-02-30T09:00:00.000Z", "2026-03-02T24:00:00.000Z", "2026-03-02T09:00:00Z", ""),
);

/** Events of every kind, optional fields present or not, values mostly valid. */
const event = fc
  .constantFrom(...EVENT_NAMES)
  .chain((kind) => {
    const rule = rules[kind]?.then ?? {};
    const fields: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of EVENT_FIELDS[kind]) {
      const allowed = rule.properties?.[field]?.enum;
      const value = allowed
        ? fc.oneof({ arbitrary: fc.constantFrom(...allowed), weight: 6 }, name)
        : fc.oneof({ arbitrary: name, weight: 6 }, fc.constantFrom(...["route", "Inbound", "agent"]));
      fields[field] = rule.required?.includes(field) ? value : fc.option(value, { nil: undefined });
    }
    return fc.record({
      ts,
      interaction: name,
      event: fc.oneof(
        { arbitrary: fc.constant(kind), weight: 9 },
        fc.constantFrom("EventFoo", "eventPartyAdded"),
      ),
      ...fields,
    });
  })
  .map((value) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>);

/** Lines: canonical ones, then sometimes another key order, an extra field, a non-string value. */
const line = fc
  .tuple(event, fc.nat({ max: 9 }), fc.constantFrom(null, 7, true, { a: 1 }, ["x"]))
  .map(([value, variant, odd]) => {
    if (variant === 0) return JSON.stringify(Object.fromEntries(Object.entries(value).reverse()));
    if (variant === 1) return formatEvent({ ...value, site: "EU" } as never);
    if (variant === 2) {
      const keys = Object.keys(value);
      const key = keys[keys.length - 1] ?? "ts";
      return formatEvent({ ...value, [key]: odd } as never);
    }
    return formatEvent(value as never);
  });

/** Near misses: up to three characters replaced, inserted or removed. */
const edit = fc.tuple(
  fc.nat({ max: 200 }),
  fc.constantFrom("replace", "insert", "remove"),
  fc.constantFrom(...'"\\,:{} \tA0-TZ.é'.split(""), "𝄞", "\u0000", "\u007f"),
);
const mutated = fc.tuple(line, fc.array(edit, { maxLength: 3 })).map(([text, edits]) => {
  let s = text;
  for (const [at, how, c] of edits) {
    const i = at % (s.length + 1);
    if (how === "replace") s = s.slice(0, i) + c + s.slice(i + 1);
    else if (how === "insert") s = s.slice(0, i) + c + s.slice(i);
    else s = s.slice(0, i) + s.slice(i + 1);
  }
  return s;
});

test("accepts exactly the plainly canonical valid lines, each read as JSON.parse reads it", () => {
  const seen = { accepted: 0, valid: 0, invalid: 0 };
  fc.assert(
    fc.property(fc.oneof(line, mutated), (text) => {
      const fast = read(text);
      const reference = general(text);
      if (reference === undefined) {
        seen.invalid++;
        expect(fast, text).to.equal(undefined);
        return;
      }
      seen.valid++;
      expect(fast !== undefined, text).to.equal(isPlainlyCanonical(text, reference.value));
      if (fast === undefined) return;
      seen.accepted++;
      // The same object: keys in the same order, the same values, and the same time.
      expect(Object.keys(fast.event), text).to.deep.equal(Object.keys(reference.value as object));
      expect(fast.event, text).to.deep.equal(reference.value);
      expect(JSON.stringify(fast.event)).to.equal(text);
      expect(fast.time, text).to.equal(reference.time);
      expect(fast.source).to.deep.equal({ file: "chat.jsonl", line: 12 });
    }),
    { numRuns: 20000 },
  );
  // Every side is well exercised.
  expect(seen.accepted, JSON.stringify(seen)).to.be.above(3000);
  expect(seen.valid - seen.accepted, JSON.stringify(seen)).to.be.above(1000);
  expect(seen.invalid, JSON.stringify(seen)).to.be.above(3000);
});

test("every event of the contract's example form takes the fast path", () => {
  const lines = [
    '{"ts":"2026-03-02T09:00:00.000Z","interaction":"chat-0001","event":"EventInteractionSubmitted","media":"chat","interactionType":"Inbound","queue":"Chat_Inbound"}',
    '{"ts":"2026-03-02T09:00:00.000Z","interaction":"chat-0001","event":"EventPlacedInQueue","queue":"Chat_Inbound","agent":"Agent1"}',
    '{"ts":"2026-03-02T09:00:04.000Z","interaction":"chat-0001","event":"EventTakenFromQueue","queue":"Chat_Inbound","strategy":"RouteInboundChat"}',
    '{"ts":"2026-03-02T09:00:05.000Z","interaction":"chat-0001","event":"EventAgentInvited","agent":"Agent2","purpose":"consult","from":"Agent1","visibility":"consult"}',
    '{"ts":"2026-03-02T09:00:12.000Z","interaction":"chat-0001","event":"EventPartyAdded","agent":"Agent1"}',
    '{"ts":"2026-03-02T09:00:12.000Z","interaction":"chat-0001","event":"EventRejected","agent":"Agent1"}',
    '{"ts":"2026-03-02T09:00:12.000Z","interaction":"chat-0001","event":"EventRevoked","agent":"Agent1","reason":"handling-timeout"}',
    '{"ts":"2026-03-02T09:04:52.000Z","interaction":"chat-0001","event":"EventPartyRemoved","agent":"Agent1"}',
    '{"ts":"2026-03-02T09:04:52.000Z","interaction":"chat-0001","event":"EventProcessingStopped","by":"agent","agent":"Agent1"}',
  ];
  for (const text of lines) {
    const fast = read(text);
    expect(fast?.event, text).to.deep.equal(JSON.parse(text));
    expect(fast?.time, text).to.equal(Date.parse((JSON.parse(text) as { ts: string }).ts));
  }
});

/** The canonical line of each kind whose last value is an enum, with that value. */
const ENDS_IN_ENUM = [
  '{"ts":"2026-03-02T09:00:05.000Z","interaction":"chat-0001","event":"EventAgentInvited","agent":"Agent2","purpose":"consult","from":"Agent1","visibility":"consult"}',
  '{"ts":"2026-03-02T09:00:12.000Z","interaction":"chat-0001","event":"EventRevoked","agent":"Agent1","reason":"handling-timeout"}',
  '{"ts":"2026-03-02T09:04:52.000Z","interaction":"chat-0001","event":"EventProcessingStopped","by":"agent"}',
  '{"ts":"2026-03-02T09:00:07.000Z","interaction":"chat-0001","event":"EventVisibilityChanged","agent":"Agent2","visibility":"conference","purpose":"transfer"}',
];

test("a line at the very start of its buffer is read like any other", () => {
  // The reader hands the first line of a file over as bytes[0, to): position 0 is a real start.
  const text = ENDS_IN_ENUM[2] as string;
  const bytes = Buffer.from(text);
  const fast = readCanonicalLine(bytes, 0, bytes.length, "chat.jsonl", 1);
  expect(fast).to.deep.equal({
    event: {
      ts: "2026-03-02T09:04:52.000Z",
      interaction: "chat-0001",
      event: "EventProcessingStopped",
      by: "agent",
    },
    source: { file: "chat.jsonl", line: 1 },
    time: Date.parse("2026-03-02T09:04:52.000Z"),
  });
});

test("anything after the closing brace leaves the line to the general path", () => {
  for (const text of ENDS_IN_ENUM) {
    expect(read(text), text).to.not.equal(undefined);
    // A space is still valid JSON, but not canonical; the rest are not JSON at all.
    for (const tail of [" ", "x", "}", '"}'])
      expect(read(text + tail), JSON.stringify(tail)).to.equal(undefined);
  }
});

test("an enum word that runs on into the closing brace (its quote lost) is not that word", () => {
  // `"by":"agentX}`: the bytes after the word are not its closing quote, so it is no value at all.
  for (const text of ENDS_IN_ENUM) {
    const broken = `${text.slice(0, -2)}X}`;
    expect(read(broken), broken).to.equal(undefined);
  }
});

test("an agent-only event with a field it does not have is not read as the bare event", () => {
  // EventRevoked's optional reason belongs to EventRevoked alone: the others' canonical form ends at agent.
  for (const kind of ["EventPartyAdded", "EventRejected", "EventPartyRemoved"]) {
    const text = `{"ts":"2026-03-02T09:00:12.000Z","interaction":"chat-0001","event":"${kind}","agent":"Agent1","reason":"requested"}`;
    expect(read(text), text).to.equal(undefined);
  }
});

test("a line cut inside its last name is not read, whatever follows the cut", () => {
  // read() puts `"}` right after the cut: reading past the line's end would complete it.
  const text =
    '{"ts":"2026-03-02T09:04:52.000Z","interaction":"chat-0001","event":"EventPartyRemoved","agent":"Agent1';
  expect(read(text)).to.equal(undefined);
  expect(read(`${text}"}`)?.event).to.deep.equal(JSON.parse(`${text}"}`));
});

/**
 * Lines of every kind and every optional field present or not, with one-character names where a
 * name can be emptied by one edit.
 */
const EVERY_SHAPE = [
  '{"ts":"2026-03-02T09:00:00.000Z","interaction":"c","event":"EventInteractionSubmitted","media":"m","interactionType":"Inbound","queue":"Q"}',
  '{"ts":"2026-03-02T09:00:00.000Z","interaction":"c","event":"EventPlacedInQueue","queue":"Q"}',
  '{"ts":"2026-03-02T09:00:00.000Z","interaction":"c","event":"EventPlacedInQueue","queue":"Q","agent":"A"}',
  '{"ts":"2026-03-02T09:00:04.000Z","interaction":"c","event":"EventTakenFromQueue","queue":"Q","strategy":"S"}',
  '{"ts":"2026-03-02T09:00:05.000Z","interaction":"c","event":"EventAgentInvited","agent":"A","purpose":"route"}',
  '{"ts":"2026-03-02T09:00:05.000Z","interaction":"c","event":"EventAgentInvited","agent":"B","purpose":"consult","from":"A","visibility":"consult"}',
  '{"ts":"2026-03-02T09:00:12.000Z","interaction":"c","event":"EventPartyAdded","agent":"A"}',
  '{"ts":"2026-03-02T09:00:12.000Z","interaction":"c","event":"EventRevoked","agent":"A"}',
  '{"ts":"2026-03-02T09:00:12.000Z","interaction":"c","event":"EventRevoked","agent":"A","reason":"requested"}',
  '{"ts":"2026-03-02T09:04:52.000Z","interaction":"c","event":"EventProcessingStopped","by":"strategy"}',
  '{"ts":"2026-03-02T09:04:52.000Z","interaction":"c","event":"EventProcessingStopped","by":"agent","agent":"A"}',
  '{"ts":"2026-03-02T09:00:07.000Z","interaction":"c","event":"EventVisibilityChanged","agent":"A","visibility":"conference"}',
  '{"ts":"2026-03-02T09:00:07.000Z","interaction":"c","event":"EventVisibilityChanged","agent":"A","visibility":"conference","purpose":"transfer"}',
];

/** Every line one edit away from `text`: cut short, one byte removed, one byte replaced. */
function oneEditAway(text: string): string[] {
  const near: string[] = [];
  for (let i = 0; i < text.length; i++) {
    near.push(text.slice(0, i), text.slice(0, i) + text.slice(i + 1));
    for (const c of ['"', "\\", "\u0001", "X", "}", ","]) near.push(text.slice(0, i) + c + text.slice(i + 1));
  }
  return near;
}

test("reads no byte outside its line, whatever the line", () => {
  // The reader's buffer holds whole chunks of the log: the bytes before and after a line are other
  // lines, which could complete or mislead a reader that looked at them. The helpers' bounds are
  // what keep every read inside [from, to), broken lines included.
  const before = Buffer.from(`${EVERY_SHAPE[0]}\n`);
  const after = Buffer.from(`"}\n${EVERY_SHAPE[1]}\n`);
  for (const text of EVERY_SHAPE.flatMap((shape) => [shape, ...oneEditAway(shape)])) {
    const line = Buffer.from(text);
    const bytes = Buffer.concat([before, line, after]);
    const from = before.length;
    const to = from + line.length;
    const outside: number[] = [];
    const watched = new Proxy(bytes, {
      get(target, key) {
        if (typeof key === "string" && /^-?\d+$/.test(key)) {
          const at = Number(key);
          if (at < from || at >= to) outside.push(at);
        }
        const value: unknown = Reflect.get(target, key);
        // Buffer's own methods check their receiver: call them on the buffer, not the proxy.
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const fast = readCanonicalLine(watched, from, to, "chat.jsonl", 2);
    expect(outside, text).to.deep.equal([]);
    expect(fast, text).to.deep.equal(readCanonicalLine(bytes, from, to, "chat.jsonl", 2));
  }
});
