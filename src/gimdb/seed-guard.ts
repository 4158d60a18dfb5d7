/**
 * seed-db writes into the database it is given, so it first makes sure that database was made for
 * seeding: it refuses one where, in ANY schema, CTL_TRANSFORM_HISTORY shows a real GIM job ran, or
 * INTERACTION_FACT holds rows that no seeding put there. The whole database is searched through
 * pg_catalog, not the search_path: seed-db once wrote its tables into a database whose real GIM
 * tables sat in a schema outside the search_path. A mistyped --db pointing at a production Info
 * Mart stops here, before any statement that writes.
 */
import { InputError } from "../errors";
import { printable } from "../report/text-escape";
import type { DatabaseTarget } from "./database-target";
import type { Queryable } from "./read-only-session";

/** JOB_VERSION prefix of the CTL_TRANSFORM_HISTORY rows that seed-db writes. */
export const SEED_JOB_VERSION_PREFIX = "gim-conformance seed-db";

interface GimTable {
  schema: string;
  /** As stored in the catalog (GIM's DDL leaves names unquoted: lower case on PostgreSQL). */
  relname: string;
  kind: "interaction_fact" | "ctl_transform_history";
  readable: boolean;
}

/** Every INTERACTION_FACT and CTL_TRANSFORM_HISTORY of the database, in every schema. */
const GIM_TABLES = `
  SELECT n.nspname AS schema, c.relname AS relname, lower(c.relname) AS kind,
         has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT') AS readable
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE lower(c.relname) IN ('interaction_fact', 'ctl_transform_history')
     AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
     AND n.nspname NOT IN ('pg_catalog', 'information_schema')
     AND n.nspname NOT LIKE 'pg\\_toast%'
   ORDER BY n.nspname, c.relname`;

export async function assertSeedable(db: Queryable, target: DatabaseTarget): Promise<void> {
  const tables = (await db.query<GimTable>(GIM_TABLES)).rows;
  const schemas = [...new Set(tables.map((t) => t.schema))];
  for (const schema of schemas) {
    const history = tables.find((t) => t.schema === schema && t.kind === "ctl_transform_history");
    const facts = tables.find((t) => t.schema === schema && t.kind === "interaction_fact");
    for (const table of [history, facts]) {
      if (table !== undefined && !table.readable)
        throw refusal(target, `it cannot read ${qualified(table)} to make sure no real Info Mart is there`);
    }
    let seeded = 0;
    if (history !== undefined) {
      const runs = await db.query<{ real: string; seeded: string }>(
        `SELECT COUNT(CASE WHEN JOB_VERSION IS NULL OR JOB_VERSION NOT LIKE $1 THEN 1 END) AS real,
                COUNT(CASE WHEN JOB_VERSION LIKE $1 THEN 1 END) AS seeded
           FROM ${qualified(history)}`,
        [`${SEED_JOB_VERSION_PREFIX}%`],
      );
      const counts = runs.rows[0];
      if (counts !== undefined && Number(counts.real) > 0)
        throw refusal(target, `GIM's transformation job has run there, in schema ${shown(schema)}`);
      seeded = Number(counts?.seeded ?? 0);
    }
    if (facts !== undefined && seeded === 0) {
      const any = await db.query(`SELECT 1 FROM ${qualified(facts)} LIMIT 1`);
      if (any.rows.length > 0)
        throw refusal(
          target,
          `INTERACTION_FACT holds interactions no seeding wrote, in schema ${shown(schema)}`,
        );
    }
  }
}

/** schema.table, each quoted as an SQL identifier (identifiers cannot be bind parameters). */
function qualified(table: GimTable): string {
  return `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.relname)}`;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function shown(schema: string): string {
  return `"${printable(schema)}"`;
}

function refusal(target: DatabaseTarget, why: string): InputError {
  return new InputError(
    "--db",
    undefined,
    undefined,
    `refusing to seed ${target.label}: it looks like a real Info Mart (${why}); seed-db only writes to a database made for it`,
  );
}
