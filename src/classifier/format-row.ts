/**
 * One IRF row as one JSON line (no newline), fields in the contract's order (event-log.md
 * "Output"): interaction, irf, resource, resourceType, role, result, reason, start, end, then
 * roleReason, alertingMs, handlingMs, mediationMs, receivedFrom. The same text as
 * JSON.stringify of a row built in that order (a test checks it on arbitrary rows), written as
 * a template because a classify of a big log spends a fifth of its time serialising rows: only
 * the strings go through JSON.stringify, for its escaping.
 */
import type { IrfRow } from "../domain/irf";
import { BoundedMemo } from "./bounded-memo";

/** The row's fields in the order formatRow writes them. */
export const ROW_FIELDS = [
  "interaction",
  "irf",
  "resource",
  "resourceType",
  "role",
  "result",
  "reason",
  "start",
  "end",
  "roleReason",
  "alertingMs",
  "handlingMs",
  "mediationMs",
  "receivedFrom",
] as const satisfies readonly (keyof IrfRow)[];

const str = JSON.stringify as (value: string) => string;

/**
 * Names (resources, descriptors) recur on almost every row: their JSON is remembered, up to a
 * bound so that memory stays flat whatever the log holds.
 */
const quotedNames = new BoundedMemo(str, 4096);

function name(value: string): string {
  return quotedNames.get(value);
}

/** A number as JSON.stringify writes it: non-finite ones, and null, as null. */
function num(value: number | null): string {
  return Number.isFinite(value) ? `${value}` : "null";
}

export function formatRow(row: IrfRow): string {
  return (
    `{"interaction":${str(row.interaction)},"irf":${num(row.irf)},"resource":${name(row.resource)}` +
    `,"resourceType":${name(row.resourceType)},"role":${name(row.role)},"result":${name(row.result)}` +
    `,"reason":${name(row.reason)},"start":${str(row.start)},"end":${str(row.end)}` +
    `,"roleReason":${name(row.roleReason)},"alertingMs":${num(row.alertingMs)}` +
    `,"handlingMs":${num(row.handlingMs)},"mediationMs":${num(row.mediationMs)}` +
    `,"receivedFrom":${num(row.receivedFrom)}}`
  );
}
