/**
 * Validation of one parsed event-log line against the shipped JSON Schema, turning ajv's first
 * error into an InputError that names the event-log field and what was expected.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import { InputError } from "../errors";
import schema from "./event-log.schema.json";
import { type ChatEvent, EVENT_NAMES, type EventSource, type LoggedEvent } from "./events";
import { namesRealDay, TIMESTAMP_EXAMPLE, timestampMs } from "./timestamp";
import { validEventTime } from "./valid-event-time";

export { schema as EVENT_LOG_SCHEMA };

interface Validators {
  /** The whole schema: the reference, and the source of error messages. */
  full: ValidateFunction;
  /** The fields of every line (definitions/everyLine). */
  everyLine: ValidateFunction;
  /** Each event's own rule (definitions/<event name>), by event name; a null-prototype object. */
  byEvent: Readonly<Record<string, ValidateFunction | undefined>>;
}

let compiled: Validators | undefined;

/**
 * The compiled validators, built on first use so that commands that never read a log don't pay
 * for compiling. Tuned for throughput: the first error is enough for a message (allErrors
 * false); the ts pattern is ASCII (no u flag); `date-time` is a calendar check on the digits
 * that the pattern has already matched, instead of ajv-formats' general RFC 3339 parser.
 */
function validators(): Validators {
  if (compiled === undefined) {
    // ajv itself loads here too (60 modules): a canonical log, read by its own fast path, never needs it.
    const { Ajv } = require("ajv") as typeof import("ajv");
    const ajv = new Ajv({ allErrors: false, unicodeRegExp: false, formats: { "date-time": namesRealDay } });
    ajv.addSchema(schema);
    const part = (name: string) => {
      const validate = ajv.getSchema(`${schema.$id}#/definitions/${name}`);
      if (validate === undefined) throw new Error(`event-log.schema.json has no definitions/${name}`);
      return validate;
    };
    const full = ajv.getSchema(schema.$id);
    if (full === undefined) throw new Error("event-log.schema.json did not compile");
    compiled = {
      full,
      everyLine: part("everyLine"),
      byEvent: Object.assign(
        Object.create(null) as Record<string, ValidateFunction>,
        Object.fromEntries(EVENT_NAMES.map((name) => [name, part(name)])),
      ),
    };
  }
  return compiled;
}

/**
 * Whether `value` is valid against the whole schema, checked the fast way: the schema is
 * everyLine AND, for each event E, "if event is E then E's fields"; once everyLine has passed,
 * only the rule of the line's own event can fail, so it alone is run instead of all nine ifs.
 * A test checks that this agrees with the full schema.
 */
export function isValidEvent(value: unknown): boolean {
  const { everyLine, byEvent } = compiled ?? validators();
  if (!everyLine(value)) return false;
  const own = byEvent[(value as { event: string }).event];
  return own?.(value) === true;
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
  if (!isValidEvent(value)) {
    // The rare path: ask the full schema, whose error paths are the ones users see in the file.
    const { full } = validators();
    full(value);
    throw explain(full.errors?.[0], value as Record<string, unknown>, source);
  }
  const event = value as ChatEvent;
  return { event, source, time: timestampMs(event.ts) };
}

function explain(
  error: ErrorObject | undefined,
  line: Record<string, unknown>,
  source: EventSource,
): InputError {
  const fail = (field: string | undefined, problem: string) =>
    new InputError(source.file, source.line, field, problem);
  if (error === undefined) return fail(undefined, "does not match the event log schema");

  if (error.keyword === "required") {
    const missing = String(error.params.missingProperty);
    // Required by the schema's root: on every line. Otherwise by the `then` of one event.
    const owner = error.schemaPath.startsWith("#/definitions/everyLine/")
      ? "on every line"
      : `by ${String(line.event)}`;
    return fail(missing, `required ${owner} but missing`);
  }

  const field = fieldOf(error.instancePath);
  const got = fieldValue(line, error.instancePath);
  switch (error.keyword) {
    case "enum": {
      const allowed = (error.params.allowedValues as unknown[]).join(", ");
      if (field === "event") {
        return fail(field, `unknown event ${describeJson(got)}; expected one of ${allowed}`);
      }
      return fail(field, `expected one of ${allowed}, got ${describeJson(got)}`);
    }
    case "pattern":
    case "format":
      if (field === "ts") {
        const why = error.keyword === "format" ? ", which is not a real date" : "";
        return fail(
          field,
          `expected an RFC 3339 UTC timestamp with milliseconds like ${TIMESTAMP_EXAMPLE}, got ${describeJson(got)}${why}`,
        );
      }
      return fail(field, `${error.message ?? "does not match its format"}, got ${describeJson(got)}`);
    case "type":
    case "minLength":
      if (field === "ts") {
        return fail(
          field,
          `expected an RFC 3339 UTC timestamp with milliseconds like ${TIMESTAMP_EXAMPLE}, got ${describeJson(got)}`,
        );
      }
      return fail(field, `expected a non-empty string, got ${describeJson(got)}`);
    default:
      return fail(
        field,
        `${error.message ?? "does not match the event log schema"}, got ${describeJson(got)}`,
      );
  }
}

/** "/agent" -> "agent"; JSON Pointer escapes undone. Undefined for the line itself. */
function fieldOf(instancePath: string): string | undefined {
  if (instancePath === "") return undefined;
  return instancePath
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .join(".");
}

function fieldValue(line: Record<string, unknown>, instancePath: string): unknown {
  let at: unknown = line;
  for (const part of instancePath.split("/").slice(1)) {
    const key = part.replace(/~1/g, "/").replace(/~0/g, "~");
    at = typeof at === "object" && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  }
  return at;
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
