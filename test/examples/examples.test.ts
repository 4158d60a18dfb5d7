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
import { classifyFacts } from "../../src/classifier/classify";
import type { IrfRow } from "../../src/domain/irf";
import type { MsfRow } from "../../src/domain/msf";
import { parseEventLog } from "../../src/eventlog/reader";
import { BUNDLED_GIM_CONFIG_FILE, loadGimConfig } from "../../src/gimconfig/gim-config-file";
import { readFeatureBook } from "../../src/spec/feature-book";

const ROOT = join(__dirname, "..", "..");
const FEATURES = join(ROOT, "features", "chat");
const EXAMPLES = join(ROOT, "examples");

// The same reader as the spec book and the lab kit: cucumber's Gherkin parser, the outcome table
// read by the steps' own table parser. It refuses a duplicate @id.
const scenarios = readFeatureBook(FEATURES).flatMap((feature) =>
  feature.scenarios.map((s) => ({
    id: s.id,
    name: s.name,
    uri: feature.uri,
    expected: s.expected,
    expectedMsfs: s.expectedMsfs,
    invitation: s.invitation,
  })),
);
// The shipped flows assume the lab kit's configuration (stop-ixn-queues lists Chat_Stop).
const { config } = loadGimConfig(BUNDLED_GIM_CONFIG_FILE);
const irfCells = ({ irf, resource, role, result, reason }: IrfRow) => ({
  irf,
  resource,
  role,
  result,
  reason,
});
const msfCells = ({ msf, resource, role, result, reason, irf }: MsfRow) => ({
  msf,
  resource,
  role,
  result,
  reason,
  irf,
});
const exampleIds = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".jsonl"))
  .map((f) => f.slice(0, -".jsonl".length))
  .sort();

describe("features and examples cover each other", () => {
  test("the eleven documented flows, the stop-queue flow and the two-step flow are all there (flow 6 twice, four -msf scenarios)", () => {
    expect(
      scenarios.filter((s) => s.expectedMsfs.length > 0),
      "scenarios stating MSFs",
    ).to.have.length(15);
    expect(scenarios).to.have.length(19);
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

describe("the reference classifier gives each example its scenario's expected IRFs and MSFs", () => {
  for (const scenario of scenarios) {
    test(`${scenario.id}: ${scenario.name}`, () => {
      const file = join("examples", `${scenario.id}.jsonl`);
      const events = parseEventLog(readFileSync(join(ROOT, file), "utf8"), file);
      const ids = new Set(events.map((e) => e.event.interaction));
      // A conference through a queue also logs its internal invitation interaction, <id>-invite.
      ids.delete(`${scenario.id}-invite`);
      expect(ids, "the example's interaction id is the scenario's @id").to.deep.equal(new Set([scenario.id]));
      const facts = classifyFacts(events, file, config);
      const of = (id: string) => ({
        irfs: facts.irfs.filter((r) => r.interaction === id).map(irfCells),
        msfs: facts.msfs.filter((m) => m.interaction === id).map(msfCells),
      });
      const main = of(scenario.id);
      expect(main.irfs, `${file} classified against ${scenario.uri}`).to.deep.equal(scenario.expected);
      // A scenario that states an MSF table is held to it; the verified scenarios of flows 2 and
      // 9-11 state none (their MSFs are a hypothesis, checked by their -msf twins).
      if (scenario.expectedMsfs.length > 0) {
        expect(main.msfs, `${file}'s MSFs against ${scenario.uri}`).to.deep.equal(scenario.expectedMsfs);
      }
      if (scenario.invitation !== undefined) {
        const invite = of(`${scenario.id}-invite`);
        expect(invite.irfs, "the internal invitation's IRFs").to.deep.equal(scenario.invitation.expected);
        expect(invite.msfs, "the internal invitation's MSFs").to.deep.equal(scenario.invitation.expectedMsfs);
      }
    });
  }
});
