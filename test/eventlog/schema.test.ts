/** The shipped schema and the line validator: every event accepted, every rejection precise. */
import { test } from "node:test";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { expect } from "chai";
import fc from "fast-check";
import { InputError } from "../../src/errors";
import { EVENT_NAMES } from "../../src/eventlog/events";
import { EVENT_FIELDS, EVENT_FIELDS_SINCE_1_1 } from "../../src/eventlog/format-event-log";
import { TIMESTAMP_PATTERN } from "../../src/eventlog/timestamp";
import { validEventTime } from "../../src/eventlog/valid-event-time";
import { EVENT_LOG_SCHEMA, toLoggedEvent } from "../../src/eventlog/validate-event";

const TS = "2026-03-02T09:00:00.000Z";
const SOURCE = { file: "chat.jsonl", line: 7 };

function line(event: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { ts: TS, interaction: "chat-0001", event, ...fields };
}

function rejection(value: unknown): InputError {
  try {
    toLoggedEvent(value, SOURCE);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`accepted: ${JSON.stringify(value)}`);
}

interface EventRule {
  required?: string[];
  properties?: Record<string, { enum?: string[] }>;
}
const definitions = EVENT_LOG_SCHEMA.definitions as unknown as Record<string, { then: EventRule }>;

test("the schema is plain draft-07 with an id, a title and a description", () => {
  expect(EVENT_LOG_SCHEMA.$schema).to.equal("http://json-schema.org/draft-07/schema#");
  expect(EVENT_LOG_SCHEMA.$id).to.be.a("string").and.not.empty;
  expect(EVENT_LOG_SCHEMA.title).to.be.a("string").and.not.empty;
  expect(EVENT_LOG_SCHEMA.description).to.be.a("string").and.not.empty;
  // A stock ajv (strict mode, no custom formats other than the standard date-time) compiles it.
  const ajv = new Ajv({ formats: { "date-time": true } });
  expect(() => ajv.compile(EVENT_LOG_SCHEMA)).not.to.throw();
  // As most users will run it: ajv with ajv-formats, whose date-time also checks the calendar.
  const withFormats = addFormats(new Ajv()).compile(EVENT_LOG_SCHEMA);
  expect(withFormats(line("EventPartyAdded", { agent: "Agent1" }))).to.equal(true);
  expect(
    withFormats({ ...line("EventPartyAdded", { agent: "Agent1" }), ts: "2026-02-30T09:00:00.000Z" }),
  ).to.equal(false);
});

test("the schema agrees with the TypeScript contract: event names, fields, timestamp pattern", () => {
  expect(EVENT_LOG_SCHEMA.definitions.everyLine.properties.event.enum).to.deep.equal([...EVENT_NAMES]);
  expect(EVENT_LOG_SCHEMA.definitions.everyLine.properties.ts.pattern).to.equal(TIMESTAMP_PATTERN.source);
  for (const name of EVENT_NAMES) {
    const rule = definitions[name]?.then;
    expect(Object.keys(rule?.properties ?? {}), name).to.deep.equal([
      ...EVENT_FIELDS[name],
      ...(EVENT_FIELDS_SINCE_1_1[name] ?? []),
    ]);
  }
});

const EVERY_EVENT: Record<string, Record<string, unknown>> = {
  EventInteractionSubmitted: {
    media: "chat",
    interactionType: "Internal",
    queue: "Chat_Conference",
    subtype: "InternalConferenceInvite",
    parent: "chat-0001",
    agent: "Agent1",
  },
  EventPlacedInQueue: { queue: "Chat_Inbound", agent: "Agent1" },
  EventTakenFromQueue: { queue: "Chat_Inbound", strategy: "RouteInboundChat" },
  EventAgentInvited: { agent: "Agent2", purpose: "conference", from: "Agent1", visibility: "conference" },
  EventPartyAdded: { agent: "Agent1" },
  EventRejected: { agent: "Agent1" },
  EventRevoked: { agent: "Agent1", reason: "delivering-timeout" },
  EventPartyRemoved: { agent: "Agent1" },
  EventProcessingStopped: { by: "customer", agent: "Agent1" },
  EventVisibilityChanged: { agent: "Agent2", visibility: "conference", purpose: "transfer" },
};

test("every event is accepted with all its optional fields, and with only its required ones", () => {
  for (const name of EVENT_NAMES) {
    const full = line(name, EVERY_EVENT[name]);
    expect(toLoggedEvent(full, SOURCE).event, name).to.equal(full);
    const required = definitions[name]?.then.required ?? [];
    const minimal = line(name, Object.fromEntries(required.map((f) => [f, EVERY_EVENT[name]?.[f]])));
    expect(() => toLoggedEvent(minimal, SOURCE), name).not.to.throw();
  }
});

test("every value of every enum is accepted; a 3rd-party media name too", () => {
  const cases: [string, string, string[]][] = [
    ["EventInteractionSubmitted", "interactionType", ["Inbound", "Outbound", "Internal"]],
    ["EventAgentInvited", "purpose", ["route", "transfer", "conference", "consult"]],
    ["EventAgentInvited", "visibility", ["conference", "consult"]],
    ["EventRevoked", "reason", ["delivering-timeout", "handling-timeout", "requested"]],
    ["EventProcessingStopped", "by", ["agent", "customer", "strategy"]],
    ["EventInteractionSubmitted", "media", ["chat", "email", "facebook-messenger"]],
  ];
  // The shipped schema as any user's stock ajv runs it, and the reader's validation.
  const stock = new Ajv({ formats: { "date-time": true } }).compile(EVENT_LOG_SCHEMA);
  for (const [event, field, values] of cases) {
    for (const value of values) {
      const valid = line(event, { ...EVERY_EVENT[event], [field]: value });
      expect(stock(valid), `${field}=${value}`).to.equal(true);
      expect(toLoggedEvent(valid, SOURCE).event, `${field}=${value}`).to.equal(valid);
    }
  }
});

test("the logged event keeps its source and its time in epoch milliseconds", () => {
  const logged = toLoggedEvent(line("EventPartyAdded", { agent: "Agent1" }), SOURCE);
  expect(logged.source).to.deep.equal(SOURCE);
  expect(logged.time).to.equal(Date.parse(TS));
});

test("unknown extra fields are allowed and kept as they were", () => {
  const value = line("EventPartyAdded", { agent: "Agent1", desktop: { id: 7 }, note: "x" });
  expect(toLoggedEvent(value, SOURCE).event).to.deep.include({ desktop: { id: 7 }, note: "x" });
});

test("a missing field of one event is named with the event that requires it", () => {
  const e = rejection(line("EventAgentInvited", { purpose: "route" }));
  expect(e.message).to.equal('chat.jsonl:7: field "agent": required by EventAgentInvited but missing');
  expect([e.file, e.line, e.field]).to.deep.equal(["chat.jsonl", 7, "agent"]);
  expect(rejection(line("EventTakenFromQueue", { queue: "Q" })).message).to.contain(
    'field "strategy": required by EventTakenFromQueue but missing',
  );
  expect(rejection(line("EventProcessingStopped")).message).to.contain(
    'field "by": required by EventProcessingStopped but missing',
  );
});

test("a missing common field is named before any field of the event", () => {
  for (const field of ["ts", "interaction", "event"]) {
    const value = line("EventAgentInvited");
    delete value[field];
    const e = rejection(value);
    expect(e.field, field).to.equal(field);
    expect(e.message).to.contain("required on every line but missing");
  }
});

test("a value outside an enum names the allowed values and what was found", () => {
  const e = rejection(line("EventAgentInvited", { agent: "Agent1", purpose: "escalate" }));
  expect(e.message).to.equal(
    'chat.jsonl:7: field "purpose": expected one of route, transfer, conference, consult, got "escalate"',
  );
  expect(rejection(line("EventRevoked", { agent: "A", reason: "bored" })).message).to.contain(
    'field "reason": expected one of delivering-timeout, handling-timeout, requested, got "bored"',
  );
  expect(rejection(line("EventProcessingStopped", { by: "Agent1" })).field).to.equal("by");
  expect(
    rejection(line("EventAgentInvited", { agent: "A", purpose: "route", visibility: "x" })).field,
  ).to.equal("visibility");
  expect(
    rejection(line("EventInteractionSubmitted", { media: "chat", interactionType: "inbound", queue: "Q" }))
      .field,
  ).to.equal("interactionType");
});

test("an unknown event lists the known ones", () => {
  const e = rejection(line("EventFoo"));
  expect(e.field).to.equal("event");
  expect(e.message).to.contain('unknown event "EventFoo"; expected one of EventInteractionSubmitted, ');
  expect(e.message).to.contain("EventProcessingStopped");
});

test("a timestamp of the wrong shape or an impossible date is rejected", () => {
  const shapes = [
    "yesterday",
    "2026-03-02T09:00:00Z",
    "2026-03-02T09:00:00.000",
    "2026-03-02T09:00:00.000+01:00",
    "2026-03-02 09:00:00.000Z",
    "2026-13-02T09:00:00.000Z",
    "2026-03-02T24:00:00.000Z",
  ];
  for (const ts of shapes) {
    const e = rejection({ ...line("EventPartyAdded", { agent: "A" }), ts });
    expect(e.message, ts).to.equal(
      `chat.jsonl:7: field "ts": expected an RFC 3339 UTC timestamp with milliseconds like ${TS}, got ${JSON.stringify(ts)}`,
    );
  }
  for (const ts of ["2026-02-29T09:00:00.000Z", "2026-02-30T09:00:00.000Z", "2026-04-31T00:00:00.000Z"]) {
    const e = rejection({ ...line("EventPartyAdded", { agent: "A" }), ts });
    expect([e.field, e.message], ts).to.satisfy(
      ([f, m]: [string, string]) => f === "ts" && m.endsWith("not a real date"),
    );
  }
  expect(
    toLoggedEvent({ ...line("EventPartyAdded", { agent: "A" }), ts: "2024-02-29T23:59:59.999Z" }, SOURCE)
      .time,
  ).to.equal(Date.parse("2024-02-29T23:59:59.999Z"));
  expect(rejection({ ...line("EventPartyAdded", { agent: "A" }), ts: 1772442000000 }).field).to.equal("ts");
});

test("names must be non-empty strings", () => {
  expect(rejection(line("EventPartyAdded", { agent: "" })).message).to.contain(
    'field "agent": expected a non-empty string, got ""',
  );
  expect(rejection(line("EventPartyAdded", { agent: 5 })).message).to.contain(
    'field "agent": expected a non-empty string, got 5',
  );
  expect(rejection({ ...line("EventPartyAdded", { agent: "A" }), interaction: "" }).field).to.equal(
    "interaction",
  );
  expect(rejection(line("EventPlacedInQueue", { queue: "Q", agent: null })).field).to.equal("agent");
});

test("every field constraint of the schema is one the messages word", () => {
  // validate-event.ts words ajv's errors knowing that every field is a property of the line (no
  // nested object, no name that JSON Pointer escapes) constrained only by a non-empty string
  // type, an enum, or (ts) a pattern and the date-time format. A new kind of field must fail here
  // until its errors are worded too.
  const fieldRules: [string, Record<string, unknown>][] = [
    ...Object.entries(EVENT_LOG_SCHEMA.definitions.everyLine.properties),
    ...EVENT_NAMES.flatMap((name) => Object.entries(definitions[name]?.then.properties ?? {})),
  ];
  expect(fieldRules.length).to.be.above(20);
  for (const [name, rule] of fieldRules) {
    expect(name).to.match(/^[A-Za-z]+$/);
    const { description, ...constraints } = rule;
    expect(description === undefined || typeof description === "string", name).to.equal(true);
    if ("enum" in constraints) {
      expect(Object.keys(constraints), name).to.deep.equal(["enum"]);
      expect(
        (constraints.enum as unknown[]).every((v) => typeof v === "string" && v !== ""),
        name,
      ).to.equal(true);
    } else if (name === "ts") {
      expect(constraints, name).to.deep.equal({
        type: "string",
        pattern: TIMESTAMP_PATTERN.source,
        format: "date-time",
      });
    } else expect(constraints, name).to.deep.equal({ type: "string", minLength: 1 });
  }
});

test("a line that is not an object says what it is", () => {
  expect(rejection([1, 2]).message).to.equal(
    "chat.jsonl:7: expected a JSON object (one event per line), got an array",
  );
  expect(rejection("EventPartyAdded").message).to.contain('got "EventPartyAdded"');
  expect(rejection(null).message).to.contain("got null");
  expect(rejection(42).field).to.equal(undefined);
});

test("a long bad value is cut short in the message", () => {
  const e = rejection(line("EventAgentInvited", { agent: "A", purpose: "x".repeat(500) }));
  expect(e.message.length).to.be.below(200);
  expect(e.message).to.match(/…$/);
});

test("a value is shown whole up to 60 characters of JSON, and cut to 60 with an ellipsis beyond", () => {
  const purpose = (chars: number) => "x".repeat(chars - 2); // JSON adds the two quotes
  const allowed = "expected one of route, transfer, conference, consult";
  expect(rejection(line("EventAgentInvited", { agent: "A", purpose: purpose(60) })).message).to.equal(
    `chat.jsonl:7: field "purpose": ${allowed}, got "${"x".repeat(58)}"`,
  );
  expect(rejection(line("EventAgentInvited", { agent: "A", purpose: purpose(61) })).message).to.equal(
    `chat.jsonl:7: field "purpose": ${allowed}, got "${"x".repeat(59)}…`,
  );
});

test("every kind of line that is not an object gets the same message, saying what it is", () => {
  const cases: [unknown, string][] = [
    [null, "null"],
    ["EventPartyAdded", '"EventPartyAdded"'],
    [42, "42"],
    [true, "true"],
    [[line("EventPartyAdded", { agent: "A" })], "an array"],
    // Not from JSON.parse, but toLoggedEvent takes any value.
    [undefined, "nothing"],
  ];
  for (const [value, shown] of cases) {
    const e = rejection(value);
    expect(e.message, shown).to.equal(
      `chat.jsonl:7: expected a JSON object (one event per line), got ${shown}`,
    );
    expect([e.file, e.line, e.field]).to.deep.equal(["chat.jsonl", 7, undefined]);
  }
});

test("a timestamp that is not a string gets the timestamp message, not the name one", () => {
  for (const [ts, shown] of [
    [1772442000000, "1772442000000"],
    [null, "null"],
    [{ iso: TS }, "an object"],
  ] as const) {
    const e = rejection({ ...line("EventPartyAdded", { agent: "A" }), ts });
    expect(e.message).to.equal(
      `chat.jsonl:7: field "ts": expected an RFC 3339 UTC timestamp with milliseconds like 2026-03-02T09:00:00.000Z, got ${shown}`,
    );
    expect(e.field).to.equal("ts");
  }
});

test("a name that is an object or an array says so instead of printing it", () => {
  expect(rejection(line("EventPartyAdded", { agent: { name: "A" } })).message).to.equal(
    'chat.jsonl:7: field "agent": expected a non-empty string, got an object',
  );
  expect(rejection(line("EventTakenFromQueue", { queue: "Q", strategy: ["S"] })).message).to.equal(
    'chat.jsonl:7: field "strategy": expected a non-empty string, got an array',
  );
});

test("toLoggedEvent accepts exactly the lines the whole schema accepts, and names a field of every other", () => {
  const ajv = new Ajv({ formats: { "date-time": true } });
  // The reference: the full schema, with the calendar check spelled out the slow way.
  const full = ajv.compile(EVENT_LOG_SCHEMA);
  const reference = (v: unknown) =>
    full(v) && new Date((v as { ts: string }).ts).toISOString() === (v as { ts: string }).ts;
  // Valid lines of every event with up to two fields changed or removed: mostly near misses.
  const DELETE = Symbol("delete");
  const fieldName = fc.constantFrom(
    "ts",
    "interaction",
    "event",
    ...new Set(Object.values(EVENT_FIELDS).flat()),
  );
  const anyValue = fc.oneof(
    fc.constantFrom(
      "chat",
      "",
      "Agent1",
      "route",
      "consult",
      "customer",
      "requested",
      "Inbound",
      "conference",
    ),
    fc.constantFrom(TS, "2026-02-30T09:00:00.000Z", "2026-03-02", "EventFoo", ...EVENT_NAMES),
    fc.constantFrom(DELETE, null, 0, 7, true),
  );
  const arbitraryLine = fc
    .tuple(fc.constantFrom(...EVENT_NAMES), fc.array(fc.tuple(fieldName, anyValue), { maxLength: 2 }))
    .map(([event, changes]) => {
      const value = line(event, EVERY_EVENT[event]);
      for (const [field, changed] of changes) {
        if (changed === DELETE) delete value[field];
        else value[field] = changed;
      }
      return value;
    });
  const outcomes = { valid: 0, invalid: 0 };
  fc.assert(
    fc.property(arbitraryLine, (value) => {
      const valid = reference(value);
      if (valid) expect(toLoggedEvent(value, SOURCE).event, JSON.stringify(value)).to.equal(value);
      else {
        // Whatever ajv's first error is, it is worded: one line, naming the file, line and field.
        const e = rejection(value);
        expect([e.file, e.line, e.message.includes("\n")], JSON.stringify(value)).to.deep.equal([
          "chat.jsonl",
          7,
          false,
        ]);
        expect(e.field, JSON.stringify(value)).to.be.a("string").and.not.empty;
      }
      outcomes[valid ? "valid" : "invalid"]++;
    }),
    { numRuns: 3000 },
  );
  // Both sides are well exercised.
  expect(outcomes.valid).to.be.above(300);
  expect(outcomes.invalid).to.be.above(300);
});

/** Every enum value and property name in the schema, found by walking it, so new ones are covered. */
function schemaWords(): { enums: string[]; properties: string[] } {
  const enums = new Set<string>();
  const properties = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (typeof node === "object" && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "enum" || key === "const") for (const v of [value].flat()) enums.add(String(v));
        if (key === "properties" || key === "required") {
          for (const name of Array.isArray(value) ? value : Object.keys(value as object))
            properties.add(name);
        }
        walk(value);
      }
    }
  };
  walk(EVENT_LOG_SCHEMA);
  return { enums: [...enums], properties: [...properties] };
}

test("the reader's plain-code check (validEventTime) agrees with the whole schema, time included", () => {
  const ajv = new Ajv({ formats: { "date-time": true } });
  const full = ajv.compile(EVENT_LOG_SCHEMA);
  const reference = (v: unknown) =>
    full(v) && new Date((v as { ts: string }).ts).toISOString() === (v as { ts: string }).ts;
  const { enums, properties } = schemaWords();
  expect(enums).to.include.members([...EVENT_NAMES, "route", "delivering-timeout", "Inbound", "customer"]);
  const DELETE = Symbol("delete");
  // Mostly the fields of the line's own event, sometimes any field of the schema or none of it.
  const fieldOf = (event: string) =>
    fc.oneof(
      {
        arbitrary: fc.constantFrom(
          "ts",
          "interaction",
          "event",
          ...Object.keys(definitions[event]?.then.properties ?? {}),
        ),
        weight: 4,
      },
      { arbitrary: fc.constantFrom(...properties, "extra", "__proto__", "toString"), weight: 1 },
    );
  const anyValue = fc.oneof(
    fc.constantFrom(...enums),
    // Near misses of enum values: a case change, a space, a prefix.
    fc.constantFrom(...enums).map((v) => v.toLowerCase()),
    fc.constantFrom(...enums).map((v) => `${v} `),
    fc.constantFrom(...enums).map((v) => v.slice(0, -1)),
    fc.constantFrom("", " ", "Agent1", "é", "\u0000", "\ud800", "chat"),
    fc.string({ maxLength: 4 }),
    fc.constantFrom(TS, "2026-02-30T09:00:00.000Z", "2026-03-02T09:00:00Z", "2026-03-02T24:00:00.000Z"),
    fc.constantFrom(DELETE, undefined, null, 0, 7, true),
    fc.constantFrom([], ["Agent1"], {}, { agent: "A" }),
  );
  const arbitraryLine = fc
    .constantFrom(...EVENT_NAMES)
    .chain((event) =>
      fc.tuple(
        fc.constant(event),
        fc.boolean(),
        fc.array(fc.tuple(fieldOf(event), anyValue), { maxLength: 3 }),
      ),
    )
    .map(([event, optional, changes]) => {
      const fields = EVERY_EVENT[event] ?? {};
      const required = definitions[event]?.then.required ?? [];
      const value = line(event, optional ? fields : Object.fromEntries(required.map((f) => [f, fields[f]])));
      for (const [field, changed] of changes) {
        if (changed === DELETE) delete value[field];
        else
          Object.defineProperty(value, field, {
            value: changed,
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
      return value;
    });
  const notAnObject = fc.constantFrom<unknown>(
    null,
    [],
    // An array is no object to the schema, even with the fields of a valid line.
    Object.assign([], line("EventPartyAdded", { agent: "A" })),
    "x",
    3,
    true,
  );
  const outcomes = { valid: 0, invalid: 0 };
  fc.assert(
    fc.property(
      fc.oneof({ arbitrary: arbitraryLine, weight: 20 }, { arbitrary: notAnObject, weight: 1 }),
      (value) => {
        const valid = reference(value);
        const time = validEventTime(value);
        expect(time, JSON.stringify(value)).to.deep.equal(
          valid ? Date.parse((value as { ts: string }).ts) : Number.NaN,
        );
        outcomes[valid ? "valid" : "invalid"]++;
      },
    ),
    { numRuns: 10000 },
  );
  // Both sides are well exercised.
  expect(outcomes.valid).to.be.above(1000);
  expect(outcomes.invalid).to.be.above(1000);
});
