/**
 * Snapshots: the machine-readable result of a run (`run --snapshot FILE`), what `diff` compares
 * and what a pipeline keeps as the baseline of the next upgrade. The format is versioned
 * (formatVersion, snapshot.schema.json) and every read is validated, so a hand-edited or
 * foreign file is bad input naming the file and the field, never a silent wrong diff.
 *
 * Version 2 adds each scenario's recorded mediation segments (`msfs`) and the GIM configuration
 * the run judged by (`metadata.gimConfig`). Version 1 files are still read, as version 2 with no
 * MSFs and no configuration, so a baseline kept from before the upgrade still diffs.
 */

import { writeFile } from "node:fs/promises";
import type { ValidateFunction } from "ajv";
import type { IrfRow } from "../domain/irf";
import type { MsfRow } from "../domain/msf";
import { InputError } from "../errors";
import { readInputText } from "../input-file";
import { printable } from "../report/text-escape";
import type { Outcome, ScenarioResult } from "../run/scenario-result";
import type { SutDescription } from "../sut/system-under-test";
import schema from "./snapshot.schema.json";

export const SNAPSHOT_FORMAT_VERSION = 2;
/** The versions readSnapshot accepts; older ones are upgraded in memory. */
const READABLE_VERSIONS: readonly number[] = [1, 2];

/** The four states a release manager reads; `outcome` keeps the exact one. */
export type SnapshotStatus = "passed" | "failed" | "not-run" | "broken";

export interface SnapshotScenario {
  id: string;
  name: string;
  feature: string;
  flow: number | null;
  provisional: boolean;
  status: SnapshotStatus;
  outcome: Outcome;
  detail?: string;
  rows: IrfRow[] | null;
  /** The recorded MSFs; null when the system under test gave none (or the snapshot is version 1). */
  msfs: MsfRow[] | null;
}

export interface Snapshot {
  formatVersion: typeof SNAPSHOT_FORMAT_VERSION;
  metadata: {
    sut: { kind: string; name: string; gimVersion?: string };
    harnessVersion: string;
    classifierVersion: string;
    createdAt: string;
    /** The GIM configuration's options (describeGimConfig), when the run named one. */
    gimConfig?: Record<string, string>;
  };
  scenarios: SnapshotScenario[];
}

export function statusOf(outcome: Outcome): SnapshotStatus {
  switch (outcome) {
    case "passed":
      return "passed";
    case "mismatch":
      return "failed";
    case "not-run":
      return "not-run";
    default:
      return "broken";
  }
}

export interface SnapshotMetadataInput {
  sut: SutDescription;
  harnessVersion: string;
  classifierVersion: string;
  /** The GIM configuration the run judged by, as describeGimConfig gives it. */
  gimConfig?: Record<string, string>;
  now?: Date;
}

export function buildSnapshot(results: readonly ScenarioResult[], meta: SnapshotMetadataInput): Snapshot {
  const sut: Snapshot["metadata"]["sut"] = { kind: meta.sut.kind, name: meta.sut.name };
  if (meta.sut.gimVersion !== undefined) sut.gimVersion = meta.sut.gimVersion;
  const metadata: Snapshot["metadata"] = {
    sut,
    harnessVersion: meta.harnessVersion,
    classifierVersion: meta.classifierVersion,
    createdAt: (meta.now ?? new Date()).toISOString(),
  };
  if (meta.gimConfig !== undefined) metadata.gimConfig = { ...meta.gimConfig };
  return {
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    metadata,
    scenarios: results.map((r) => {
      const scenario: SnapshotScenario = {
        id: r.id,
        name: r.name,
        feature: r.feature,
        flow: r.flow ?? null,
        provisional: r.evidence === "provisional",
        status: statusOf(r.outcome),
        outcome: r.outcome,
        rows: r.rows ?? null,
        msfs: r.msfs ?? null,
      };
      // The first line is the verdict; the side-by-side table is derivable from rows.
      const detail = r.detail?.split("\n", 1)[0];
      if (detail !== undefined && detail !== "") scenario.detail = detail;
      return scenario;
    }),
  };
}

/**
 * Whether `text` is a snapshot this tool wrote (any format version): `run --snapshot` replaces a
 * file only then, never a user's file that happens to share the name.
 */
export function isSnapshotText(text: string): boolean {
  try {
    const value = JSON.parse(text) as {
      formatVersion?: unknown;
      metadata?: { harnessVersion?: unknown };
      scenarios?: unknown;
    };
    return (
      typeof value.formatVersion === "number" &&
      typeof value.metadata?.harnessVersion === "string" &&
      Array.isArray(value.scenarios)
    );
  } catch {
    return false;
  }
}

export async function writeSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  await writeFile(file, `${JSON.stringify(snapshot, null, 2)}\n`);
}

let validate: ValidateFunction | undefined;

/** Reads and validates a snapshot; anything wrong is an InputError naming the file and field. */
export function readSnapshot(file: string): Snapshot {
  const text = readInputText(file, { what: "snapshot" });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, undefined, undefined, `not JSON: ${(error as Error).message}`);
  }
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version !== "number" || !READABLE_VERSIONS.includes(version)) {
    throw new InputError(
      file,
      undefined,
      "formatVersion",
      `expected ${READABLE_VERSIONS.join(" or ")} (a gim-conformance snapshot), got ${JSON.stringify(version)}`,
    );
  }
  if (validate === undefined) {
    // strictTypes off: its warnings about the schema's if/then branches went to stderr on every
    // read, beside the one line a rejection must be.
    // Loaded here, on the first read: `run` writes snapshots and never reads one (issue 14).
    const { Ajv } = require("ajv") as typeof import("ajv");
    const addFormats = (require("ajv-formats") as typeof import("ajv-formats")).default;
    const ajv = new Ajv({ allErrors: false, strictTypes: false });
    addFormats(ajv, ["date-time"]);
    validate = ajv.compile(schema);
  }
  if (!validate(value)) {
    const error = validate.errors?.[0];
    const field = error?.instancePath === "" ? undefined : error?.instancePath;
    throw new InputError(file, undefined, field, error?.message ?? "does not match the snapshot schema");
  }
  const snapshot = version === SNAPSHOT_FORMAT_VERSION ? (value as Snapshot) : upgradeV1(value as SnapshotV1);
  rejectDuplicateIds(snapshot, file);
  return snapshot;
}

/**
 * A scenario's id names it once: with two entries (a failed copy first, a passed one after) a
 * diff would compare whichever it met and could say "no regression". Bad input, naming the id.
 */
function rejectDuplicateIds(snapshot: Snapshot, file: string): void {
  const seen = new Map<string, number>();
  snapshot.scenarios.forEach((scenario, index) => {
    const first = seen.get(scenario.id);
    if (first !== undefined) {
      throw new InputError(
        file,
        undefined,
        `/scenarios/${index}/id`,
        `scenario id ${printable(scenario.id)} appears twice (also /scenarios/${first}); a snapshot holds each scenario once`,
      );
    }
    seen.set(scenario.id, index);
  });
}

/** A version 1 snapshot: no MSFs, no GIM configuration. */
type SnapshotV1 = Omit<Snapshot, "formatVersion" | "scenarios"> & {
  formatVersion: 1;
  scenarios: Omit<SnapshotScenario, "msfs">[];
};

function upgradeV1(v1: SnapshotV1): Snapshot {
  return {
    ...v1,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    scenarios: v1.scenarios.map((s) => ({ ...s, msfs: null })),
  };
}
