/**
 * GIM's MSF records (MEDIATION_SEGMENT_FACT, from sql/msf-descriptors.sql: an export file or the
 * database) to the harness's MsfRow, mapped as IRFs are (descriptors by code, names only shown):
 *
 * - MSF ordinals: within each MEDIA_SERVER_IXN_GUID, 1, 2, ... by START_TS, then by
 *   MEDIATION_SEGMENT_ID (GIM's key, allocated in creation order).
 * - `irf`: the ordinal of the interaction's IRF whose INTERACTION_RESOURCE_ID equals
 *   TARGET_IXN_RESOURCE_ID (GIMPopMSF: "An MSF also includes links to the associated IRF"),
 *   null when it is NULL. A link to an IRF the interaction's IRF rows do not hold is rejected:
 *   an IRF export and an MSF export made at different times would otherwise link wrongly.
 * - durationMs: MEDIATION_DURATION (seconds), else END_TS - START_TS.
 */
import type { MsfRow } from "../domain/msf";
import { Vocabulary } from "../domain/vocabulary";
import { InputError } from "../errors";
import { factsInOrder, type KeyedFact } from "./facts-in-order";
import { descriptorByCode, resourceTypeByCode } from "./gim-descriptor-codes";
import type { InteractionIrfs } from "./gim-irf-rows";
import type { SourcedMsfRecord } from "./gim-msf-columns";
import { factTimes, INTEGER, integer, requireChat, required, value } from "./gim-record-values";

const WHAT = "MSF row";

interface Keyed extends KeyedFact {
  row: MsfRow;
}

/**
 * MSFs per interaction GUID, in MSF order, for the GUIDs in `wanted` (all when undefined).
 * `irfs` are the same interactions' IRFs, for the links.
 */
export function msfRowsByGuid(
  records: Iterable<SourcedMsfRecord>,
  source: string,
  irfs: ReadonlyMap<string, InteractionIrfs>,
  wanted?: ReadonlySet<string>,
  vocabulary: Vocabulary = Vocabulary.standard(),
): Map<string, MsfRow[]> {
  const ordered = factsInOrder(
    records,
    (record) => required(record, "MEDIA_SERVER_IXN_GUID", source, WHAT),
    (record, guid) => toKeyed(record, guid, source, irfs.get(guid), vocabulary),
    "MEDIATION_SEGMENT_ID",
    source,
    wanted,
  );
  const result = new Map<string, MsfRow[]>();
  for (const [guid, list] of ordered) {
    list.forEach((keyed, index) => {
      keyed.row.msf = index + 1;
    });
    result.set(
      guid,
      list.map((k) => k.row),
    );
  }
  return result;
}

function toKeyed(
  record: SourcedMsfRecord,
  guid: string,
  source: string,
  irfs: InteractionIrfs | undefined,
  vocabulary: Vocabulary,
): Keyed {
  requireChat(record, source, guid, WHAT);
  resourceTypeByCode(record, source, guid, WHAT);
  const segmentId = integer(record, "MEDIATION_SEGMENT_ID", source, WHAT);
  const { start, end } = factTimes(record, source);
  const { recordedNames, ...descriptor } = descriptorByCode(record, vocabulary, source, WHAT);
  return {
    row: {
      interaction: guid,
      msf: 0,
      resource: required(record, "RESOURCE_NAME", source, WHAT),
      ...descriptor,
      start: start.iso,
      end: end?.iso ?? "",
      durationMs: durationMs(record, source, start.ms, end?.ms),
      irf: linkedIrf(record, source, guid, irfs),
      ...(recordedNames === undefined ? {} : { recordedNames }),
    },
    startMs: start.ms,
    key: segmentId,
    line: record.line,
  };
}

function durationMs(
  record: SourcedMsfRecord,
  source: string,
  startMs: number,
  endMs: number | undefined,
): number {
  const text = value(record, "MEDIATION_DURATION");
  if (text === "") return endMs === undefined ? 0 : endMs - startMs;
  if (!INTEGER.test(text)) {
    throw new InputError(
      source,
      record.line,
      "MEDIATION_DURATION",
      `"${text}" is not a whole number of seconds`,
    );
  }
  return Number(text) * 1000;
}

function linkedIrf(
  record: SourcedMsfRecord,
  source: string,
  guid: string,
  irfs: InteractionIrfs | undefined,
): number | null {
  if (value(record, "TARGET_IXN_RESOURCE_ID") === "") return null;
  const target = integer(record, "TARGET_IXN_RESOURCE_ID", source, WHAT);
  const ordinal = irfs?.ordinalOf.get(target);
  if (ordinal === undefined) {
    throw new InputError(
      source,
      record.line,
      "TARGET_IXN_RESOURCE_ID",
      `${target} is no IRF of interaction ${guid} (INTERACTION_RESOURCE_ID); were the IRF and MSF exports made at the same time?`,
    );
  }
  return ordinal;
}
