/**
 * `seed-db`: loads the reference classifier's rows for every example flow into a PostgreSQL
 * database laid out as GIM lays out its Info Mart (sql/schema/postgresql.sql, created when
 * absent), so the whole lab loop can be seen working without a Genesys lab. Each example becomes
 * one INTERACTION_FACT with a fresh MEDIA_SERVER_IXN_GUID, its IRFs, and the dimension rows they
 * point at. The ONE place in the project that writes to a database, and only to the one the user
 * names for seeding (seed-guard.ts); everything happens in one transaction, so a failure leaves
 * the database as it was.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { CLASSIFIER_VERSION } from "../classifier/classify";
import { InputError } from "../errors";
import type { DatabaseTarget } from "./database-target";
import { DescriptorKeys } from "./descriptor-keys";
import { chatMediaTypeKey, ResourceKeys, SEEDED_TENANT_KEY } from "./dimension-keys";
import type { ExampleLog } from "./example-logs";
import { pgFailure } from "./pg-failure";
import { DEFAULT_TIMEOUTS, type Queryable } from "./read-only-session";
import { createSchema } from "./schema";
import { assertSeedable, SEED_JOB_VERSION_PREFIX } from "./seed-guard";

export interface SeededInteraction {
  id: string;
  guid: string;
  file: string;
  irfs: number;
}

/** GIM's INTERACTION_TYPE_KEY is a dimension this subset leaves out; every seeded chat is inbound. */
const SEEDED_INTERACTION_TYPE_KEY = 1;

export async function seedDatabase(
  target: DatabaseTarget,
  examples: readonly ExampleLog[],
): Promise<SeededInteraction[]> {
  const client = new pg.Client({
    connectionString: target.url,
    connectionTimeoutMillis: DEFAULT_TIMEOUTS.connectMs,
    statement_timeout: DEFAULT_TIMEOUTS.statementMs,
    application_name: "gim-conformance seed-db",
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("BEGIN");
    try {
      await assertSeedable(client, target);
      await createSchema(client);
      const seeded = await load(client, examples);
      await client.query("COMMIT");
      return seeded;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw pgFailure(error, target, DEFAULT_TIMEOUTS);
  } finally {
    await client.end().catch(() => {});
  }
}

async function load(db: Queryable, examples: readonly ExampleLog[]): Promise<SeededInteraction[]> {
  const startedAt = new Date();
  const auditKey = await nextValue(db, "CTL_TRANSFORM_HISTORY", "AUDIT_KEY");
  const media = await chatMediaTypeKey(db, auditKey);
  const descriptors = await DescriptorKeys.load(db, auditKey);
  const resources = await ResourceKeys.load(db, auditKey);
  let interactionId = BigInt(await nextValue(db, "INTERACTION_FACT", "INTERACTION_ID"));
  let resourceId = BigInt(await nextValue(db, "INTERACTION_RESOURCE_FACT", "INTERACTION_RESOURCE_ID"));
  const seeded: SeededInteraction[] = [];
  let irfCount = 0;
  for (const example of examples) {
    // Interaction Server GUIDs are short opaque strings; 32 hex digits fit GIM's varchar(50).
    const guid = randomUUID().replace(/-/g, "").toUpperCase();
    const ixn = interactionId++;
    const start = Math.floor(example.firstMs / 1000);
    const end = Math.floor(example.lastMs / 1000);
    await db.query(
      `INSERT INTO INTERACTION_FACT (INTERACTION_ID, TENANT_KEY, INTERACTION_TYPE_KEY, MEDIA_TYPE_KEY,
         MEDIA_SERVER_ROOT_IXN_GUID, MEDIA_SERVER_IXN_GUID, START_TS, END_TS, START_DATE_TIME_KEY, END_DATE_TIME_KEY,
         CREATE_AUDIT_KEY, UPDATE_AUDIT_KEY)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10, $10)`,
      [
        ixn.toString(),
        SEEDED_TENANT_KEY,
        SEEDED_INTERACTION_TYPE_KEY,
        media,
        guid,
        start,
        end,
        dateTimeKey(start),
        dateTimeKey(end),
        auditKey,
      ],
    );
    // IRFs get their ids in the reference's IRF order, so GIM's (START_TS, INTERACTION_RESOURCE_ID)
    // order numbers them as the reference does, even when two start within the same second.
    const idOf = new Map<number, bigint>();
    for (const row of example.rows) idOf.set(row.irf, resourceId++);
    for (const row of example.rows) {
      const startTs = seconds(row.start);
      const endTs = row.end === "" ? null : seconds(row.end);
      const received = row.receivedFrom === null ? null : (idOf.get(row.receivedFrom)?.toString() ?? null);
      await db.query(
        `INSERT INTO INTERACTION_RESOURCE_FACT (INTERACTION_RESOURCE_ID, START_DATE_TIME_KEY, END_DATE_TIME_KEY,
           TENANT_KEY, MEDIA_TYPE_KEY, RESOURCE_KEY, TECHNICAL_DESCRIPTOR_KEY, INTERACTION_TYPE_KEY, INTERACTION_ID,
           RECEIVED_FROM_IXN_RESOURCE_ID, START_TS, END_TS, RING_DURATION, TALK_DURATION, MEDIATION_DURATION,
           CREATE_AUDIT_KEY, UPDATE_AUDIT_KEY)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)`,
        [
          idOf.get(row.irf)?.toString(),
          dateTimeKey(startTs),
          endTs === null ? null : dateTimeKey(endTs),
          SEEDED_TENANT_KEY,
          media,
          await resources.keyFor(db, row.resource, row.resourceType),
          await descriptors.keyFor(db, row),
          SEEDED_INTERACTION_TYPE_KEY,
          ixn.toString(),
          received,
          startTs,
          endTs,
          Math.round(row.alertingMs / 1000),
          Math.round(row.handlingMs / 1000),
          Math.round(row.mediationMs / 1000),
          auditKey,
        ],
      );
    }
    irfCount += example.rows.length;
    seeded.push({ id: example.id, guid, file: example.file, irfs: example.rows.length });
  }
  const finishedAt = new Date();
  await db.query(
    `INSERT INTO CTL_TRANSFORM_HISTORY (JOB_ID, JOB_VERSION, HWM_NAME, HWM_VALUE, TRANSFORM_START_TIME,
       TRANSFORM_END_TIME, ROW_COUNT, CREATED_TS, AUDIT_KEY)
     VALUES ($1, $2, 'EXAMPLE_LOGS', $3, $4, $5, $6, $7, $3)`,
    [
      randomUUID(),
      `${SEED_JOB_VERSION_PREFIX} (reference classifier ${CLASSIFIER_VERSION})`,
      auditKey,
      startedAt,
      finishedAt,
      irfCount,
      Math.floor(finishedAt.getTime() / 1000),
    ],
  );
  return seeded;
}

/** MAX(column) + 1 as a decimal string (numeric(19) columns can exceed a double's integers). */
async function nextValue(db: Queryable, table: string, column: string): Promise<string> {
  const { rows } = await db.query<{ next: string }>(
    `SELECT (COALESCE(MAX(${column}), 0) + 1)::text AS next FROM ${table}`,
  );
  return rows[0]?.next ?? "1";
}

/** GIM's *_TS: whole seconds since 1970 UTC. */
function seconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

/** GIM's DATE_TIME_KEY: the start of the 15-minute interval, in the same seconds. */
function dateTimeKey(ts: number): number {
  return ts - (ts % 900);
}
