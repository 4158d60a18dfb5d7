/**
 * seed-db writes into the database it is given, so it first makes sure that database was made for
 * seeding: it refuses one whose CTL_TRANSFORM_HISTORY shows a real GIM job ran there, or whose
 * INTERACTION_FACT holds rows that no seeding put there. A mistyped --db pointing at a production
 * Info Mart stops here, before any statement that writes.
 */
import { InputError } from "../errors";
import type { DatabaseTarget } from "./database-target";
import type { Queryable } from "./read-only-session";

/** JOB_VERSION prefix of the CTL_TRANSFORM_HISTORY rows that seed-db writes. */
export const SEED_JOB_VERSION_PREFIX = "gim-conformance seed-db";

export async function assertSeedable(db: Queryable, target: DatabaseTarget): Promise<void> {
  const tables = await db.query<{ facts: boolean; history: boolean }>(
    `SELECT to_regclass('interaction_fact') IS NOT NULL AS facts,
            to_regclass('ctl_transform_history') IS NOT NULL AS history`,
  );
  const { facts = false, history = false } = tables.rows[0] ?? {};
  let seeded = 0;
  if (history) {
    const runs = await db.query<{ real: string; seeded: string }>(
      `SELECT COUNT(CASE WHEN JOB_VERSION IS NULL OR JOB_VERSION NOT LIKE $1 THEN 1 END) AS real,
              COUNT(CASE WHEN JOB_VERSION LIKE $1 THEN 1 END) AS seeded
         FROM CTL_TRANSFORM_HISTORY`,
      [`${SEED_JOB_VERSION_PREFIX}%`],
    );
    const counts = runs.rows[0];
    if (counts !== undefined && Number(counts.real) > 0)
      throw refusal(target, "GIM's transformation job has run there");
    seeded = Number(counts?.seeded ?? 0);
  }
  if (facts && seeded === 0) {
    const any = await db.query("SELECT 1 FROM INTERACTION_FACT LIMIT 1");
    if (any.rows.length > 0) throw refusal(target, "INTERACTION_FACT holds interactions no seeding wrote");
  }
}

function refusal(target: DatabaseTarget, why: string): InputError {
  return new InputError(
    "--db",
    undefined,
    undefined,
    `refusing to seed ${target.label}: it looks like a real Info Mart (${why}); seed-db only writes to a database made for it`,
  );
}
