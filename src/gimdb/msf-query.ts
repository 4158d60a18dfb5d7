/**
 * sql/msf-descriptors.sql, the MSF export query, in the shapes the harness runs it, exactly as
 * irf-query.ts does for IRFs: the statement, the statement restricted to the GUIDs bound as one
 * text array ($1), and one line for psql's \copy. The file's text is never edited, only wrapped.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PACKAGE_ROOT } from "../package-root";
import { statementOf } from "./irf-query";
import type { Queryable } from "./read-only-session";
import { type TableAccess, tableAccess } from "./table-access";

export const MSF_QUERY_FILE = resolve(PACKAGE_ROOT, "sql", "msf-descriptors.sql");

let cached: string | undefined;

/** The statement: comments removed, without its trailing semicolon. */
export function msfQuery(): string {
  cached ??= statementOf(readFileSync(MSF_QUERY_FILE, "utf8"));
  return cached;
}

/** The statement restricted to the GUIDs bound as $1 (see irfQueryForGuids for why one array). */
export function msfQueryForGuids(): string {
  return [
    "SELECT MSF_EXPORT.* FROM (",
    msfQuery(),
    ") MSF_EXPORT",
    "WHERE MSF_EXPORT.MEDIA_SERVER_IXN_GUID = ANY($1)",
    "ORDER BY MSF_EXPORT.MEDIA_SERVER_IXN_GUID, MSF_EXPORT.START_TS, MSF_EXPORT.MEDIATION_SEGMENT_ID",
  ].join("\n");
}

/** The statement on one line, e.g. for `psql -c "\copy (<this>) TO 'msf.csv' WITH (FORMAT csv, HEADER)"`. */
export function msfQueryOneLine(): string {
  return msfQuery().replace(/\s+/g, " ").trim();
}

/**
 * Whether the Info Mart has a MEDIATION_SEGMENT_FACT this user may read; without the table (or
 * the right) the run goes on and reports the MSF tables as not checked.
 */
export function msfTableReadable(db: Queryable): Promise<TableAccess> {
  return tableAccess(db, "mediation_segment_fact");
}
