/**
 * The answer a manifest-driven back end (export, PostgreSQL) gives for one scenario, once it has
 * the Info Mart's rows by GUID. An interaction the Info Mart does not hold is answered with no
 * rows, so the comparison reports every expected IRF as missing and the scenario fails: a GUID the
 * tester wrote down but GIM never recorded is a finding, never a pass or a silent skip.
 */
import type { IrfRow } from "../domain/irf";
import type { MsfRow } from "../domain/msf";
import type { LabManifest } from "./lab-manifest";
import type { SutAnswer } from "./system-under-test";

/**
 * MSFs: the back end's MSF data by GUID, or why it has none (`{ notChecked }`). An interaction
 * with no MSF rows in that data answers [] (GIM recorded none), never undefined.
 */
export type MsfSource = { byGuid: ReadonlyMap<string, MsfRow[]> } | { notChecked: string };

export function manifestAnswer(
  manifest: LabManifest,
  id: string,
  rowsByGuid: ReadonlyMap<string, IrfRow[]>,
  msfs: MsfSource = { notChecked: "this back end reads no mediation segments" },
): SutAnswer {
  const found = manifest.lookup(id);
  if (found.kind === "not-run") return { kind: "not-run", reason: found.reason };
  const { guid, resources } = found.entry;
  const featureName = new Map(Object.entries(resources).map(([feature, lab]) => [lab, feature]));
  const asFeature = <R extends { resource: string }>(row: R): R => ({
    ...row,
    resource: featureName.get(row.resource) ?? row.resource,
  });
  const rows = (rowsByGuid.get(guid) ?? []).map(asFeature);
  if ("notChecked" in msfs) return { kind: "rows", rows, msfsNotChecked: msfs.notChecked };
  return { kind: "rows", rows, msfs: (msfs.byGuid.get(guid) ?? []).map(asFeature) };
}
