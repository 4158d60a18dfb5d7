/**
 * The SVG timeline: lanes in order, one bar per IRF with its descriptor, well-formed and
 * self-contained markup, escaped names, byte-identical output for the same input.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import type { ChatEvent } from "../../src/eventlog/events";
import { renderTimelineSvg } from "../../src/report/timeline-svg";
import { flow3, flow9 } from "./timeline-fixtures";
import { xmlProblems } from "./xml-well-formed";

const fromXml = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** Text content of the elements carrying a class, in document order. */
function texts(svg: string, cls: string): string[] {
  return [...svg.matchAll(new RegExp(`<text [^>]*class="${cls}"[^>]*>([^<]*)</text>`, "g"))].map((m) =>
    fromXml(m[1] ?? ""),
  );
}

const count = (svg: string, pattern: RegExp): number => svg.match(pattern)?.length ?? 0;

describe("renderTimelineSvg, flow 3 (transfer)", () => {
  const svg = renderTimelineSvg({ ...flow3(), title: "Flow 3: agent transfers the chat" });

  test("is well-formed, self-contained SVG with a title, a description, a viewBox and a width", () => {
    expect(xmlProblems(svg)).to.deep.equal([]);
    expect(svg).to.match(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 900 \d+(\.\d)?" width="900" /,
    );
    expect(svg).to.match(/<title id="gimtl-[0-9a-f]{8}-title">Flow 3: agent transfers the chat<\/title>/);
    expect(svg).to.match(
      /<desc id="[^"]+">Timeline of chat Inbound chat-0003, .*IRF1 Agent1 RoutedTo\/Transferred; /,
    );
    expect(svg).not.to.match(/<script|<image|<foreignObject|href=|@import|url\((?!#gimtl-)/);
    expect(svg).to.match(/<rect x="0" y="0" width="900" height="[\d.]+" fill="#ffffff"\/>/);
  });

  test("has one lane per participant: Customer, queue, strategy, then agents in order of appearance", () => {
    expect(texts(svg, "gimtl-lane")).to.deep.equal([
      "Customer",
      "Chat_Inbound",
      "RouteInboundChat",
      "Agent1",
      "Agent2",
    ]);
  });

  test("draws exactly two IRF bars, labelled with ordinal and descriptor", () => {
    expect(count(svg, /<g class="gimtl-irf">/g)).to.equal(2);
    expect(texts(svg, "gimtl-irf-label")).to.deep.equal([
      "IRF1 RoutedTo/Transferred",
      "IRF2 ReceivedTransfer/Completed",
    ]);
  });

  test("marks each event with its glyph, the time in queue, and the route and transfer arrows", () => {
    const glyphs = (kind: string) => count(svg, new RegExp(`<g class="gimtl-mark gimtl-${kind}">`, "g"));
    expect(glyphs("submitted")).to.equal(1);
    expect(glyphs("placed")).to.equal(1);
    expect(glyphs("taken")).to.equal(1);
    expect(glyphs("invited")).to.equal(2);
    expect(glyphs("accepted")).to.equal(2);
    expect(glyphs("removed")).to.equal(2);
    expect(glyphs("stopped")).to.equal(1);
    expect(svg).to.include(">in queue (MSF)</text>");
    expect(svg).to.match(/>route<\/text>/);
    expect(svg).to.match(/>transfer<\/text>/);
  });

  test("is deterministic, and its ids differ from another interaction's", () => {
    expect(renderTimelineSvg({ ...flow3(), title: "Flow 3: agent transfers the chat" })).to.equal(svg);
    const ids = (s: string) => [...s.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    const other = renderTimelineSvg(flow9());
    expect(ids(svg)).to.have.length(3);
    expect(ids(other).filter((id) => ids(svg).includes(id))).to.deep.equal([]);
  });
});

describe("renderTimelineSvg, other inputs", () => {
  test("flow 9: the queue's IRF and the time in queue on the queue lane, the customer's stop on theirs", () => {
    const svg = renderTimelineSvg(flow9());
    expect(xmlProblems(svg)).to.deep.equal([]);
    expect(texts(svg, "gimtl-lane")).to.deep.equal(["Customer", "Chat_Inbound"]);
    expect(texts(svg, "gimtl-irf-label")).to.deep.equal([
      "IRF1 Received/CustomerAbandoned [AbandonedWhileQueued]",
    ]);
    expect(svg).to.include(">in queue (MSF)</text>");
    expect(svg).to.match(
      /<g class="gimtl-mark gimtl-stopped"><title>09:00:48\.000 stopped by customer<\/title>/,
    );
  });

  test("escapes names everywhere they appear", () => {
    const evil = `<script>alert("x")</script> & 'Co'`;
    const svg = renderTimelineSvg(flow3(evil, "Agent2"));
    expect(xmlProblems(svg)).to.deep.equal([]);
    expect(svg).not.to.include("<script");
    expect(svg).to.include("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;");
    // Too long for one line: wrapped onto two, never cut mid-escape, nothing lost.
    const lane =
      /<text [^>]*class="gimtl-lane">((?:<tspan[^>]*>[^<]*<\/tspan>)+)<\/text>/.exec(svg)?.[1] ?? "";
    const lines = [...lane.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => fromXml(m[1] ?? ""));
    expect(lines).to.have.length(2);
    expect(lines.join("").replace(/\s/g, "")).to.equal(evil.replace(/\s/g, ""));
  });

  test("draws the interaction of the first row when the log holds several", () => {
    const three = flow3();
    const nine = flow9();
    const events: ChatEvent[] = [...three.events, ...nine.events].sort((a, b) => a.ts.localeCompare(b.ts));
    const svg = renderTimelineSvg({ events, rows: [...nine.rows, ...three.rows] });
    expect(texts(svg, "gimtl-lane")).to.deep.equal(["Customer", "Chat_Inbound"]);
    expect(texts(svg, "gimtl-irf-label")).to.have.length(1);
    const byFirstEvent = renderTimelineSvg({ events, rows: [] });
    expect(byFirstEvent).to.include("interaction chat-0003");
  });

  test("an empty log still renders a well-formed drawing that says so", () => {
    const svg = renderTimelineSvg({ events: [], rows: [] });
    expect(xmlProblems(svg)).to.deep.equal([]);
    expect(svg).to.include("no events for this interaction");
  });

  test("a long log widens the drawing instead of crowding it", () => {
    const { events } = flow3();
    const id = "chat-0003";
    const many: ChatEvent[] = [...events];
    for (let i = 0; i < 40; i++) {
      const ts = new Date(Date.parse("2026-03-02T09:04:41.000Z") + i * 1000).toISOString();
      many.push({ ts, interaction: id, event: "EventPlacedInQueue", queue: "Chat_Inbound" });
    }
    const svg = renderTimelineSvg({ events: many, rows: [] });
    const width = Number(/ width="([\d.]+)"/.exec(svg)?.[1]);
    expect(width).to.be.greaterThan(900);
    expect(svg).to.include(`viewBox="0 0 ${width} `);
  });
});
