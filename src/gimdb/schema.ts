/**
 * sql/schema/postgresql.sql, the subset of GIM's PostgreSQL data model the harness reads and
 * seeds. Every statement is CREATE ... IF NOT EXISTS, so creating it is safe to repeat.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PACKAGE_ROOT } from "../package-root";
import type { Queryable } from "./read-only-session";

export const SCHEMA_FILE = resolve(PACKAGE_ROOT, "sql", "schema", "postgresql.sql");

export async function createSchema(db: Queryable): Promise<void> {
  // One simple-protocol query: pg sends a parameterless multi-statement text as is.
  await db.query(readFileSync(SCHEMA_FILE, "utf8"));
}
