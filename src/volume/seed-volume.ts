/**
 * `seed-db --volume N`: N synthetic chat interactions (volume-generator.ts) bulk-loaded with COPY
 * into the GIM-shaped tables seed-db creates, in one transaction behind the same guard as the
 * example seeding (seed-guard.ts: a real Info Mart is refused before anything is written). The
 * dimension rows every chat can point at are written first; then the chats are generated,
 * classified and formatted a chunk at a time, and each chunk is copied table by table, so memory
 * stays flat whatever N is.
 */
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import path from "node:path";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { CLASSIFIER_VERSION } from "../classifier/classify";
import { HarnessError, InputError } from "../errors";
import type { GimConfig } from "../gimconfig/gim-config";
import { loadGimConfig } from "../gimconfig/gim-config-file";
import type { DatabaseTarget } from "../gimdb/database-target";
import type { DescriptorNames } from "../gimdb/descriptor-keys";
import { type ResourceKeys, SEEDED_TENANT_KEY } from "../gimdb/dimension-keys";
import { readExampleLogs } from "../gimdb/example-logs";
import type { Queryable } from "../gimdb/read-only-session";
import { referenceDescriptors } from "../gimdb/seed-descriptors";
import { dateTimeKey, dateTimeLabels } from "../gimdb/seed-dimensions";
import { SEED_JOB_VERSION_PREFIX } from "../gimdb/seed-guard";
import { loadSeedKeys, nextValue } from "../gimdb/seed-keys";
import { inSeedTransaction } from "../gimdb/seed-transaction";
import { PACKAGE_ROOT } from "../package-root";
import { type ChatShape, COMPOSITIONS, DEFAULT_MIX, shapesFromExamples } from "./chat-shapes";
import { SeededRandom, seedFrom } from "./rng";
import { agentName, type GeneratedChat, VolumeGenerator } from "./volume-generator";
import {
  CHAT_SESSION_COLUMNS,
  type CopyBuffers,
  chatLines,
  emptyBuffers,
  INTERACTION_FACT_COLUMNS,
  IRF_COLUMNS,
  IRF_USER_DATA_KEYS_COLUMNS,
  MSF_COLUMNS,
  type RowKeys,
} from "./volume-rows";

/** Where the default window starts: the day the bundled examples were recorded. */
export const DEFAULT_VOLUME_FROM = "2026-03-02T00:00:00.000Z";

export interface VolumeOptions {
  volume: number;
  /** Days the interactions' starts are spread over (default 7). */
  days?: number;
  /** Any text; the same seed gives the same rows (default "1"). */
  seed?: string;
  /** RFC 3339 start of the window (default DEFAULT_VOLUME_FROM). */
  from?: string;
  /** Relative weights by shape id (default DEFAULT_MIX): a test shifts the mix with this. */
  mix?: Readonly<Record<string, number>>;
  /** Agents in the pool (default 300). */
  agents?: number;
  /** The Info Mart configuration the facts are predicted for (default: gim-config.yaml in force). */
  config?: GimConfig;
  /** Folder of example logs the documented shapes come from (default: the bundled examples/). */
  examplesDir?: string;
  /**
   * Changes a generated chat's facts before they are written: how a test plants anomalies
   * (volume-anomalies.ts). Descriptors it writes must be in `extraDescriptors` or produced when it
   * is applied to one chat of each shape before loading.
   */
  rewrite?: (chat: GeneratedChat, rng: SeededRandom) => void;
  extraDescriptors?: readonly DescriptorNames[];
  /** Hears progress: interactions written so far, of `total`. */
  onProgress?: (done: number, total: number) => void;
  /** Interactions per COPY round (default 20,000). */
  chunk?: number;
}

export interface VolumeResult {
  interactions: number;
  irfs: number;
  msfs: number;
  /** Generated chats per shape id (flow 8's chat counts once but writes two interactions). */
  byShape: Record<string, number>;
  /** INTERACTION_FACT.INTERACTION_ID of the first and last interaction written. */
  firstInteractionId: number;
  lastInteractionId: number;
  window: { from: string; to: string };
}

const DAY_MS = 86_400_000;

export function volumeShapes(examples: Parameters<typeof shapesFromExamples>[0]): ChatShape[] {
  return [...shapesFromExamples(examples), ...COMPOSITIONS];
}

export async function seedVolume(target: DatabaseTarget, options: VolumeOptions): Promise<VolumeResult> {
  const days = options.days ?? 7;
  const fromText = options.from ?? DEFAULT_VOLUME_FROM;
  const fromMs = Date.parse(fromText);
  if (!Number.isInteger(options.volume) || options.volume < 1)
    throw new InputError(
      "--volume",
      undefined,
      undefined,
      `must be a whole number of interactions >= 1, not ${options.volume}`,
    );
  if (!Number.isFinite(days) || days <= 0)
    throw new InputError("--days", undefined, undefined, `must be a number of days > 0, not ${days}`);
  if (Number.isNaN(fromMs))
    throw new InputError("--from", undefined, undefined, `must be an RFC 3339 time, not "${fromText}"`);
  const config = options.config ?? loadGimConfig().config;
  // The bundled examples by the package root, which also holds when the command runs compiled (dist/).
  const examples = await readExampleLogs(options.examplesDir ?? path.join(PACKAGE_ROOT, "examples"), config);
  const shapes = volumeShapes(examples);
  const seed = options.seed ?? "1";
  const generator = new VolumeGenerator(
    shapes,
    {
      volume: options.volume,
      days,
      fromMs,
      seed: seedFrom(seed),
      mix: options.mix ?? DEFAULT_MIX,
      agents: options.agents ?? 300,
    },
    config,
  );

  return inSeedTransaction(
    target,
    { applicationName: "gim-conformance seed-db --volume", bulk: true },
    (client) => load(client, generator, shapes, { ...options, seed, days, fromMs }),
  );
}

async function load(
  client: pg.Client,
  generator: VolumeGenerator,
  shapes: readonly ChatShape[],
  options: VolumeOptions & { seed: string; days: number; fromMs: number },
): Promise<VolumeResult> {
  const startedAt = new Date();
  const keys = await prepareKeys(client, generator, shapes, options);
  const toMs = options.fromMs + options.days * DAY_MS;
  // Chats that start near the end of the window end after it: a day's margin of DATE_TIME rows.
  await writeDateTimeRange(client, options.fromMs, toMs + DAY_MS);
  const ids = {
    interaction: Number(await nextValue(client, "INTERACTION_FACT", "INTERACTION_ID")),
    fact: Math.max(
      Number(await nextValue(client, "INTERACTION_RESOURCE_FACT", "INTERACTION_RESOURCE_ID")),
      Number(await nextValue(client, "MEDIATION_SEGMENT_FACT", "MEDIATION_SEGMENT_ID")),
    ),
  };
  const firstInteractionId = ids.interaction;
  const rewriteRng = new SeededRandom(seedFrom(`${options.seed}:rewrite`));
  const chunk = options.chunk ?? 20_000;
  const byShape: Record<string, number> = {};
  let buffers = emptyBuffers();
  let pending = 0;
  let done = 0;
  let irfs = 0;
  let msfs = 0;
  for (const chat of generator.chats()) {
    options.rewrite?.(chat, rewriteRng);
    byShape[chat.shape] = (byShape[chat.shape] ?? 0) + 1;
    chatLines(chat, keys, ids, buffers);
    for (const x of chat.interactions) {
      irfs += x.rows.length;
      msfs += x.msfs.length;
    }
    pending += chat.interactions.length;
    if (pending >= chunk) {
      await copyBuffers(client, buffers);
      done += pending;
      pending = 0;
      buffers = emptyBuffers();
      options.onProgress?.(done, options.volume);
    }
  }
  if (pending > 0) {
    await copyBuffers(client, buffers);
    done += pending;
    options.onProgress?.(done, options.volume);
  }
  const finishedAt = new Date();
  const audit = keys.audit;
  await client.query(
    `INSERT INTO CTL_TRANSFORM_HISTORY (JOB_ID, JOB_VERSION, HWM_NAME, HWM_VALUE, TRANSFORM_START_TIME,
       TRANSFORM_END_TIME, ROW_COUNT, CREATED_TS, AUDIT_KEY)
     VALUES ($1, $2, 'SYNTHETIC_VOLUME', $3, $4, $5, $6, $7, $3)`,
    [
      randomUUID(),
      `${SEED_JOB_VERSION_PREFIX} --volume (classifier ${CLASSIFIER_VERSION})`,
      audit,
      startedAt,
      finishedAt,
      irfs,
      Math.floor(finishedAt.getTime() / 1000),
    ],
  );
  return {
    interactions: done,
    irfs,
    msfs,
    byShape,
    firstInteractionId,
    lastInteractionId: ids.interaction - 1,
    window: { from: new Date(options.fromMs).toISOString(), to: new Date(toMs).toISOString() },
  };
}

/**
 * Every dimension row a chat can point at, written before the first COPY (a COPY in progress
 * leaves the connection no room for other statements): the reference's descriptors, the agent
 * pool, and whatever one chat of each shape (after `rewrite`) uses.
 */
async function prepareKeys(
  db: Queryable,
  generator: VolumeGenerator,
  shapes: readonly ChatShape[],
  options: VolumeOptions & { seed: string },
): Promise<RowKeys> {
  const audit = await nextValue(db, "CTL_TRANSFORM_HISTORY", "AUDIT_KEY");
  const keys = await loadSeedKeys(db, audit);
  const { media, noResource, unknownTarget, noUserData } = keys;
  const { descriptors: descriptorKeys, resources: resourceKeys, interactionTypes: typeKeys } = keys;
  const anchorDim = keys.anchors;
  const anchors = new Map<string, number>();
  for (let bits = 0; bits < 8; bits++) {
    const flags = [bits & 1, (bits >> 1) & 1, (bits >> 2) & 1];
    anchors.set(flags.join(","), await anchorDim.keyFor(db, flags));
  }
  const sessionDim = keys.sessionEnds;
  const sessionEnds = new Map<string, number>();
  for (const by of ["AGENT", "CUSTOMER", "STRATEGY"]) sessionEnds.set(by, await sessionDim.keyFor(db, [by]));

  const descriptors = new Map<string, number>();
  const descriptorId = (d: DescriptorNames) => [d.role, d.result, d.reason, d.roleReason].join("\u0000");
  const addDescriptor = async (d: DescriptorNames) =>
    descriptors.set(descriptorId(d), await descriptorKeys.keyFor(db, d));
  for (const d of [...referenceDescriptors(), ...(options.extraDescriptors ?? [])]) await addDescriptor(d);
  const resources = new Map<string, number>();
  const addResource = async (name: string, type: Parameters<ResourceKeys["keyFor"]>[2]) =>
    resources.set(`${type}\u0000${name}`, await resourceKeys.keyFor(db, name, type));
  const agents = options.agents ?? 300;
  for (let n = 0; n < agents; n++) await addResource(agentName(n), "Agent");
  const types = new Map<string, number>();
  const typeId = (type: string | null, subtype: string | null) => `${type}\u0000${subtype}`;
  // One chat of each shape, rewritten as the load will: whatever it names gets its row now.
  const probeRng = new SeededRandom(seedFrom(`${options.seed}:probe`));
  for (const shape of shapes) {
    const chat = generator.generate(shape, 0, probeRng, 0);
    options.rewrite?.(chat, probeRng);
    for (const x of chat.interactions) {
      for (const row of x.rows) {
        if (row.resourceType !== "Agent") await addResource(row.resource, row.resourceType);
        await addDescriptor(row);
      }
      for (const msf of x.msfs) {
        await addResource(msf.resource, "Queue");
        await addDescriptor(msf);
      }
      const submitted = x.events.find((e) => e.event.event === "EventInteractionSubmitted")?.event;
      const declared =
        submitted?.event === "EventInteractionSubmitted"
          ? { type: submitted.interactionType, subtype: submitted.subtype ?? null }
          : { type: null, subtype: null };
      types.set(
        typeId(declared.type, declared.subtype),
        await typeKeys.keyFor(db, declared.type, declared.subtype),
      );
    }
  }
  const missing = (what: string): never => {
    throw new HarnessError(
      `seed-db --volume: a generated chat names ${what}, which no chat of its shape named before loading; pass it in extraDescriptors`,
    );
  };
  return {
    tenant: SEEDED_TENANT_KEY,
    media,
    audit,
    noResource,
    unknownTarget,
    noUserData,
    seed: options.seed,
    resource: (name, type) => resources.get(`${type}\u0000${name}`) ?? missing(`the ${type} ${name}`),
    descriptor: (d) =>
      descriptors.get(descriptorId(d)) ?? missing(`the descriptor ${d.role}/${d.result}/${d.reason}`),
    interactionType: (type, subtype) =>
      types.get(typeId(type, subtype)) ?? missing(`the interaction type ${type}/${subtype}`),
    anchors: (a, b, c) => anchors.get(`${a},${b},${c}`) ?? missing("an anchor flag combination"),
    sessionEnd: (by) => sessionEnds.get(by) ?? missing(`a session ended by ${by}`),
  };
}

/** COPYs each table's lines of one chunk, in ~1 MB writes, waiting when the socket is full. */
async function copyBuffers(client: pg.Client, buffers: CopyBuffers): Promise<void> {
  await copyLines(client, "INTERACTION_FACT", INTERACTION_FACT_COLUMNS, buffers.ixn);
  await copyLines(client, "INTERACTION_RESOURCE_FACT", IRF_COLUMNS, buffers.irf);
  await copyLines(client, "IRF_USER_DATA_KEYS", IRF_USER_DATA_KEYS_COLUMNS, buffers.userData);
  await copyLines(client, "MEDIATION_SEGMENT_FACT", MSF_COLUMNS, buffers.msf);
  await copyLines(client, "CHAT_SESSION_FACT", CHAT_SESSION_COLUMNS, buffers.session);
}

async function copyLines(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  lines: readonly string[],
): Promise<void> {
  if (lines.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
  const failed = new Promise<never>((_, reject) => stream.once("error", reject));
  failed.catch(() => {});
  const step = 2000;
  for (let i = 0; i < lines.length; i += step) {
    const text = `${lines.slice(i, i + step).join("\n")}\n`;
    if (!stream.write(text)) await Promise.race([once(stream, "drain"), failed]);
  }
  stream.end();
  await Promise.race([once(stream, "finish"), failed]);
}

/** DATE_TIME rows for every 15-minute interval in [fromMs, toMs) not there yet, by COPY. */
async function writeDateTimeRange(client: pg.Client, fromMs: number, toMs: number): Promise<void> {
  const first = dateTimeKey(Math.floor(fromMs / 1000));
  const last = dateTimeKey(Math.floor(toMs / 1000));
  const { rows } = await client.query<{ date_time_key: number }>(
    "SELECT DATE_TIME_KEY FROM DATE_TIME WHERE DATE_TIME_KEY BETWEEN $1 AND $2",
    [first, last],
  );
  const present = new Set(rows.map((r) => Number(r.date_time_key)));
  const columns = Object.keys(dateTimeLabels(first));
  const lines: string[] = [];
  for (let key = first; key <= last; key += 900) {
    if (present.has(key)) continue;
    lines.push([key, ...Object.values(dateTimeLabels(key))].join("\t"));
  }
  await copyLines(client, "DATE_TIME", ["DATE_TIME_KEY", ...columns], lines);
}
