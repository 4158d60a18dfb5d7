/** The diff of two snapshots: status changes, each IRF's descriptor, resource or order change, each MSF's. */
import { describe, test } from "node:test";
import { expect } from "chai";
import { diffMsfs, diffRows, diffSnapshots } from "../../src/diff/snapshot-diff";
import {
  renderDiffHtml,
  renderDiffMarkdown,
  renderDiffText,
  verdictLine,
} from "../../src/diff/snapshot-diff-render";
import type { IrfRow } from "../../src/domain/irf";
import type { MsfRow } from "../../src/domain/msf";
import type { Snapshot, SnapshotScenario } from "../../src/snapshot/snapshot";

const row = (irf: number, resource: string, result: string, reason = "Unspecified"): IrfRow => ({
  interaction: "i",
  irf,
  resource,
  resourceType: resource.startsWith("Agent") ? "Agent" : "Queue",
  role: "RoutedTo",
  result,
  reason,
  roleReason: "Unspecified",
  start: "2026-01-01T00:00:00Z",
  end: "2026-01-01T00:01:00Z",
  alertingMs: 0,
  handlingMs: 0,
  mediationMs: 0,
  receivedFrom: null,
});

const snapshot = (scenarios: SnapshotScenario[]): Snapshot => ({
  formatVersion: 2,
  metadata: {
    sut: { kind: "reference", name: "ref <1>" },
    harnessVersion: "0",
    classifierVersion: "0",
    createdAt: "2026-01-01T00:00:00Z",
  },
  scenarios,
});
const scenario = (
  id: string,
  status: SnapshotScenario["status"],
  rows: IrfRow[] | null,
  msfs: MsfRow[] | null = null,
): SnapshotScenario => ({
  id,
  name: `${id} | name`,
  feature: "F",
  flow: 2,
  provisional: false,
  status,
  outcome: status === "passed" ? "passed" : status === "failed" ? "mismatch" : "not-run",
  rows,
  msfs,
});

const msf = (n: number, resource: string, result: string, irf: number | null = 1): MsfRow => ({
  interaction: "i",
  msf: n,
  resource,
  role: "Received",
  result,
  reason: "Unspecified",
  roleReason: "Unspecified",
  start: "2026-01-01T00:00:00Z",
  end: "2026-01-01T00:00:10Z",
  durationMs: 10000,
  irf,
});

describe("snapshot diff", () => {
  test("descriptor, resource, order, added and removed IRFs", () => {
    expect(
      diffRows([row(1, "Agent1", "Completed")], [row(1, "Agent1", "Transferred")])[0]?.kinds,
    ).to.deep.equal(["descriptor"]);
    expect(
      diffRows([row(1, "Agent1", "Completed")], [row(1, "Agent2", "Completed")])[0]?.kinds,
    ).to.deep.equal(["resource"]);
    const swapped = diffRows(
      [row(1, "Agent1", "Transferred"), row(2, "Agent2", "Completed")],
      [row(1, "Agent2", "Completed"), row(2, "Agent1", "Transferred")],
    );
    expect(swapped.map((c) => c.kinds)).to.deep.equal([["order"], ["order"]]);
    const grown = diffRows(
      [row(1, "Agent1", "Completed"), row(2, "Q", "Diverted")],
      [row(1, "Agent1", "Completed"), row(3, "Q", "X")],
    );
    expect(grown.map((c) => [c.irf, c.kinds])).to.deep.equal([
      [2, ["removed"]],
      [3, ["added"]],
    ]);
  });

  test("newly failing regresses, newly passing does not; not-run sides compare no rows", () => {
    const base = snapshot([
      scenario("a", "passed", [row(1, "Agent1", "Completed")]),
      scenario("b", "failed", []),
      scenario("c", "passed", []),
    ]);
    const cand = snapshot([
      scenario("a", "failed", [row(1, "Agent1", "Stopped")]),
      scenario("b", "passed", []),
      scenario("c", "not-run", null),
    ]);
    const diff = diffSnapshots(base, cand);
    expect(diff.regressed).to.equal(true);
    expect(diff.newlyFailing.map((s) => s.id)).to.deep.equal(["a"]);
    expect(diff.newlyPassing.map((s) => s.id)).to.deep.equal(["b"]);
    expect(diff.scenarios.find((s) => s.id === "c")?.change).to.equal("status-changed");
    expect(diffSnapshots(cand, cand).regressed).to.equal(false);
    const provisional = (snap: Snapshot) => ({
      ...snap,
      scenarios: snap.scenarios.map((x) => ({ ...x, provisional: true })),
    });
    const hypothesis = diffSnapshots(provisional(base), provisional(cand));
    expect(hypothesis.newlyFailing.map((s) => s.id)).to.deep.equal(["a"]);
    expect(hypothesis.regressed).to.equal(false);
    expect(renderDiffMarkdown(diff)).to.contain("a \\| name");
    expect(renderDiffHtml(diff)).to.contain("ref &lt;1&gt;").and.not.contain("ref <1>");
  });
});

describe("snapshot diff: role reasons and MSFs", () => {
  test("a changed role reason is a descriptor change, shown on both sides", () => {
    const changes = diffRows(
      [row(1, "Agent1", "Completed")],
      [{ ...row(1, "Agent1", "Completed"), roleReason: "ROLEX" }],
    );
    expect(changes.map((c) => c.kinds)).to.deep.equal([["descriptor"]]);
    const diff = diffSnapshots(
      snapshot([scenario("a", "passed", [row(1, "Agent1", "Completed")])]),
      snapshot([scenario("a", "passed", [{ ...row(1, "Agent1", "Completed"), roleReason: "ROLEX" }])]),
    );
    const text = renderDiffText(diff);
    expect(text).to.include("[Unspecified; role reason Unspecified]");
    expect(text).to.include("[Unspecified; role reason ROLEX]");
  });

  test("a version 1 row without a role reason reads as Unspecified, not as a change", () => {
    const { roleReason: _, ...v1 } = row(1, "Agent1", "Completed");
    expect(diffRows([v1 as IrfRow], [row(1, "Agent1", "Completed")])).to.deep.equal([]);
  });

  test("MSF descriptor, queue and link changes, added and removed", () => {
    expect(diffMsfs([msf(1, "Q", "Diverted")], [msf(1, "Q", "Abandoned")]).map((c) => c.kinds)).to.deep.equal(
      [["descriptor"]],
    );
    expect(
      diffMsfs([msf(1, "Q", "Diverted")], [msf(1, "Q2", "Diverted", 2)]).map((c) => c.kinds),
    ).to.deep.equal([["resource", "link"]]);
    expect(diffMsfs([msf(1, "Q", "Diverted", 1)], [msf(1, "Q", "Diverted", null)])[0]?.kinds).to.deep.equal([
      "link",
    ]);
    const grown = diffMsfs(
      [msf(1, "Q", "Diverted"), msf(2, "Q2", "Diverted")],
      [msf(1, "Q", "Diverted"), msf(3, "Q3", "Diverted")],
    );
    expect(grown.map((c) => [c.msf, c.kinds])).to.deep.equal([
      [2, ["removed"]],
      [3, ["added"]],
    ]);
    expect(diffMsfs([msf(1, "Q", "Diverted")], [msf(1, "Q", "Diverted")])).to.deep.equal([]);
  });

  test("MSF changes are listed in the terminal, Markdown and HTML, escaped; no MSFs on a side: none compared", () => {
    const base = snapshot([
      scenario("a", "passed", [row(1, "Agent1", "Completed")], [msf(1, "Q<1>", "Diverted")]),
    ]);
    const cand = snapshot([
      scenario("a", "passed", [row(1, "Agent1", "Completed")], [msf(1, "Q<1>", "Abandoned", null)]),
    ]);
    const diff = diffSnapshots(base, cand);
    expect(diff.scenarios[0]?.msfChanges.map((c) => c.kinds)).to.deep.equal([["descriptor", "link"]]);
    const text = renderDiffText(diff);
    expect(text).to.match(/Changed MSFs \(1\)\n/);
    expect(text).to.match(
      /MSF1\s+descriptor, link\s+Q<1> Received\/Diverted \[Unspecified; role reason Unspecified\] → IRF1\s+Q<1> Received\/Abandoned .* → no IRF/,
    );
    expect(text).to.include("0 changed IRF(s), 1 changed MSF(s)");
    const md = renderDiffMarkdown(diff);
    expect(md).to.match(/## Changed MSFs\n\n\| Flow \| @id \| Interaction \| MSF \|/);
    expect(md).to.include("| MSF1 | descriptor, link |");
    const html = renderDiffHtml(diff);
    expect(html).to.include("<h2>Changed MSFs</h2>");
    expect(html)
      .to.include('Q&lt;1&gt; Received/<mark class="changed">Abandoned</mark>')
      .and.not.include("Q<1>");
    const v1Side = snapshot([scenario("a", "passed", [row(1, "Agent1", "Completed")], null)]);
    expect(diffSnapshots(v1Side, cand).scenarios[0]?.msfChanges).to.deep.equal([]);
  });

  test("each side names its GIM configuration when the snapshot has one", () => {
    const cand = snapshot([]);
    cand.metadata.gimConfig = { "populate-mm-ixnqueue-facts": "true", "stop-ixn-queues": "(none)" };
    const text = renderDiffText(diffSnapshots(snapshot([]), cand));
    expect(text).to.match(/^Baseline: {2}ref <1> \(2026-01-01T00:00:00Z\)$/m);
    expect(text).to.match(
      /^Candidate: ref <1> .*; GIM configuration populate-mm-ixnqueue-facts=true, stop-ixn-queues=\(none\)$/m,
    );
  });
});

describe("the diff as a change ticket reads it", () => {
  const provisional = (s: SnapshotScenario): SnapshotScenario => ({ ...s, provisional: true });

  test("a provisional change has its own section, never under newly failing, and counts as no newly failing", () => {
    const base = snapshot([provisional(scenario("hyp", "passed", [row(1, "Agent1", "Completed")]))]);
    const cand = snapshot([
      {
        ...provisional(scenario("hyp", "failed", [row(1, "Agent1", "Transferred")])),
        detail: "IRF1: result expected Completed, got Transferred",
      },
    ]);
    const diff = diffSnapshots(base, cand);
    const text = renderDiffText(diff);
    expect(text).to.match(/^Newly failing \(0\)$/m);
    expect(text).to.match(/^Provisional scenarios \(hypotheses: a change is never a regression\) \(1\)$/m);
    expect(text).to.match(/hyp\s+hyp \| name\s+matches hypothesis\s+differs from hypothesis/);
    expect(verdictLine(diff)).to.match(
      /^no regression: 0 newly failing, .*; 1 provisional scenario\(s\) changed/,
    );
    const html = renderDiffHtml(diff);
    const failing = html.slice(
      html.indexOf('id="newly-failing"'),
      html.indexOf("</section>", html.indexOf('id="newly-failing"')),
    );
    expect(failing).to.include("none").and.not.include("hyp");
    expect(html).to.match(/<section id="provisional" class="provisional">[\s\S]*hyp \| name/);
    expect(renderDiffMarkdown(diff)).to.match(/## Provisional scenarios .* \(1\)/);
  });

  test("a scenario newly failing with the same recorded IRFs says why: its verdict, and that the expectation changed", () => {
    const rows = [row(1, "Agent1", "Completed")];
    const diff = diffSnapshots(
      snapshot([scenario("f", "passed", rows)]),
      snapshot([
        { ...scenario("f", "failed", rows), detail: "IRF1: result expected Transferred, got Completed" },
      ]),
    );
    expect(diff.scenarios[0]?.irfChanges).to.deep.equal([]);
    const text = renderDiffText(diff);
    const failing = text.slice(text.indexOf("Newly failing"), text.indexOf("Newly passing"));
    expect(failing).to.include(
      "the expectation changed (the feature's expected table or the GIM configuration)",
    );
    expect(failing).to.include("IRF1: result expected Transferred, got Completed");
    expect(renderDiffHtml(diff)).to.include("IRF1: result expected Transferred, got Completed");
  });

  test("a removed IRF keeps its interaction; changed cells are highlighted, unchanged ones not", () => {
    const base = snapshot([
      scenario("r", "passed", [row(1, "Agent1", "Completed"), row(2, "Agent2", "Completed")]),
    ]);
    const cand = snapshot([{ ...scenario("r", "failed", []), detail: "IRF1 and IRF2 missing" }]);
    const diff = diffSnapshots(base, cand);
    expect(diff.scenarios[0]?.interaction).to.equal("i");
    expect(renderDiffText(diff)).to.match(/r\s+i\s+IRF2\s+removed\s+Agent2/);
    const changed = diffSnapshots(
      snapshot([scenario("c", "passed", [row(1, "Agent1", "Completed")])]),
      snapshot([scenario("c", "failed", [row(1, "Agent1", "Transferred")])]),
    );
    const html = renderDiffHtml(changed);
    expect(html).to.include('RoutedTo/<mark class="changed">Completed</mark>');
    expect(html).to.include('RoutedTo/<mark class="changed">Transferred</mark>');
    expect(html).not.to.include('<mark class="changed">Agent1</mark>');
    expect(renderDiffMarkdown(changed)).to.include("RoutedTo/**Transferred**");
    expect(renderDiffHtml(diff)).to.match(
      /<tr class="removed"><td>2<\/td><td>r<\/td><td>i<\/td><td>IRF2<\/td>/,
    );
  });
});
