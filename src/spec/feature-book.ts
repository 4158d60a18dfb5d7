/**
 * The features as a reviewer reads them: per flow its title, tags, narrative (the feature's
 * description, Markdown), the `Source:` line citing the User's Guide, and each scenario exactly
 * as written in the file plus its expected-IRF table and, when it states one, its expected
 * mediation-segment (MSF) table. Parsed with cucumber's own Gherkin parser
 * and pickle compiler, so tags and tables read exactly as `run` reads them.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { compile } from "@cucumber/gherkin";
import type { GherkinDocument, Pickle, Scenario } from "@cucumber/messages";
import type { IrfExpectation } from "../domain/irf";
import type { MsfExpectation } from "../domain/msf";
import { InputError } from "../errors";
import { parseIrfTable } from "../flows/irf-table";
import { parseMsfTable } from "../flows/msf-table";
import { scenarioIdOf } from "../flows/scenario-id";
import { dedent, featureFiles, flowOf, narrativeOf, parseGherkin } from "./gherkin-source";
import { dataTableCsv, type RunStep, scenarioFingerprint } from "./run-status";

export interface BookScenario {
  /** From the `@id:` tag: names the example log, the Allure result and the history. */
  id: string;
  name: string;
  /** 1-based line of the `Scenario:` keyword. */
  line: number;
  /** Every tag the scenario carries (feature tags included), as a pickle has them. */
  tags: string[];
  /** Each step as `Keyword text`, in order. */
  steps: string[];
  /** The scenario's text as written in the file (its tags, description, steps and table), dedented. */
  source: string;
  /** The `Then` table: the complete set of IRFs Info Mart must record. */
  expected: IrfExpectation[];
  /**
   * The "Info Mart records these mediation segments:" table: the complete set of MSFs; empty when
   * the scenario states none (it then asserts nothing about MSFs).
   */
  expectedMsfs: MsfExpectation[];
  /**
   * A conference through a queue also creates an internal invitation interaction, which Info Mart
   * records as an interaction of its own: its tables ("for the internal invitation, ..."), if stated.
   */
  invitation?: { expected: IrfExpectation[]; expectedMsfs: MsfExpectation[] };
  provisional: boolean;
  /**
   * scenarioFingerprint of its steps as cucumber runs them (text and tables): a run result
   * counts for this scenario only when its fingerprint is the same (run-status.ts).
   */
  fingerprint: string;
  /** The steps as cucumber runs them (text without keyword, table as CSV): what the fingerprint hashes. */
  runSteps: RunStep[];
}

/** The steps that state the tables (steps/irf-steps.ts matches the same texts). */
const MSF_STEP = /^Info Mart records these mediation segments:?\s*$/i;
const INVITATION_PREFIX = /^for the internal invitation,\s*/i;

export interface BookFeature {
  /** From the `@flow-N` tag; undefined for a user's flow without one. */
  flow: number | undefined;
  title: string;
  /** The feature's own tags. */
  tags: string[];
  /** The narrative (Markdown), without the citation line. */
  description: string;
  /** The description's `Source:` line: where the User's Guide documents the flow. */
  citation: string | undefined;
  /** The file, relative to the features folder's parent. */
  uri: string;
  provisional: boolean;
  scenarios: BookScenario[];
}

/** Every feature under `dir`, ordered by flow number (features without one last), then file. */
export function readFeatureBook(dir: string): BookFeature[] {
  const files = featureFiles(dir);
  if (files.length === 0) throw new InputError(dir, undefined, undefined, "no .feature files found");
  const base = join(dir, "..");
  const features = files.flatMap((file) => {
    const feature = readBookFeature(readFileSync(file, "utf8"), relative(base, file) || file);
    return feature === undefined ? [] : [feature];
  });
  const seen = new Map<string, string>();
  for (const feature of features) {
    for (const scenario of feature.scenarios) {
      const other = seen.get(scenario.id);
      if (other !== undefined) {
        throw new InputError(
          feature.uri,
          scenario.line,
          "@id",
          `@id:${scenario.id} is already used by ${other}`,
        );
      }
      seen.set(scenario.id, `${feature.uri}:${scenario.line}`);
    }
  }
  const order = (f: BookFeature) => f.flow ?? Number.MAX_SAFE_INTEGER;
  return features.sort((a, b) => order(a) - order(b) || a.uri.localeCompare(b.uri));
}

/** One feature file's text; `uri` names it in messages. Undefined for a file with no Feature. */
export function readBookFeature(text: string, uri: string): BookFeature | undefined {
  const { document, newId } = parseGherkin(text, uri);
  const feature = document.feature;
  if (feature === undefined) return undefined;
  const tags = feature.tags.map((t) => t.name);
  const { description, citation } = narrativeOf(feature.description);

  const astScenarios = scenariosOf(document);
  const sourceLines = text.split(/\r?\n/);
  const starts = astScenarios.map(startLine).sort((a, b) => a - b);
  const pickles = compile(document, uri, newId);
  const scenarios = astScenarios.map((scenario) => {
    const own = pickles.filter((p) => p.astNodeIds.includes(scenario.id));
    return toBookScenario(scenario, own, uri, sliceSource(sourceLines, startLine(scenario), starts));
  });
  return {
    flow: flowOf(tags),
    title: feature.name,
    tags,
    description,
    citation,
    uri,
    provisional: tags.includes("@provisional"),
    scenarios,
  };
}

function toBookScenario(scenario: Scenario, pickles: Pickle[], uri: string, source: string): BookScenario {
  const where = `${uri}:${scenario.location.line}`;
  const pickle = pickles[0];
  if (pickle === undefined)
    throw new InputError(uri, scenario.location.line, undefined, "scenario has no steps");
  const tags = pickle.tags.map((t) => t.name);
  const cellsOf = (t: { rows: readonly { cells: readonly { value: string }[] }[] }) =>
    t.rows.map((r) => r.cells.map((c) => c.value));
  type Tables = { irfs?: string[][]; msfs?: string[][] };
  const main: Tables = {};
  const invite: Tables = {};
  for (const step of pickle.steps) {
    const data = step.argument?.dataTable;
    if (String(step.type) !== "Outcome" || data === undefined) continue;
    const target = INVITATION_PREFIX.test(step.text) ? invite : main;
    const kind = MSF_STEP.test(step.text.replace(INVITATION_PREFIX, "")) ? "msfs" : "irfs";
    target[kind] ??= cellsOf(data);
  }
  const runSteps: RunStep[] = pickle.steps.map((step) => {
    const data = step.argument?.dataTable;
    return data === undefined ? { text: step.text } : { text: step.text, csv: dataTableCsv(cellsOf(data)) };
  });
  const table = main.irfs;
  if (table === undefined) {
    throw new InputError(
      uri,
      scenario.location.line,
      undefined,
      `scenario "${scenario.name}" has no Then table`,
    );
  }
  return {
    id: scenarioIdOf(tags, pickle.name, where),
    name: scenario.name,
    line: scenario.location.line,
    tags,
    steps: scenario.steps.map((s) => `${s.keyword.trim()} ${s.text}`),
    source,
    expected: parseIrfTable(table, where),
    expectedMsfs: main.msfs === undefined ? [] : parseMsfTable(main.msfs, where),
    ...(invite.irfs === undefined && invite.msfs === undefined
      ? {}
      : {
          invitation: {
            expected: invite.irfs === undefined ? [] : parseIrfTable(invite.irfs, where),
            expectedMsfs: invite.msfs === undefined ? [] : parseMsfTable(invite.msfs, where),
          },
        }),
    provisional: tags.includes("@provisional"),
    fingerprint: scenarioFingerprint(runSteps),
    runSteps,
  };
}

function scenariosOf(document: GherkinDocument): Scenario[] {
  const out: Scenario[] = [];
  for (const child of document.feature?.children ?? []) {
    if (child.scenario) out.push(child.scenario);
    for (const ruleChild of child.rule?.children ?? []) if (ruleChild.scenario) out.push(ruleChild.scenario);
  }
  return out;
}

/** A scenario's text starts at its first tag line, if it has tags. */
function startLine(scenario: Scenario): number {
  return Math.min(scenario.location.line, ...scenario.tags.map((t) => t.location.line));
}

/** From a scenario's first line to the line before the next one's, trailing blanks dropped. */
function sliceSource(lines: readonly string[], start: number, starts: readonly number[]): string {
  const next = starts.find((s) => s > start) ?? lines.length + 1;
  const slice = lines.slice(start - 1, next - 1);
  while (slice.length > 0 && (slice.at(-1) ?? "").trim() === "") slice.pop();
  return dedent(slice.join("\n"));
}
