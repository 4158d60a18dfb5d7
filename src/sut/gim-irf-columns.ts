/**
 * The columns of an IRF export, in GIM's own names: what sql/irf-descriptors.sql selects, what
 * `--sut export` reads and what `--sut postgres` fetches. Exports may carry more columns; those
 * are ignored. Column names are matched without regard to case, because PostgreSQL folds the
 * unquoted names of the query to lower case (psql's CSV header says `interaction_id`).
 */
export const EXPORT_COLUMNS = [
  "INTERACTION_ID",
  "MEDIA_SERVER_IXN_GUID",
  "INTERACTION_RESOURCE_ID",
  "RESOURCE_NAME",
  "RESOURCE_TYPE_CODE",
  "RESOURCE_ROLE",
  "TECHNICAL_RESULT",
  "RESULT_REASON",
  "ROLE_REASON",
  "START_TS",
  "END_TS",
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** One exported row: each column's value as text, null when the database had NULL (or CSV an empty field). */
export type GimIrfRecord = Record<ExportColumn, string | null>;

/** A record and where it came from, so that a rejection can name the line. */
export interface SourcedRecord {
  values: GimIrfRecord;
  /** Line in the export file; undefined for rows read from a database. */
  line: number | undefined;
}

/** Canonical column name for a header cell or JSON key, or undefined for a column the harness ignores. */
export function exportColumnOf(name: string): ExportColumn | undefined {
  const upper = name.trim().toUpperCase();
  return (EXPORT_COLUMNS as readonly string[]).includes(upper) ? (upper as ExportColumn) : undefined;
}
