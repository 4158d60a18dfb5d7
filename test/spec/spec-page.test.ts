/**
 * The spec book page: every scenario has its diagram and table, flows 7 and 8 carry the
 * provisional banner, statuses come only from run results, the page is self-contained, and
 * everything from a feature is escaped.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { formatDescriptor } from "../../src/domain/descriptor";
import { buildCoverage } from "../../src/spec/coverage";
import { type BookFeature, type BookScenario, readFeatureBook } from "../../src/spec/feature-book";
import { renderMarkdown } from "../../src/spec/markdown";
import {
  flowStatus,
  readLastResults,
  readRunContext,
  resultKey,
  scenarioStatus,
} from "../../src/spec/run-status";
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
    expect(html).to.include("no run results of these features");
  });

  test("self-contained: nothing fetched (no scripts, stylesheets, images; url() only to the SVG's own patterns)", () => {
    expect(html).not.to.match(/<script|<link |<img |<iframe|@import|url\((?!#)/i);
    expect(html).not.to.match(/\ssrc="/);
    // Links are for the reader to follow, never loaded: the page, the Guide's pages, the repository's notes.
    const targets = [...html.matchAll(/\s(?:href|xlink:href)="([^"]*)"/g)].map((m) => m[1] ?? "");
    const odd = targets.filter(
      (t) =>
        !t.startsWith("#") &&
        !t.startsWith("https://docs.genesys.com/") &&
        !/(^|\/)docs\/domain\.md(#|$)/.test(t),
    );
    expect(odd).to.deep.equal([]);
    expect(targets).to.include("#gim-config");
  });

  test("citations link: each flow to the User's Guide page it cites, domain.md §N to the repository's notes", () => {
    for (let flow = 1; flow <= flowCount; flow++) {
      const citation = /<p class="citation">[\s\S]*?<\/p>/.exec(section(html, flow))?.[0] ?? "";
      expect(citation, `flow ${flow}`).to.match(
        /<a class="guide-link" href="https:\/\/docs\.genesys\.com\/[^"]+">/,
      );
    }
    expect(section(html, 1)).to.include(
      'href="https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow-Chat"',
    );
    expect(section(html, 12)).to.include(
      'href="https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow"',
    );
    // Written to the working directory (no outFile): the link is relative from there to docs/domain.md.
    const domain = relative(process.cwd(), join(ROOT, "docs", "domain.md"));
    expect(section(html, 7)).to.include(
      `<a class="doc-link" href="${domain}#5-gaps-and-hypotheses">domain.md §5</a>`,
    );
    expect(html).not.to.match(/domain\.md §\d(?![^<]*<\/a>)/);
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
  const book = readFeatureBook(join(ROOT, "features"));
  const scenario = (id: string): BookScenario => {
    const found = book.flatMap((f) => f.scenarios).find((s) => s.id === id);
    if (found === undefined) throw new Error(`no scenario ${id}`);
    return found;
  };
  /** A result as allure-cucumberjs writes it: steps named with their keyword, tables as CSV attachments. */
  const result = (
    name: string,
    id: string,
    status: string,
    stop: number,
    tableEdit?: (csv: string) => string,
  ) => {
    const steps = scenario(id).runSteps.map((step, i) => {
      if (step.csv === undefined) return { name: `And ${step.text}`, attachments: [] };
      const source = `${name}-${i}-attachment.csv`;
      writeFileSync(join(dir, source), tableEdit === undefined ? step.csv : tableEdit(step.csv));
      return { name: `Then ${step.text}`, attachments: [{ name: "Data table", source, type: "text/csv" }] };
    });
    writeFileSync(
      join(dir, `${name}-result.json`),
      JSON.stringify({
        status,
        stop,
        labels: [{ name: "tag", value: `@id:${id}` }],
        statusDetails: {},
        steps,
      }),
    );
  };
  const at = (minute: number) => Date.UTC(2026, 11, 1, 9, minute);
  result("a", "chat-routed-agent-replies", "passed", at(30));
  result("b", "chat-invitation-revoked", "failed", at(29));
  result("c", "chat-consultation-completed", "passed", at(29));
  result("d", "chat-transfer-accepted", "failed", at(27));
  result("e", "chat-transfer-accepted", "passed", at(28));
  // Flow 4 from another feature folder: the same @id, another expected table. It must not count.
  result("f", "chat-transfer-revoked", "passed", at(29), (csv) => `${csv}9,Agent9,RoutedTo,Completed,\n`);
  // Flow 8 passed under an id the book does not have.
  writeFileSync(
    join(dir, "g-result.json"),
    JSON.stringify({
      status: "passed",
      stop: at(29),
      labels: [{ name: "tag", value: "@id:someone-elses-scenario" }],
      steps: [{ name: "Given a customer starts a chat", attachments: [] }],
    }),
  );
  writeFileSync(join(dir, "junk-result.json"), "{not json");
  writeFileSync(
    join(dir, "environment.properties"),
    "System\\ under\\ test=Info Mart postgres\\://gim@db/gim\nGIM\\ version=8.5.116.07\nGIM\\ config\\ file=lab.yaml\nGIM\\ option\\ stop-ixn-queues=Chat_Stop\n",
  );

  test("readLastResults keeps the newest result per @id and content, and skips unreadable files", () => {
    const results = readLastResults(dir);
    const transfer = scenario("chat-transfer-accepted");
    expect(results.get(resultKey(transfer.id, transfer.fingerprint))?.status).to.equal("passed");
    expect(results.size).to.equal(6);
    const fails = scenario("chat-transfer-revoked");
    expect(
      results.has(resultKey(fails.id, fails.fingerprint)),
      "an edited table is another scenario",
    ).to.equal(false);
    expect(readLastResults(join(dir, "missing")).size).to.equal(0);
  });

  test("readRunContext reads the system under test, GIM version and configuration of the run", () => {
    expect(readRunContext(dir)).to.deep.equal({
      sut: "Info Mart postgres://gim@db/gim",
      gimVersion: "8.5.116.07",
      gimConfigFile: "lab.yaml",
      gimOptions: { "stop-ixn-queues": "Chat_Stop" },
    });
    expect(readRunContext(join(dir, "missing"))).to.deep.equal({ gimOptions: {} });
  });

  const html = buildSpecBook({
    featuresDir: join(ROOT, "features"),
    examplesDir: join(ROOT, "examples"),
    resultsDir: dir,
  }).html;

  test("the page shows passed, failed, matches hypothesis and not run as the results of these features say", () => {
    const status = (flow: number) => /data-status="([^"]+)"/.exec(section(html, flow))?.[1];
    expect([1, 2, 3, 4, 7, 8].map(status)).to.deep.equal([
      "passed",
      "failed",
      "passed",
      "not run",
      "matches hypothesis",
      "not run",
    ]);
  });

  test("the status line says when, against what, with which GIM version and configuration, and what it left out", () => {
    const source = /<dl class="run-source">[\s\S]*?<\/dl>/.exec(html)?.[0] ?? "";
    expect(source).to.include('<dd class="run-when">2026-12-01 09:28 UTC to 2026-12-01 09:30 UTC</dd>');
    expect(source).to.include('<dd class="run-sut">Info Mart postgres://gim@db/gim</dd>');
    expect(source).to.include('<dd class="run-gim-version">8.5.116.07</dd>');
    expect(source).to.include("<code>lab.yaml</code> (<code>stop-ixn-queues=Chat_Stop</code>)");
    expect(source).to.include("2 results in that folder are for other feature files");
    expect(source).to.include("results for 4 of");
  });

  test("one word per meaning: statuses never say verified or provisional, the tags' words", () => {
    const badges = [...html.matchAll(/<span class="status [^"]*"[^>]*>([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(badges.length).to.be.greaterThan(20);
    expect(new Set(badges)).to.not.include("verified").and.not.include("provisional");
    expect(html).not.to.match(/data-status="(verified|provisional|failing)"/);
  });

  test("scenarioStatus and flowStatus never invent a pass", () => {
    const passed = { status: "passed", message: undefined, stop: 0 };
    expect(scenarioStatus(passed, false).status).to.equal("passed");
    expect(scenarioStatus(passed, true).status).to.equal("matches hypothesis");
    expect(scenarioStatus({ ...passed, status: "failed" }, true).status).to.equal("differs from hypothesis");
    expect(scenarioStatus({ ...passed, status: "failed" }, false).status).to.equal("failed");
    expect(scenarioStatus({ ...passed, status: "broken" }, false).status).to.equal("failed");
    expect(scenarioStatus({ ...passed, status: "skipped" }, false).status).to.equal("not run");
    expect(scenarioStatus(undefined, false).status).to.equal("not run");
    // How `run` writes provisional verdicts: Allure's "unknown", the kind in the message.
    const unknown = (message: string) => ({ status: "unknown", message, stop: 0 });
    expect(
      scenarioStatus(unknown("Matches hypothesis (provisional): the recorded IRFs match"), true).status,
    ).to.equal("matches hypothesis");
    expect(
      scenarioStatus(unknown("Differs from hypothesis (provisional): IRF1: result expected A, got B"), true),
    ).to.deep.equal({
      status: "differs from hypothesis",
      detail: "IRF1: result expected A, got B",
    });
    expect(scenarioStatus(unknown("something else"), true).status).to.equal("not run");
    const ok = scenarioStatus(passed, false);
    expect(flowStatus([ok, scenarioStatus(undefined, false)], false)).to.equal("not run");
    expect(flowStatus([ok], true)).to.equal("matches hypothesis");
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
        fingerprint: "evil",
        runSteps: [],
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
