/**
 * The COPY lines (PostgreSQL text format) of one generated chat, table by table, with the same
 * values seed-db writes for an example (src/gimdb/seed.ts): keys from the dimension caches,
 * measures, anchor flags and the chat session from seed-facts.ts. Pure and synchronous, so the
 * volume loader can format a chunk without a round trip per row.
 */
import { createHash } from "node:crypto";
import type { IrfRow } from "../domain/irf";
import type { MsfRow } from "../domain/msf";
import type { ExampleInteraction } from "../gimdb/example-logs";
import { dateTimeKey } from "../gimdb/seed-dimensions";
import {
  anchorFlags,
  chatSession,
  IRF_MEASURE_COLUMNS,
  interactionTypeOf,
  irfMeasures,
  linkedMsf,
  wholeSeconds,
} from "../gimdb/seed-facts";
import type { GeneratedChat } from "./volume-generator";

export const INTERACTION_FACT_COLUMNS = [
  "INTERACTION_ID",
  "TENANT_KEY",
  "INTERACTION_TYPE_KEY",
  "MEDIA_TYPE_KEY",
  "MEDIA_SERVER_ROOT_IXN_GUID",
  "MEDIA_SERVER_IXN_GUID",
  "START_TS",
  "END_TS",
  "START_DATE_TIME_KEY",
  "END_DATE_TIME_KEY",
  "CREATE_AUDIT_KEY",
  "UPDATE_AUDIT_KEY",
] as const;

export const IRF_COLUMNS = [
  "INTERACTION_RESOURCE_ID",
  "START_DATE_TIME_KEY",
  "END_DATE_TIME_KEY",
  "INTERACTION_SDT_KEY",
  "TENANT_KEY",
  "MEDIA_TYPE_KEY",
  "RESOURCE_KEY",
  "TECHNICAL_DESCRIPTOR_KEY",
  "INTERACTION_TYPE_KEY",
  "ROUTING_TARGET_KEY",
  "ANCHOR_FLAGS_KEY",
  "INTERACTION_DESCRIPTOR_KEY",
  "LAST_VQUEUE_RESOURCE_KEY",
  "MEDIATION_SEGMENT_ID",
  "MEDIATION_RESOURCE_KEY",
  "MEDIATION_START_DATE_TIME_KEY",
  "INTERACTION_ID",
  "INTERACTION_RESOURCE_ORDINAL",
  "IRF_ANCHOR",
  "RECEIVED_FROM_IXN_RESOURCE_ID",
  "START_TS",
  "END_TS",
  "CREATE_AUDIT_KEY",
  "UPDATE_AUDIT_KEY",
  ...IRF_MEASURE_COLUMNS,
] as const;

export const IRF_USER_DATA_KEYS_COLUMNS = [
  "INTERACTION_RESOURCE_ID",
  "START_DATE_TIME_KEY",
  "TENANT_KEY",
  "INTERACTION_DESCRIPTOR_KEY",
  "CREATE_AUDIT_KEY",
  "UPDATE_AUDIT_KEY",
] as const;

export const MSF_COLUMNS = [
  "MEDIATION_SEGMENT_ID",
  "TENANT_KEY",
  "INTERACTION_ID",
  "MEDIA_SERVER_IXN_GUID",
  "MEDIA_TYPE_KEY",
  "INTERACTION_TYPE_KEY",
  "RESOURCE_KEY",
  "TECHNICAL_DESCRIPTOR_KEY",
  "START_DATE_TIME_KEY",
  "END_DATE_TIME_KEY",
  "START_TS",
  "END_TS",
  "MEDIATION_DURATION",
  "TARGET_IXN_RESOURCE_ID",
  "TARGET_IXN_RESOURCE_SDT_KEY",
  "IXN_RESOURCE_ID",
  "CREATE_AUDIT_KEY",
  "UPDATE_AUDIT_KEY",
] as const;

export const CHAT_SESSION_COLUMNS = [
  "MEDIA_SERVER_IXN_GUID",
  "TENANT_KEY",
  "MEDIA_TYPE_KEY",
  "CHAT_SESSION_DIM_KEY",
  "START_DATE_TIME_KEY",
  "END_DATE_TIME_KEY",
  "START_TS",
  "END_TS",
  "AGENTS_COUNT",
  "HANDLE_COUNT",
  "SESSION_DURATION",
  "UNTIL_FIRST_AGENT_DURATION",
  "HANDLE_DURATION",
  "CREATE_AUDIT_KEY",
  "UPDATE_AUDIT_KEY",
] as const;

/** The dimension keys a chat's rows point at, all known before the first COPY (seed-volume.ts). */
export interface RowKeys {
  tenant: number;
  media: number;
  audit: string;
  noResource: number;
  unknownTarget: number;
  noUserData: number;
  seed: string;
  resource(name: string, type: IrfRow["resourceType"]): number;
  descriptor(d: { role: string; result: string; reason: string; roleReason: string }): number;
  interactionType(type: string | null, subtype: string | null): number;
  anchors(first: number, engage: number, agentEngage: number): number;
  sessionEnd(endedBy: string): number;
}

/** Lines per table, appended to by chatLines. */
export interface CopyBuffers {
  ixn: string[];
  irf: string[];
  userData: string[];
  msf: string[];
  session: string[];
}

export function emptyBuffers(): CopyBuffers {
  return { ixn: [], irf: [], userData: [], msf: [], session: [] };
}

type Cell = string | number | null;

/** One COPY text line; the values are numbers, GUIDs and keys, never text needing escapes. */
function line(values: readonly Cell[]): string {
  return values.map((v) => (v === null ? "\\N" : String(v))).join("\t");
}

/** GIM's *_TS: whole seconds since 1970 UTC. */
function seconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

/**
 * A MEDIA_SERVER_IXN_GUID for a seeded interaction: 32 hex digits from the seed and the
 * interaction's id, so the same seed gives the same GUIDs and two volumes never share one.
 */
export function syntheticGuid(seed: string, interactionId: number): string {
  return createHash("sha1").update(`${seed}:${interactionId}`).digest("hex").slice(0, 32).toUpperCase();
}

/**
 * Appends the rows of `chat` to `out`; ids are drawn from `ids` (IRFs and MSFs share one id
 * space, as IRF_USER_DATA_CUST_1 refers to either).
 */
export function chatLines(
  chat: GeneratedChat,
  keys: RowKeys,
  ids: { interaction: number; fact: number },
  out: CopyBuffers,
): void {
  const guidOf = new Map<string, string>();
  for (const x of chat.interactions) {
    const ixn = ids.interaction++;
    const guid = syntheticGuid(keys.seed, ixn);
    guidOf.set(x.name, guid);
    const root = x.parent === undefined ? guid : (guidOf.get(x.parent) ?? guid);
    const start = Math.floor(x.firstMs / 1000);
    const end = Math.floor(x.lastMs / 1000);
    const declared = interactionTypeOf(x.events);
    const typeKey = keys.interactionType(declared.type, declared.subtype);
    const { tenant, media, audit } = keys;
    out.ixn.push(
      line([
        ixn,
        tenant,
        typeKey,
        media,
        root,
        guid,
        start,
        end,
        dateTimeKey(start),
        dateTimeKey(end),
        audit,
        audit,
      ]),
    );
    const idOf = new Map<number, number>();
    for (const row of x.rows) idOf.set(row.irf, ids.fact++);
    const msfIdOf = new Map<number, number>();
    for (const msf of x.msfs) msfIdOf.set(msf.msf, ids.fact++);
    for (const msf of x.msfs) msfLine(msf, x, { ixn, guid, typeKey, idOf, msfIdOf }, keys, out);
    for (const row of x.rows) irfLines(row, x, { ixn, start, typeKey, idOf, msfIdOf }, keys, out);
    const session = chatSession(x);
    out.session.push(
      line([
        guid,
        tenant,
        media,
        session.endedBy === null ? null : keys.sessionEnd(session.endedBy),
        dateTimeKey(start),
        dateTimeKey(end),
        start,
        end,
        session.agentsCount,
        session.handleCount,
        session.sessionDuration,
        session.untilFirstAgentDuration,
        session.handleDuration,
        audit,
        audit,
      ]),
    );
  }
}

function msfLine(
  msf: MsfRow,
  x: ExampleInteraction,
  at: { ixn: number; guid: string; typeKey: number; idOf: Map<number, number>; msfIdOf: Map<number, number> },
  keys: RowKeys,
  out: CopyBuffers,
): void {
  const startTs = seconds(msf.start);
  const endTs = msf.end === "" ? null : seconds(msf.end);
  const target = msf.irf === null ? null : (at.idOf.get(msf.irf) ?? null);
  const targetRow = msf.irf === null ? undefined : x.rows.find((r) => r.irf === msf.irf);
  out.msf.push(
    line([
      at.msfIdOf.get(msf.msf) ?? null,
      keys.tenant,
      at.ixn,
      at.guid,
      keys.media,
      at.typeKey,
      keys.resource(msf.resource, "Queue"),
      keys.descriptor(msf),
      dateTimeKey(startTs),
      endTs === null ? null : dateTimeKey(endTs),
      startTs,
      endTs,
      wholeSeconds(msf.durationMs),
      target,
      targetRow === undefined ? null : dateTimeKey(seconds(targetRow.start)),
      target,
      keys.audit,
      keys.audit,
    ]),
  );
}

function irfLines(
  row: IrfRow,
  x: ExampleInteraction,
  at: {
    ixn: number;
    start: number;
    typeKey: number;
    idOf: Map<number, number>;
    msfIdOf: Map<number, number>;
  },
  keys: RowKeys,
  out: CopyBuffers,
): void {
  const id = at.idOf.get(row.irf) ?? null;
  const startTs = seconds(row.start);
  const endTs = row.end === "" ? null : seconds(row.end);
  const received = row.receivedFrom === null ? null : (at.idOf.get(row.receivedFrom) ?? null);
  const msf = linkedMsf(row, x.msfs);
  // The queue the chat was distributed from (the mediation linked to this IRF), else NONE.
  const lastQueue = msf === undefined ? keys.noResource : keys.resource(msf.resource, "Queue");
  const flags = anchorFlags(row, x);
  const measures = irfMeasures(row, x);
  const audit = keys.audit;
  out.irf.push(
    line([
      id,
      dateTimeKey(startTs),
      endTs === null ? null : dateTimeKey(endTs),
      dateTimeKey(at.start),
      keys.tenant,
      keys.media,
      keys.resource(row.resource, row.resourceType),
      keys.descriptor(row),
      at.typeKey,
      keys.unknownTarget,
      keys.anchors(flags.FIRST_IRF_FOR_IXN, flags.FIRST_ENGAGE_FOR_IXN, flags.FIRST_ENGAGE_FOR_AGENT_IXN),
      keys.noUserData,
      lastQueue,
      msf === undefined ? null : (at.msfIdOf.get(msf.msf) ?? null),
      lastQueue,
      msf === undefined ? null : dateTimeKey(seconds(msf.start)),
      at.ixn,
      row.irf,
      flags.FIRST_IRF_FOR_IXN,
      received,
      startTs,
      endTs,
      audit,
      audit,
      ...IRF_MEASURE_COLUMNS.map((c) => measures[c]),
    ]),
  );
  out.userData.push(line([id, dateTimeKey(startTs), keys.tenant, keys.noUserData, audit, audit]));
}
