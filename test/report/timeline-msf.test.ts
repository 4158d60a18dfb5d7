/**
 * MSFs on the timeline: one outlined bar per mediation segment on its queue's lane, labelled with
 * its ordinal and descriptor, escaped, in the description and the legend; a drawing without MSFs
 * is the one it was before.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import type { MsfRow } from "../../src/domain/msf";
import { buildTimeline } from "../../src/report/timeline-model";
import { renderTimelineSvg } from "../../src/report/timeline-svg";
import { flow3, flow9 } from "./timeline-fixtures";
import { xmlProblems } from "./xml-well-formed";

const at = (second: number): string =>
  new Date(Date.parse("2026-03-02T09:00:00.000Z") + second * 1000).toISOString();

function msf(fields: Partial<MsfRow> & Pick<MsfRow, "msf" | "resource" | "result">): MsfRow {
  return {
    interaction: "chat-0003",
    role: "Received",
    reason: "Unspecified",
    roleReason: "Unspecified",
    start: at(0),
    end: at(4),
    durationMs: 4000,
    irf: 1,
    ...fields,
  };
}

const fromXml = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

const texts = (svg: string, cls: string): string[] =>
  [...svg.matchAll(new RegExp(`<text [^>]*class="${cls}"[^>]*>([^<]*)</text>`, "g"))].map((m) =>
    fromXml(m[1] ?? ""),
  );
const bars = (svg: string): string[] =>
  [...svg.matchAll(/<g class="gimtl-msf"><title>([^<]*)<\/title><rect ([^>]*)\/>/g)].map((m) =>
    fromXml(m[1] ?? ""),
  );

describe("timeline MSFs", () => {
  const two = [
    msf({ msf: 1, resource: "Chat_Inbound", result: "Diverted" }),
    msf({ msf: 2, resource: "Chat_Second", result: "Diverted", start: at(101), end: at(120), irf: null }),
  ];

  test("one bar per MSF, on its queue's lane, labelled MSFn Role/Result", () => {
    const svg = renderTimelineSvg({ ...flow3(), msfs: two });
    expect(xmlProblems(svg)).to.deep.equal([]);
    expect(bars(svg)).to.deep.equal([
      "MSF1 Chat_Inbound Received/Diverted: 09:00:00.000 → 09:00:04.000, linked to IRF1",
      "MSF2 Chat_Second Received/Diverted: 09:01:41.000 → 09:02:00.000, linked to no IRF",
    ]);
    expect(texts(svg, "gimtl-msf-label")).to.deep.equal(["MSF1 Received/Diverted", "MSF2 Received/Diverted"]);
    // A queue only an MSF names gets its own lane, among the queues.
    expect(texts(svg, "gimtl-lane")).to.deep.equal([
      "Customer",
      "Chat_Inbound",
      "Chat_Second",
      "RouteInboundChat",
      "Agent1",
      "Agent2",
    ]);
    expect(svg).to.match(
      /<desc [^>]*>[^<]* MSFs: MSF1 Chat_Inbound Received\/Diverted; MSF2 Chat_Second Received\/Diverted\.<\/desc>/,
    );
  });

  test("the MSF bar is drawn in a style no IRF bar has, and the legend names it", () => {
    const svg = renderTimelineSvg({
      ...flow9(),
      msfs: [
        msf({
          interaction: "chat-0009",
          msf: 1,
          resource: "Chat_Inbound",
          result: "CustomerAbandoned",
          reason: "AbandonedWhileQueued",
          end: at(48),
        }),
      ],
    });
    const rect = /<g class="gimtl-msf"><title>[^<]*<\/title><rect ([^>]*)\/>/.exec(svg)?.[1] ?? "";
    expect(rect).to.include('fill="none"');
    const irfRect = /<g class="gimtl-irf"><title>[^<]*<\/title><rect ([^>]*)\/>/.exec(svg)?.[1] ?? "";
    const stroke = (r: string) => /stroke="([^"]+)"/.exec(r)?.[1];
    expect(stroke(rect)).to.not.equal(stroke(irfRect));
    expect(svg).to.include(">MSF as recorded</text>");
    expect(texts(svg, "gimtl-msf-label")).to.deep.equal([
      "MSF1 Received/CustomerAbandoned [AbandonedWhileQueued]",
    ]);
    // The MSF label says what the "in queue" label would; only one is drawn on the lane.
    expect(svg).not.to.match(/fill="#8a5a2b"[^>]*>in queue \(MSF\)<\/text>/);
  });

  test("an MSF with no end runs to the last instant, dashed", () => {
    const m = buildTimeline(flow3().events, flow3().rows, [
      msf({ msf: 1, resource: "Chat_Inbound", result: "Diverted", end: "" }),
    ]);
    const span = m.spans.find((s) => s.kind === "msf");
    expect(span).to.deep.include({ msf: 1, open: true, end: m.times.at(-1) });
    const svg = renderTimelineSvg({
      ...flow3(),
      msfs: [msf({ msf: 1, resource: "Chat_Inbound", result: "Diverted", end: "" })],
    });
    expect(svg).to.match(
      /<g class="gimtl-msf"><title>[^<]*\(no end\)[^<]*<\/title><rect [^>]*stroke-dasharray/,
    );
  });

  test("queue names in an MSF are escaped in the lane, the tooltip and the description", () => {
    const evil = `<Q&"A">`;
    const svg = renderTimelineSvg({
      ...flow3(),
      msfs: [msf({ msf: 1, resource: evil, result: "Diverted" })],
    });
    expect(xmlProblems(svg)).to.deep.equal([]);
    expect(svg).not.to.include("<Q&");
    expect(bars(svg)[0]).to.match(/^MSF1 <Q&"A"> Received\/Diverted/);
    expect(texts(svg, "gimtl-lane")).to.include(evil);
  });

  test("MSFs of another interaction are left out; without MSFs the drawing is unchanged", () => {
    const other = msf({ interaction: "chat-other", msf: 1, resource: "Chat_X", result: "Diverted" });
    const svg = renderTimelineSvg({ ...flow3(), msfs: [other] });
    expect(bars(svg)).to.deep.equal([]);
    expect(renderTimelineSvg({ ...flow3(), msfs: [] })).to.equal(renderTimelineSvg(flow3()));
  });
});
