/**
 * The columns of an IRF export, in GIM's own names: what sql/irf-descriptors.sql selects, what
 * `--sut export` reads and what `--sut postgres` fetches. Exports may carry more columns; those
 * are ignored.
 *
 * The `_CODE` columns are the contract: GIM's names "can change with localization" while the
 * codes do not (PDM, Table-INTERACTION_TYPE and Table-TECHNICAL_DESCRIPTOR), so an export must
 * have every code, and the names beside them are only shown. An export made by the older,
 * names-only query lacks the codes and is rejected with the way to re-export.
 */
import type { ExportSpec, GimRecord, Sourced } from "./export-spec";

export const EXPORT_COLUMNS = [
  "INTERACTION_ID",
  "MEDIA_SERVER_IXN_GUID",
  "INTERACTION_RESOURCE_ID",
  "MEDIA_NAME_CODE",
  "INTERACTION_TYPE",
  "INTERACTION_TYPE_CODE",
  "RESOURCE_NAME",
  "RESOURCE_TYPE",
  "RESOURCE_TYPE_CODE",
  "RESOURCE_ROLE",
  "RESOURCE_ROLE_CODE",
  "TECHNICAL_RESULT",
  "TECHNICAL_RESULT_CODE",
  "RESULT_REASON",
  "RESULT_REASON_CODE",
  "ROLE_REASON",
  "ROLE_REASON_CODE",
  "START_TS",
  "END_TS",
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** The localizable names: shown beside the codes when the export has them, never required. */
export const NAME_COLUMNS = [
  "INTERACTION_TYPE",
  "RESOURCE_TYPE",
  "RESOURCE_ROLE",
  "TECHNICAL_RESULT",
  "RESULT_REASON",
  "ROLE_REASON",
] as const satisfies readonly ExportColumn[];

export const IRF_EXPORT: ExportSpec<ExportColumn> = {
  what: "IRF export",
  query: "sql/irf-descriptors.sql",
  columns: EXPORT_COLUMNS,
  required: EXPORT_COLUMNS.filter((c) => !(NAME_COLUMNS as readonly string[]).includes(c)),
  guid: "MEDIA_SERVER_IXN_GUID",
};

export type GimIrfRecord = GimRecord<ExportColumn>;
export type SourcedRecord = Sourced<ExportColumn>;
