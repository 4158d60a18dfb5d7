/**
 * sql/irf-descriptors.sql, the one export query, in the shapes the harness runs it: the statement
 * itself, the statement restricted to a list of GUIDs (for `--sut postgres`), and one line (for
 * psql's \copy, which reads its query to the end of the line). The file's text is never edited:
 * the GUID filter wraps it, so what runs on PostgreSQL is exactly what a team runs on Oracle or
 * SQL Server.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PACKAGE_ROOT } from "../package-root";

export const IRF_QUERY_FILE = resolve(PACKAGE_ROOT, "sql", "irf-descriptors.sql");

let cached: string | undefined;

/** The statement: comments removed, without its trailing semicolon. */
export function irfQuery(): string {
  cached ??= statementOf(readFileSync(IRF_QUERY_FILE, "utf8"));
  return cached;
}

/** Strips `--` comments outside string literals and the final semicolon. */
export function statementOf(sql: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (inString) {
      out += c;
      if (c === "'") inString = false;
    } else if (c === "'") {
      inString = true;
      out += c;
    } else if (c === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i++;
      out += "\n";
    } else {
      out += c;
    }
  }
  return out
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "")
    .join("\n")
    .replace(/;\s*$/, "");
}

/**
 * The statement restricted to the GUIDs bound as $1, a text array. One array parameter, not an IN
 * list of $1..$n: the text (and so the server's plan) is the same for any number of GUIDs, and no
 * manifest can hit the protocol's 65,535-parameter limit. PostgreSQL pushes the filter down into
 * the wrapped query, so the wrap costs nothing.
 */
export function irfQueryForGuids(): string {
  return [
    "SELECT IRF_EXPORT.* FROM (",
    irfQuery(),
    ") IRF_EXPORT",
    "WHERE IRF_EXPORT.MEDIA_SERVER_IXN_GUID = ANY($1)",
    "ORDER BY IRF_EXPORT.MEDIA_SERVER_IXN_GUID, IRF_EXPORT.START_TS, IRF_EXPORT.INTERACTION_RESOURCE_ID",
  ].join("\n");
}

/** The statement on one line, e.g. for `psql -c "\copy (<this>) TO 'irf.csv' WITH (FORMAT csv, HEADER)"`. */
export function irfQueryOneLine(): string {
  return irfQuery().replace(/\s+/g, " ").trim();
}
