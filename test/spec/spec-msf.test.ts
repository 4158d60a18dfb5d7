/**
 * The spec book and MSFs: the feature reader parses the mediation-segment table and the role
 * reason column, the page shows the MSF table beside the IRF table (a hypothesis marked as one),
 * names the GIM configuration it assumes, and each diagram draws the classifier's MSFs under
 * that configuration.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { InputError } from "../../src/errors";
import { buildCoverage } from "../../src/spec/coverage";
import { type BookFeature, readBookFeature } from "../../src/spec/feature-book";
import { buildSpecBook } from "../../src/spec/spec-book";
import { renderSpecPage } from "../../src/spec/spec-page";

const scratch = mkdtempSync(join(tmpdir(), "gim-spec-msf-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const FEATURE = `@chat @flow-9 @verified
Feature: Customer abandons chat in queue

  Source: Genesys Info Mart User's Guide, "Chat Interactions", section 1.9.

  @id:abandoned
  Scenario: The customer leaves
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the customer leaves the chat while it waits in the interaction queue
    Then Info Mart records exactly these IRFs:
      | IRF | resource     | role     | result            | reason               |
      | 1   | Chat_Inbound | Received | CustomerAbandoned | AbandonedWhileQueued |

  @id:abandoned-msf @provisional
  Scenario: The customer leaves, and the queue's mediation segment
    Given a customer starts a chat in the interaction queue "Chat_Inbound"
    When the customer leaves the chat while it waits in the interaction queue
    Then Info Mart records exactly these IRFs:
      | IRF | resource     | role     | result            | reason               | role reason |
      | 1   | Chat_Inbound | Received | CustomerAbandoned | AbandonedWhileQueued | Unspecified |
    And Info Mart records these mediation segments:
      | MSF | queue        | role     | result            | reason               | IRF  |
      | 1   | Chat_Inbound | Received | CustomerAbandoned | AbandonedWhileQueued | IRF1 |
`;

describe("feature reader: the mediation-segment table", () => {
  const feature = readBookFeature(FEATURE, "features/09.feature") as BookFeature;
  const [plain, withMsfs] = feature.scenarios;

  test("a scenario without the table expects no MSFs; with it, every row, linked IRF included", () => {
    expect(plain?.expectedMsfs).to.deep.equal([]);
    expect(withMsfs?.expectedMsfs).to.deep.equal([
      {
        msf: 1,
        resource: "Chat_Inbound",
        role: "Received",
        result: "CustomerAbandoned",
        reason: "AbandonedWhileQueued",
        irf: 1,
      },
    ]);
    expect(withMsfs?.provisional).to.equal(true);
  });

  test("the IRF table is still the IRF step's, and its role reason column is read", () => {
    expect(withMsfs?.expected).to.have.length(1);
    expect(withMsfs?.expected[0]?.roleReason).to.equal("Unspecified");
    expect(plain?.expected[0]).not.to.have.property("roleReason");
  });

  test("a bad MSF table is bad input naming the file and the line", () => {
    const bad = FEATURE.replace(
      "| 1   | Chat_Inbound | Received | CustomerAbandoned | AbandonedWhileQueued | IRF1 |",
      "| 2   | Chat_Inbound | Received | CustomerAbandoned | AbandonedWhileQueued | IRF1 |",
    );
    expect(() => readBookFeature(bad, "features/bad.feature")).to.throw(
      InputError,
      /features\/bad\.feature.*MSF table row 1 must be numbered 1/,
    );
  });

  test("the internal invitation's tables are read apart from the customer interaction's", () => {
    const text = FEATURE.replace(
      "      | 1   | Chat_Inbound | Received | CustomerAbandoned | AbandonedWhileQueued | IRF1 |\n",
      `      | 1   | Chat_Inbound | Received | CustomerAbandoned | AbandonedWhileQueued | IRF1 |
    And for the internal invitation, Info Mart records exactly these IRFs:
      | IRF | resource | role     | result    | reason |
      | 1   | Agent2   | RoutedTo | Completed |        |
    And for the internal invitation, Info Mart records these mediation segments:
      | MSF | queue    | role     | result   | reason | IRF  |
      | 1   | Chat_Int | Received | Diverted |        | none |
`,
    );
    const s = (readBookFeature(text, "f.feature") as BookFeature).scenarios[1];
    expect(s?.expected.map((r) => r.resource)).to.deep.equal(["Chat_Inbound"]);
    expect(s?.expectedMsfs.map((r) => r.resource)).to.deep.equal(["Chat_Inbound"]);
    expect(s?.invitation?.expected.map((r) => r.resource)).to.deep.equal(["Agent2"]);
    expect(s?.invitation?.expectedMsfs.map((r) => [r.resource, r.irf])).to.deep.equal([["Chat_Int", null]]);
  });
});

describe("spec page: MSF tables and the GIM configuration", () => {
  const feature = readBookFeature(FEATURE, "features/09.feature") as BookFeature;
  const html = renderSpecPage({
    features: [feature],
    results: new Map(),
    diagrams: new Map(),
    coverage: buildCoverage([feature]),
    resultsSource: "results",
    gimConfig: {
      file: "gim-config.yaml",
      options: { "populate-mm-ixnqueue-facts": "false", "stop-ixn-queues": "Chat_Stop" },
    },
  });
  const article = (id: string) => {
    const start = html.indexOf(`id="scenario-${id}"`);
    return html.slice(start, html.indexOf("</article>", start));
  };

  test("the MSF table sits beside the IRF table, only where the scenario states one", () => {
    expect(article("abandoned")).not.to.include('class="msf-table"');
    const msf = article("abandoned-msf");
    const body = msf.slice(msf.indexOf('<div class="scenario-body">'));
    expect(body.indexOf('class="irf-table"')).to.be.greaterThan(-1);
    expect(body.indexOf('class="msf-table"')).to.be.greaterThan(body.indexOf('class="irf-table"'));
    expect(msf).to.match(
      /<tr><td class="num">1<\/td><td>Chat_Inbound<\/td><td>Received<\/td><td>CustomerAbandoned<\/td><td>AbandonedWhileQueued<\/td><td>IRF1<\/td><td class="descriptor">Received\/CustomerAbandoned \[AbandonedWhileQueued\]<\/td><\/tr>/,
    );
  });

  test("a hypothesis MSF table and scenario are marked as such, like a provisional flow", () => {
    const msf = article("abandoned-msf");
    expect(msf).to.match(
      /<div class="msf-box provisional"><h4>[^<]*mediation segments \(MSFs\) <span class="tag-provisional">hypothesis<\/span><\/h4>/,
    );
    expect(msf).to.include(
      '<div class="scenario-provisional-banner" role="note"><strong>Provisional scenario',
    );
    expect(article("abandoned")).not.to.include("provisional-banner");
    // Not the provisional flow's banner: the flow itself is verified.
    expect(html).not.to.include('class="provisional-banner"');
  });

  test("the role reason column appears only in a table that states role reasons", () => {
    expect(article("abandoned-msf")).to.match(
      /<table class="irf-table">\n<thead><tr>.*<th>ROLE_REASON<\/th>/,
    );
    expect(article("abandoned")).not.to.include("ROLE_REASON");
  });

  test("the page names the GIM configuration it assumes, option by option", () => {
    const start = html.indexOf('<section class="gim-config" id="gim-config">');
    expect(start).to.be.greaterThan(-1);
    const section = html.slice(start, html.indexOf("</section>", start));
    expect(section).to.include("<code>gim-config.yaml</code>");
    expect(section).to.include("<tr><td><code>populate-mm-ixnqueue-facts</code></td><td>false</td></tr>");
    expect(section).to.include("<tr><td><code>stop-ixn-queues</code></td><td>Chat_Stop</td></tr>");
    expect(html).to.include('href="#gim-config"');
  });
});

describe("buildSpecBook: MSFs in the diagrams, under the configuration file", () => {
  const ts = (s: number) => new Date(Date.parse("2026-03-02T09:00:00.000Z") + s * 1000).toISOString();
  const id = "two-queues";
  // Routed to Agent1, who puts the chat in a second queue; a strategy routes it to Agent2.
  const log = [
    {
      ts: ts(0),
      interaction: id,
      event: "EventInteractionSubmitted",
      media: "chat",
      interactionType: "Inbound",
      queue: "Chat_Inbound",
    },
    { ts: ts(0), interaction: id, event: "EventPlacedInQueue", queue: "Chat_Inbound" },
    { ts: ts(2), interaction: id, event: "EventTakenFromQueue", queue: "Chat_Inbound", strategy: "S1" },
    { ts: ts(3), interaction: id, event: "EventAgentInvited", agent: "Agent1", purpose: "route" },
    { ts: ts(5), interaction: id, event: "EventPartyAdded", agent: "Agent1" },
    { ts: ts(30), interaction: id, event: "EventPartyRemoved", agent: "Agent1" },
    { ts: ts(30), interaction: id, event: "EventPlacedInQueue", queue: "Chat_Second", agent: "Agent1" },
    { ts: ts(32), interaction: id, event: "EventTakenFromQueue", queue: "Chat_Second", strategy: "S2" },
    { ts: ts(33), interaction: id, event: "EventAgentInvited", agent: "Agent2", purpose: "route" },
    { ts: ts(35), interaction: id, event: "EventPartyAdded", agent: "Agent2" },
    { ts: ts(90), interaction: id, event: "EventPartyRemoved", agent: "Agent2" },
    { ts: ts(90), interaction: id, event: "EventProcessingStopped", by: "agent", agent: "Agent2" },
  ];
  const root = join(scratch, "book");
  mkdirSync(join(root, "features"), { recursive: true });
  mkdirSync(join(root, "examples"), { recursive: true });
  writeFileSync(
    join(root, "features", "x.feature"),
    `@flow-20
Feature: Two queues
  Source: none.

  @id:${id}
  Scenario: Through a second queue
    Given something
    Then Info Mart records exactly these IRFs:
      | IRF | resource | role     | result    | reason |
      | 1   | Agent1   | RoutedTo | Completed |        |
`,
  );
  writeFileSync(join(root, "examples", `${id}.jsonl`), `${log.map((e) => JSON.stringify(e)).join("\n")}\n`);
  const book = (populate: boolean) => {
    const file = join(root, `gim-${populate}.yaml`);
    writeFileSync(file, `gim:\n  populate-mm-ixnqueue-facts: ${populate}\n`);
    return buildSpecBook({
      featuresDir: join(root, "features"),
      examplesDir: join(root, "examples"),
      resultsDir: join(root, "none"),
      gimConfigFile: file,
    }).html;
  };
  const msfLabels = (html: string) =>
    [...html.matchAll(/<text [^>]*class="gimtl-msf-label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

  test("the diagram draws the classifier's MSFs, which follow the configuration's options", () => {
    const off = book(false);
    const on = book(true);
    expect(msfLabels(off)).to.have.length(1);
    expect(msfLabels(off)[0]).to.match(/^MSF1 Received\//);
    expect(msfLabels(on)).to.have.length(2);
    expect(off).to.match(/<tr><td><code>populate-mm-ixnqueue-facts<\/code><\/td><td>false<\/td><\/tr>/);
    expect(on).to.match(/<tr><td><code>populate-mm-ixnqueue-facts<\/code><\/td><td>true<\/td><\/tr>/);
    expect(on).to.include("gim-true.yaml");
  });

  test("a bad configuration file is bad input naming it", () => {
    const file = join(root, "bad.yaml");
    writeFileSync(file, "gim:\n  populate-mm-ixnqueue-facts: maybe\n");
    expect(() =>
      buildSpecBook({
        featuresDir: join(root, "features"),
        examplesDir: join(root, "examples"),
        resultsDir: root,
        gimConfigFile: file,
      }),
    ).to.throw(InputError, /bad\.yaml/);
  });
});
