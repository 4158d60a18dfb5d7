/**
 * Reading one value of a GIM record (an export line or a database row), with rejections that
 * name the source, line and column: text, required text, integers and GIM's timestamps.
 */
import { InputError } from "../errors";
import type { Sourced } from "./export-spec";

export const INTEGER = /^-?\d+$/;
/** A timestamp without a zone: GIM's times are UTC, so it is read as UTC, never as local time. */
const ZONELESS = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

export function value<C extends string>(record: Sourced<C>, column: C): string {
  return (record.values[column] ?? "").trim();
}

export function required<C extends string>(
  record: Sourced<C>,
  column: C,
  source: string,
  what = "row",
): string {
  const text = value(record, column);
  if (text === "") throw new InputError(source, record.line, column, `is empty; every ${what} needs it`);
  return text;
}

export function integer<C extends string>(
  record: Sourced<C>,
  column: C,
  source: string,
  what = "row",
): bigint {
  const text = required(record, column, source, what);
  if (!INTEGER.test(text)) throw new InputError(source, record.line, column, `"${text}" is not an integer`);
  return BigInt(text);
}

/**
 * START_TS/END_TS: GIM's integer seconds since 1970 UTC, or an ISO 8601 timestamp for exports that
 * converted them (read as UTC when it has no zone).
 */
export function timestamp<C extends string>(
  record: Sourced<C>,
  column: C,
  source: string,
): { ms: number; iso: string } {
  const text = required(record, column, source);
  const ms = INTEGER.test(text)
    ? Number(text) * 1000
    : Date.parse(ZONELESS.test(text) ? `${text.replace(" ", "T")}Z` : text);
  // One check for both failures: Date.parse's NaN, and integer seconds beyond the dates a Date
  // can hold (a valid integer that would make toISOString throw a RangeError).
  if (Number.isNaN(new Date(ms).getTime())) {
    throw new InputError(
      source,
      record.line,
      column,
      `"${text}" is neither GIM's integer seconds since 1970 nor an ISO 8601 timestamp`,
    );
  }
  return { ms, iso: new Date(ms).toISOString() };
}

/**
 * The chat check every fact record passes: MEDIA_NAME_CODE must be CHAT, since the harness's rules
 * are chat's (a non-chat GUID in the manifest is most often a typo).
 */
export function requireChat<C extends string>(
  record: Sourced<C | "MEDIA_NAME_CODE">,
  source: string,
  guid: string,
  what: string,
): void {
  const media = required(record, "MEDIA_NAME_CODE", source, what);
  if (media.toUpperCase() !== "CHAT") {
    throw new InputError(
      source,
      record.line,
      "MEDIA_NAME_CODE",
      `is "${media}", not CHAT: interaction ${guid} is not a chat (check its GUID in the manifest)`,
    );
  }
}

/** START_TS and END_TS of a fact; END_TS may be empty for a fact GIM has not closed yet. */
export function factTimes<C extends string>(
  record: Sourced<C | "START_TS" | "END_TS">,
  source: string,
): { start: { ms: number; iso: string }; end: { ms: number; iso: string } | undefined } {
  const start = timestamp(record, "START_TS", source);
  const end = value(record, "END_TS") === "" ? undefined : timestamp(record, "END_TS", source);
  return { start, end };
}
