/**
 * The dimension rows every seeded chat's facts point at, loaded (and their fixed rows written)
 * once per load: shared by `seed-db` (the example flows, src/gimdb/seed.ts) and
 * `seed-db --volume` (COPY, src/volume/seed-volume.ts), so both write the same dimensions alike.
 */
import { DescriptorKeys } from "./descriptor-keys";
import { chatMediaTypeKey, ResourceKeys, SEEDED_TENANT_KEY } from "./dimension-keys";
import type { Queryable } from "./read-only-session";
import { InteractionTypeKeys, KeyedDimension } from "./seed-dimensions";

export interface SeedKeys {
  media: number;
  descriptors: DescriptorKeys;
  resources: ResourceKeys;
  /** The NONE resource (an MSF with no later queue); UNKNOWN is written too. */
  noResource: number;
  interactionTypes: InteractionTypeKeys;
  /** The event log names no routing target: every IRF points at the UNKNOWN one. */
  unknownTarget: number;
  /** Nor user data: every IRF points at the descriptor whose business attributes are all absent. */
  noUserData: number;
  anchors: KeyedDimension;
  sessionEnds: KeyedDimension;
}

export async function loadSeedKeys(db: Queryable, auditKey: string): Promise<SeedKeys> {
  const media = await chatMediaTypeKey(db, auditKey);
  const descriptors = await DescriptorKeys.load(db, auditKey);
  const resources = await ResourceKeys.load(db, auditKey);
  const noResource = await resources.special(db, "NONE");
  await resources.special(db, "UNKNOWN");
  const interactionTypes = await InteractionTypeKeys.load(db, auditKey);
  const routingTargets = await KeyedDimension.load(
    db,
    "ROUTING_TARGET",
    "ROUTING_TARGET_KEY",
    ["TENANT_KEY", "ROUTING_TARGET_TYPE", "ROUTING_TARGET_TYPE_CODE"],
    auditKey,
  );
  const unknownTarget = await routingTargets.keyFor(db, [SEEDED_TENANT_KEY, "Unknown", "UNKNOWN"]);
  const noUserData = await (
    await KeyedDimension.load(
      db,
      "INTERACTION_DESCRIPTOR",
      "INTERACTION_DESCRIPTOR_KEY",
      ["TENANT_KEY", "CUSTOMER_SEGMENT", "SERVICE_TYPE", "SERVICE_SUBTYPE", "BUSINESS_RESULT"],
      auditKey,
    )
  ).keyFor(db, [SEEDED_TENANT_KEY, null, null, null, null]);
  const anchors = await KeyedDimension.load(
    db,
    "ANCHOR_FLAGS",
    "ANCHOR_FLAGS_KEY",
    ["FIRST_IRF_FOR_IXN", "FIRST_ENGAGE_FOR_IXN", "FIRST_ENGAGE_FOR_AGENT_IXN"],
    auditKey,
  );
  const sessionEnds = await KeyedDimension.load(db, "CHAT_SESSION_DIM", "ID", ["ENDED_BY"], auditKey);
  return {
    media,
    descriptors,
    resources,
    noResource,
    interactionTypes,
    unknownTarget,
    noUserData,
    anchors,
    sessionEnds,
  };
}

/** MAX(column) + 1 as a decimal string (numeric(19) columns can exceed a double's integers). */
export async function nextValue(db: Queryable, table: string, column: string): Promise<string> {
  const { rows } = await db.query<{ next: string }>(
    `SELECT (COALESCE(MAX(${column}), 0) + 1)::text AS next FROM ${table}`,
  );
  return rows[0]?.next ?? "1";
}
