/**
 * GIM fact records to rows, the rules the other tests leave loose: the exact rejections (row kind,
 * unknown RESOURCE_TYPE_CODE, bad duration, a link when the interaction has no IRF), open facts
 * (no END_TS), rows without recorded names, fact order and the duplicate's line, the MSF export's
 * required columns, and what describe() says when no MSF export was given.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { readExport } from "../../src/sut/export-file";
import { ExportSut } from "../../src/sut/export-sut";
import { factsInOrder } from "../../src/sut/facts-in-order";
import type { ExportColumn, GimIrfRecord, SourcedRecord } from "../../src/sut/gim-irf-columns";
import { EXPORT_COLUMNS } from "../../src/sut/gim-irf-columns";
import { irfRowsByGuid } from "../../src/sut/gim-irf-rows";
import {
  type GimMsfRecord,
  MSF_EXPORT,
  MSF_EXPORT_COLUMNS,
  type MsfExportColumn,
  type SourcedMsfRecord,
} from "../../src/sut/gim-msf-columns";
import { msfRowsByGuid } from "../../src/sut/gim-msf-rows";
import { rejection } from "../support/rejection";

const dir = mkdtempSync(path.join(os.tmpdir(), "gim-fact-rows-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const IRF: GimIrfRecord = {
  INTERACTION_ID: "7",
  MEDIA_SERVER_IXN_GUID: "G1",
  INTERACTION_RESOURCE_ID: "100",
  MEDIA_NAME_CODE: "CHAT",
  INTERACTION_TYPE: null,
  INTERACTION_TYPE_CODE: "INBOUND",
  RESOURCE_NAME: "Agent1",
  RESOURCE_TYPE: null,
  RESOURCE_TYPE_CODE: "AGENT",
  RESOURCE_ROLE: null,
  RESOURCE_ROLE_CODE: "ROUTEDTO",
  TECHNICAL_RESULT: null,
  TECHNICAL_RESULT_CODE: "COMPLETED",
  RESULT_REASON: null,
  RESULT_REASON_CODE: null,
  ROLE_REASON: null,
  ROLE_REASON_CODE: null,
  START_TS: "1772442005",
  END_TS: "1772442280",
};

const MSF: GimMsfRecord = {
  MEDIATION_SEGMENT_ID: "500",
  INTERACTION_ID: "7",
  MEDIA_SERVER_IXN_GUID: "G1",
  MEDIA_NAME_CODE: "CHAT",
  RESOURCE_NAME: "Chat_Inbound",
  RESOURCE_TYPE: null,
  RESOURCE_TYPE_CODE: "QUEUE",
  RESOURCE_ROLE: null,
  RESOURCE_ROLE_CODE: "RECEIVED",
  TECHNICAL_RESULT: null,
  TECHNICAL_RESULT_CODE: "DIVERTED",
  RESULT_REASON: null,
  RESULT_REASON_CODE: null,
  ROLE_REASON: null,
  ROLE_REASON_CODE: null,
  START_TS: "1772442000",
  END_TS: "1772442010",
  MEDIATION_DURATION: "8",
  TARGET_IXN_RESOURCE_ID: null,
};

const irf = (values: Partial<Record<ExportColumn, string | null>>, line = 2): SourcedRecord => ({
  values: { ...IRF, ...values },
  line,
});
const msf = (values: Partial<Record<MsfExportColumn, string | null>>, line = 2): SourcedMsfRecord => ({
  values: { ...MSF, ...values },
  line,
});

describe("IRF rows: the rules", () => {
  test("an open IRF without recorded names: end empty, no recordedNames key at all", () => {
    expect(irfRowsByGuid([irf({ END_TS: null })], "irf.csv").get("G1")).to.deep.equal([
      {
        interaction: "G1",
        irf: 1,
        resource: "Agent1",
        resourceType: "Agent",
        role: "RoutedTo",
        result: "Completed",
        reason: "Unspecified",
        roleReason: "Unspecified",
        start: "2026-03-02T09:00:05.000Z",
        end: "",
        alertingMs: 0,
        handlingMs: 0,
        mediationMs: 0,
        receivedFrom: null,
        resourceTypeCode: "AGENT",
        interactionTypeCode: "INBOUND",
      },
    ]);
  });

  test("an empty required field names the IRF row", () => {
    expect(rejection(() => irfRowsByGuid([irf({ RESOURCE_NAME: " " }, 4)], "irf.csv")).message).to.equal(
      'irf.csv:4: field "RESOURCE_NAME": is empty; every IRF row needs it',
    );
  });

  test("an unknown RESOURCE_TYPE_CODE lists the known codes", () => {
    expect(
      rejection(() => irfRowsByGuid([irf({ RESOURCE_TYPE_CODE: "DN" }, 3)], "irf.csv")).message,
    ).to.equal(
      'irf.csv:3: field "RESOURCE_TYPE_CODE": unknown code "DN" for interaction G1; known: AGENT, QUEUE, ROUTINGPOINT, NONE, UNKNOWN',
    );
  });

  test("same start: ordered by INTERACTION_RESOURCE_ID, numerically", () => {
    const rows =
      irfRowsByGuid(
        [
          irf({ INTERACTION_RESOURCE_ID: "30", RESOURCE_NAME: "c" }),
          irf({ INTERACTION_RESOURCE_ID: "9", RESOURCE_NAME: "a" }),
          irf({ INTERACTION_RESOURCE_ID: "10", RESOURCE_NAME: "b" }),
        ],
        "irf.csv",
      ).get("G1") ?? [];
    expect(rows.map((r) => [r.irf, r.resource])).to.deep.equal([
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ]);
  });
});

describe("MSF rows: the rules", () => {
  test("an open MSF without a duration: end empty, duration 0, no recordedNames key", () => {
    expect(
      msfRowsByGuid([msf({ END_TS: "", MEDIATION_DURATION: null })], "msf.csv", new Map()).get("G1"),
    ).to.deep.equal([
      {
        interaction: "G1",
        msf: 1,
        resource: "Chat_Inbound",
        role: "Received",
        result: "Diverted",
        reason: "Unspecified",
        roleReason: "Unspecified",
        start: "2026-03-02T09:00:00.000Z",
        end: "",
        durationMs: 0,
        irf: null,
      },
    ]);
  });

  test("an open MSF keeps its recorded MEDIATION_DURATION", () => {
    const [row] = msfRowsByGuid([msf({ END_TS: null })], "msf.csv", new Map()).get("G1") ?? [];
    expect([row?.end, row?.durationMs]).to.deep.equal(["", 8000]);
  });

  test("the exact rejections: empty field, bad duration, a link when the interaction has no IRF at all", () => {
    expect(
      rejection(() => msfRowsByGuid([msf({ RESOURCE_NAME: "" }, 5)], "msf.csv", new Map())).message,
    ).to.equal('msf.csv:5: field "RESOURCE_NAME": is empty; every MSF row needs it');
    expect(
      rejection(() => msfRowsByGuid([msf({ MEDIATION_DURATION: "8.5" }, 5)], "msf.csv", new Map())).message,
    ).to.equal('msf.csv:5: field "MEDIATION_DURATION": "8.5" is not a whole number of seconds');
    expect(
      rejection(() => msfRowsByGuid([msf({ TARGET_IXN_RESOURCE_ID: "100" }, 5)], "msf.csv", new Map()))
        .message,
    ).to.equal(
      'msf.csv:5: field "TARGET_IXN_RESOURCE_ID": 100 is no IRF of interaction G1 (INTERACTION_RESOURCE_ID); were the IRF and MSF exports made at the same time?',
    );
  });
});

describe("facts in order", () => {
  type Fact = { guid: string; startMs: number; key: bigint; line: number };
  const order = (facts: Fact[]) =>
    factsInOrder(
      facts,
      (f) => f.guid,
      (f) => f,
      "KEY",
      "x.csv",
    );

  test("by start, then by key, per interaction", () => {
    const byGuid = order([
      { guid: "A", startMs: 5, key: 3n, line: 2 },
      { guid: "A", startMs: 5, key: 1n, line: 3 },
      { guid: "B", startMs: 9, key: 7n, line: 4 },
      { guid: "A", startMs: 1, key: 9n, line: 5 },
      { guid: "A", startMs: 5, key: 2n, line: 6 },
    ]);
    expect([...byGuid].map(([g, list]) => [g, list.map((f) => f.line)])).to.deep.equal([
      ["A", [5, 3, 6, 2]],
      ["B", [4]],
    ]);
  });

  test("the same key twice is refused on the later line, however the facts are spread", () => {
    const e = rejection(() =>
      order([
        { guid: "A", startMs: 5, key: 1n, line: 2 },
        { guid: "A", startMs: 5, key: 2n, line: 3 },
        { guid: "A", startMs: 5, key: 1n, line: 4 },
      ]),
    );
    expect(e.message).to.equal(
      'x.csv:4: field "KEY": 1 appears twice for interaction A; was the export concatenated twice?',
    );
  });
});

describe("the MSF export's columns", () => {
  const required =
    "MEDIATION_SEGMENT_ID, INTERACTION_ID, MEDIA_SERVER_IXN_GUID, MEDIA_NAME_CODE, RESOURCE_NAME, RESOURCE_TYPE_CODE, RESOURCE_ROLE_CODE, TECHNICAL_RESULT_CODE, RESULT_REASON_CODE, ROLE_REASON_CODE, START_TS, END_TS, MEDIATION_DURATION, TARGET_IXN_RESOURCE_ID";

  test("the codes are required, the names beside them are not", async () => {
    expect(MSF_EXPORT.required.join(", ")).to.equal(required);
    const codesOnly = MSF_EXPORT_COLUMNS.filter(
      (c) => !c.endsWith("_TYPE") && !/_(ROLE|RESULT|REASON)$/.test(c),
    );
    const file = write("codes-only.csv", `${codesOnly.join(",")}\n${codesOnly.map(() => "1").join(",")}\n`);
    const read = await readExport(MSF_EXPORT, file);
    expect(read.rowCount).to.equal(1);
  });

  test("a missing column: the MSF export's message and query", async () => {
    const file = write("no-start.csv", `${MSF_EXPORT_COLUMNS.filter((c) => c !== "START_TS").join(",")}\n`);
    try {
      await readExport(MSF_EXPORT, file);
      expect.fail("accepted");
    } catch (error) {
      expect((error as Error).message).to.equal(
        `${file}:1: field "START_TS": required column is missing; an MSF export needs ${required} (sql/msf-descriptors.sql selects them)`,
      );
    }
  });
});

describe("export back end: describe", () => {
  test("without an MSF export it says MSFs are not checked", async () => {
    const csv = write("irf.csv", `${EXPORT_COLUMNS.join(",")}\n`);
    const manifest = write("lab.yaml", 'version: 1\nscenarios:\n  chat-a: { guid: "" }\n');
    const description = await new ExportSut(csv, manifest).describe();
    expect(description.details.msfExport).to.equal("none (MSFs not checked)");
    expect(description.name).to.equal(`IRF export ${csv} (CSV, 0 rows)`);
  });
});
