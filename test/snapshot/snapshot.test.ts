/** Snapshots: what buildSnapshot keeps of a run, and readSnapshot rejecting what is not one. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { InputError } from "../../src/errors";
import type { ScenarioResult } from "../../src/run/scenario-result";
import { buildSnapshot, readSnapshot, writeSnapshot } from "../../src/snapshot/snapshot";

const dir = mkdtempSync(join(tmpdir(), "gim-snapshot-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const row = {
  interaction: "i1",
  irf: 1,
  resource: "Agent1",
  resourceType: "Agent" as const,
  role: "RoutedTo",
  result: "Completed",
  reason: "Unspecified",
  roleReason: "Unspecified",
  start: "2026-03-02T09:00:05.000Z",
  end: "2026-03-02T09:04:50.000Z",
  alertingMs: 0,
  handlingMs: 0,
  mediationMs: 0,
  receivedFrom: null,
};
const result = (id: string, outcome: ScenarioResult["outcome"], rows?: (typeof row)[]): ScenarioResult => ({
  id,
  name: id,
  uri: "f.feature",
  line: 3,
  feature: "A flow",
  flow: 3,
  evidence: "verified",
  outcome,
  detail: outcome === "mismatch" ? "AssertionError: differs\n\ntable" : undefined,
  ...(rows === undefined ? {} : { rows }),
});

describe("snapshots", () => {
  test("round-trip: id, flow, status, first line of the detail, the rows and the metadata", async () => {
    const snapshot = buildSnapshot(
      [result("a", "passed", [row]), result("b", "mismatch", [row]), result("c", "not-run")],
      {
        sut: { kind: "export", name: "export x.csv", gimVersion: "8.5.116", details: {} },
        harnessVersion: "0.1.0",
        classifierVersion: "1.0.0",
        now: new Date("2026-11-26T10:00:00Z"),
      },
    );
    const file = join(dir, "s.json");
    await writeSnapshot(file, snapshot);
    const read = readSnapshot(file);
    expect(read).to.deep.equal(snapshot);
    expect(read.metadata.sut.gimVersion).to.equal("8.5.116");
    expect(read.scenarios.map((s) => [s.id, s.status, s.rows?.length ?? null])).to.deep.equal([
      ["a", "passed", 1],
      ["b", "failed", 1],
      ["c", "not-run", null],
    ]);
    expect(read.scenarios[1]?.detail).to.equal("AssertionError: differs");
  });

  test("a file of another format version, or breaking the schema, is bad input naming the field", () => {
    const bad = (name: string, value: unknown) => {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(value));
      try {
        readSnapshot(file);
      } catch (error) {
        expect(error).to.be.instanceOf(InputError);
        return (error as Error).message;
      }
      throw new Error("accepted");
    };
    expect(bad("v2.json", { formatVersion: 2 })).to.match(/v2\.json: field "formatVersion": expected 1/);
    const snapshot = buildSnapshot([result("a", "passed", [row])], {
      sut: { kind: "reference", name: "ref", details: {} },
      harnessVersion: "0",
      classifierVersion: "0",
    });
    const broken = JSON.parse(JSON.stringify(snapshot));
    broken.scenarios[0].status = "green";
    expect(bad("status.json", broken)).to.match(/field "\/scenarios\/0\/status"/);
    expect(() => readSnapshot(join(dir, "none.json"))).to.throw(InputError, /no such file/);
  });
});
