/**
 * The one mapping from GIM's IRF records to IrfRow that both real back ends share: IRF ordinals,
 * resource types, reasons, times, and the rejections of values it cannot read.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import { Vocabulary } from "../../src/domain/vocabulary";
import { InputError } from "../../src/errors";
import type { ExportColumn, GimIrfRecord, SourcedRecord } from "../../src/sut/gim-irf-columns";
import { irfRowsByGuid } from "../../src/sut/gim-irf-rows";

const BASE: GimIrfRecord = {
  INTERACTION_ID: "7",
  MEDIA_SERVER_IXN_GUID: "G1",
  INTERACTION_RESOURCE_ID: "100",
  MEDIA_NAME_CODE: "CHAT",
  INTERACTION_TYPE: "Inbound",
  INTERACTION_TYPE_CODE: "INBOUND",
  RESOURCE_NAME: "Agent1",
  RESOURCE_TYPE: "Agent",
  RESOURCE_TYPE_CODE: "AGENT",
  RESOURCE_ROLE: "RoutedTo",
  RESOURCE_ROLE_CODE: "ROUTEDTO",
  TECHNICAL_RESULT: "Completed",
  TECHNICAL_RESULT_CODE: "COMPLETED",
  RESULT_REASON: "Unspecified",
  RESULT_REASON_CODE: "UNSPECIFIED",
  ROLE_REASON: "Unspecified",
  ROLE_REASON_CODE: "UNSPECIFIED",
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
    const [row] =
      irfRowsByGuid([rec({ RESULT_REASON: "Revoked", RESULT_REASON_CODE: "REVOKED" })], "x").get("G1") ?? [];
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

  test("resource type codes in any case; NONE and UNKNOWN are accepted as Other, the code kept as recorded", () => {
    const types = ["QUEUE", "routingpoint", "AGENT", "NONE", "Unknown"].map((code, i) => {
      const row = irfRowsByGuid([rec({ RESOURCE_TYPE_CODE: code, MEDIA_SERVER_IXN_GUID: `G${i}` })], "x").get(
        `G${i}`,
      )?.[0];
      return `${row?.resourceType} ${row?.resourceTypeCode}`;
    });
    expect(types).to.deep.equal([
      "Queue QUEUE",
      "Strategy routingpoint",
      "Agent AGENT",
      "Other NONE",
      "Other Unknown",
    ]);
  });

  test("spellings no source shows are rejected, not guessed", () => {
    for (const code of ["ROUTING_POINT", "INTERACTION_QUEUE", "STRATEGY"]) {
      expect(rejection([rec({ RESOURCE_TYPE_CODE: code })]).field, code).to.equal("RESOURCE_TYPE_CODE");
    }
  });

  test("an empty RESULT_REASON_CODE or ROLE_REASON_CODE is Unspecified, as GIM means NULL", () => {
    const [row] =
      irfRowsByGuid([rec({ RESULT_REASON_CODE: null, ROLE_REASON_CODE: "" })], "x").get("G1") ?? [];
    expect(row).to.include({ reason: "Unspecified", roleReason: "Unspecified" });
  });

  test("descriptors are read by code: translated names are carried beside, never read", () => {
    const [row] =
      irfRowsByGuid(
        [
          rec({
            RESOURCE_ROLE: "Rôle RoutedTo",
            TECHNICAL_RESULT: "Terminé",
            RESULT_REASON: "Révoqué",
            RESULT_REASON_CODE: "REVOKED",
            RESOURCE_TYPE: "Agent (fr)",
          }),
        ],
        "x",
      ).get("G1") ?? [];
    expect(row).to.include({
      role: "RoutedTo",
      result: "Completed",
      reason: "Revoked",
      interactionTypeCode: "INBOUND",
    });
    expect(row?.recordedNames).to.deep.equal({
      role: "Rôle RoutedTo",
      result: "Terminé",
      reason: "Révoqué",
      roleReason: "Unspecified",
      resourceType: "Agent (fr)",
    });
  });

  test("an export without names still maps (the names are optional), with no recorded names", () => {
    const [row] =
      irfRowsByGuid(
        [
          rec({
            RESOURCE_ROLE: null,
            TECHNICAL_RESULT: null,
            RESULT_REASON: null,
            ROLE_REASON: null,
            RESOURCE_TYPE: null,
          }),
        ],
        "x",
      ).get("G1") ?? [];
    expect(row).to.include({ role: "RoutedTo", result: "Completed" });
    expect(row?.recordedNames).to.equal(undefined);
  });

  test("a code outside the vocabulary is kept as the raw code, never rejected", () => {
    const [row] =
      irfRowsByGuid([rec({ RESOURCE_ROLE_CODE: "ROUTEDTOX", TECHNICAL_RESULT_CODE: "stopped " })], "x").get(
        "G1",
      ) ?? [];
    expect(row).to.include({ role: "ROUTEDTOX", result: "stopped", reason: "Unspecified" });
  });

  test("the vocabulary in force (vocabulary.json extensions) names extra codes", () => {
    const vocabulary = Vocabulary.standard().extend({
      result: ["Stopped"],
      roleReason: ["ConferenceInitiator"],
    });
    const [row] =
      irfRowsByGuid(
        [rec({ TECHNICAL_RESULT_CODE: "STOPPED", ROLE_REASON_CODE: "CONFERENCEINITIATOR" })],
        "x",
        undefined,
        vocabulary,
      ).get("G1") ?? [];
    expect(row).to.include({ result: "Stopped", roleReason: "ConferenceInitiator" });
  });

  test("an interaction that is not a chat (MEDIA_NAME_CODE) is rejected naming the line", () => {
    const e = rejection([rec({ MEDIA_NAME_CODE: "VOICE" }, 5)]);
    expect([e.line, e.field]).to.deep.equal([5, "MEDIA_NAME_CODE"]);
    expect(e.message).to.contain("not CHAT");
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

  test("rejects an empty role or result code", () => {
    expect(rejection([rec({ RESOURCE_ROLE_CODE: null })]).field).to.equal("RESOURCE_ROLE_CODE");
    expect(rejection([rec({ TECHNICAL_RESULT_CODE: " " })]).field).to.equal("TECHNICAL_RESULT_CODE");
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
