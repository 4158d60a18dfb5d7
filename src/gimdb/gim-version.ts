/**
 * The GIM release that wrote an Info Mart's facts, when it can be read: JOB_VERSION of the latest
 * run of Job_TransformGIM in CTL_TRANSFORM_HISTORY (GIM's PostgreSQL data model documents it as
 * "the version of Job_TransformGIM, for example 8.1.000.10"). A database without that table, or a
 * user who may not read it, gives undefined: the run goes on and reports the version as unknown.
 */
import type { Queryable } from "./read-only-session";

export async function readGimVersion(db: Queryable): Promise<string | undefined> {
  // to_regclass answers NULL instead of failing (a failure would abort the read-only transaction).
  const exists = await db.query<{ present: boolean }>(
    "SELECT to_regclass('ctl_transform_history') IS NOT NULL AS present",
  );
  if (exists.rows[0]?.present !== true) return undefined;
  const privileged = await db.query<{ allowed: boolean }>(
    "SELECT has_table_privilege('ctl_transform_history', 'SELECT') AS allowed",
  );
  if (privileged.rows[0]?.allowed !== true) return undefined;
  const latest = await db.query<{ job_version: string | null }>(
    "SELECT JOB_VERSION FROM CTL_TRANSFORM_HISTORY WHERE JOB_VERSION IS NOT NULL ORDER BY CREATED_TS DESC LIMIT 1",
  );
  return latest.rows[0]?.job_version ?? undefined;
}
