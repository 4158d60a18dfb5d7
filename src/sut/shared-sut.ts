/**
 * One system under test per run, shared by `run` and the steps (they run in one process). `run`
 * reads the export or the database once, BEFORE cucumber starts, with only the documented limits
 * on it (PostgreSQL's 60 s statement timeout, docs/real-info-mart.md); the steps then answer from
 * what was read. Before, `run` read everything to describe the system, and the first scenario's
 * step read it all again under cucumber's 5 s step timeout: a 400k-row export or a database
 * answering in 7 s failed as a harness error, and the database was queried twice per run.
 */
import { createSut } from "./create-sut";
import type { SutOptions, SystemUnderTest } from "./system-under-test";

const instances = new Map<string, SystemUnderTest>();

/**
 * What makes two choices the same system. The GIM configuration only changes the reference
 * classifier; the steps add it to every choice, `run` does not, and both must share one export.
 */
function keyOf(options: SutOptions): string {
  const { sut, exportFile, msfExportFile, manifest, db } = options;
  const own =
    sut === "reference"
      ? { sut, gimConfig: options.gimConfig }
      : { sut, exportFile, msfExportFile, manifest, db };
  return canonical(own);
}

/**
 * JSON with every object's keys sorted, at every depth. (JSON.stringify with a key list as the
 * replacer filters nested objects by that same list: the GIM configuration's own keys were
 * dropped, so two different configurations shared one reference classifier.) A key holding
 * undefined counts as absent, as in JSON; an array is keyed by its indices like any object,
 * which is still one text per value.
 */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const members = value as Record<string, unknown>;
  const keys = Object.keys(members)
    .filter((k) => members[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(members[k])}`).join(",")}}`;
}

/** The same options (in any key order) give the same instance for the whole process. */
export function sharedSut(options: SutOptions): SystemUnderTest {
  const key = keyOf(options);
  let sut = instances.get(key);
  if (sut === undefined) {
    sut = createSut(options);
    instances.set(key, sut);
  }
  return sut;
}

/** Closes every shared instance (a database session); the next sharedSut() starts afresh. */
export async function closeSharedSuts(): Promise<void> {
  const open = [...instances.values()];
  instances.clear();
  await Promise.all(open.map((sut) => sut.close()));
}
