/**
 * Baseline against candidate: which scenarios newly fail or newly pass, and per interaction each
 * IRF whose descriptor, resource or order changed, and each mediation segment (MSF) whose
 * descriptor, queue or linked IRF changed. Scenarios are matched by @id (interaction ids differ
 * between systems: the reference names them after the scenario, an export by GUID), IRFs and MSFs
 * by ordinal within the scenario's interaction. A descriptor includes its role reason: a release
 * that starts recording one changes what reports filtering on it count.
 */
import { UNSPECIFIED } from "../domain/descriptor";
import type { IrfRow } from "../domain/irf";
import type { MsfRow } from "../domain/msf";
import type { Snapshot, SnapshotScenario, SnapshotStatus } from "../snapshot/snapshot";

export type IrfChangeKind = "descriptor" | "resource" | "order" | "added" | "removed";

/** The part of a row the diff compares and shows. */
export type IrfCell = Pick<
  IrfRow,
  "irf" | "resource" | "resourceType" | "role" | "result" | "reason" | "roleReason"
>;

export interface IrfChange {
  irf: number;
  kinds: IrfChangeKind[];
  before: IrfCell | undefined;
  after: IrfCell | undefined;
}

export type MsfChangeKind = "descriptor" | "resource" | "link" | "added" | "removed";

/** The part of an MSF the diff compares and shows. */
export type MsfCell = Pick<MsfRow, "msf" | "resource" | "role" | "result" | "reason" | "roleReason" | "irf">;

export interface MsfChange {
  msf: number;
  kinds: MsfChangeKind[];
  before: MsfCell | undefined;
  after: MsfCell | undefined;
}

/**
 * How a scenario's status moved. Only a move between a verdict and its opposite is "newly":
 * passed → failed or broken is newly failing (a regression when verified), failed or broken →
 * passed is newly passing. A move to or from "not run" (nothing was checked on that side) and
 * failed ↔ broken are "status-changed": listed, never counted as a regression nor as a fix. A
 * scenario in one snapshot only is "added" (candidate only) or "removed" (baseline only).
 */
export type ScenarioChange =
  | "newly-failing"
  | "newly-passing"
  | "status-changed"
  | "same"
  | "added"
  | "removed";

export interface ScenarioDiff {
  id: string;
  flow: number | null;
  name: string;
  provisional: boolean;
  interaction: string | undefined;
  before: SnapshotStatus | undefined;
  after: SnapshotStatus | undefined;
  change: ScenarioChange;
  irfChanges: IrfChange[];
  /** Empty unless both sides recorded MSFs (a version 1 snapshot, or a back end without them, has none). */
  msfChanges: MsfChange[];
  /** Each side's verdict line from its snapshot (why it failed or was not run), for the reader. */
  beforeDetail?: string;
  afterDetail?: string;
}

export interface SnapshotDiff {
  baseline: Snapshot["metadata"];
  candidate: Snapshot["metadata"];
  scenarios: ScenarioDiff[];
  newlyFailing: ScenarioDiff[];
  newlyPassing: ScenarioDiff[];
  /**
   * A verified scenario that passed in the baseline fails or breaks in the candidate. A provisional
   * one newly differing is listed but, as in `run`, a hypothesis never fails the gate; a scenario
   * newly not run is listed under other status changes (nothing was checked, nothing regressed).
   */
  regressed: boolean;
}

const FAILING: ReadonlySet<SnapshotStatus | undefined> = new Set(["failed", "broken"]);

export function diffSnapshots(baseline: Snapshot, candidate: Snapshot): SnapshotDiff {
  const before = new Map(baseline.scenarios.map((s) => [s.id, s]));
  const after = new Map(candidate.scenarios.map((s) => [s.id, s]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  const scenarios = ids.map((id) => diffScenario(before.get(id), after.get(id)));
  // Scenarios without a flow number last; Array.prototype.sort is stable, so ties keep their order
  // (MAX_SAFE_INTEGER, not Infinity: Infinity - Infinity is NaN, which no comparator may return).
  const flowOf = (s: ScenarioDiff) => s.flow ?? Number.MAX_SAFE_INTEGER;
  scenarios.sort((a, b) => flowOf(a) - flowOf(b));
  const newlyFailing = scenarios.filter((s) => s.change === "newly-failing");
  return {
    baseline: baseline.metadata,
    candidate: candidate.metadata,
    scenarios,
    newlyFailing,
    newlyPassing: scenarios.filter((s) => s.change === "newly-passing"),
    regressed: newlyFailing.some((s) => !s.provisional),
  };
}

function diffScenario(
  before: SnapshotScenario | undefined,
  after: SnapshotScenario | undefined,
): ScenarioDiff {
  const either = (after ?? before) as SnapshotScenario;
  const b = before?.status;
  const a = after?.status;
  let change: ScenarioChange;
  if (before === undefined) change = "added";
  else if (after === undefined) change = "removed";
  else if (b === a) change = "same";
  else if (b === "passed" && FAILING.has(a)) change = "newly-failing";
  else if (FAILING.has(b) && a === "passed") change = "newly-passing";
  else change = "status-changed";
  return {
    id: either.id,
    flow: either.flow,
    name: either.name,
    provisional: either.provisional,
    // The first side that recorded anything names it (a candidate that recorded no IRF still has a baseline's).
    interaction: [
      ...(after?.rows ?? []),
      ...(after?.msfs ?? []),
      ...(before?.rows ?? []),
      ...(before?.msfs ?? []),
    ][0]?.interaction,
    before: b,
    after: a,
    change,
    // Without rows on both sides (not run) there is nothing to compare IRF by IRF.
    irfChanges: before?.rows && after?.rows ? diffRows(before.rows, after.rows) : [],
    msfChanges: before?.msfs && after?.msfs ? diffMsfs(before.msfs, after.msfs) : [],
    ...(before?.detail === undefined ? {} : { beforeDetail: before.detail }),
    ...(after?.detail === undefined ? {} : { afterDetail: after.detail }),
  };
}

/** A version 1 snapshot's row may lack a role reason; GIM records Unspecified then. */
const roleReasonOf = (r: { roleReason?: string }) => r.roleReason ?? UNSPECIFIED;
const descriptor = (r: Pick<IrfCell, "role" | "result" | "reason" | "roleReason">) =>
  `${r.role}/${r.result}/${r.reason}/${roleReasonOf(r)}`;
const identity = (r: IrfCell) => `${r.resource}\u0000${r.resourceType}\u0000${descriptor(r)}`;

/** Changes IRF by IRF; "order" when the row now at this ordinal was recorded at another one before. */
export function diffRows(before: readonly IrfRow[], after: readonly IrfRow[]): IrfChange[] {
  const beforeBy = new Map(before.map((r) => [r.irf, cell(r)]));
  const afterBy = new Map(after.map((r) => [r.irf, cell(r)]));
  const beforeIdentities = new Map(before.map((r) => [identity(r), r.irf]));
  const ordinals = [...new Set([...beforeBy.keys(), ...afterBy.keys()])].sort((x, y) => x - y);
  const changes: IrfChange[] = [];
  for (const irf of ordinals) {
    const b = beforeBy.get(irf);
    const a = afterBy.get(irf);
    const kinds: IrfChangeKind[] = [];
    if (b === undefined) kinds.push("added");
    else if (a === undefined) kinds.push("removed");
    else {
      const movedFrom = beforeIdentities.get(identity(a));
      if (movedFrom !== undefined && movedFrom !== irf) kinds.push("order");
      else {
        if (a.resource !== b.resource || a.resourceType !== b.resourceType) kinds.push("resource");
        if (descriptor(a) !== descriptor(b)) kinds.push("descriptor");
      }
    }
    if (kinds.length > 0) changes.push({ irf, kinds, before: b, after: a });
  }
  return changes;
}

function cell(r: IrfRow): IrfCell {
  return {
    irf: r.irf,
    resource: r.resource,
    resourceType: r.resourceType,
    role: r.role,
    result: r.result,
    reason: r.reason,
    roleReason: roleReasonOf(r),
  };
}

/** Changes MSF by MSF: its queue, its descriptor, the IRF it links to, or its appearing or going. */
export function diffMsfs(before: readonly MsfRow[], after: readonly MsfRow[]): MsfChange[] {
  const beforeBy = new Map(before.map((m) => [m.msf, msfCell(m)]));
  const afterBy = new Map(after.map((m) => [m.msf, msfCell(m)]));
  const ordinals = [...new Set([...beforeBy.keys(), ...afterBy.keys()])].sort((x, y) => x - y);
  const changes: MsfChange[] = [];
  for (const msf of ordinals) {
    const b = beforeBy.get(msf);
    const a = afterBy.get(msf);
    const kinds: MsfChangeKind[] = [];
    if (b === undefined) kinds.push("added");
    else if (a === undefined) kinds.push("removed");
    else {
      if (a.resource !== b.resource) kinds.push("resource");
      if (descriptor(a) !== descriptor(b)) kinds.push("descriptor");
      if (a.irf !== b.irf) kinds.push("link");
    }
    if (kinds.length > 0) changes.push({ msf, kinds, before: b, after: a });
  }
  return changes;
}

function msfCell(m: MsfRow): MsfCell {
  return {
    msf: m.msf,
    resource: m.resource,
    role: m.role,
    result: m.result,
    reason: m.reason,
    roleReason: roleReasonOf(m),
    irf: m.irf,
  };
}
