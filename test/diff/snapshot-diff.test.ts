/** The diff of two snapshots: status changes and each IRF's descriptor, resource or order change. */
import { describe, test } from "node:test";
import { expect } from "chai";
import { diffRows, diffSnapshots } from "../../src/diff/snapshot-diff";
import { renderDiffHtml, renderDiffMarkdown } from "../../src/diff/snapshot-diff-render";
import type { IrfRow } from "../../src/domain/irf";
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
  formatVersion: 1,
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
): SnapshotScenario => ({
  id,
  name: `${id} | name`,
  feature: "F",
  flow: 2,
  provisional: false,
  status,
  outcome: status === "passed" ? "passed" : status === "failed" ? "mismatch" : "not-run",
  rows,
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
