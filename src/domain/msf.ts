/**
 * A MEDIATION_SEGMENT_FACT row as the harness sees it: the time an interaction spent at one
 * mediation DN (for chat, an interaction queue), from entering it until it was abandoned there or
 * distributed from it, "including the time that it takes the interaction to be answered by the
 * target resource or to be abandoned while alerting at the target resource"
 * (https://docs.genesys.com/Documentation:PSAAS:RPRT:Table-MEDIATION_SEGMENT_FACT:Public).
 * An MSF carries a technical descriptor like an IRF, and links to the IRF during which the
 * mediation occurred, or that it led to (GIMPopMSF: "An MSF also includes links to the
 * associated IRF").
 */
import type { RecordedNames } from "./irf";

export interface MsfRow {
  /** The interaction id (MEDIA_SERVER_IXN_GUID in production). */
  interaction: string;
  /** Ordinal within the interaction, from 1, in order of the segments' start. */
  msf: number;
  /** The queue's name. */
  resource: string;
  role: string;
  result: string;
  /** RESULT_REASON; `Unspecified` when none applies. */
  reason: string;
  roleReason: string;
  /** RFC 3339 timestamps of the segment; `end` is empty for a segment still open. */
  start: string;
  end: string;
  durationMs: number;
  /** The ordinal of the IRF the segment is linked to, or null when it is linked to none. */
  irf: number | null;
  /** Names as the Info Mart under test spelled them (they may be localized); absent for the reference. */
  recordedNames?: RecordedNames;
}

/** The part of an MSF that a feature's mediation-segment table states. */
export interface MsfExpectation {
  msf: number;
  resource: string;
  role: string;
  result: string;
  reason: string;
  /** Absent when the table has no role reason column or the cell is blank: not asserted. */
  roleReason?: string;
  /** The linked IRF's ordinal; undefined = not asserted, null = "none". */
  irf?: number | null;
}
