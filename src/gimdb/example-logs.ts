/**
 * The example event logs seed-db loads: one JSON Lines file per scenario under the examples
 * folder, named `<@id>.jsonl`, each holding that scenario's interaction and any it creates. Each is classified by
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

/** One interaction of an example log: its events and the reference classifier's facts for it. */
export interface ExampleInteraction {
  /** Its id in the log (MEDIA_SERVER_IXN_GUID in production). */
  name: string;
  /** The reference classifier's IRFs for it, in IRF order. */
  rows: IrfRow[];
  /** Its mediation segments (MSFs), in MSF order; `irf` is the ordinal of the linked IRF. */
  msfs: MsfRow[];
  /** Its events in file order: the source of what no IRF carries (joins, who stopped it). */
  events: LoggedEvent[];
  /** Epoch ms of its first and last events: the interaction's own span. */
  firstMs: number;
  lastMs: number;
  /** The customer interaction an internal invitation invites into (event log 1.1 `parent`). */
  parent?: string;
}

/**
 * An example: the scenario's interaction (its fields here) and, since event log 1.1, any
 * interaction it creates, such as the internal invitation of a conference through a queue.
 */
export interface ExampleLog extends ExampleInteraction {
  /** The scenario @id, from the file name. */
  id: string;
  file: string;
  /** Every interaction of the log, the scenario's own first; seed-db writes each as its own fact. */
  interactions: ExampleInteraction[];
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
    const names = [...new Set(events.map((e) => e.event.interaction))];
    const facts = classifyFacts(events, file, config);
    const interactions = names.map((name) => interactionOf(name, events, facts));
    // The scenario's own interaction: the one named like the scenario, else the only one no other
    // interaction of the log was created for.
    const own = interactions.filter((x) => (names.includes(id) ? x.name === id : x.parent === undefined));
    const main = own[0];
    if (own.length !== 1 || main === undefined) {
      throw new InputError(
        file,
        undefined,
        "interaction",
        `cannot tell the scenario's interaction among ${names.join(", ")}: name it "${id}" or give the others a parent`,
      );
    }
    byId.set(id, { ...main, id, file, interactions: [main, ...interactions.filter((x) => x !== main)] });
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function interactionOf(
  name: string,
  all: readonly LoggedEvent[],
  facts: { irfs: IrfRow[]; msfs: MsfRow[] },
): ExampleInteraction {
  const events = all.filter((e) => e.event.interaction === name);
  const times = events.map((e) => e.time);
  const submitted = events.find((e) => e.event.event === "EventInteractionSubmitted")?.event;
  const parent = submitted?.event === "EventInteractionSubmitted" ? submitted.parent : undefined;
  return {
    name,
    rows: facts.irfs.filter((r) => r.interaction === name),
    msfs: facts.msfs.filter((m) => m.interaction === name),
    events,
    firstMs: Math.min(...times),
    lastMs: Math.max(...times),
    ...(parent === undefined ? {} : { parent }),
  };
}

function jsonlFiles(dir: string): string[] {
  return filesUnder(dir, ".jsonl", { what: "examples folder", notFound: "examples folder not found" });
}
