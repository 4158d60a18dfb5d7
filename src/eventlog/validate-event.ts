/**
 * Validation of one parsed event-log line against the shipped JSON Schema, turning ajv's first
 * error into an InputError that names the event-log field and what was expected.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import { InputError } from "../errors";
import schema from "./event-log.schema.json";
import type { ChatEvent, EventSource, LoggedEvent } from "./events";
import { namesRealDay, TIMESTAMP_EXAMPLE, timestampMs } from "./timestamp";
import { validEventTime } from "./valid-event-time";

export { schema as EVENT_LOG_SCHEMA };

let compiled: ValidateFunction | undefined;

/**
 * The whole schema, compiled on first use: ajv only runs on a line the plain-code check refused,
 * so a valid log never loads or compiles it. ajv stops at the first error (its default), which is
 * all a message needs; `date-time` is a calendar check on the digits that the ts pattern has
 * already matched, instead of ajv-formats' general RFC 3339 parser.
 */
function schemaValidator(): ValidateFunction {
  if (compiled === undefined) {
    // ajv itself loads here too (60 modules).
    const { Ajv } = require("ajv") as typeof import("ajv");
    compiled = new Ajv({ formats: { "date-time": namesRealDay } }).compile(schema);
  }
  return compiled;
}

/** Validates one parsed line and returns it as a LoggedEvent; throws InputError naming the field. */
export function toLoggedEvent(value: unknown, source: EventSource): LoggedEvent {
  // The hot path: the schema as plain code. Anything it refuses is decided again by ajv below.
  const time = validEventTime(value);
  if (!Number.isNaN(time)) return { event: value as ChatEvent, source, time };
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputError(
      source.file,
      source.line,
      undefined,
      `expected a JSON object (one event per line), got ${describeJson(value)}`,
    );
  }
  const full = schemaValidator();
  if (full(value)) {
    // Not while validEventTime agrees with the schema (a property test holds them to it); should
    // it ever refuse a valid line, the schema is the authority and the line is kept.
    const event = value as ChatEvent;
    return { event, source, time: timestampMs(event.ts) };
  }
  // ajv sets at least one error whenever validation fails.
  const [error] = full.errors as [ErrorObject, ...ErrorObject[]];
  throw explain(error, value as Record<string, unknown>, source);
}

/**
 * The message for ajv's first error. Every field of the schema is a property of the line itself
 * (no nested objects, no name that needs JSON Pointer escaping) and a line that is not an object
 * was refused before ajv ran, so every error but `required` is at instancePath "/<field>". A field
 * is constrained only by a non-empty string type, an enum, or for ts a pattern and the date-time
 * format: schema.test.ts walks the schema to keep it so.
 */
function explain(error: ErrorObject, line: Record<string, unknown>, source: EventSource): InputError {
  const fail = (field: string, problem: string) => new InputError(source.file, source.line, field, problem);

  if (error.keyword === "required") {
    const missing = String(error.params.missingProperty);
    // Required by the schema's root: on every line. Otherwise by the `then` of one event.
    const owner = error.schemaPath.startsWith("#/definitions/everyLine/")
      ? "on every line"
      : `by ${String(line.event)}`;
    return fail(missing, `required ${owner} but missing`);
  }

  const field = error.instancePath.slice(1);
  const got = describeJson(line[field]);
  if (field === "ts") {
    // Not a string, not the shape (pattern), or the shape of a day that does not exist (format).
    const why = error.keyword === "format" ? ", which is not a real date" : "";
    return fail(
      field,
      `expected an RFC 3339 UTC timestamp with milliseconds like ${TIMESTAMP_EXAMPLE}, got ${got}${why}`,
    );
  }
  if (error.keyword === "enum") {
    const allowed = (error.params.allowedValues as unknown[]).join(", ");
    if (field === "event") return fail(field, `unknown event ${got}; expected one of ${allowed}`);
    return fail(field, `expected one of ${allowed}, got ${got}`);
  }
  // `type` or `minLength`: every other field is a non-empty string.
  return fail(field, `expected a non-empty string, got ${got}`);
}

const SHOWN_CHARS = 60;

/** A value as it appears in the log, cut short so that a message stays one readable line. */
function describeJson(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}
