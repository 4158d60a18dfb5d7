/** What the Allure Before hook applies: suites by flow, severity by evidence, stable ids, the banner. */
import { describe, test } from "node:test";
import { expect } from "chai";
import { pickleContext } from "../../src/allure/gherkin-context";
import {
  flowSuiteName,
  PROVISIONAL_SUITE,
  type ScenarioFacts,
  scenarioMetadata,
  VERIFIED_SUITE,
} from "../../src/allure/scenario-metadata";

const facts = (over: Partial<ScenarioFacts>): ScenarioFacts => ({
  tags: ["@chat", "@flow-3", "@verified", "@id:chat-transfer-accepted"],
  featureName: "Agent transfers chat to another agent",
  scenarioName: "Agent2 accepts the transfer",
  ruleName: undefined,
  description: "Narrative of the flow.",
  exampleRow: undefined,
  ...over,
});

const label = (labels: { name: string; value: string }[], name: string) =>
  labels.filter((l) => l.name === name).map((l) => l.value);

describe("scenarioMetadata", () => {
  test("a verified scenario: suites by flow, critical, ids from @id, description untouched", () => {
    const metadata = scenarioMetadata(facts({}));
    expect(label(metadata.labels, "parentSuite")).to.deep.equal([VERIFIED_SUITE]);
    expect(label(metadata.labels, "suite")).to.deep.equal(["Flow 03: Agent transfers chat to another agent"]);
    // The scenario is the tree's leaf under its flow, not also a folder of its own name.
    expect(label(metadata.labels, "subSuite")).to.deep.equal([]);
    expect(label(metadata.labels, "severity")).to.deep.equal(["critical"]);
    expect(label(metadata.labels, "flow")).to.deep.equal(["3"]);
    expect(label(metadata.labels, "provisional")).to.deep.equal([]);
    expect(metadata).to.include({
      testCaseId: "chat-transfer-accepted",
      historyId: "chat-transfer-accepted",
      provisional: false,
    });
  });

  test("a provisional scenario: its own parent suite, minor, labelled, with the hypothesis banner", () => {
    const metadata = scenarioMetadata(
      facts({
        tags: ["@flow-7", "@provisional", "@id:chat-consultation-completed"],
        featureName: "Flow 7: Chat consultation",
      }),
    );
    expect(label(metadata.labels, "parentSuite")).to.deep.equal([PROVISIONAL_SUITE]);
    expect(label(metadata.labels, "suite")).to.deep.equal(["Flow 07: Chat consultation"]);
    expect(label(metadata.labels, "severity")).to.deep.equal(["minor"]);
    expect(label(metadata.labels, "provisional")).to.deep.equal(["true"]);
    expect(metadata.provisional).to.equal(true);
  });

  test("suite names sort in flow number order as text, as Allure sorts them", () => {
    const names = [10, 2, 1, 11, 13, 9].map((n) => flowSuiteName(n, "t"));
    expect([...names].sort()).to.deep.equal([1, 2, 9, 10, 11, 13].map((n) => flowSuiteName(n, "t")));
    expect(flowSuiteName(undefined, "A user's flow")).to.equal("A user's flow");
  });

  test("the story is the scenario, under its Rule when there is one; an outline row gets its own history", () => {
    expect(label(scenarioMetadata(facts({})).labels, "story")).to.deep.equal(["Agent2 accepts the transfer"]);
    const metadata = scenarioMetadata(facts({ ruleName: "A transfer ends the first IRF", exampleRow: 2 }));
    expect(label(metadata.labels, "story")).to.deep.equal([
      "A transfer ends the first IRF › Agent2 accepts the transfer",
    ]);
    expect(metadata.historyId).to.equal("chat-transfer-accepted#2");
  });

  test("without @id the ids are left to allure-cucumberjs", () => {
    const metadata = scenarioMetadata(facts({ tags: ["@flow-1"] }));
    expect(metadata.testCaseId).to.equal(undefined);
    expect(metadata.historyId).to.equal(undefined);
  });
});

describe("pickleContext", () => {
  const document = {
    feature: {
      name: "F",
      description: "feature text",
      children: [
        { scenario: { id: "s1", description: "", examples: [] } },
        {
          rule: {
            name: "The rule",
            children: [
              {
                scenario: {
                  id: "s2",
                  description: "scenario text",
                  examples: [{ tableBody: [{ id: "r1" }, { id: "r2" }] }],
                },
              },
            ],
          },
        },
      ],
    },
  };

  test("a plain scenario takes the feature's description", () => {
    expect(pickleContext(document, ["s1"])).to.deep.equal({
      ruleName: undefined,
      description: "feature text",
      exampleRow: undefined,
    });
  });

  test("a scenario under a Rule, from an outline's second row", () => {
    expect(pickleContext(document, ["s2", "r2"])).to.deep.equal({
      ruleName: "The rule",
      description: "scenario text",
      exampleRow: 2,
    });
  });
});
