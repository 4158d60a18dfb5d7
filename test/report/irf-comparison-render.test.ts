/**
 * The three renderings of a comparison: the text table must mark exactly the differing cells
 * without relying on colour, and the HTML and Markdown must escape names (they are user input).
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import type { IrfExpectation, IrfRow } from "../../src/domain/irf";
import { compareIrfs } from "../../src/report/irf-comparison";
import {
  renderComparisonHtml,
  renderComparisonMarkdown,
  renderComparisonText,
} from "../../src/report/irf-comparison-render";
import { xmlProblems } from "./xml-well-formed";

function recorded(
  irf: number,
  resource: string,
  role: string,
  result: string,
  reason = "Unspecified",
): IrfRow {
  return {
    interaction: "chat-1",
    irf,
    resource,
    resourceType: "Agent",
    role,
    result,
    reason,
    roleReason: "Unspecified",
    start: "2026-03-02T09:00:05.000Z",
    end: "2026-03-02T09:04:40.000Z",
    alertingMs: 0,
    handlingMs: 0,
    mediationMs: 0,
    receivedFrom: null,
  };
}

const expected = (
  irf: number,
  resource: string,
  role: string,
  result: string,
  reason = "",
): IrfExpectation => ({
  irf,
  resource,
  role,
  result,
  reason,
});

/** IRF1 matches, IRF2's role differs, IRF3 was not expected, IRF4 was not recorded. */
const mixed = compareIrfs(
  [
    expected(1, "Agent1", "RoutedTo", "Completed"),
    expected(2, "Agent2", "InConference", "Completed"),
    expected(4, "Agent4", "ReceivedTransfer", "Abandoned", "Revoked"),
  ],
  [
    recorded(1, "Agent1", "RoutedTo", "Completed"),
    recorded(2, "Agent2", "ReceivedConsult", "Completed"),
    recorded(3, "Agent3", "RoutedTo", "Completed"),
  ],
);

/** The text table's rows, keyed by IRF number. */
function textRows(text: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^(\d+)\s+│/.exec(line);
    if (m?.[1]) rows.set(m[1], line);
  }
  return rows;
}

const marked = (line: string | undefined): string[] =>
  [...(line ?? "").matchAll(/»([^«]*)«/g)].map((m) => m[1] ?? "");

describe("renderComparisonText", () => {
  const text = renderComparisonText(mixed);
  const rows = textRows(text);

  test("shows expected and recorded side by side, with a verdict and a legend", () => {
    expect(text.split("\n")[0]).to.equal("IRFs: does not conform");
    expect(rows.get("1")).to.match(
      /Agent1\s+RoutedTo\/Completed\s+\(not stated\)\s+│\s+Agent1\s+RoutedTo\/Completed\s+Unspecified\s+│ ✓ match$/,
    );
    expect(rows.get("3")).to.match(
      /\(not expected\)\s+│\s+Agent3\s+RoutedTo\/Completed\s+Unspecified\s+│ ✗ unexpected$/,
    );
    expect(rows.get("4")).to.match(
      /Agent4\s+ReceivedTransfer\/Abandoned \[Revoked\]\s+\(not stated\)\s+│\s+\(not recorded\)\s+│ ✗ missing$/,
    );
    expect(text).to.match(/^legend: /m);
  });

  test("marks exactly the differing cells: both descriptors of IRF2, nothing else", () => {
    expect(marked(rows.get("2"))).to.deep.equal(["InConference/Completed", "ReceivedConsult/Completed"]);
    expect(rows.get("2")).to.match(/│ ✗ role$/);
    for (const irf of ["1", "3", "4"]) expect(marked(rows.get(irf)), `IRF${irf}`).to.deep.equal([]);
  });

  test("a differing resource marks the resource cells, not the descriptors", () => {
    const c = compareIrfs(
      [expected(1, "Agent1", "RoutedTo", "Completed")],
      [recorded(1, "Agent7", "RoutedTo", "Completed")],
    );
    const row = textRows(renderComparisonText(c)).get("1");
    expect(marked(row)).to.deep.equal(["Agent1", "Agent7"]);
    expect(row).to.match(/│ ✗ resource$/);
  });

  test("columns line up whatever is marked", () => {
    const lines = text.split("\n").filter((l) => l.includes("│"));
    const bars = (l: string) => [...l].flatMap((ch, i) => (ch === "│" ? [i] : []));
    const first = bars(lines[0] ?? "");
    expect(first).to.have.length(3);
    for (const line of lines) expect(bars(line), line).to.deep.equal(first);
  });

  test("an empty comparison still renders a table that says so", () => {
    const empty = renderComparisonText(compareIrfs([], []));
    expect(empty).to.include("IRFs: conforms");
    expect(empty).to.include("(no IRFs expected, none recorded)");
  });
});

describe("renderComparisonHtml", () => {
  test("escapes names and marks the differing cells", () => {
    const c = compareIrfs(
      [expected(1, "<script>alert(1)</script>", "RoutedTo", "Completed")],
      [recorded(1, "Agent1 & Co", "RoutedTo", "Completed")],
    );
    const html = renderComparisonHtml(c);
    expect(html).not.to.include("<script>");
    expect(html).to.include("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).to.include("Agent1 &amp; Co");
    expect(html.match(/data-differs="true"/g)).to.have.length(2);
    expect(xmlProblems(html)).to.deep.equal([]);
  });

  test("is self-contained: inline styles only", () => {
    const html = renderComparisonHtml(mixed);
    expect(html).not.to.match(/<style|<link|<script|href=|src=/);
    expect(html).to.match(/^<div class="gim-irf-comparison">/);
    expect(html.match(/data-differs="true"/g)).to.have.length(2);
    expect(xmlProblems(html)).to.deep.equal([]);
  });
});

describe("renderComparisonMarkdown", () => {
  test("one table row per IRF, differing cells bold between » «, markup in names escaped", () => {
    const c = compareIrfs(
      [expected(1, "Queue|A*", "RoutedTo", "Completed")],
      [recorded(1, "Queue|A*", "InConference", "Completed")],
    );
    const md = renderComparisonMarkdown(c);
    const row = md.split("\n").find((l) => l.startsWith("| 1 |"));
    expect(row).to.equal(
      "| 1 | Queue\\|A\\* | **»RoutedTo/Completed«** | _(not stated)_ | Queue\\|A\\* | **»InConference/Completed«** | Unspecified | ✗ role |",
    );
    expect(
      renderComparisonMarkdown(mixed)
        .split("\n")
        .filter((l) => /^\| \d/.test(l)),
    ).to.have.length(4);
  });
});

describe("role reasons and a real Info Mart's names and codes", () => {
  const withRoleReason = (row: IrfRow, roleReason: string): IrfRow => ({ ...row, roleReason });

  test("the recorded role reason is shown even when the table does not assert one", () => {
    const c = compareIrfs(
      [expected(1, "Agent1", "RoutedTo", "Completed")],
      [withRoleReason(recorded(1, "Agent1", "RoutedTo", "Completed"), "ConferenceInitiator")],
    );
    expect(c.conforms).to.equal(true);
    const row = textRows(renderComparisonText(c)).get("1");
    expect(row).to.match(
      /\(not stated\)\s+│\s+Agent1\s+RoutedTo\/Completed\s+ConferenceInitiator\s+│ ✓ match$/,
    );
    expect(renderComparisonHtml(c)).to.include(">ConferenceInitiator</td>");
    expect(renderComparisonMarkdown(c)).to.match(/\| ConferenceInitiator \| ✓ match \|/);
  });

  test("a role reason that differs from the table's marks the role reason cells only", () => {
    const c = compareIrfs(
      [{ ...expected(1, "Agent1", "RoutedTo", "Completed"), roleReason: "Unspecified" }],
      [withRoleReason(recorded(1, "Agent1", "RoutedTo", "Completed"), "ConferenceInitiator")],
    );
    const row = textRows(renderComparisonText(c)).get("1");
    expect(marked(row)).to.deep.equal(["Unspecified", "ConferenceInitiator"]);
    expect(row).to.match(/│ ✗ roleReason$/);
    const html = renderComparisonHtml(c);
    expect([...html.matchAll(/data-differs="true">([^<]*)</g)].map((m) => m[1]?.trim())).to.deep.equal([
      "Unspecified",
      "ConferenceInitiator",
    ]);
    expect(renderComparisonMarkdown(c)).to.include("**»Unspecified«**");
  });

  test("recorded (localized) names are shown with the codes that were compared", () => {
    const localized: IrfRow = {
      ...recorded(1, "Agent1", "RoutedTo", "Redirected", "Revoked"),
      recordedNames: {
        role: "Rôle RoutedTo",
        result: "Redirigé",
        reason: "Révoqué",
        roleReason: "Non spécifié",
      },
    };
    const c = compareIrfs([expected(1, "Agent1", "RoutedTo", "Redirected", "Revoked")], [localized]);
    expect(c.conforms).to.equal(true);
    const text = renderComparisonText(c);
    expect(text).to.include(
      "RoutedTo/Redirected [Revoked] (Rôle RoutedTo / Redirigé / Révoqué; codes ROUTEDTO/REDIRECTED/REVOKED)",
    );
    expect(text).to.include("Unspecified (Non spécifié; code UNSPECIFIED)");
    expect(renderComparisonHtml(c)).to.include(
      "(Rôle RoutedTo / Redirigé / Révoqué; codes ROUTEDTO/REDIRECTED/REVOKED)",
    );
  });

  test("an Unspecified reason is left out of the names and codes, as from the descriptor", () => {
    const row: IrfRow = {
      ...recorded(1, "Agent1", "RoutedTo", "Completed"),
      recordedNames: { role: "Rôle RoutedTo", result: "Terminé" },
    };
    const text = renderComparisonText(compareIrfs([expected(1, "Agent1", "RoutedTo", "Completed")], [row]));
    expect(text).to.include("RoutedTo/Completed (Rôle RoutedTo / Terminé; codes ROUTEDTO/COMPLETED)");
  });

  test("a code outside the vocabulary shows as the raw code, and the descriptor cells are marked", () => {
    const row: IrfRow = {
      ...recorded(1, "Agent1", "ROUTEDTOX", "Completed"),
      recordedNames: { role: "RoutedToX", result: "Completed" },
    };
    const c = compareIrfs([expected(1, "Agent1", "RoutedTo", "Completed")], [row]);
    const line = textRows(renderComparisonText(c)).get("1");
    expect(marked(line)).to.deep.equal([
      "RoutedTo/Completed",
      "ROUTEDTOX/Completed (RoutedToX / Completed; codes ROUTEDTOX/COMPLETED)",
    ]);
  });

  test("a recorded resource type that differs from the harness's is shown with its code", () => {
    const none: IrfRow = {
      ...recorded(1, "NONE", "RoutedTo", "Completed"),
      resourceType: "Other",
      resourceTypeCode: "NONE",
    };
    const agent: IrfRow = { ...recorded(2, "Agent2", "RoutedTo", "Completed"), resourceTypeCode: "AGENT" };
    const text = renderComparisonText(compareIrfs([], [none, agent]));
    expect(textRows(text).get("1")).to.include("NONE (type Other; code NONE)");
    expect(textRows(text).get("2")).to.match(/│\s+Agent2\s+RoutedTo/);
  });
});
