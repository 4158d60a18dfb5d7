/**
 * GIM's MSF records to MsfRow: ordinals by START_TS then MEDIATION_SEGMENT_ID, descriptors by
 * code (names carried beside), the link to the IRF by TARGET_IXN_RESOURCE_ID, durations, and the
 * rejections that name the line.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import { InputError } from "../../src/errors";
import type { InteractionIrfs } from "../../src/sut/gim-irf-rows";
import type { GimMsfRecord, MsfExportColumn, SourcedMsfRecord } from "../../src/sut/gim-msf-columns";
import { msfRowsByGuid } from "../../src/sut/gim-msf-rows";

const BASE: GimMsfRecord = {
  MEDIATION_SEGMENT_ID: "500",
  INTERACTION_ID: "7",
  MEDIA_SERVER_IXN_GUID: "G1",
  MEDIA_NAME_CODE: "CHAT",
  RESOURCE_NAME: "Chat_Inbound",
  RESOURCE_TYPE: "File d'attente",
  RESOURCE_TYPE_CODE: "QUEUE",
  RESOURCE_ROLE: "Reçu",
  RESOURCE_ROLE_CODE: "RECEIVED",
  TECHNICAL_RESULT: "Détourné",
  TECHNICAL_RESULT_CODE: "DIVERTED",
  RESULT_REASON: null,
  RESULT_REASON_CODE: null,
  ROLE_REASON: null,
  ROLE_REASON_CODE: null,
  START_TS: "1772442000",
  END_TS: "1772442010",
  MEDIATION_DURATION: "8",
  TARGET_IXN_RESOURCE_ID: "101",
};

const IRFS: ReadonlyMap<string, InteractionIrfs> = new Map([
  [
    "G1",
    {
      rows: [],
      ordinalOf: new Map([
        [100n, 1],
        [101n, 2],
        [102n, 3],
      ]),
    },
  ],
]);

function rec(values: Partial<Record<MsfExportColumn, string | null>>, line = 2): SourcedMsfRecord {
  return { values: { ...BASE, ...values }, line };
}

function rejection(records: SourcedMsfRecord[]): InputError {
  try {
    msfRowsByGuid(records, "msf.csv", IRFS);
  } catch (error) {
    expect(error).to.be.instanceOf(InputError);
    return error as InputError;
  }
  throw new Error("accepted");
}

describe("GIM MSF records to MSF rows", () => {
  test("descriptor by code, names beside, the linked IRF's ordinal, times and MEDIATION_DURATION", () => {
    const [msf] = msfRowsByGuid([rec({})], "msf.csv", IRFS).get("G1") ?? [];
    expect(msf).to.deep.equal({
      interaction: "G1",
      msf: 1,
      resource: "Chat_Inbound",
      role: "Received",
      result: "Diverted",
      reason: "Unspecified",
      roleReason: "Unspecified",
      start: "2026-03-02T09:00:00.000Z",
      end: "2026-03-02T09:00:10.000Z",
      durationMs: 8000,
      irf: 2,
      recordedNames: { role: "Reçu", result: "Détourné", resourceType: "File d'attente" },
    });
  });

  test("ordinals by START_TS, then MEDIATION_SEGMENT_ID; a NULL link is null; no duration reads END_TS - START_TS", () => {
    const rows =
      msfRowsByGuid(
        [
          rec({ MEDIATION_SEGMENT_ID: "503", START_TS: "1772442100", TARGET_IXN_RESOURCE_ID: null }),
          rec({ MEDIATION_SEGMENT_ID: "502", MEDIATION_DURATION: null }),
          rec({ MEDIATION_SEGMENT_ID: "501", TARGET_IXN_RESOURCE_ID: "100" }),
        ],
        "msf.csv",
        IRFS,
      ).get("G1") ?? [];
    expect(rows.map((m) => [m.msf, m.irf, m.durationMs])).to.deep.equal([
      [1, 1, 8000],
      [2, 2, 10000],
      [3, null, 8000],
    ]);
  });

  test("a code outside the vocabulary is kept raw, never rejected", () => {
    const [msf] =
      msfRowsByGuid([rec({ TECHNICAL_RESULT_CODE: "DIVERTEDX" })], "msf.csv", IRFS).get("G1") ?? [];
    expect(msf?.result).to.equal("DIVERTEDX");
  });

  test("only the wanted interactions are mapped", () => {
    const byGuid = msfRowsByGuid(
      [rec({}), rec({ MEDIA_SERVER_IXN_GUID: "OTHER", RESOURCE_TYPE_CODE: "IVRPORT" })],
      "msf.csv",
      IRFS,
      new Set(["G1"]),
    );
    expect([...byGuid.keys()]).to.deep.equal(["G1"]);
  });

  test("a link to no IRF of the interaction is rejected naming the line (exports made at different times)", () => {
    const e = rejection([rec({ TARGET_IXN_RESOURCE_ID: "999" }, 6)]);
    expect([e.file, e.line, e.field]).to.deep.equal(["msf.csv", 6, "TARGET_IXN_RESOURCE_ID"]);
    expect(e.message).to.contain("999").and.contain("same time");
  });

  test("rejects the same MEDIATION_SEGMENT_ID twice, a missing role code, and a bad duration", () => {
    expect(rejection([rec({}, 2), rec({}, 3)]).field).to.equal("MEDIATION_SEGMENT_ID");
    expect(rejection([rec({ RESOURCE_ROLE_CODE: "" })]).field).to.equal("RESOURCE_ROLE_CODE");
    expect(rejection([rec({ MEDIATION_DURATION: "8.5" })]).field).to.equal("MEDIATION_DURATION");
  });
});
