/**
 * The scenarios of a folder of .feature files, as a tester in a GIM lab needs them: the flow they
 * belong to, where the User's Guide documents it, and each step in order (backgrounds included),
 * split into what the tester does and what Info Mart should then record. Parsed with cucumber's
 * own Gherkin parser and pickle compiler, so outlines and backgrounds read exactly as `run` reads
 * them; no cucumber runtime is involved.
 */
import { readFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { compile } from "@cucumber/gherkin";
import type { Pickle } from "@cucumber/messages";
import { InputError } from "../errors";
import { scenarioIdOf } from "../flows/scenario-id";
import { featureFiles, flowOf, narrativeOf, parseGherkin } from "../spec/gherkin-source";

export interface LabStep {
  /** The step's text, as written after its keyword. */
  text: string;
  /** Given/When (the tester's actions) or Then (what Info Mart should record). */
  kind: "action" | "outcome";
  /** A data table argument, header row first. */
  table?: string[][];
}

export interface LabScenario {
  id: string;
  name: string;
  /** The feature's title. */
  feature: string;
  /** From the `@flow-N` tag. */
  flow: number | undefined;
  provisional: boolean;
  /** Every tag of the scenario, its feature's included (e.g. `@flow-9`, `@requires-stop-queue`). */
  tags: string[];
  /** The feature file, relative to the features folder's parent when under it. */
  uri: string;
  line: number | undefined;
  /** The feature's description (Markdown: the flow's narrative), without its `Source:` line. */
  description: string;
  /** The description's `Source:` line(s): where the User's Guide documents the flow. */
  citation: string | undefined;
  steps: LabStep[];
}

/**
 * Every scenario of every `.feature` under `dir`, by file name then position; ids must be unique.
 * File names are shown relative to `dir`'s parent (e.g. `features/chat/03-....feature`).
 */
export async function readLabScenarios(dir: string, base = dirname(resolve(dir))): Promise<LabScenario[]> {
  const files = featureFiles(dir);
  if (files.length === 0) throw new InputError(dir, undefined, undefined, "no .feature files found");
  const scenarios: LabScenario[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const uri = relative(base, file) || file;
    for (const scenario of await readFeature(file, uri)) {
      const other = seen.get(scenario.id);
      if (other !== undefined) {
        throw new InputError(uri, scenario.line, "@id", `@id:${scenario.id} is already used by ${other}`);
      }
      seen.set(scenario.id, `${scenario.uri}:${scenario.line ?? "?"}`);
      scenarios.push(scenario);
    }
  }
  return scenarios;
}

async function readFeature(file: string, uri: string): Promise<LabScenario[]> {
  const text = await readFile(file, "utf8");
  const { document, newId } = parseGherkin(text, uri);
  const feature = document.feature;
  if (feature === undefined) return [];
  const { description, citation } = narrativeOf(feature.description);
  return compile(document, uri, newId).map((pickle: Pickle) => {
    const tags = pickle.tags.map((t) => t.name);
    return {
      id: scenarioIdOf(tags, pickle.name, uri),
      name: pickle.name,
      feature: feature.name,
      flow: flowOf(tags),
      provisional: tags.includes("@provisional"),
      tags,
      uri,
      line: pickle.location?.line,
      description,
      citation,
      steps: pickle.steps.map((step) => {
        const rows = step.argument?.dataTable?.rows.map((r) => r.cells.map((c) => c.value));
        return {
          text: step.text,
          kind: String(step.type) === "Outcome" ? "outcome" : "action",
          ...(rows === undefined ? {} : { table: rows }),
        } satisfies LabStep;
      }),
    };
  });
}
