/**
 * What each scenario of the features says Info Mart records, as census patterns: its expected IRF
 * table (and MSF table, when it states one), with every resource abstracted to its type and rank of
 * first appearance, exactly as the census query abstracts production's resources (production
 * agents are not called Agent1). A flow conferenced through a queue also states its internal
 * invitation's tables: that interaction is expected under `<@id>-invite`, as in lab manifests.
 */
import { resolve } from "node:path";
import type { IrfExpectation } from "../domain/irf";
import type { MsfExpectation } from "../domain/msf";
import { codeOf, type Vocabulary } from "../domain/vocabulary";
import { InputError } from "../errors";
import { parseIrfTable } from "../flows/irf-table";
import { parseMsfTable } from "../flows/msf-table";
import { type LabScenario, type LabStep, readLabScenarios } from "../labkit/feature-scenarios";

/** One expected record; `roleReason` and `link` undefined = not asserted by the table. */
export interface ExpectedRecord {
  kind: "IRF" | "MSF";
  typeCode: string;
  rank: number;
  role: string;
  result: string;
  reason: string;
  roleReason?: string;
  link?: number | null;
  /** The feature's name for the resource (Agent1, Chat_Inbound), for messages. */
  resource: string;
}

export interface ExpectedPattern {
  /** The scenario @id, or `<@id>-invite` for its internal invitation. */
  flow: string;
  scenario: string;
  feature: string;
  provisional: boolean;
  irfs: ExpectedRecord[];
  /** Undefined when the scenario states no MSF table: its MSFs are not asserted, as in `run`. */
  msfs: ExpectedRecord[] | undefined;
}

const IRF_STEP = "Info Mart records exactly these IRFs:";
const MSF_STEP = "Info Mart records these mediation segments:";
const INVITE_PREFIX = "for the internal invitation, ";

/**
 * The resource type of each quoted name a scenario's steps introduce: the step vocabulary names
 * queues as `... queue "X"` and strategies as `strategy "X"`; an agent is a bare word or any other
 * quoted name (steps/support/parameter-types.ts).
 */
function resourceTypes(steps: readonly LabStep[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const { text } of steps) {
    for (const m of text.matchAll(/\bqueue\s+"([^"]+)"/g)) if (m[1] !== undefined) types.set(m[1], "QUEUE");
    for (const m of text.matchAll(/\bstrategy\s+"([^"]+)"/g)) {
      if (m[1] !== undefined) types.set(m[1], "ROUTINGPOINT");
    }
  }
  return types;
}

/** Ranks resources per type in order of first appearance: IRF table first, then MSF table. */
class Ranker {
  private readonly ranks = new Map<string, { typeCode: string; rank: number }>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly types: Map<string, string>) {}

  of(resource: string, msfQueue: boolean): { typeCode: string; rank: number } {
    const known = this.ranks.get(resource);
    if (known !== undefined) return known;
    const typeCode = msfQueue ? "QUEUE" : (this.types.get(resource) ?? "AGENT");
    const rank = (this.counts.get(typeCode) ?? 0) + 1;
    this.counts.set(typeCode, rank);
    const entry = { typeCode, rank };
    this.ranks.set(resource, entry);
    return entry;
  }
}

function irfRecords(rows: readonly IrfExpectation[], ranker: Ranker): ExpectedRecord[] {
  return rows.map((r) => ({
    kind: "IRF",
    ...ranker.of(r.resource, false),
    role: codeOf(r.role),
    result: codeOf(r.result),
    reason: codeOf(r.reason),
    ...(r.roleReason === undefined ? {} : { roleReason: codeOf(r.roleReason) }),
    resource: r.resource,
  }));
}

function msfRecords(rows: readonly MsfExpectation[], ranker: Ranker): ExpectedRecord[] {
  return rows.map((r) => ({
    kind: "MSF",
    ...ranker.of(r.resource, true),
    role: codeOf(r.role),
    result: codeOf(r.result),
    reason: codeOf(r.reason),
    ...(r.roleReason === undefined ? {} : { roleReason: codeOf(r.roleReason) }),
    ...(r.irf === undefined ? {} : { link: r.irf }),
    resource: r.resource,
  }));
}

/** The expected patterns of one scenario: its chat, and its internal invitation when it states one. */
export function expectedPatternsOf(scenario: LabScenario, vocabulary: Vocabulary): ExpectedPattern[] {
  const types = resourceTypes(scenario.steps);
  const parts: ExpectedPattern[] = [];
  for (const [prefix, suffix] of [
    ["", ""],
    [INVITE_PREFIX, "-invite"],
  ] as const) {
    const irfTable = scenario.steps.find((s) => s.text === `${prefix}${IRF_STEP}`)?.table;
    if (irfTable === undefined) continue;
    const msfTable = scenario.steps.find((s) => s.text === `${prefix}${MSF_STEP}`)?.table;
    const ranker = new Ranker(types);
    const irfs = irfRecords(parseIrfTable(irfTable, scenario.uri, vocabulary), ranker);
    const msfs =
      msfTable === undefined
        ? undefined
        : msfRecords(parseMsfTable(msfTable, scenario.uri, vocabulary), ranker);
    parts.push({
      flow: `${scenario.id}${suffix}`,
      scenario: suffix === "" ? scenario.name : `${scenario.name} (internal invitation)`,
      feature: scenario.feature,
      provisional: scenario.provisional,
      irfs,
      msfs,
    });
  }
  return parts;
}

/**
 * Every expected pattern of the features under `dirs` (the bundled folder and the user's), in
 * folder then file order; a folder given twice is read once, and an @id used in two folders is
 * bad input, as in `run`.
 */
export async function readExpectedPatterns(
  dirs: readonly string[],
  vocabulary: Vocabulary,
): Promise<ExpectedPattern[]> {
  const seen = new Set<string>();
  const flows = new Map<string, string>();
  const out: ExpectedPattern[] = [];
  for (const dir of dirs) {
    const absolute = resolve(dir);
    if (seen.has(absolute)) continue;
    seen.add(absolute);
    for (const scenario of await readLabScenarios(absolute)) {
      for (const pattern of expectedPatternsOf(scenario, vocabulary)) {
        const other = flows.get(pattern.flow);
        if (other !== undefined) {
          throw new InputError(
            scenario.uri,
            scenario.line,
            "@id",
            `@id:${scenario.id} is already used by ${other}`,
          );
        }
        flows.set(pattern.flow, scenario.uri);
        out.push(pattern);
      }
    }
  }
  return out;
}
