/**
 * The features and the example logs are written independently (features drive ChatScript,
 * examples are hand-kept JSON Lines), so this test is what stops them drifting apart: every
 * scenario has an example named by its @id, every example belongs to a scenario, and the reference
 * classifier gives each example exactly the rows its scenario's table expects.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { expect } from "chai";
import { classifyEvents } from "../../src/classifier/classify";
import { parseEventLog } from "../../src/eventlog/reader";
import { readFeatureBook } from "../../src/spec/feature-book";

const ROOT = join(__dirname, "..", "..");
const FEATURES = join(ROOT, "features", "chat");
const EXAMPLES = join(ROOT, "examples");

// The same reader as the spec book and the lab kit: cucumber's Gherkin parser, the outcome table
// read by the steps' own table parser. It refuses a duplicate @id.
const scenarios = readFeatureBook(FEATURES).flatMap((feature) =>
  feature.scenarios.map((s) => ({ id: s.id, name: s.name, uri: feature.uri, expected: s.expected })),
);
const exampleIds = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".jsonl"))
  .map((f) => f.slice(0, -".jsonl".length))
  .sort();

describe("features and examples cover each other", () => {
  test("the eleven documented flows and the stop-queue flow are all there (flow 6 twice, four -msf scenarios)", () => {
    expect(scenarios).to.have.length(17);
    expect(scenarios.filter((s) => s.id.endsWith("-msf"))).to.have.length(4);
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
      const ids = new Set(events.map((e) => e.event.interaction));
      // A conference through a queue also logs its internal invitation interaction, <id>-invite.
      ids.delete(`${scenario.id}-invite`);
      expect(ids, "the example's interaction id is the scenario's @id").to.deep.equal(new Set([scenario.id]));
      const main = classifyEvents(events).filter((row) => row.interaction === scenario.id);
      const rows = main.map(({ irf, resource, role, result, reason }) => ({
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
