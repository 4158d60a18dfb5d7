/**
 * The diff's categories, pinned status pair by status pair: which moves are a regression, which a
 * fix, which only a change; and every IRF and MSF field the diff compares, one at a time.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import { diffMsfs, diffRows, diffSnapshots, type ScenarioChange } from "../../src/diff/snapshot-diff";
import type { IrfRow } from "../../src/domain/irf";
import type { MsfRow } from "../../src/domain/msf";
import type { Snapshot, SnapshotScenario, SnapshotStatus } from "../../src/snapshot/snapshot";

const row = (irf: number, over: Partial<IrfRow> = {}): IrfRow => ({
  interaction: "ixn-1",
  irf,
  resource: "Agent1",
  resourceType: "Agent",
  role: "RoutedTo",
  result: "Completed",
  reason: "Unspecified",
  roleReason: "Unspecified",
  start: "2026-01-01T00:00:00.000Z",
  end: "2026-01-01T00:01:00.000Z",
  alertingMs: 0,
  handlingMs: 0,
  mediationMs: 0,
  receivedFrom: null,
  ...over,
});

const msf = (n: number, over: Partial<MsfRow> = {}): MsfRow => ({
  interaction: "ixn-1",
  msf: n,
  resource: "Chat_Inbound",
  role: "Received",
  result: "Diverted",
  reason: "Unspecified",
  roleReason: "Unspecified",
  start: "2026-01-01T00:00:00.000Z",
  end: "2026-01-01T00:00:10.000Z",
  durationMs: 10_000,
  irf: 1,
  ...over,
});

const metadata = (name: string): Snapshot["metadata"] => ({
  sut: { kind: "reference", name },
  harnessVersion: "0",
  classifierVersion: "0",
  createdAt: "2026-01-01T00:00:00.000Z",
});

const snapshot = (name: string, scenarios: SnapshotScenario[]): Snapshot => ({
  formatVersion: 2,
  metadata: metadata(name),
  scenarios,
});

const OUTCOME = {
  passed: "passed",
  failed: "mismatch",
  broken: "harness-error",
  "not-run": "not-run",
} as const;

const scenario = (
  id: string,
  status: SnapshotStatus,
  over: Partial<SnapshotScenario> = {},
): SnapshotScenario => ({
  id,
  name: `${id} name`,
  feature: "F",
  flow: 1,
  provisional: false,
  status,
  outcome: OUTCOME[status],
  rows: status === "not-run" ? null : [row(1)],
  msfs: null,
  ...over,
});

const STATUSES: SnapshotStatus[] = ["passed", "failed", "broken", "not-run"];

/** The documented category of every status pair (snapshot-diff.ts, ScenarioChange). */
function expected(before: SnapshotStatus, after: SnapshotStatus): ScenarioChange {
  if (before === after) return "same";
  const failing = (s: SnapshotStatus) => s === "failed" || s === "broken";
  if (before === "passed" && failing(after)) return "newly-failing";
  if (failing(before) && after === "passed") return "newly-passing";
  return "status-changed";
}

describe("snapshot diff: a category for every status pair", () => {
  for (const before of STATUSES) {
    for (const after of STATUSES) {
      test(`${before} → ${after}: ${expected(before, after)}`, () => {
        const diff = diffSnapshots(
          snapshot("base", [scenario("s", before)]),
          snapshot("cand", [scenario("s", after)]),
        );
        const change = expected(before, after);
        expect(diff.scenarios.map((s) => [s.id, s.before, s.after, s.change])).to.deep.equal([
          ["s", before, after, change],
        ]);
        expect(diff.newlyFailing.map((s) => s.id)).to.deep.equal(change === "newly-failing" ? ["s"] : []);
        expect(diff.newlyPassing.map((s) => s.id)).to.deep.equal(change === "newly-passing" ? ["s"] : []);
        expect(diff.regressed).to.equal(change === "newly-failing");
      });
    }
  }

  test("failed → not run is not newly passing; not run → failed is not a regression", () => {
    const diff = diffSnapshots(
      snapshot("base", [scenario("gone", "failed"), scenario("new", "not-run")]),
      snapshot("cand", [scenario("gone", "not-run"), scenario("new", "failed")]),
    );
    expect(diff.newlyPassing).to.deep.equal([]);
    expect(diff.newlyFailing).to.deep.equal([]);
    expect(diff.regressed).to.equal(false);
    expect(diff.scenarios.map((s) => s.change)).to.deep.equal(["status-changed", "status-changed"]);
  });

  test("a scenario in the candidate only is added, in the baseline only removed; neither regresses", () => {
    for (const status of STATUSES) {
      const diff = diffSnapshots(
        snapshot("base", [scenario("old", status)]),
        snapshot("cand", [scenario("new", status)]),
      );
      expect(diff.scenarios.map((s) => [s.id, s.change, s.before, s.after])).to.deep.equal([
        ["old", "removed", status, undefined],
        ["new", "added", undefined, status],
      ]);
      expect(diff.regressed, status).to.equal(false);
      expect(diff.newlyFailing.length + diff.newlyPassing.length).to.equal(0);
    }
  });

  test("a provisional scenario newly failing is listed but does not regress; next to a verified one it does", () => {
    const provisional = { provisional: true };
    const alone = diffSnapshots(
      snapshot("b", [scenario("p", "passed", provisional)]),
      snapshot("c", [scenario("p", "failed", provisional)]),
    );
    expect(alone.newlyFailing.map((s) => [s.id, s.provisional])).to.deep.equal([["p", true]]);
    expect(alone.regressed).to.equal(false);
    const both = diffSnapshots(
      snapshot("b", [scenario("p", "passed", provisional), scenario("v", "passed")]),
      snapshot("c", [scenario("p", "failed", provisional), scenario("v", "broken")]),
    );
    expect(both.regressed).to.equal(true);
  });

  test("the scenario's name, flow and provisional mark come from the candidate when it has one", () => {
    const diff = diffSnapshots(
      snapshot("b", [scenario("s", "passed", { name: "old", flow: 1, provisional: true })]),
      snapshot("c", [scenario("s", "passed", { name: "new", flow: 2, provisional: false })]),
    );
    const [s] = diff.scenarios;
    expect([s?.name, s?.flow, s?.provisional]).to.deep.equal(["new", 2, false]);
    const removed = diffSnapshots(
      snapshot("b", [scenario("s", "passed", { name: "old" })]),
      snapshot("c", []),
    );
    expect(removed.scenarios[0]?.name).to.equal("old");
  });

  test("metadata of both sides is carried; scenarios ordered by flow, those without one last, ties kept", () => {
    const diff = diffSnapshots(
      snapshot("base", [
        scenario("none-1", "passed", { flow: null }),
        scenario("three", "passed", { flow: 3 }),
        scenario("one-a", "passed", { flow: 1 }),
        scenario("none-2", "passed", { flow: null }),
        scenario("one-b", "passed", { flow: 1 }),
      ]),
      snapshot("cand", []),
    );
    expect(diff.baseline.sut.name).to.equal("base");
    expect(diff.candidate.sut.name).to.equal("cand");
    expect(diff.scenarios.map((s) => s.id)).to.deep.equal(["one-a", "one-b", "three", "none-1", "none-2"]);
  });

  test("the interaction shown is the candidate's, else the baseline's, from its IRFs or else its MSFs", () => {
    const rowsOf = (interaction: string) => [row(1, { interaction })];
    const msfsOf = (interaction: string) => [msf(1, { interaction })];
    const one = (b: Partial<SnapshotScenario>, c: Partial<SnapshotScenario>) =>
      diffSnapshots(snapshot("b", [scenario("s", "passed", b)]), snapshot("c", [scenario("s", "passed", c)]))
        .scenarios[0]?.interaction;
    expect(one({ rows: rowsOf("b") }, { rows: rowsOf("c") })).to.equal("c");
    expect(one({ rows: rowsOf("b") }, { rows: null })).to.equal("b");
    expect(one({ rows: null, msfs: msfsOf("bm") }, { rows: null, msfs: msfsOf("cm") })).to.equal("cm");
    expect(one({ rows: null, msfs: msfsOf("bm") }, { rows: null, msfs: null })).to.equal("bm");
    expect(one({ rows: [] }, { rows: [], msfs: msfsOf("cm") })).to.equal("cm");
    expect(one({ rows: null }, { rows: null })).to.equal(undefined);
  });

  test("IRFs and MSFs are compared only when both sides have them", () => {
    const changed = { rows: [row(1, { result: "Transferred" })], msfs: [msf(1, { result: "Abandoned" })] };
    const base = { rows: [row(1)], msfs: [msf(1)] };
    const both = diffSnapshots(
      snapshot("b", [scenario("s", "passed", base)]),
      snapshot("c", [scenario("s", "failed", changed)]),
    ).scenarios[0];
    expect(both?.irfChanges.map((c) => c.kinds)).to.deep.equal([["descriptor"]]);
    expect(both?.msfChanges.map((c) => c.kinds)).to.deep.equal([["descriptor"]]);
    for (const [b, c] of [
      [{ rows: null, msfs: null }, changed],
      [changed, { rows: null, msfs: null }],
    ] as const) {
      const one = diffSnapshots(
        snapshot("b", [scenario("s", "passed", b)]),
        snapshot("c", [scenario("s", "failed", c)]),
      ).scenarios[0];
      expect(one?.irfChanges).to.deep.equal([]);
      expect(one?.msfChanges).to.deep.equal([]);
    }
  });
});

describe("snapshot diff: every compared IRF field", () => {
  test("a resource type changed alone is a resource change, with both cells", () => {
    const changes = diffRows([row(1, { resourceType: "Agent" })], [row(1, { resourceType: "Queue" })]);
    expect(changes).to.deep.equal([
      {
        irf: 1,
        kinds: ["resource"],
        before: {
          irf: 1,
          resource: "Agent1",
          resourceType: "Agent",
          role: "RoutedTo",
          result: "Completed",
          reason: "Unspecified",
          roleReason: "Unspecified",
        },
        after: {
          irf: 1,
          resource: "Agent1",
          resourceType: "Queue",
          role: "RoutedTo",
          result: "Completed",
          reason: "Unspecified",
          roleReason: "Unspecified",
        },
      },
    ]);
  });

  test("a row at another ordinal whose type changed is not taken for a move", () => {
    const changes = diffRows(
      [row(1, { resource: "X", resourceType: "Queue" }), row(2, { resource: "X", resourceType: "Agent" })],
      [row(1, { resource: "X", resourceType: "Agent" }), row(2, { resource: "X", resourceType: "Queue" })],
    );
    expect(changes.map((c) => [c.irf, c.kinds])).to.deep.equal([
      [1, ["order"]],
      [2, ["order"]],
    ]);
    // X at IRF 2 is a queue now, where an agent X was IRF 1: not the same row moved.
    const retyped = diffRows(
      [row(1, { resource: "X", resourceType: "Agent" }), row(2, { resource: "Y" })],
      [row(1, { resource: "Z" }), row(2, { resource: "X", resourceType: "Queue" })],
    );
    expect(retyped.map((c) => [c.irf, c.kinds])).to.deep.equal([
      [1, ["resource"]],
      [2, ["resource"]],
    ]);
  });

  for (const field of ["role", "result", "reason", "roleReason"] as const) {
    test(`${field} changed alone is a descriptor change`, () => {
      expect(diffRows([row(1)], [row(1, { [field]: "Other" })]).map((c) => c.kinds)).to.deep.equal([
        ["descriptor"],
      ]);
    });
  }

  test("resource and descriptor changed together: both kinds; identical rows: no change", () => {
    expect(
      diffRows([row(1)], [row(1, { resource: "Agent2", result: "Transferred" })])[0]?.kinds,
    ).to.deep.equal(["resource", "descriptor"]);
    expect(diffRows([row(1), row(2, { resource: "Q" })], [row(1), row(2, { resource: "Q" })])).to.deep.equal(
      [],
    );
    // Times and durations are not compared: an export and the reference never share them.
    expect(diffRows([row(1)], [row(1, { start: "2027-01-01T00:00:00.000Z", handlingMs: 5 })])).to.deep.equal(
      [],
    );
  });

  test("ordinals are listed in order, added and removed with the missing side undefined", () => {
    const changes = diffRows(
      [row(3), row(1, { resource: "A" })],
      [row(2, { resource: "B" }), row(1, { resource: "A" })],
    );
    expect(changes.map((c) => [c.irf, c.kinds, c.before?.irf, c.after?.irf])).to.deep.equal([
      [2, ["added"], undefined, 2],
      [3, ["removed"], 3, undefined],
    ]);
  });
});

describe("snapshot diff: every compared MSF field", () => {
  test("queue, descriptor and link each alone; together all three; identical: none", () => {
    expect(diffMsfs([msf(1)], [msf(1, { resource: "Other" })])[0]?.kinds).to.deep.equal(["resource"]);
    for (const field of ["role", "result", "reason", "roleReason"] as const) {
      expect(diffMsfs([msf(1)], [msf(1, { [field]: "Other" })])[0]?.kinds, field).to.deep.equal([
        "descriptor",
      ]);
    }
    expect(diffMsfs([msf(1)], [msf(1, { irf: 2 })])[0]?.kinds).to.deep.equal(["link"]);
    expect(diffMsfs([msf(1)], [msf(1, { irf: null })])[0]?.kinds).to.deep.equal(["link"]);
    expect(diffMsfs([msf(1)], [msf(1, { resource: "Q2", result: "X", irf: 3 })])[0]?.kinds).to.deep.equal([
      "resource",
      "descriptor",
      "link",
    ]);
    expect(diffMsfs([msf(1), msf(2)], [msf(1), msf(2)])).to.deep.equal([]);
    expect(diffMsfs([msf(1)], [msf(1, { durationMs: 1 })])).to.deep.equal([]);
  });

  test("added and removed MSFs, in ordinal order, with their cells", () => {
    const changes = diffMsfs([msf(3), msf(1)], [msf(2), msf(1)]);
    expect(changes.map((c) => [c.msf, c.kinds, c.before?.msf, c.after?.msf])).to.deep.equal([
      [2, ["added"], undefined, 2],
      [3, ["removed"], 3, undefined],
    ]);
    const [removed] = diffMsfs([msf(1, { roleReason: undefined as unknown as string })], []);
    expect(removed?.before).to.deep.equal({
      msf: 1,
      resource: "Chat_Inbound",
      role: "Received",
      result: "Diverted",
      reason: "Unspecified",
      roleReason: "Unspecified",
      irf: 1,
    });
  });
});
