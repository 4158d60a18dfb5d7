/**
 * The spec book page: every scenario has its diagram and table, flows 7 and 8 carry the
 * provisional banner, statuses come only from run results, the page is self-contained, and
 * everything from a feature is escaped.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { formatDescriptor } from "../../src/domain/descriptor";
import { buildCoverage } from "../../src/spec/coverage";
import type { BookFeature } from "../../src/spec/feature-book";
import { renderMarkdown } from "../../src/spec/markdown";
import { flowStatus, readLastResults, scenarioStatus } from "../../src/spec/run-status";
import { buildSpecBook } from "../../src/spec/spec-book";
import { renderSpecPage } from "../../src/spec/spec-page";

const ROOT = join(__dirname, "..", "..");
const scratch = mkdtempSync(join(tmpdir(), "gim-spec-page-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The HTML of one flow's section. */
function section(html: string, flow: number): string {
  const start = html.indexOf(`<section class="flow`, html.indexOf(`id="flow-${flow}"`) - 60);
  return html.slice(start, html.indexOf("</section>", start));
}

describe("the spec book of the bundled flows, with no run results", () => {
  const book = buildSpecBook({
    featuresDir: join(ROOT, "features"),
    examplesDir: join(ROOT, "examples"),
    resultsDir: join(scratch, "no-results"),
  });
  const html = book.html;

  const flowCount = book.features.length;

  test("every scenario has a diagram and an expected IRF table", () => {
    expect(book.missingDiagrams).to.deep.equal([]);
    const articles = html.split('<article class="scenario"').slice(1);
    expect(articles).to.have.length(book.features.reduce((n, f) => n + f.scenarios.length, 0));
    expect(articles.length).to.be.at.least(12);
    for (const a of articles) {
      expect(a).to.match(/<figure class="diagram"><svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(a).to.include('<table class="irf-table">');
    }
  });

  test("each diagram shows a bar per expected IRF labelled with its descriptor", () => {
    const flow4 = section(html, 4);
    expect(flow4).to.include("IRF1 RoutedTo/Completed");
    expect(flow4).to.include("IRF2 ReceivedTransfer/Abandoned [Revoked]");
  });

  test("on every flow the diagram has a lane per expected resource and one bar per IRF, labelled IRFn descriptor", () => {
    const fromXml = (t: string) =>
      t
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&");
    for (const scenario of book.features.flatMap((f) => f.scenarios)) {
      const start = html.indexOf(`id="scenario-${scenario.id}"`);
      const figure = html.slice(start, html.indexOf("</figure>", start));
      const textsOf = (cls: string) =>
        [...figure.matchAll(new RegExp(`<text [^>]*class="${cls}"[^>]*>([^<]*)</text>`, "g"))].map((m) =>
          fromXml(m[1] ?? ""),
        );
      expect(textsOf("gimtl-irf-label"), scenario.id).to.deep.equal(
        scenario.expected.map((r) => `IRF${r.irf} ${formatDescriptor(r)}`),
      );
      const lanes = textsOf("gimtl-lane");
      expect(lanes[0], scenario.id).to.equal("Customer");
      for (const r of scenario.expected) expect(lanes, scenario.id).to.include(r.resource);
    }
  });

  test("flows 7, 8 and 13 (two-step), and only they, carry the provisional banner", () => {
    for (let flow = 1; flow <= flowCount; flow++) {
      const hasBanner = section(html, flow).includes('class="provisional-banner"');
      expect(hasBanner, `flow ${flow}`).to.equal(flow === 7 || flow === 8 || flow === 13);
    }
  });

  test("without results every flow is 'not run', never verified", () => {
    expect(html).not.to.match(/data-status="(verified|provisional|failing)"/);
    expect(html.match(/data-status="not run"/g)).to.have.length(flowCount);
    expect(html).to.include("no run results found");
  });

  test("self-contained: no scripts, no external stylesheets, images or links (url() only to the SVG's own patterns)", () => {
    expect(html).not.to.match(/<script|<link |<img |<iframe|@import|url\((?!#)/i);
    // Narratives cite Genesys pages as text; no attribute may point anywhere but the page itself.
    const targets = [...html.matchAll(/\s(?:href|src|xlink:href)="([^"]*)"/g)].map((m) => m[1] ?? "");
    expect(targets.filter((t) => !t.startsWith("#"))).to.deep.equal([]);
    expect(targets).to.include("#gim-config");
  });

  test("has the index, citations, the scenarios as written and the coverage section", () => {
    expect(html).to.include('<nav class="index" id="index"');
    expect(html.match(/<p class="citation">Source: /g)).to.have.length(flowCount);
    expect(html).to.include(
      '<span class="g-kw">Scenario:</span> Agent1 consults Agent2, then completes the chat',
    );
    expect(html).to.include('<section class="coverage" id="coverage">');
    expect(html).to.include("does not list\nthe cartesian product");
  });
});

describe("statuses from the last run", () => {
  const dir = mkdtempSync(join(scratch, "results-"));
  const result = (name: string, id: string, status: string, stop: number) =>
    writeFileSync(
      join(dir, `${name}-result.json`),
      JSON.stringify({ status, stop, labels: [{ name: "tag", value: `@id:${id}` }], statusDetails: {} }),
    );
  result("a", "chat-routed-agent-replies", "passed", 10);
  result("b", "chat-invitation-revoked", "failed", 10);
  result("c", "chat-consultation-completed", "passed", 10);
  result("d", "chat-transfer-accepted", "failed", 5);
  result("e", "chat-transfer-accepted", "passed", 9);
  writeFileSync(join(dir, "junk-result.json"), "{not json");

  test("readLastResults keeps the newest result per @id and skips unreadable files", () => {
    const results = readLastResults(dir);
    expect(results.get("chat-transfer-accepted")?.status).to.equal("passed");
    expect(results.size).to.equal(4);
    expect(readLastResults(join(dir, "missing")).size).to.equal(0);
  });

  test("the page shows verified, failing, provisional and not run as the results say", () => {
    const html = buildSpecBook({
      featuresDir: join(ROOT, "features"),
      examplesDir: join(ROOT, "examples"),
      resultsDir: dir,
    }).html;
    const status = (flow: number) => /data-status="([^"]+)"/.exec(section(html, flow))?.[1];
    expect([1, 2, 3, 4, 7, 8].map(status)).to.deep.equal([
      "verified",
      "failing",
      "verified",
      "not run",
      "provisional",
      "not run",
    ]);
  });

  test("scenarioStatus and flowStatus never invent a verified status", () => {
    const passed = { status: "passed", message: undefined, stop: 0 };
    expect(scenarioStatus(passed, false).status).to.equal("verified");
    expect(scenarioStatus(passed, true).status).to.equal("provisional");
    expect(scenarioStatus({ ...passed, status: "failed" }, true)).to.deep.equal({
      status: "failing",
      detail: "differs from hypothesis",
    });
    expect(scenarioStatus({ ...passed, status: "broken" }, false).status).to.equal("failing");
    expect(scenarioStatus({ ...passed, status: "skipped" }, false).status).to.equal("not run");
    expect(scenarioStatus(undefined, false).status).to.equal("not run");
    const verified = scenarioStatus(passed, false);
    expect(flowStatus([verified, scenarioStatus(undefined, false)], false)).to.equal("not run");
    expect(flowStatus([verified], true)).to.equal("provisional");
    expect(flowStatus([], false)).to.equal("not run");
  });
});

describe("escaping", () => {
  const evil = "<script>alert('x')</script> & \"quotes\"";
  const feature: BookFeature = {
    flow: 12,
    title: evil,
    tags: ["@flow-12"],
    description: `> ${evil}\n\n- ${evil}\n\n**bold** ${evil}`,
    citation: `Source: ${evil}`,
    uri: "x<y>.feature",
    provisional: false,
    scenarios: [
      {
        id: "evil",
        name: evil,
        line: 3,
        tags: [],
        steps: [],
        source: `Scenario: ${evil}\n  Given "${evil}"`,
        provisional: false,
        expected: [{ irf: 1, resource: evil, role: "RoutedTo", result: "Completed", reason: "Unspecified" }],
        expectedMsfs: [
          { msf: 1, resource: evil, role: "Received", result: "Diverted", reason: "Unspecified", irf: 1 },
        ],
      },
    ],
  };
  const html = renderSpecPage({
    features: [feature],
    results: new Map(),
    diagrams: new Map([["evil", "<svg></svg>"]]),
    coverage: buildCoverage([feature]),
    resultsSource: "<dir>",
    gimConfig: { file: "<cfg>.yaml", options: { "stop-ixn-queues": evil } },
  });

  test("no text from a feature or the results path becomes markup", () => {
    expect(html).not.to.include("<script>");
    expect(html).not.to.include("<dir>");
    expect(html).not.to.include("x<y>");
    expect(html).not.to.include("<cfg>");
    expect(html).to.include("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
  });

  test("renderMarkdown: paragraphs, blockquotes, lists, bold; all escaped", () => {
    expect(renderMarkdown("> a\n> b\n>\n> c\n\nplain\ntext\n- one\n  more\n- two\nafter <b>")).to.equal(
      [
        "<blockquote><p>a b</p>\n<p>c</p></blockquote>",
        "<p>plain text</p>",
        "<ul><li>one more</li><li>two</li></ul>",
        "<p>after &lt;b&gt;</p>",
      ].join("\n"),
    );
    expect(renderMarkdown("**B** `c` _e_ snake_case_name")).to.equal(
      "<p><strong>B</strong> <code>c</code> <em>e</em> snake_case_name</p>",
    );
  });
});
