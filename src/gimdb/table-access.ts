/**
 * Whether this user may read an Info Mart table, for the tables a run can do without
 * (MEDIATION_SEGMENT_FACT, CTL_TRANSFORM_HISTORY). One query that cannot fail: to_regclass answers
 * NULL for a table not on the search path, and has_table_privilege of NULL is NULL. Reading the
 * table itself to find out would fail, and a failure aborts the read-only transaction the IRFs
 * are read in.
 */
import type { Queryable } from "./read-only-session";

export type TableAccess = "readable" | "absent" | "forbidden";

/** `table` as PostgreSQL resolves an unquoted name (lower case, on the search path). */
export async function tableAccess(db: Queryable, table: string): Promise<TableAccess> {
  const { rows } = await db.query<{ readable: boolean | null }>(
    "SELECT has_table_privilege(to_regclass($1), 'SELECT') AS readable",
    [table],
  );
  const readable = rows[0]?.readable;
  if (readable === true) return "readable";
  return readable === false ? "forbidden" : "absent";
}
