/**
 * GIM's IRF records (export file lines or database rows, in GIM's column names) to the harness's
 * IrfRow: the one mapping both real back ends share, so an export and a live database of the same
 * Info Mart can never be read differently.
 *
 * - IRF ordinals: GIM stores none, so within each MEDIA_SERVER_IXN_GUID the rows are numbered
 *   1, 2, ... by START_TS, then by INTERACTION_RESOURCE_ID (GIM allocates those in creation order,
 *   which breaks ties between attempts that started in the same second).
 * - resourceType: from RESOURCE_TYPE_CODE (resource-type-codes.ts).
 * - RESULT_REASON and ROLE_REASON: NULL or empty reads as Unspecified, as GIM means it.
 * - START_TS/END_TS: GIM's integer seconds since 1970 UTC, or an ISO 8601 timestamp for exports
 *   that converted them (read as UTC when it has no zone). END_TS may be empty for an attempt GIM has not closed yet.
 * - Durations and receivedFrom are not in the export's columns: they read 0 and null, and the
 *   comparison does not use them.
 */
import { UNSPECIFIED } from "../domain/descriptor";
import type { IrfRow } from "../domain/irf";
import { InputError } from "../errors";
import type { ExportColumn, SourcedRecord } from "./gim-irf-columns";
import { RESOURCE_TYPE_CODES, resourceTypeOf } from "./resource-type-codes";

interface Keyed {
  row: IrfRow;
  startMs: number;
  resourceId: bigint;
  line: number | undefined;
}

const INTEGER = /^-?\d+$/;
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;
/** A timestamp without a zone: GIM's times are UTC, so it is read as UTC, never as local time. */
const ZONELESS = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * Rows per interaction GUID, each list in IRF order. Only the GUIDs in `wanted` are mapped (when
 * given): an export of a whole day may hold rows the lab never asked about, and an oddity in one
 * of those must not fail the run. `source` names the file or database in messages.
 */
export function irfRowsByGuid(
  records: Iterable<SourcedRecord>,
  source: string,
  wanted?: ReadonlySet<string>,
): Map<string, IrfRow[]> {
  const byGuid = new Map<string, Keyed[]>();
  for (const record of records) {
    const guid = required(record, "MEDIA_SERVER_IXN_GUID", source);
    if (wanted !== undefined && !wanted.has(guid)) continue;
    const keyed = toKeyed(record, guid, source);
    const list = byGuid.get(guid);
    if (list === undefined) byGuid.set(guid, [keyed]);
    else list.push(keyed);
  }
  const result = new Map<string, IrfRow[]>();
  for (const [guid, list] of byGuid) {
    list.sort(
      (a, b) =>
        a.startMs - b.startMs || (a.resourceId < b.resourceId ? -1 : a.resourceId > b.resourceId ? 1 : 0),
    );
    list.forEach((keyed, index) => {
      const previous = list[index - 1];
      if (previous !== undefined && previous.resourceId === keyed.resourceId) {
        throw new InputError(
          source,
          keyed.line,
          "INTERACTION_RESOURCE_ID",
          `${keyed.resourceId} appears twice for interaction ${guid}; was the export concatenated twice?`,
        );
      }
      keyed.row.irf = index + 1;
    });
    result.set(
      guid,
      list.map((k) => k.row),
    );
  }
  return result;
}

function toKeyed(record: SourcedRecord, guid: string, source: string): Keyed {
  const code = required(record, "RESOURCE_TYPE_CODE", source);
  const resourceType = resourceTypeOf(code);
  if (resourceType === undefined) {
    throw new InputError(
      source,
      record.line,
      "RESOURCE_TYPE_CODE",
      `unknown code "${code}" for interaction ${guid}; known: ${Object.keys(RESOURCE_TYPE_CODES).join(", ")}`,
    );
  }
  const resourceIdText = required(record, "INTERACTION_RESOURCE_ID", source);
  if (!INTEGER.test(resourceIdText)) {
    throw new InputError(
      source,
      record.line,
      "INTERACTION_RESOURCE_ID",
      `"${resourceIdText}" is not an integer`,
    );
  }
  const start = timestamp(record, "START_TS", source);
  const endText = value(record, "END_TS");
  const end = endText === "" ? undefined : timestamp(record, "END_TS", source);
  return {
    row: {
      interaction: guid,
      irf: 0,
      resource: required(record, "RESOURCE_NAME", source),
      resourceType,
      role: name(record, "RESOURCE_ROLE", source, false),
      result: name(record, "TECHNICAL_RESULT", source, false),
      reason: name(record, "RESULT_REASON", source, true),
      roleReason: name(record, "ROLE_REASON", source, true),
      start: start.iso,
      end: end?.iso ?? "",
      alertingMs: 0,
      handlingMs: 0,
      mediationMs: 0,
      receivedFrom: null,
    },
    startMs: start.ms,
    resourceId: BigInt(resourceIdText),
    line: record.line,
  };
}

function value(record: SourcedRecord, column: ExportColumn): string {
  return (record.values[column] ?? "").trim();
}

function required(record: SourcedRecord, column: ExportColumn, source: string): string {
  const text = value(record, column);
  if (text === "") throw new InputError(source, record.line, column, "is empty; every IRF row needs it");
  return text;
}

/** A descriptor name; the reasons default to Unspecified when empty, as GIM means NULL there. */
function name(record: SourcedRecord, column: ExportColumn, source: string, optional: boolean): string {
  const text = value(record, column);
  if (text === "" && optional) return UNSPECIFIED;
  if (!NAME.test(text)) {
    throw new InputError(
      source,
      record.line,
      column,
      text === ""
        ? "is empty; every IRF row needs it"
        : `"${text}" is not a descriptor name (letters and digits)`,
    );
  }
  return text;
}

function timestamp(record: SourcedRecord, column: ExportColumn, source: string): { ms: number; iso: string } {
  const text = required(record, column, source);
  const ms = INTEGER.test(text)
    ? Number(text) * 1000
    : Date.parse(ZONELESS.test(text) ? `${text.replace(" ", "T")}Z` : text);
  if (!Number.isFinite(ms) || Number.isNaN(new Date(ms).getTime())) {
    throw new InputError(
      source,
      record.line,
      column,
      `"${text}" is neither GIM's integer seconds since 1970 nor an ISO 8601 timestamp`,
    );
  }
  return { ms, iso: new Date(ms).toISOString() };
}
