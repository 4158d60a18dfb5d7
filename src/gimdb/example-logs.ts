/**
 * The example event logs seed-db loads: one JSON Lines file per scenario under the examples
 * folder, named `<@id>.jsonl`, each holding that scenario's one interaction. Each is classified by
 * the reference classifier under the Info Mart's configuration (gim-config.yaml); those facts, and
 * the events themselves, are what the seeded Info Mart is filled from.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { classifyFacts } from "../classifier/classify";
import type { IrfRow } from "../domain/irf";
import type { MsfRow } from "../domain/msf";
import { InputError } from "../errors";
import type { LoggedEvent } from "../eventlog/events";
import { parseEventLog } from "../eventlog/reader";
import { SCENARIO_ID } from "../flows/scenario-id";
import type { GimConfig } from "../gimconfig/gim-config";
import { loadGimConfig } from "../gimconfig/gim-config-file";
import { filesUnder } from "../input-file";

export interface ExampleLog {
  /** The scenario @id, from the file name. */
  id: string;
  file: string;
  /** The reference classifier's rows for the log's interaction, in IRF order. */
  rows: IrfRow[];
  /** Its mediation segments (MSFs), in MSF order; `irf` is the ordinal of the linked IRF. */
  msfs: MsfRow[];
  /** The log's events in file order: the source of what no IRF carries (joins, who stopped it). */
  events: LoggedEvent[];
  /** Epoch ms of the log's first and last events: the interaction's own span. */
  firstMs: number;
  lastMs: number;
}

/**
 * Every `*.jsonl` under `dir` (subfolders too), sorted by id, classified under `config` (default:
 * the GIM configuration file in force, as `run` uses it).
 */
export async function readExampleLogs(
  dir: string,
  config: GimConfig = loadGimConfig().config,
): Promise<ExampleLog[]> {
  const files = jsonlFiles(dir);
  if (files.length === 0) throw new InputError(dir, undefined, undefined, "no example logs (*.jsonl) found");
  const byId = new Map<string, ExampleLog>();
  for (const file of files) {
    const id = basename(file, ".jsonl");
    if (!SCENARIO_ID.test(id)) {
      throw new InputError(
        file,
        undefined,
        undefined,
        `the file name must be a scenario @id (lowercase words joined by hyphens), not "${id}"`,
      );
    }
    const other = byId.get(id);
    if (other !== undefined)
      throw new InputError(file, undefined, undefined, `@id:${id} already has an example log: ${other.file}`);
    const events = parseEventLog(await readFile(file, "utf8"), file);
    const interactions = [...new Set(events.map((e) => e.event.interaction))];
    if (interactions.length !== 1) {
      throw new InputError(
        file,
        undefined,
        "interaction",
        `an example log holds one interaction, this one holds ${interactions.length}`,
      );
    }
    const times = events.map((e) => e.time);
    const facts = classifyFacts(events, file, config);
    byId.set(id, {
      id,
      file,
      rows: facts.irfs,
      msfs: facts.msfs,
      events,
      firstMs: Math.min(...times),
      lastMs: Math.max(...times),
    });
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function jsonlFiles(dir: string): string[] {
  return filesUnder(dir, ".jsonl", { what: "examples folder", notFound: "examples folder not found" });
}
