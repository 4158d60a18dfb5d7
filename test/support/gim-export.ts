/**
 * Writes IRF and MSF rows as the CSV exports `run --sut export --export/--msf-export` reads, in
 * the columns sql/irf-descriptors.sql and sql/msf-descriptors.sql select, by GIM code. The
 * INTERACTION_RESOURCE_ID of an IRF is its ordinal (unique within an interaction, which is all
 * the reader asks), so an MSF's TARGET_IXN_RESOURCE_ID is its linked IRF's ordinal.
 */
import type { IrfRow } from "../../src/domain/irf";
import type { MsfRow } from "../../src/domain/msf";
import { codeOf } from "../../src/domain/vocabulary";
import { SEEDED_RESOURCE_TYPES } from "../../src/sut/resource-type-codes";

const IRF_HEADER =
  "interaction_id,media_server_ixn_guid,interaction_resource_id,media_name_code,interaction_type_code,resource_name,resource_type_code,resource_role_code,technical_result_code,result_reason_code,role_reason_code,start_ts,end_ts";
const MSF_HEADER =
  "mediation_segment_id,interaction_id,media_server_ixn_guid,media_name_code,resource_name,resource_type_code,resource_role_code,technical_result_code,result_reason_code,role_reason_code,start_ts,end_ts,mediation_duration,target_ixn_resource_id";

/** One interaction's facts; `key` numbers it (INTERACTION_ID). */
export interface ExportedInteraction {
  key: number;
  irfs: readonly IrfRow[];
  msfs: readonly MsfRow[];
}

const descriptorCodes = (d: { role: string; result: string; reason: string; roleReason: string }) =>
  [d.role, d.result, d.reason, d.roleReason].map(codeOf);

export function irfExportCsv(interactions: readonly ExportedInteraction[]): string {
  const lines = [IRF_HEADER];
  for (const { key, irfs } of interactions) {
    for (const row of irfs) {
      const type = SEEDED_RESOURCE_TYPES[row.resourceType as keyof typeof SEEDED_RESOURCE_TYPES].code;
      lines.push(
        [
          key,
          row.interaction,
          row.irf,
          "CHAT",
          "INBOUND",
          row.resource,
          type,
          ...descriptorCodes(row),
          row.start,
          row.end,
        ].join(","),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

export function msfExportCsv(interactions: readonly ExportedInteraction[]): string {
  const lines = [MSF_HEADER];
  for (const { key, msfs } of interactions) {
    for (const m of msfs) {
      lines.push(
        [m.msf, key, m.interaction, "CHAT", m.resource, "QUEUE", ...descriptorCodes(m), m.start, m.end]
          .concat([Math.round(m.durationMs / 1000), m.irf ?? ""])
          .join(","),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
