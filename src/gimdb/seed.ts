/**
 * `seed-db`: loads the reference classifier's rows for every example flow into a PostgreSQL
 * database laid out as GIM lays out its Info Mart (sql/schema/postgresql.sql, created when
 * absent), so the whole lab loop can be seen working without a Genesys lab, and reports of the kind
 * Info Mart users write (sql/reports/) run on it. Each example becomes one INTERACTION_FACT with a
 * fresh MEDIA_SERVER_IXN_GUID, its IRFs (with their user-data keys), its MSFs, its
 * CHAT_SESSION_FACT, and the dimension rows they point at, every value from the example's events
 * and the reference classifier's facts (seed-facts.ts). The ONE place in the project that writes to a database, and only to the one the user
 * names for seeding (seed-guard.ts); everything happens in one transaction, so a failure leaves
 * the database as it was.
 */
import { randomUUID } from "node:crypto";
import { CLASSIFIER_VERSION } from "../classifier/classify";
import type { DatabaseTarget } from "./database-target";
import { SEEDED_TENANT_KEY } from "./dimension-keys";
import type { ExampleLog } from "./example-logs";
import type { Queryable } from "./read-only-session";
import { referenceDescriptors } from "./seed-descriptors";
import { dateTimeKey, writeDateTimes } from "./seed-dimensions";
import {
  anchorFlags,
  chatSession,
  IRF_MEASURE_COLUMNS,
  interactionTypeOf,
  irfMeasures,
  linkedMsf,
  wholeSeconds,
} from "./seed-facts";
import { SEED_JOB_VERSION_PREFIX } from "./seed-guard";
import { loadSeedKeys, nextValue } from "./seed-keys";
import { inSeedTransaction } from "./seed-transaction";

export interface SeededInteraction {
  id: string;
  guid: string;
  file: string;
  irfs: number;
  msfs: number;
  /**
   * Set for an interaction the example's own interaction created (an internal invitation, named
   * `<interaction>-<suffix>` in the log): the example's @id. Its entry's id is `<@id>-<suffix>`,
   * the id under which the features ask for it (steps/support/outcome.ts: `<id>-invite`).
   */
  of?: string;
}

export async function seedDatabase(
  target: DatabaseTarget,
  examples: readonly ExampleLog[],
): Promise<SeededInteraction[]> {
  return inSeedTransaction(target, { applicationName: "gim-conformance seed-db", bulk: false }, (client) =>
    load(client, examples),
  );
}

async function load(db: Queryable, examples: readonly ExampleLog[]): Promise<SeededInteraction[]> {
  const startedAt = new Date();
  const auditKey = await nextValue(db, "CTL_TRANSFORM_HISTORY", "AUDIT_KEY");
  const {
    media,
    descriptors,
    resources,
    noResource,
    interactionTypes,
    unknownTarget,
    noUserData,
    anchors,
    sessionEnds,
  } = await loadSeedKeys(db, auditKey);
  for (const d of referenceDescriptors()) await descriptors.keyFor(db, d);
  let interactionId = BigInt(await nextValue(db, "INTERACTION_FACT", "INTERACTION_ID"));
  // IRFs and MSFs share one id space (IRF_USER_DATA_CUST_1.INTERACTION_RESOURCE_ID refers to either).
  let factId = BigInt(
    Math.max(
      Number(await nextValue(db, "INTERACTION_RESOURCE_FACT", "INTERACTION_RESOURCE_ID")),
      Number(await nextValue(db, "MEDIATION_SEGMENT_FACT", "MEDIATION_SEGMENT_ID")),
    ),
  );
  const dateTimeKeys = new Set<number>();
  const dt = (ts: number): number => {
    const key = dateTimeKey(ts);
    dateTimeKeys.add(key);
    return key;
  };
  const dtOrNull = (ts: number | null): number | null => (ts === null ? null : dt(ts));
  const seeded: SeededInteraction[] = [];
  let irfCount = 0;
  for (const log of examples) {
    const guidOf = new Map<string, string>();
    // The scenario's own interaction first, so an invitation can name it as its root.
    for (const example of log.interactions) {
      // Interaction Server GUIDs are short opaque strings; 32 hex digits fit GIM's varchar(50).
      const guid = randomUUID().replace(/-/g, "").toUpperCase();
      const ixn = (interactionId++).toString();
      const start = Math.floor(example.firstMs / 1000);
      const end = Math.floor(example.lastMs / 1000);
      const declared = interactionTypeOf(example.events);
      const typeKey = await interactionTypes.keyFor(db, declared.type, declared.subtype);
      guidOf.set(example.name, guid);
      // HYPOTHESIS: an internal invitation's root is the customer interaction it invites into.
      const root = example.parent === undefined ? guid : (guidOf.get(example.parent) ?? guid);
      await db.query(
        `INSERT INTO INTERACTION_FACT (INTERACTION_ID, TENANT_KEY, INTERACTION_TYPE_KEY, MEDIA_TYPE_KEY,
           MEDIA_SERVER_ROOT_IXN_GUID, MEDIA_SERVER_IXN_GUID, START_TS, END_TS, START_DATE_TIME_KEY, END_DATE_TIME_KEY,
           CREATE_AUDIT_KEY, UPDATE_AUDIT_KEY)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
        [ixn, SEEDED_TENANT_KEY, typeKey, media, root, guid, start, end, dt(start), dt(end), auditKey],
      );
      // IRFs get their ids in the reference's IRF order, so GIM's (START_TS, INTERACTION_RESOURCE_ID)
      // order numbers them as the reference does, even when two start within the same second.
      const idOf = new Map<number, string>();
      for (const row of example.rows) idOf.set(row.irf, (factId++).toString());
      const msfIdOf = new Map<number, string>();
      for (const msf of example.msfs) msfIdOf.set(msf.msf, (factId++).toString());
      const queueKey = (name: string) => resources.keyFor(db, name, "Queue");

      for (const msf of example.msfs) {
        const startTs = seconds(msf.start);
        const endTs = msf.end === "" ? null : seconds(msf.end);
        const target = msf.irf === null ? null : (idOf.get(msf.irf) ?? null);
        const targetRow = msf.irf === null ? undefined : example.rows.find((r) => r.irf === msf.irf);
        await db.query(
          `INSERT INTO MEDIATION_SEGMENT_FACT (MEDIATION_SEGMENT_ID, TENANT_KEY, INTERACTION_ID, MEDIA_SERVER_IXN_GUID,
             MEDIA_TYPE_KEY, INTERACTION_TYPE_KEY, RESOURCE_KEY, TECHNICAL_DESCRIPTOR_KEY, START_DATE_TIME_KEY,
             END_DATE_TIME_KEY, START_TS, END_TS, MEDIATION_DURATION, TARGET_IXN_RESOURCE_ID, TARGET_IXN_RESOURCE_SDT_KEY,
             IXN_RESOURCE_ID, CREATE_AUDIT_KEY, UPDATE_AUDIT_KEY)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $14, $16, $16)`,
          [
            msfIdOf.get(msf.msf),
            SEEDED_TENANT_KEY,
            ixn,
            guid,
            media,
            typeKey,
            await queueKey(msf.resource),
            await descriptors.keyFor(db, msf),
            dt(startTs),
            dtOrNull(endTs),
            startTs,
            endTs,
            wholeSeconds(msf.durationMs),
            target,
            targetRow === undefined ? null : dt(seconds(targetRow.start)),
            auditKey,
          ],
        );
      }

      for (const row of example.rows) {
        const id = idOf.get(row.irf);
        const startTs = seconds(row.start);
        const endTs = row.end === "" ? null : seconds(row.end);
        const received = row.receivedFrom === null ? null : (idOf.get(row.receivedFrom) ?? null);
        const msf = linkedMsf(row, example.msfs);
        // The queue the chat was distributed from (the mediation linked to this IRF), else NONE.
        const lastQueue = msf === undefined ? noResource : await queueKey(msf.resource);
        const flags = anchorFlags(row, example);
        const measures = irfMeasures(row, example);
        const fixed: [string, string | number | null | undefined][] = [
          ["INTERACTION_RESOURCE_ID", id],
          ["START_DATE_TIME_KEY", dt(startTs)],
          ["END_DATE_TIME_KEY", dtOrNull(endTs)],
          ["INTERACTION_SDT_KEY", dt(start)],
          ["TENANT_KEY", SEEDED_TENANT_KEY],
          ["MEDIA_TYPE_KEY", media],
          ["RESOURCE_KEY", await resources.keyFor(db, row.resource, row.resourceType)],
          ["TECHNICAL_DESCRIPTOR_KEY", await descriptors.keyFor(db, row)],
          ["INTERACTION_TYPE_KEY", typeKey],
          ["ROUTING_TARGET_KEY", unknownTarget],
          [
            "ANCHOR_FLAGS_KEY",
            await anchors.keyFor(db, [
              flags.FIRST_IRF_FOR_IXN,
              flags.FIRST_ENGAGE_FOR_IXN,
              flags.FIRST_ENGAGE_FOR_AGENT_IXN,
            ]),
          ],
          ["INTERACTION_DESCRIPTOR_KEY", noUserData],
          ["LAST_VQUEUE_RESOURCE_KEY", lastQueue],
          ["MEDIATION_SEGMENT_ID", msf === undefined ? null : (msfIdOf.get(msf.msf) ?? null)],
          ["MEDIATION_RESOURCE_KEY", lastQueue],
          ["MEDIATION_START_DATE_TIME_KEY", msf === undefined ? null : dt(seconds(msf.start))],
          ["INTERACTION_ID", ixn],
          ["INTERACTION_RESOURCE_ORDINAL", row.irf],
          ["IRF_ANCHOR", flags.FIRST_IRF_FOR_IXN],
          ["RECEIVED_FROM_IXN_RESOURCE_ID", received],
          ["START_TS", startTs],
          ["END_TS", endTs],
          ["CREATE_AUDIT_KEY", auditKey],
          ["UPDATE_AUDIT_KEY", auditKey],
        ];
        const columns = [...fixed.map(([c]) => c), ...IRF_MEASURE_COLUMNS];
        const values = [...fixed.map(([, v]) => v ?? null), ...IRF_MEASURE_COLUMNS.map((c) => measures[c])];
        await db.query(
          `INSERT INTO INTERACTION_RESOURCE_FACT (${columns.join(", ")})
           VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
          values,
        );
        await db.query(
          `INSERT INTO IRF_USER_DATA_KEYS (INTERACTION_RESOURCE_ID, START_DATE_TIME_KEY, TENANT_KEY,
             INTERACTION_DESCRIPTOR_KEY, CREATE_AUDIT_KEY, UPDATE_AUDIT_KEY)
           VALUES ($1, $2, $3, $4, $5, $5)`,
          [id, dateTimeKey(startTs), SEEDED_TENANT_KEY, noUserData, auditKey],
        );
      }

      const session = chatSession(example);
      await db.query(
        `INSERT INTO CHAT_SESSION_FACT (MEDIA_SERVER_IXN_GUID, TENANT_KEY, MEDIA_TYPE_KEY, CHAT_SESSION_DIM_KEY,
           START_DATE_TIME_KEY, END_DATE_TIME_KEY, START_TS, END_TS, AGENTS_COUNT, HANDLE_COUNT, SESSION_DURATION,
           UNTIL_FIRST_AGENT_DURATION, HANDLE_DURATION, CREATE_AUDIT_KEY, UPDATE_AUDIT_KEY)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)`,
        [
          guid,
          SEEDED_TENANT_KEY,
          media,
          session.endedBy === null ? null : await sessionEnds.keyFor(db, [session.endedBy]),
          dt(start),
          dt(end),
          start,
          end,
          session.agentsCount,
          session.handleCount,
          session.sessionDuration,
          session.untilFirstAgentDuration,
          session.handleDuration,
          auditKey,
        ],
      );
      irfCount += example.rows.length;
    }
    for (const x of log.interactions) {
      const guid = guidOf.get(x.name) ?? "";
      const counts = { file: log.file, irfs: x.rows.length, msfs: x.msfs.length };
      if (x.name === log.name) seeded.push({ id: log.id, guid, ...counts });
      else if (x.name.startsWith(`${log.name}-`))
        seeded.push({ id: `${log.id}${x.name.slice(log.name.length)}`, guid, ...counts, of: log.id });
    }
  }
  await writeDateTimes(db, dateTimeKeys);
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

/** GIM's *_TS: whole seconds since 1970 UTC. */
function seconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
