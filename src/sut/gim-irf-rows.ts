/**
 * GIM's IRF records (export file lines or database rows, in GIM's column names) to the harness's
 * IrfRow: the one mapping both real back ends share, so an export and a live database of the same
 * Info Mart can never be read differently.
 *
 * - IRF ordinals: GIM stores none, so within each MEDIA_SERVER_IXN_GUID the rows are numbered
 *   1, 2, ... by START_TS, then by INTERACTION_RESOURCE_ID (GIM allocates those in creation order,
 *   which breaks ties between attempts that started in the same second).
 * - Descriptors BY CODE (gim-descriptor-codes.ts): each `_CODE` to the vocabulary's name, or the
 *   raw code when the vocabulary has none (that scenario then fails with the code shown); the
 *   names, whatever their language, are carried in recordedNames and never compared.
 * - resourceType from RESOURCE_TYPE_CODE (resource-type-codes.ts), the code kept as recorded.
 * - MEDIA_NAME_CODE must be CHAT: a manifest GUID of another medium is the tester's mistake.
 * - START_TS/END_TS: GIM's integer seconds since 1970 UTC, or ISO 8601 (gim-record-values.ts).
 *   END_TS may be empty for an attempt GIM has not closed yet.
 * - Durations and receivedFrom are not in the export's columns: they read 0 and null, and the
 *   comparison does not use them.
 */
import type { IrfRow } from "../domain/irf";
import { Vocabulary } from "../domain/vocabulary";
import { factsInOrder, type KeyedFact } from "./facts-in-order";
import { descriptorByCode, resourceTypeByCode } from "./gim-descriptor-codes";
import type { SourcedRecord } from "./gim-irf-columns";
import { factTimes, integer, requireChat, required } from "./gim-record-values";

const WHAT = "IRF row";

interface Keyed extends KeyedFact {
  row: IrfRow;
}

/** One interaction's IRFs in order, and the ordinal of each INTERACTION_RESOURCE_ID (for MSF links). */
export interface InteractionIrfs {
  rows: IrfRow[];
  ordinalOf: ReadonlyMap<bigint, number>;
}

/**
 * Rows per interaction GUID, each list in IRF order. Only the GUIDs in `wanted` are mapped (when
 * given): an export of a whole day may hold rows the lab never asked about, and an oddity in one
 * of those must not fail the run. `source` names the file or database in messages.
 */
export function irfRowsByGuid(
  records: Iterable<SourcedRecord>,
  source: string,
  wanted?: ReadonlySet<string>,
  vocabulary: Vocabulary = Vocabulary.standard(),
): Map<string, IrfRow[]> {
  const result = new Map<string, IrfRow[]>();
  for (const [guid, irfs] of irfsByGuid(records, source, wanted, vocabulary)) result.set(guid, irfs.rows);
  return result;
}

/** As irfRowsByGuid, with each interaction's INTERACTION_RESOURCE_ID -> IRF ordinal. */
export function irfsByGuid(
  records: Iterable<SourcedRecord>,
  source: string,
  wanted: ReadonlySet<string> | undefined,
  vocabulary: Vocabulary,
): Map<string, InteractionIrfs> {
  const ordered = factsInOrder(
    records,
    (record) => required(record, "MEDIA_SERVER_IXN_GUID", source, WHAT),
    (record, guid) => toKeyed(record, guid, source, vocabulary),
    "INTERACTION_RESOURCE_ID",
    source,
    wanted,
  );
  const result = new Map<string, InteractionIrfs>();
  for (const [guid, list] of ordered) {
    const ordinalOf = new Map<bigint, number>();
    list.forEach((keyed, index) => {
      keyed.row.irf = index + 1;
      ordinalOf.set(keyed.key, index + 1);
    });
    result.set(guid, { rows: list.map((k) => k.row), ordinalOf });
  }
  return result;
}

function toKeyed(record: SourcedRecord, guid: string, source: string, vocabulary: Vocabulary): Keyed {
  requireChat(record, source, guid, WHAT);
  const { resourceType, resourceTypeCode } = resourceTypeByCode(record, source, guid, WHAT);
  const resourceId = integer(record, "INTERACTION_RESOURCE_ID", source, WHAT);
  const { start, end } = factTimes(record, source);
  const { recordedNames, ...descriptor } = descriptorByCode(record, vocabulary, source, WHAT);
  return {
    row: {
      interaction: guid,
      irf: 0,
      resource: required(record, "RESOURCE_NAME", source, WHAT),
      resourceType,
      ...descriptor,
      start: start.iso,
      end: end?.iso ?? "",
      alertingMs: 0,
      handlingMs: 0,
      mediationMs: 0,
      receivedFrom: null,
      resourceTypeCode,
      interactionTypeCode: required(record, "INTERACTION_TYPE_CODE", source, WHAT),
      ...(recordedNames === undefined ? {} : { recordedNames }),
    },
    startMs: start.ms,
    key: resourceId,
    line: record.line,
  };
}
