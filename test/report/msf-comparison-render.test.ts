/**
 * The MSF comparison's renderings: the same marks as the IRF table on the queue, descriptor,
 * role reason and linked-IRF cells, names escaped, and the text form still importable from
 * msf-comparison.ts where the outcome step first found it.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import type { MsfExpectation, MsfRow } from "../../src/domain/msf";
import * as comparisonModule from "../../src/report/msf-comparison";
import { compareMsfs } from "../../src/report/msf-comparison";
import {
  renderMsfComparisonHtml,
  renderMsfComparisonMarkdown,
  renderMsfComparisonText,
} from "../../src/report/msf-comparison-render";
import { xmlProblems } from "./xml-well-formed";

function recorded(
  msf: number,
  resource: string,
  result: string,
  irf: number | null,
  reason = "Unspecified",
): MsfRow {
  return {
    interaction: "chat-1",
    msf,
    resource,
    role: "Received",
    result,
    reason,
    roleReason: "Unspecified",
    start: "2026-03-02T09:00:00.000Z",
    end: "2026-03-02T09:00:04.000Z",
    durationMs: 4000,
    irf,
  };
}

const expected = (
  msf: number,
  resource: string,
  result: string,
  irf?: number | null,
  reason = "Unspecified",
): MsfExpectation => ({
  msf,
  resource,
  role: "Received",
  result,
  reason,
  ...(irf === undefined ? {} : { irf }),
});

/** MSF1 matches, MSF2's linked IRF differs, MSF3 was recorded but not expected. */
const mixed = compareMsfs(
  [expected(1, "Chat_Inbound", "Diverted", 1), expected(2, "Chat_Second", "Diverted", 3)],
  [
    recorded(1, "Chat_Inbound", "Diverted", 1),
    recorded(2, "Chat_Second", "Diverted", 2),
    recorded(3, "Chat_Third", "CustomerAbandoned", null, "AbandonedWhileQueued"),
  ],
);

function textRows(text: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^(\d+)\s+│/.exec(line);
    if (m?.[1]) rows.set(m[1], line);
  }
  return rows;
}
const marked = (line: string | undefined): string[] =>
  [...(line ?? "").matchAll(/»([^«]*)«/g)].map((m) => (m[1] ?? "").trim());

describe("renderMsfComparisonText", () => {
  const text = renderMsfComparisonText(mixed);
  const rows = textRows(text);

  test("verdict, one row per MSF with queue, descriptor, role reason and linked IRF on each side", () => {
    expect(text.split("\n")[0]).to.equal("MSFs: does not conform");
    expect(rows.get("1")).to.match(
      /Chat_Inbound\s+Received\/Diverted\s+\(not stated\)\s+IRF1\s+│\s+Chat_Inbound\s+Received\/Diverted\s+Unspecified\s+IRF1\s+│ ✓ match$/,
    );
    expect(rows.get("3")).to.match(
      /\(not expected\)\s+│\s+Chat_Third\s+Received\/CustomerAbandoned \[AbandonedWhileQueued\]\s+Unspecified\s+none\s+│ ✗ unexpected$/,
    );
  });

  test("marks exactly the linked-IRF cells of MSF2", () => {
    expect(marked(rows.get("2"))).to.deep.equal(["IRF3", "IRF2"]);
    expect(rows.get("2")).to.match(/│ ✗ irf$/);
    expect(marked(rows.get("1"))).to.deep.equal([]);
    expect(marked(rows.get("3"))).to.deep.equal([]);
  });

  test("a differing queue and result mark the queue and descriptor cells", () => {
    const c = compareMsfs(
      [expected(1, "Chat_Inbound", "Diverted")],
      [recorded(1, "Chat_Other", "Abandoned", 1)],
    );
    const row = textRows(renderMsfComparisonText(c)).get("1");
    expect(marked(row)).to.deep.equal([
      "Chat_Inbound",
      "Received/Diverted",
      "Chat_Other",
      "Received/Abandoned",
    ]);
  });

  test("is still exported from msf-comparison.ts", () => {
    expect(comparisonModule.renderMsfComparisonText(mixed)).to.equal(text);
  });

  test("an empty comparison says so", () => {
    expect(renderMsfComparisonText(compareMsfs([], []))).to.include("(no MSFs expected, none recorded)");
  });
});

describe("renderMsfComparisonHtml", () => {
  test("escapes queue names, marks differing cells, inline styles only", () => {
    const c = compareMsfs(
      [expected(1, "<img src=x onerror=alert(1)>", "Diverted", 1)],
      [recorded(1, "Q & A", "Diverted", 1)],
    );
    const html = renderMsfComparisonHtml(c);
    expect(html).to.match(/^<div class="gim-msf-comparison">/);
    expect(html).not.to.include("<img");
    expect(html).to.include("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).to.include("Q &amp; A");
    expect([...html.matchAll(/data-differs="true">([^<]*)</g)].map((m) => m[1]?.trim())).to.deep.equal([
      "&lt;img src=x onerror=alert(1)&gt;",
      "Q &amp; A",
    ]);
    expect(html).not.to.match(/<style|<link|<script|href=/);
    expect(xmlProblems(html)).to.deep.equal([]);
  });

  test("a role reason mismatch and recorded names", () => {
    const row: MsfRow = {
      ...recorded(1, "Chat_Inbound", "Diverted", 1),
      roleReason: "ROLEX",
      recordedNames: { role: "Reçu", result: "Dévié" },
    };
    const c = compareMsfs(
      [{ ...expected(1, "Chat_Inbound", "Diverted", 1), roleReason: "Unspecified" }],
      [row],
    );
    const html = renderMsfComparisonHtml(c);
    expect(html).to.include("Received/Diverted (Reçu / Dévié; codes RECEIVED/DIVERTED)");
    expect([...html.matchAll(/data-differs="true">([^<]*)</g)].map((m) => m[1]?.trim())).to.deep.equal([
      "Unspecified",
      "ROLEX",
    ]);
    expect(xmlProblems(html)).to.deep.equal([]);
  });
});

describe("renderMsfComparisonMarkdown", () => {
  test("one row per MSF, differing cells bold, table syntax in names escaped", () => {
    const c = compareMsfs([expected(1, "Q|1", "Diverted", null)], [recorded(1, "Q|1", "Diverted", 2)]);
    const row = renderMsfComparisonMarkdown(c)
      .split("\n")
      .find((l) => l.startsWith("| 1 |"));
    expect(row).to.equal(
      "| 1 | Q\\|1 | Received/Diverted | _(not stated)_ | **»none«** | Q\\|1 | Received/Diverted | Unspecified | **»IRF2«** | ✗ irf |",
    );
    expect(
      renderMsfComparisonMarkdown(mixed)
        .split("\n")
        .filter((l) => /^\| \d/.test(l)),
    ).to.have.length(3);
  });
});
