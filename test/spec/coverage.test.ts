/**
 * The descriptor coverage matrix: what the seed documents is exercised by verified flows today,
 * a combination only flows 7 and 8 use is marked provisional only, a documented combination no
 * flow uses shows as a gap, and nothing outside what is documented or expected is listed.
 */
import { join } from "node:path";
import { describe, test } from "node:test";
import { expect } from "chai";
import { formatDescriptor } from "../../src/domain/descriptor";
import { buildCoverage, coverageCsv, flowsOf, SEED_DESCRIPTORS } from "../../src/spec/coverage";
import { type BookFeature, readFeatureBook } from "../../src/spec/feature-book";

const book = readFeatureBook(join(__dirname, "..", "..", "features"));
const coverage = buildCoverage(book);
const byName = (name: string) => coverage.find((e) => e.descriptor === name);

describe("coverage of the bundled flows", () => {
  test("every descriptor the seed documents is exercised by a verified flow today", () => {
    for (const doc of SEED_DESCRIPTORS) {
      const entry = byName(formatDescriptor(doc));
      expect(entry?.state, formatDescriptor(doc)).to.equal("verified");
    }
  });

  test("ReceivedConsult/Completed appears only in flow 7, so it is provisional only", () => {
    const entry = byName("ReceivedConsult/Completed");
    expect(entry?.state).to.equal("provisional only");
    expect(entry?.documentedIn).to.deep.equal([]);
    expect(entry === undefined ? [] : flowsOf(entry)).to.deep.equal([7]);
  });

  test("a descriptor used by verified and provisional flows stays verified and lists both", () => {
    const entry = byName("InConference/Completed");
    expect(entry?.state).to.equal("verified");
    expect(entry === undefined ? [] : flowsOf(entry)).to.deep.equal([5, 8, 13]);
    expect(entry?.uses.find((u) => u.flow === 8)?.provisional).to.equal(true);
    expect(entry?.uses.find((u) => u.flow === 13)?.provisional).to.equal(true);
  });

  test("only documented or expected combinations: not the vocabulary's cartesian product", () => {
    const expected = new Set([
      ...SEED_DESCRIPTORS.map(formatDescriptor),
      ...book.flatMap((f) => f.scenarios.flatMap((s) => s.expected.map(formatDescriptor))),
    ]);
    expect(coverage.map((e) => e.descriptor).sort()).to.deep.equal([...expected].sort());
    expect(coverage).to.have.length(12);
  });

  test("documented ones come first, in the seed's order", () => {
    expect(coverage.slice(0, SEED_DESCRIPTORS.length).map((e) => e.descriptor)).to.deep.equal(
      SEED_DESCRIPTORS.map(formatDescriptor),
    );
  });
});

describe("coverage of synthetic flows", () => {
  const flow = (n: number, provisional: boolean, ...rows: [string, string, string][]): BookFeature => ({
    flow: n,
    title: `F${n}`,
    tags: [],
    description: "",
    citation: undefined,
    uri: `f${n}.feature`,
    provisional,
    scenarios: [
      {
        id: `s${n}`,
        name: `S${n}`,
        line: 1,
        tags: [],
        steps: [],
        source: "",
        provisional,
        fingerprint: `fp${n}`,
        runSteps: [],
        expectedMsfs: [],
        expected: rows.map(([role, result, reason], i) => ({
          irf: i + 1,
          resource: "A",
          role,
          result,
          reason,
        })),
      },
    ],
  });

  test("a documented descriptor no flow uses is listed as not covered", () => {
    const entries = buildCoverage([flow(1, false, ["RoutedTo", "Completed", "Unspecified"])]);
    const gap = entries.find((e) => e.descriptor === "Puller/CustomerAbandoned");
    expect(gap?.state).to.equal("not covered");
    expect(gap?.uses).to.deep.equal([]);
    expect(gap?.documentedIn).to.deep.equal(["1.10"]);
  });

  test("only provisional flows 7 and 8 using a combination: provisional only", () => {
    const entries = buildCoverage(
      [
        flow(7, true, ["Initiated", "Completed", "Unspecified"]),
        flow(8, true, ["Initiated", "Completed", "Unspecified"]),
      ],
      [],
    );
    expect(entries).to.have.length(1);
    expect(entries[0]?.state).to.equal("provisional only");
    expect(entries[0] === undefined ? [] : flowsOf(entries[0])).to.deep.equal([7, 8]);
  });

  test("a scenario using a descriptor twice counts once", () => {
    const entries = buildCoverage(
      [flow(3, false, ["RoutedTo", "Completed", "Unspecified"], ["RoutedTo", "Completed", "Unspecified"])],
      [],
    );
    expect(entries[0]?.uses).to.have.length(1);
  });
});

describe("coverageCsv", () => {
  test("a header and one row per combination, CRLF, the flows and scenarios split by kind", () => {
    const lines = coverageCsv(coverage).split("\r\n");
    expect(lines[0]).to.equal(
      "resource_role,technical_result,result_reason,descriptor,documented_in_sections,flows,verified_scenarios,provisional_scenarios,coverage",
    );
    expect(lines).to.have.length(coverage.length + 2);
    expect(lines.at(-1)).to.equal("");
    expect(lines).to.include(
      "ReceivedConsult,Completed,Unspecified,ReceivedConsult/Completed,,7,,chat-consultation-completed,provisional only",
    );
    expect(lines.find((l) => l.startsWith("InConference,Completed,"))).to.equal(
      "InConference,Completed,Unspecified,InConference/Completed,1.5,5 8 13,chat-conference-accepted,chat-conference-through-queue chat-two-step-conference,verified",
    );
  });

  test("quotes cells holding commas or quotes, and defuses spreadsheet formulas", () => {
    const [entry] = buildCoverage([], [{ role: "=Evil", result: 'A"B', reason: "x,y", sections: [] }]);
    const row = coverageCsv(entry === undefined ? [] : [entry]).split("\r\n")[1];
    expect(row).to.match(/^'=Evil,"A""B","x,y",/);
  });
});
