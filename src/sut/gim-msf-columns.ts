/**
 * The columns of an MSF export (MEDIATION_SEGMENT_FACT), in GIM's own names: what
 * sql/msf-descriptors.sql selects, what `--msf-export FILE` reads and what `--sut postgres`
 * fetches. As for IRFs, the `_CODE` columns are required and the names beside them only shown.
 */
import type { ExportSpec, GimRecord, Sourced } from "./export-spec";

export const MSF_EXPORT_COLUMNS = [
  "MEDIATION_SEGMENT_ID",
  "INTERACTION_ID",
  "MEDIA_SERVER_IXN_GUID",
  "MEDIA_NAME_CODE",
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
  "MEDIATION_DURATION",
  "TARGET_IXN_RESOURCE_ID",
] as const;

export type MsfExportColumn = (typeof MSF_EXPORT_COLUMNS)[number];

const NAMES: readonly string[] = [
  "RESOURCE_TYPE",
  "RESOURCE_ROLE",
  "TECHNICAL_RESULT",
  "RESULT_REASON",
  "ROLE_REASON",
];

export const MSF_EXPORT: ExportSpec<MsfExportColumn> = {
  what: "MSF export",
  query: "sql/msf-descriptors.sql",
  columns: MSF_EXPORT_COLUMNS,
  required: MSF_EXPORT_COLUMNS.filter((c) => !NAMES.includes(c)),
  guid: "MEDIA_SERVER_IXN_GUID",
};

export type GimMsfRecord = GimRecord<MsfExportColumn>;
export type SourcedMsfRecord = Sourced<MsfExportColumn>;
