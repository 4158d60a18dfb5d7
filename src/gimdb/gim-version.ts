/**
 * The GIM release that wrote an Info Mart's facts, when it can be read: JOB_VERSION of the latest
 * run of Job_TransformGIM in CTL_TRANSFORM_HISTORY (GIM's PostgreSQL data model documents it as
 * "the version of Job_TransformGIM, for example 8.1.000.10"). A database without that table, or a
 * user who may not read it, gives undefined: the run goes on and reports the version as unknown.
 */
import type { Queryable } from "./read-only-session";
import { tableAccess } from "./table-access";

export async function readGimVersion(db: Queryable): Promise<string | undefined> {
  if ((await tableAccess(db, "ctl_transform_history")) !== "readable") return undefined;
  const latest = await db.query<{ job_version: string | null }>(
    "SELECT JOB_VERSION FROM CTL_TRANSFORM_HISTORY WHERE JOB_VERSION IS NOT NULL ORDER BY CREATED_TS DESC LIMIT 1",
  );
  // No row before GIM's first transformation job has finished.
  return latest.rows[0]?.job_version ?? undefined;
}
