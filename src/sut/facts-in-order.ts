/**
 * GIM stores no ordinals: IRFs and MSFs are numbered 1, 2, ... within each interaction
 * (MEDIA_SERVER_IXN_GUID) by START_TS, then by their own key (INTERACTION_RESOURCE_ID,
 * MEDIATION_SEGMENT_ID), which GIM allocates in creation order and so breaks ties between facts
 * that started in the same second. The same key twice in one interaction is refused: an export
 * concatenated twice would otherwise double every fact.
 */
import { InputError } from "../errors";

/** A fact read from a record, with what ordering needs. */
export interface KeyedFact {
  startMs: number;
  /** The fact's own key (INTERACTION_RESOURCE_ID or MEDIATION_SEGMENT_ID). */
  key: bigint;
  line: number | undefined;
}

/**
 * The facts of each wanted GUID (all when `wanted` is undefined), each list in fact order.
 * `keyColumn` names the key in messages; `source` the file or database.
 */
export function factsInOrder<R, K extends KeyedFact>(
  records: Iterable<R>,
  guidOf: (record: R) => string,
  toKeyed: (record: R, guid: string) => K,
  keyColumn: string,
  source: string,
  wanted?: ReadonlySet<string>,
): Map<string, K[]> {
  const byGuid = new Map<string, K[]>();
  for (const record of records) {
    const guid = guidOf(record);
    if (wanted !== undefined && !wanted.has(guid)) continue;
    const keyed = toKeyed(record, guid);
    const list = byGuid.get(guid);
    if (list === undefined) byGuid.set(guid, [keyed]);
    else list.push(keyed);
  }
  for (const [guid, list] of byGuid) {
    // Number keeps the sign of a key difference, however large: 0 only for equal keys.
    list.sort((a, b) => a.startMs - b.startMs || Number(a.key - b.key));
    list.forEach((keyed, index) => {
      const previous = list[index - 1];
      if (previous !== undefined && previous.key === keyed.key) {
        throw new InputError(
          source,
          keyed.line,
          keyColumn,
          `${keyed.key} appears twice for interaction ${guid}; was the export concatenated twice?`,
        );
      }
    });
  }
  return byGuid;
}
