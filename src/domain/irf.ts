/**
 * An INTERACTION_RESOURCE_FACT row as the harness sees it: one attempt by one resource to start,
 * handle, or mediate-and-handle an interaction, with its technical descriptor.
 * Field names are the event-log contract's output (../shared/spec/event-log.md, "Output").
 */
/**
 * `Other`: a resource a real Info Mart records as RESOURCE_TYPE_CODE `NONE` or `UNKNOWN` (every
 * Info Mart has such rows); the reference classifier never produces it.
 */
export type ResourceType = "Agent" | "Queue" | "Strategy" | "Other";

export interface IrfRow {
  /** The interaction id (MEDIA_SERVER_IXN_GUID in production). */
  interaction: string;
  /** Ordinal within the interaction, from 1, in order of the attempts' start. */
  irf: number;
  resource: string;
  resourceType: ResourceType;
  role: string;
  result: string;
  /** RESULT_REASON; `Unspecified` when none applies. */
  reason: string;
  /** ROLE_REASON; `Unspecified` unless a documented role reason applies. */
  roleReason: string;
  /** RFC 3339 timestamps of the attempt. */
  start: string;
  end: string;
  /** Time the resource was alerted before it joined or the attempt ended (agents only). */
  alertingMs: number;
  /** Time the resource handled the interaction after joining (agents only). */
  handlingMs: number;
  /** Time the interaction spent in mediation within this attempt (queue and strategy IRFs). */
  mediationMs: number;
  /** The IRF ordinal of the agent who transferred or conferenced this one in, if any. */
  receivedFrom: number | null;
  /**
   * Read from a real Info Mart: the RESOURCE_TYPE_CODE as recorded (e.g. `AGENT`, or `NONE` and
   * `UNKNOWN`, which every Info Mart has) and the names beside the codes. Absent for the reference.
   */
  resourceTypeCode?: string;
  /** Read from a real Info Mart: INTERACTION_TYPE_CODE as recorded (e.g. `INBOUND`); shown, not compared. */
  interactionTypeCode?: string;
  recordedNames?: RecordedNames;
}

/**
 * The descriptor names as a real Info Mart spelled them. GIM's names "can change with
 * localization" while the `_CODE` columns do not (PDM, Table-INTERACTION_TYPE and
 * Table-TECHNICAL_DESCRIPTOR), so the harness compares codes and only shows these beside them.
 */
export interface RecordedNames {
  role?: string;
  result?: string;
  reason?: string;
  roleReason?: string;
  /** RESOURCE_TYPE as recorded, e.g. "Agent" or a translation of it. */
  resourceType?: string;
}

/** The part of a row that a feature's expected-IRF table states. */
export type IrfExpectation = Pick<IrfRow, "irf" | "resource" | "role" | "result" | "reason"> & {
  /** Absent when the table has no `role reason` column or the cell is blank: not asserted. */
  roleReason?: string;
};
