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
const msf = {
  interaction: "i1",
  msf: 1,
  resource: "Chat_Inbound",
  role: "Received",
  result: "Diverted",
  reason: "Unspecified",
  roleReason: "Unspecified",
  start: "2026-03-02T09:00:00.000Z",
  end: "2026-03-02T09:00:05.000Z",
  durationMs: 5000,
  irf: 1,
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
    expect(bad("v3.json", { formatVersion: 3 })).to.match(/v3\.json: field "formatVersion": expected 1 or 2/);
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

describe("snapshot format version 2: MSFs and the GIM configuration", () => {
  const gimConfig = {
    "populate-mm-ixnqueue-facts": "false",
    "stop-ixn-queues": "Chat_Stop",
    "stop-abandoned-interaction": "noanswer",
  };

  test("each scenario carries its recorded MSFs (null when none were reported), the header the GIM configuration", async () => {
    const snapshot = buildSnapshot(
      [
        { ...result("a", "passed", [row]), msfs: [msf] },
        result("b", "passed", [row]),
        result("c", "not-run"),
      ],
      {
        sut: { kind: "postgres", name: "pg", details: {} },
        harnessVersion: "0",
        classifierVersion: "0",
        gimConfig,
      },
    );
    expect(snapshot.formatVersion).to.equal(2);
    const file = join(dir, "v2.json");
    await writeSnapshot(file, snapshot);
    const read = readSnapshot(file);
    expect(read).to.deep.equal(snapshot);
    expect(read.metadata.gimConfig).to.deep.equal(gimConfig);
    expect(read.scenarios.map((s) => s.msfs)).to.deep.equal([[msf], null, null]);
  });

  test("without a configuration the header has none", () => {
    const snapshot = buildSnapshot([], {
      sut: { kind: "reference", name: "r", details: {} },
      harnessVersion: "0",
      classifierVersion: "0",
    });
    expect(snapshot.metadata).not.to.have.property("gimConfig");
  });

  test("a version 1 file is still read, as version 2 with no MSFs", () => {
    const v1 = {
      formatVersion: 1,
      metadata: {
        sut: { kind: "reference", name: "ref" },
        harnessVersion: "0",
        classifierVersion: "0",
        createdAt: "2026-01-01T00:00:00Z",
      },
      scenarios: [
        {
          id: "a",
          name: "a",
          feature: "F",
          flow: 1,
          provisional: false,
          status: "passed",
          outcome: "passed",
          rows: [row],
        },
      ],
    };
    const file = join(dir, "v1.json");
    writeFileSync(file, JSON.stringify(v1));
    const read = readSnapshot(file);
    expect(read.formatVersion).to.equal(2);
    expect(read.scenarios[0]?.msfs).to.equal(null);
    expect(read.scenarios[0]?.rows).to.deep.equal([row]);
  });

  test("a version 2 scenario without msfs, or a malformed MSF, is bad input naming the field", () => {
    const snapshot = buildSnapshot([{ ...result("a", "passed", [row]), msfs: [msf] }], {
      sut: { kind: "reference", name: "r", details: {} },
      harnessVersion: "0",
      classifierVersion: "0",
    });
    const reject = (name: string, mutate: (s: { scenarios: Record<string, unknown>[] }) => void): string => {
      const copy = JSON.parse(JSON.stringify(snapshot));
      mutate(copy);
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(copy));
      expect(() => readSnapshot(file)).to.throw(InputError);
      try {
        readSnapshot(file);
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    };
    expect(reject("no-msfs.json", (s) => delete s.scenarios[0]?.msfs)).to.match(/msfs/);
    expect(
      reject("bad-msf.json", (s) => {
        (s.scenarios[0] as { msfs: { msf: unknown }[] }).msfs[0] = { ...msf, msf: "one" };
      }),
    ).to.match(/\/scenarios\/0\/msfs\/0\/msf/);
  });
});
