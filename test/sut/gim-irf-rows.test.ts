/**
 * The one mapping from GIM's IRF records to IrfRow that both real back ends share: IRF ordinals,
 * resource types, reasons, times, and the rejections of values it cannot read.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import { InputError } from "../../src/errors";
import type { ExportColumn, GimIrfRecord, SourcedRecord } from "../../src/sut/gim-irf-columns";
import { irfRowsByGuid } from "../../src/sut/gim-irf-rows";

const BASE: GimIrfRecord = {
  INTERACTION_ID: "7",
  MEDIA_SERVER_IXN_GUID: "G1",
  INTERACTION_RESOURCE_ID: "100",
  RESOURCE_NAME: "Agent1",
  RESOURCE_TYPE_CODE: "AGENT",
  RESOURCE_ROLE: "RoutedTo",
  TECHNICAL_RESULT: "Completed",
  RESULT_REASON: "Unspecified",
  ROLE_REASON: "Unspecified",
  START_TS: "1772442005",
  END_TS: "1772442280",
};

function rec(values: Partial<Record<ExportColumn, string | null>>, line = 2): SourcedRecord {
  return { values: { ...BASE, ...values }, line };
}

function rejection(records: SourcedRecord[]): InputError {
  try {
    irfRowsByGuid(records, "irf.csv");
  } catch (error) {
    expect(error).to.be.instanceOf(InputError);
    return error as InputError;
  }
  throw new Error("accepted");
}

describe("GIM IRF records to IRF rows", () => {
  test("ordinals follow START_TS, then INTERACTION_RESOURCE_ID for attempts started in the same second", () => {
    const rows = irfRowsByGuid(
      [
        rec({ INTERACTION_RESOURCE_ID: "103", RESOURCE_NAME: "Agent3", START_TS: "1772442100" }),
        rec({ INTERACTION_RESOURCE_ID: "102", RESOURCE_NAME: "Agent2", START_TS: "1772442010" }),
        rec({ INTERACTION_RESOURCE_ID: "101", RESOURCE_NAME: "Agent1", START_TS: "1772442010" }),
      ],
      "irf.csv",
    ).get("G1");
    expect(rows?.map((r) => `${r.irf} ${r.resource}`)).to.deep.equal(["1 Agent1", "2 Agent2", "3 Agent3"]);
  });

  test("interactions are numbered separately", () => {
    const byGuid = irfRowsByGuid(
      [
        rec({ MEDIA_SERVER_IXN_GUID: "G2", INTERACTION_RESOURCE_ID: "1" }),
        rec({ INTERACTION_RESOURCE_ID: "2" }),
      ],
      "irf.csv",
    );
    expect([...byGuid.keys()]).to.deep.equal(["G2", "G1"]);
    expect(byGuid.get("G2")?.[0]?.irf).to.equal(1);
    expect(byGuid.get("G1")?.[0]?.irf).to.equal(1);
  });

  test("only the wanted interactions are mapped, so an odd row elsewhere in the export cannot fail the run", () => {
    const byGuid = irfRowsByGuid(
      [rec({}), rec({ MEDIA_SERVER_IXN_GUID: "OTHER", RESOURCE_TYPE_CODE: "IVRPORT" })],
      "irf.csv",
      new Set(["G1"]),
    );
    expect([...byGuid.keys()]).to.deep.equal(["G1"]);
  });

  test("the descriptor, resource type and times are GIM's, seconds turned into RFC 3339", () => {
    const [row] = irfRowsByGuid([rec({ RESULT_REASON: "Revoked" })], "x").get("G1") ?? [];
    expect(row).to.include({
      interaction: "G1",
      resource: "Agent1",
      resourceType: "Agent",
      role: "RoutedTo",
      result: "Completed",
      reason: "Revoked",
      roleReason: "Unspecified",
      start: "2026-03-02T09:00:05.000Z",
      end: "2026-03-02T09:04:40.000Z",
      receivedFrom: null,
    });
  });

  test("resource type codes: queues and routing points/strategies in either spelling, any case", () => {
    const types = ["QUEUE", "Interaction_Queue", "ROUTINGPOINT", "routing_point", "STRATEGY"].map(
      (code, i) =>
        irfRowsByGuid([rec({ RESOURCE_TYPE_CODE: code, MEDIA_SERVER_IXN_GUID: `G${i}` })], "x").get(
          `G${i}`,
        )?.[0]?.resourceType,
    );
    expect(types).to.deep.equal(["Queue", "Queue", "Strategy", "Strategy", "Strategy"]);
  });

  test("an empty RESULT_REASON or ROLE_REASON is Unspecified, as GIM means NULL", () => {
    const [row] = irfRowsByGuid([rec({ RESULT_REASON: null, ROLE_REASON: "" })], "x").get("G1") ?? [];
    expect(row).to.include({ reason: "Unspecified", roleReason: "Unspecified" });
  });

  test("ISO timestamps are accepted; one without a zone is UTC, never local time", () => {
    const [row] =
      irfRowsByGuid([rec({ START_TS: "2026-03-02 09:00:05", END_TS: "2026-03-02T10:04:40+01:00" })], "x").get(
        "G1",
      ) ?? [];
    expect(row).to.include({ start: "2026-03-02T09:00:05.000Z", end: "2026-03-02T09:04:40.000Z" });
  });

  test("an attempt GIM has not closed yet has no end", () => {
    expect(irfRowsByGuid([rec({ END_TS: null })], "x").get("G1")?.[0]?.end).to.equal("");
  });

  test("rejects an unknown RESOURCE_TYPE_CODE, naming the line and the codes it knows", () => {
    const e = rejection([rec({ RESOURCE_TYPE_CODE: "IVRPORT" }, 9)]);
    expect([e.file, e.line, e.field]).to.deep.equal(["irf.csv", 9, "RESOURCE_TYPE_CODE"]);
    expect(e.message).to.contain("IVRPORT").and.contain("AGENT");
  });

  test("rejects an empty role or result, and a name that is not one", () => {
    expect(rejection([rec({ RESOURCE_ROLE: null })]).field).to.equal("RESOURCE_ROLE");
    expect(rejection([rec({ TECHNICAL_RESULT: "Com pleted" })]).field).to.equal("TECHNICAL_RESULT");
  });

  test("rejects a timestamp it cannot read", () => {
    const e = rejection([rec({ START_TS: "yesterday" }, 4)]);
    expect([e.line, e.field]).to.deep.equal([4, "START_TS"]);
  });

  test("rejects the same INTERACTION_RESOURCE_ID twice in one interaction (an export concatenated twice)", () => {
    const e = rejection([rec({}, 2), rec({}, 3)]);
    expect(e.field).to.equal("INTERACTION_RESOURCE_ID");
    expect(e.message).to.contain("appears twice");
  });
});
