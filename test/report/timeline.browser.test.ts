/**
 * Timeline geometry as Chromium lays it out (getBBox of what is really drawn, in real fonts): on
 * every example flow's timeline, plus a failing one, an export-like one and one with long names,
 * no label covers an arrowhead, an arrow, an event glyph or another label; lane names stay left of
 * the plot and titles inside the drawing; a failing scenario's timeline marks the IRF that differs;
 * a timeline without events has no Customer lane and a legend only for what it shows.
 * Screenshots land in reports/screenshots/timeline/.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { expect } from "chai";
import { classifyFacts } from "../../src/classifier/classify";
import { parseEventLog } from "../../src/eventlog/reader";
import { loadGimConfig } from "../../src/gimconfig/gim-config-file";
import { compareIrfs } from "../../src/report/irf-comparison";
import { renderTimelineSvg } from "../../src/report/timeline-svg";
import { chromiumMissing, screenshotDir, withBrowser } from "../support/report-browser";
import { flow3 } from "./timeline-fixtures";

const ROOT = join(__dirname, "..", "..");
const scratch = mkdtempSync(join(tmpdir(), "gim-timeline-browser-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Drawing {
  name: string;
  svg: string;
}

function exampleDrawings(): Drawing[] {
  const gim = loadGimConfig(undefined);
  const dir = join(ROOT, "examples");
  return readdirSync(dir)
    .filter((n) => n.endsWith(".jsonl"))
    .sort()
    .map((n) => {
      const file = join(dir, n);
      const logged = parseEventLog(readFileSync(file, "utf8"), file);
      const facts = classifyFacts(logged, file, gim.config);
      return {
        name: n.replace(/\.jsonl$/, ""),
        svg: renderTimelineSvg({
          events: logged.map((l) => l.event),
          rows: facts.irfs,
          msfs: facts.msfs,
          title: `Example ${n}`,
        }),
      };
    });
}

/** Flow 3 as a nonconformant Info Mart recorded it: IRF1 Completed where Transferred is expected, IRF2 missing. */
function failingDrawing(): Drawing {
  const { events, rows } = flow3();
  const recorded = [{ ...rows[0], result: "Completed" } as (typeof rows)[number]];
  const comparison = compareIrfs(
    [
      { irf: 1, resource: "Agent1", role: "RoutedTo", result: "Transferred", reason: "" },
      { irf: 2, resource: "Agent2", role: "ReceivedTransfer", result: "Completed", reason: "" },
    ],
    recorded,
  );
  return {
    name: "failing",
    svg: renderTimelineSvg({ events, rows: recorded, comparison, title: "Flow 3 failing" }),
  };
}

/** An export run: rows under the Info Mart's GUID, events of the scenario's script under another id. */
function exportDrawing(): Drawing {
  const { events, rows } = flow3();
  const guid = "0001KaC4VX7R004F";
  return {
    name: "export",
    svg: renderTimelineSvg({
      events,
      rows: rows.map((r) => ({ ...r, interaction: guid })),
      title: "Flow 3 (export)",
    }),
  };
}

function longNamesDrawing(): Drawing {
  const a1 = "Agent_Jacqueline_Montgomery-Smythe_Customer_Care_Tier2_EMEA_0001";
  const a2 = "Agent_Bartholomew_Featherstonehaugh_Escalations_Team_North_America";
  return {
    name: "long-names",
    svg: renderTimelineSvg({
      ...flow3(a1, a2),
      title:
        "Flow 3: Agent transfers chat to another agent, as recorded by the production Info Mart of the northern region after the 8.5.116 upgrade",
    }),
  };
}

interface Geometry {
  name: string;
  width: number;
  labels: { cls: string; text: string; box: number[] }[];
  obstacles: { cls: string; box: number[] }[];
  laneRight: number;
  ruleX: number;
  headerRight: number;
  lanes: string[];
  legend: string[];
  differs: number;
  expected: string[];
  missing: string[];
}

// Runs in the page (a string: the project's TypeScript has no DOM library).
const MEASURE = `[...document.querySelectorAll("figure")].map((fig) => {
  const svg = fig.querySelector("svg");
  const box = (e) => { const b = e.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; };
  const labelClasses = ["gimtl-irf-label", "gimtl-msf-label", "gimtl-queue-label", "gimtl-link-label", "gimtl-expected-label"];
  const labels = labelClasses.flatMap((cls) => [...svg.querySelectorAll("text." + cls)].map((t) => ({ cls, text: t.textContent, box: box(t) })));
  const obstacles = [
    ...[...svg.querySelectorAll("g.gimtl-arrow polygon")].map((p) => ({ cls: "arrowhead", box: box(p) })),
    ...[...svg.querySelectorAll("g.gimtl-arrow line")].map((p) => ({ cls: "arrow", box: box(p) })),
    ...[...svg.querySelectorAll("g.gimtl-mark")].map((g) => ({ cls: g.getAttribute("class"), box: box(g) })),
  ];
  const lanes = [...svg.querySelectorAll("text.gimtl-lane")];
  const rule = svg.querySelector("line.gimtl-lane-rule");
  const header = [...svg.querySelectorAll("text.gimtl-title, text.gimtl-subtitle, text.gimtl-missing")];
  return {
    name: fig.getAttribute("data-name"),
    width: svg.viewBox.baseVal.width,
    labels,
    obstacles,
    laneRight: Math.max(...lanes.map((t) => box(t)[2])),
    ruleX: rule ? Number(rule.getAttribute("x1")) : 0,
    headerRight: Math.max(...header.map((t) => box(t)[2])),
    lanes: lanes.map((t) => t.textContent),
    legend: [...svg.querySelectorAll("text")].filter((t) => !t.getAttribute("class") && t.getAttribute("font-size") === "11.5").map((t) => t.textContent),
    differs: svg.querySelectorAll("rect.gimtl-differs").length,
    expected: [...svg.querySelectorAll("text.gimtl-expected-label")].map((t) => t.textContent),
    missing: [...svg.querySelectorAll("text.gimtl-missing")].map((t) => t.textContent),
  };
})`;

const overlap = (a: number[], b: number[]) =>
  (a[0] ?? 0) < (b[2] ?? 0) &&
  (b[0] ?? 0) < (a[2] ?? 0) &&
  (a[1] ?? 0) < (b[3] ?? 0) &&
  (b[1] ?? 0) < (a[3] ?? 0);

test("timelines in headless Chromium: labels collide with nothing, names fit, the differing IRF is marked", async (t) => {
  const missing = chromiumMissing();
  if (missing !== undefined) {
    t.skip(missing);
    return;
  }
  const drawings = [...exampleDrawings(), failingDrawing(), exportDrawing(), longNamesDrawing()];
  expect(drawings.length).to.be.greaterThan(15);
  const page = join(scratch, "timelines.html");
  writeFileSync(
    page,
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>timelines</title>
<style>body{margin:0;font-family:sans-serif}figure{margin:8px}svg{display:block}</style></head><body>
${drawings.map((d) => `<figure data-name="${d.name}">${d.svg}</figure>`).join("\n")}</body></html>`,
  );
  await withBrowser({ width: 1100, height: 900 }, async (open) => {
    const { page: tab, problems } = await open(page);
    const geometry = (await tab.evaluate(MEASURE)) as Geometry[];
    expect(geometry.map((g) => g.name)).to.deep.equal(drawings.map((d) => d.name));
    const collisions: string[] = [];
    for (const g of geometry) {
      expect(g.labels.length, `${g.name} has labels`).to.be.greaterThan(0);
      g.labels.forEach((label, i) => {
        for (const o of g.obstacles) {
          if (overlap(label.box, o.box)) collisions.push(`${g.name}: "${label.text}" covers ${o.cls}`);
        }
        for (const other of g.labels.slice(i + 1)) {
          if (overlap(label.box, other.box))
            collisions.push(`${g.name}: "${label.text}" covers "${other.text}"`);
        }
        expect(label.box[2] ?? 0, `${g.name}: "${label.text}" inside the drawing`).to.be.at.most(g.width);
      });
      expect(g.laneRight, `${g.name}: lane names left of the plot`).to.be.at.most(g.ruleX);
      expect(g.headerRight, `${g.name}: title and subtitle inside the drawing`).to.be.at.most(g.width - 8);
    }
    expect(collisions).to.deep.equal([]);

    const byName = (name: string) => geometry.find((g) => g.name === name) as Geometry;
    const failing = byName("failing");
    expect(failing.differs).to.equal(1);
    expect(failing.expected).to.deep.equal(["✗ IRF1 expected RoutedTo/Transferred"]);
    expect(failing.missing.join(" ")).to.include(
      "IRF2 expected: Agent2 ReceivedTransfer/Completed, not recorded",
    );
    expect(failing.legend).to.include("IRF differs from the expected table");
    expect(byName("chat-transfer-accepted").legend).not.to.include("IRF differs from the expected table");

    const exported = byName("export");
    expect(exported.lanes).to.deep.equal(["Agent1", "Agent2"]);
    expect(exported.legend).to.deep.equal(["agent IRF"]);
    const full = byName("chat-transfer-accepted");
    expect(full.lanes[0]).to.equal("Customer");
    expect(full.legend).to.include.members([
      "submitted",
      "route",
      "transfer",
      "agent IRF",
      "customer in chat",
    ]);
    expect(full.legend).not.to.include.members(["rejected", "revoked", "consult"]);

    const long = byName("long-names");
    expect(long.lanes.join(" ").replace(/\s/g, "")).to.include("Agent_Jacqueline_Montgomery");

    const shots = screenshotDir("timeline");
    for (const name of ["failing", "export", "long-names", "chat-conference-through-queue"]) {
      await tab.locator(`figure[data-name="${name}"]`).screenshot({ path: join(shots, `${name}.png`) });
    }
    expect(problems).to.deep.equal([]);
  });
});
