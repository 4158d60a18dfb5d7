/**
 * What an export file must look like: its columns in GIM's names, which of them it must have,
 * and the query that makes it. The IRF export (sql/irf-descriptors.sql) and the MSF export
 * (sql/msf-descriptors.sql) are read by the same reader with their own spec.
 */
export interface ExportSpec<C extends string> {
  /** For messages: "IRF export", "MSF export". */
  what: string;
  /** The query that makes the export, relative to the harness: "sql/irf-descriptors.sql". */
  query: string;
  /** Every column the harness reads, in the order the query selects them. */
  columns: readonly C[];
  /** The columns an export must have; the others (localizable names) are shown when present. */
  required: readonly C[];
  /** The column that names the interaction, for keeping only the manifest's. */
  guid: C;
}

/** One exported row: each column's value as text, null when the database had NULL (or CSV an empty field). */
export type GimRecord<C extends string> = Record<C, string | null>;

/** A record and where it came from, so that a rejection can name the line. */
export interface Sourced<C extends string> {
  values: GimRecord<C>;
  /** Line in the export file; undefined for rows read from a database. */
  line: number | undefined;
}

/**
 * Canonical column name for a header cell or JSON key, or undefined for a column the harness
 * ignores. Matched without regard to case, because PostgreSQL folds the unquoted names of the
 * queries to lower case (psql's CSV header says `interaction_id`).
 */
export function columnOf<C extends string>(spec: ExportSpec<C>, name: string): C | undefined {
  const upper = name.trim().toUpperCase();
  return spec.columns.find((c) => c === upper);
}

/** A record with every column NULL. */
export function emptyRecord<C extends string>(spec: ExportSpec<C>): GimRecord<C> {
  return Object.fromEntries(spec.columns.map((c) => [c, null])) as GimRecord<C>;
}

/** A database result row (names folded to lower case by PostgreSQL) as a record of the spec. */
export function recordOfRow<C extends string>(spec: ExportSpec<C>, row: Record<string, unknown>): Sourced<C> {
  const values = emptyRecord(spec);
  for (const [key, value] of Object.entries(row)) {
    const column = columnOf(spec, key);
    if (column !== undefined) values[column] = value === null || value === undefined ? null : String(value);
  }
  return { values, line: undefined };
}
