/**
 * The features and the example logs are written independently (features drive ChatScript,
 * examples are hand-kept JSON Lines), so this test is what stops them drifting apart: every
 * scenario has an example named by its @id, every example belongs to a scenario, and the reference
 * classifier gives each example exactly the rows its scenario's table expects.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, test } from "node:test";
import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from "@cucumber/gherkin";
import { IdGenerator, type Pickle } from "@cucumber/messages";
import { expect } from "chai";
import { classifyEvents } from "../../src/classifier/classify";
import type { IrfExpectation } from "../../src/domain/irf";
import { parseEventLog } from "../../src/eventlog/reader";
import { parseIrfTable } from "../../src/flows/irf-table";
import { scenarioIdOf } from "../../src/flows/scenario-id";

const ROOT = join(__dirname, "..", "..");
const FEATURES = join(ROOT, "features", "chat");
const EXAMPLES = join(ROOT, "examples");
const OUTCOME_STEP = "Info Mart records exactly these IRFs:";

interface FeatureScenario {
  id: string;
  name: string;
  uri: string;
  expected: IrfExpectation[];
}

function readScenarios(): FeatureScenario[] {
  const scenarios: FeatureScenario[] = [];
  for (const file of readdirSync(FEATURES)
    .filter((f) => f.endsWith(".feature"))
    .sort()) {
    const uri = relative(ROOT, join(FEATURES, file));
    const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher());
    const document = parser.parse(readFileSync(join(FEATURES, file), "utf8"));
    for (const pickle of compile(document, uri, IdGenerator.incrementing())) {
      scenarios.push(toScenario(pickle, uri));
    }
  }
  return scenarios;
}

function toScenario(pickle: Pickle, uri: string): FeatureScenario {
  const id = scenarioIdOf(
    pickle.tags.map((t) => t.name),
    pickle.name,
    uri,
  );
  const outcome = pickle.steps.find((step) => step.text === OUTCOME_STEP);
  const table = outcome?.argument?.dataTable;
  if (table === undefined)
    throw new Error(`${uri}: scenario "${pickle.name}" has no "${OUTCOME_STEP}" table`);
  const cells = table.rows.map((row) => row.cells.map((cell) => cell.value));
  return { id, name: pickle.name, uri, expected: parseIrfTable(cells, uri) };
}

const scenarios = readScenarios();
const exampleIds = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".jsonl"))
  .map((f) => f.slice(0, -".jsonl".length))
  .sort();

describe("features and examples cover each other", () => {
  test("the eleven documented flows are all there (flow 6 twice)", () => {
    expect(scenarios).to.have.length(12);
  });

  test("every scenario @id is unique", () => {
    const ids = scenarios.map((s) => s.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).to.deep.equal([]);
  });

  test("every scenario has an example named examples/<id>.jsonl", () => {
    const missing = scenarios.map((s) => s.id).filter((id) => !exampleIds.includes(id));
    expect(missing, "scenarios without an example").to.deep.equal([]);
  });

  test("every example belongs to a scenario", () => {
    const orphans = exampleIds.filter((id) => !scenarios.some((s) => s.id === id));
    expect(orphans, "examples without a scenario").to.deep.equal([]);
  });
});

describe("the reference classifier gives each example its scenario's expected IRFs", () => {
  for (const scenario of scenarios) {
    test(`${scenario.id}: ${scenario.name}`, () => {
      const file = join("examples", `${scenario.id}.jsonl`);
      const events = parseEventLog(readFileSync(join(ROOT, file), "utf8"), file);
      expect(
        new Set(events.map((e) => e.event.interaction)),
        "the example's interaction id is the scenario's @id",
      ).to.deep.equal(new Set([scenario.id]));
      const rows = classifyEvents(events).map(({ irf, resource, role, result, reason }) => ({
        irf,
        resource,
        role,
        result,
        reason,
      }));
      expect(rows, `${file} classified against ${scenario.uri}`).to.deep.equal(scenario.expected);
    });
  }
});
