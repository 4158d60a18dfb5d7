/**
 * The export back end on files: CSV and JSON Lines in GIM's column names (any case, extra columns
 * ignored, format by extension or content), the answers it gives per scenario, and exit-2
 * rejections naming the file, line and column.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { InputError } from "../../src/errors";
import { readExportFile } from "../../src/sut/export-file";
import { ExportSut } from "../../src/sut/export-sut";
import type { ScenarioRef } from "../../src/sut/system-under-test";

const dir = mkdtempSync(join(tmpdir(), "gim-export-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const HEADER =
  "interaction_id,media_server_ixn_guid,interaction_resource_id,media_name_code,interaction_type,interaction_type_code," +
  "resource_name,resource_type,resource_type_code,resource_role,resource_role_code,technical_result,technical_result_code," +
  "result_reason,result_reason_code,role_reason,role_reason_code,start_ts,end_ts";

/** A CSV line with codes AND names, as sql/irf-descriptors.sql exports them; names are the codes' French renderings. */
function line(
  id: string,
  guid: string,
  resourceId: string,
  resource: string,
  type: string,
  [role, result, reason, roleReason]: string[],
  start: number,
  end: number,
): string {
  const named = (code: string | undefined) =>
    code === undefined || code === "" ? ["", ""] : [`« ${code} »`, code];
  return [
    id,
    guid,
    resourceId,
    "CHAT",
    "Entrant",
    "INBOUND",
    resource,
    `Type ${type}`,
    type,
    ...named(role),
    ...named(result),
    ...named(reason),
    ...named(roleReason),
    start,
    end,
  ].join(",");
}

const TRANSFER = [
  line(
    "3",
    "G-TRANSFER",
    "4",
    "Agent2",
    "AGENT",
    ["RECEIVEDTRANSFER", "COMPLETED", "UNSPECIFIED", "UNSPECIFIED"],
    1772442072,
    1772442193,
  ),
  line(
    "3",
    "G-TRANSFER",
    "3",
    "Agent1",
    "AGENT",
    ["ROUTEDTO", "TRANSFERRED", "UNSPECIFIED", "UNSPECIFIED"],
    1772442005,
    1772442073,
  ),
];
const QUEUED = line(
  "1",
  "G-QUEUED",
  "1",
  "Chat_Inbound",
  "QUEUE",
  ["RECEIVED", "CUSTOMERABANDONED", "ABANDONEDWHILEQUEUED", ""],
  1772442000,
  1772442060,
);

const MANIFEST = file(
  "manifest.yaml",
  `version: 1
scenarios:
  chat-transfer-accepted: { guid: G-TRANSFER }
  chat-abandoned-in-queue: { guid: G-QUEUED }
  chat-invitation-revoked: { guid: G-NOT-IN-EXPORT }
  chat-transfer-revoked: { guid: "" }
`,
);

const ref = (id: string): ScenarioRef => ({ id, name: id, interaction: id, events: [] });

async function descriptors(sut: ExportSut, id: string): Promise<string[] | string> {
  const answer = await sut.irfsFor(ref(id));
  if (answer.kind === "not-run") return answer.reason;
  return answer.rows.map((r) => `${r.irf} ${r.resource} ${r.role}/${r.result} [${r.reason}]`);
}

async function rejection(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(InputError);
    return error as InputError;
  }
  throw new Error("accepted");
}

describe("export back end: CSV", () => {
  const csv = file("irf.csv", [HEADER, ...TRANSFER, QUEUED].join("\n"));

  test("answers each scenario with its interaction's rows in IRF order", async () => {
    const sut = new ExportSut(csv, MANIFEST);
    expect(await descriptors(sut, "chat-transfer-accepted")).to.deep.equal([
      "1 Agent1 RoutedTo/Transferred [Unspecified]",
      "2 Agent2 ReceivedTransfer/Completed [Unspecified]",
    ]);
    expect(await descriptors(sut, "chat-abandoned-in-queue")).to.deep.equal([
      "1 Chat_Inbound Received/CustomerAbandoned [AbandonedWhileQueued]",
    ]);
  });

  test("an interaction missing from the export answers no rows (reported as missing IRFs)", async () => {
    expect(await descriptors(new ExportSut(csv, MANIFEST), "chat-invitation-revoked")).to.deep.equal([]);
  });

  test("scenarios without a manifest entry or guid are not run, with the reason", async () => {
    const sut = new ExportSut(csv, MANIFEST);
    expect(await descriptors(sut, "chat-conference-accepted")).to.equal(
      `no manifest entry for @id:chat-conference-accepted in ${MANIFEST}`,
    );
    expect(await descriptors(sut, "chat-transfer-revoked")).to.contain("has no guid yet");
  });

  test("describe names the file, its format and row count", async () => {
    const description = await new ExportSut(csv, MANIFEST).describe();
    expect(description.kind).to.equal("export");
    expect(description.name).to.equal(`IRF export ${csv} (CSV, 3 rows)`);
  });

  test("upper-case headers, extra columns and quoted fields are fine", async () => {
    const wide = file("wide.csv", [`EXTRA,${HEADER.toUpperCase()}`, `"x, y",${TRANSFER[1]}`].join("\r\n"));
    const { records } = await readExportFile(wide);
    expect(records[0]?.values.RESOURCE_NAME).to.equal("Agent1");
    expect(records[0]?.line).to.equal(2);
  });

  test("sqlcmd's dashed rule and row-count trailer are skipped", async () => {
    const rule = HEADER.split(",")
      .map(() => "-----")
      .join(",");
    const sqlcmd = file("sqlcmd.csv", [HEADER, rule, TRANSFER[0], "", "(1 rows affected)"].join("\n"));
    expect((await readExportFile(sqlcmd)).rowCount).to.equal(1);
  });

  test("a missing column is rejected naming the file, the header line and the column", async () => {
    const drop = HEADER.split(",").indexOf("start_ts");
    const cut = (l: string) =>
      l
        .split(",")
        .filter((_, i) => i !== drop)
        .join(",");
    const noStart = file("no-start.csv", [cut(HEADER), cut(TRANSFER[0] ?? "")].join("\n"));
    const e = await rejection(new ExportSut(noStart, MANIFEST).describe());
    expect([e.file, e.line, e.field]).to.deep.equal([noStart, 1, "START_TS"]);
    expect(e.message)
      .to.contain("required column is missing")
      .and.contain("sql/irf-descriptors.sql selects them");
  });

  test("an old names-only export is rejected in one line naming the missing code column and how to re-export", async () => {
    const old = file(
      "names-only.csv",
      [
        "interaction_id,media_server_ixn_guid,interaction_resource_id,resource_name,resource_type_code,resource_role,technical_result,result_reason,role_reason,start_ts,end_ts",
        "3,G-TRANSFER,3,Agent1,AGENT,RoutedTo,Transferred,Unspecified,Unspecified,1772442005,1772442073",
      ].join("\n"),
    );
    const e = await rejection(new ExportSut(old, MANIFEST).describe());
    expect([e.file, e.line, e.field]).to.deep.equal([old, 1, "MEDIA_NAME_CODE"]);
    expect(e.message)
      .to.contain("RESOURCE_ROLE_CODE")
      .and.contain("has names but not GIM's codes")
      .and.contain("re-export with the current sql/irf-descriptors.sql");
    expect(e.message).not.to.contain("\n");
  });

  test("names are carried beside the codes, whatever their language, and the codes are what is read", async () => {
    const answer = await new ExportSut(csv, MANIFEST).irfsFor(ref("chat-transfer-accepted"));
    if (answer.kind !== "rows") throw new Error(answer.reason);
    expect(answer.rows[0]).to.include({ role: "RoutedTo", result: "Transferred", resourceTypeCode: "AGENT" });
    expect(answer.rows[0]?.recordedNames).to.include({ role: "« ROUTEDTO »", resourceType: "Type AGENT" });
    expect(answer.msfs).to.equal(undefined);
    expect(answer.msfsNotChecked).to.contain("--msf-export");
  });

  test("a row with the wrong number of fields names its line", async () => {
    const short = file("short.csv", [HEADER, TRANSFER[0], "3,G-TRANSFER,5,Agent3"].join("\n"));
    const e = await rejection(readExportFile(short));
    expect(e.line).to.equal(3);
    expect(e.message).to.contain("has 4 fields but the header has 19");
  });

  test("an empty file and a missing file are rejected", async () => {
    expect((await rejection(readExportFile(file("empty.csv", "")))).message).to.contain(
      "expected a header row",
    );
    expect((await rejection(readExportFile(join(dir, "absent.csv")))).message).to.contain(
      "export file not found",
    );
  });
});

describe("export back end: JSON Lines", () => {
  const lines = TRANSFER.map((text) => {
    const names = HEADER.split(",");
    const values = text.split(",");
    return JSON.stringify(
      Object.fromEntries(
        names.map((n, i) => [n, /^\d+$/.test(values[i] ?? "") ? Number(values[i]) : values[i]]),
      ),
    );
  });

  test("reads one object per line, by extension or, without one, by its first character", async () => {
    for (const name of ["irf.jsonl", "irf-export"]) {
      const sut = new ExportSut(file(name, `${lines.join("\n")}\n`), MANIFEST);
      expect(await descriptors(sut, "chat-transfer-accepted")).to.have.length(2);
      expect((await sut.describe()).details.format).to.equal("jsonl");
    }
  });

  test("a line missing a column is rejected naming its line and the column", async () => {
    const broken = JSON.parse(lines[1] ?? "{}");
    delete broken.role_reason_code;
    const e = await rejection(
      readExportFile(file("broken.jsonl", `${lines[0]}\n${JSON.stringify(broken)}\n`)),
    );
    expect([e.line, e.field]).to.deep.equal([2, "ROLE_REASON_CODE"]);
  });

  test("a line that is not JSON, or not an object, names its line", async () => {
    expect((await rejection(readExportFile(file("bad.jsonl", `${lines[0]}\n{nope\n`)))).line).to.equal(2);
    expect((await rejection(readExportFile(file("array.jsonl", "[1,2]\n")))).message).to.contain(
      "one JSON object per line",
    );
  });
});

describe("export back end: MSF export (--msf-export)", () => {
  const MSF_HEADER =
    "mediation_segment_id,interaction_id,media_server_ixn_guid,media_name_code,resource_name,resource_type,resource_type_code," +
    "resource_role,resource_role_code,technical_result,technical_result_code,result_reason,result_reason_code," +
    "role_reason,role_reason_code,start_ts,end_ts,mediation_duration,target_ixn_resource_id";
  const irfCsv = file("irf-for-msf.csv", [HEADER, ...TRANSFER, QUEUED].join("\n"));
  const MSFS = [
    "20,3,G-TRANSFER,CHAT,Chat_Inbound,File,QUEUE,Reçu,RECEIVED,Détourné,DIVERTED,,,,,1772442000,1772442006,6,3",
    "21,1,G-QUEUED,CHAT,Chat_Inbound,File,QUEUE,Reçu,RECEIVED,Abandonné,CUSTOMERABANDONED,,ABANDONEDWHILEQUEUED,,,1772442000,1772442060,60,",
  ];

  test("CSV: each scenario's MSFs, linked to the IRF the segment targets; none recorded answers []", async () => {
    const sut = new ExportSut(irfCsv, MANIFEST, file("msf.csv", [MSF_HEADER, ...MSFS].join("\n")));
    const transfer = await sut.irfsFor(ref("chat-transfer-accepted"));
    if (transfer.kind !== "rows") throw new Error(transfer.reason);
    // INTERACTION_RESOURCE_ID 3 is Agent1's IRF, the first by start.
    expect(
      transfer.msfs?.map((m) => `${m.msf} ${m.resource} ${m.role}/${m.result} -> IRF${m.irf}`),
    ).to.deep.equal(["1 Chat_Inbound Received/Diverted -> IRF1"]);
    const queued = await sut.irfsFor(ref("chat-abandoned-in-queue"));
    expect(queued.kind === "rows" && queued.msfs?.map((m) => [m.reason, m.irf])).to.deep.equal([
      ["AbandonedWhileQueued", null],
    ]);
    const missing = await sut.irfsFor(ref("chat-invitation-revoked"));
    expect(missing.kind === "rows" && missing.msfs).to.deep.equal([]);
    expect((await sut.describe()).name).to.match(/; MSF export .*msf\.csv \(2 rows\)$/);
  });

  test("JSON Lines MSF export is read the same way", async () => {
    const names = MSF_HEADER.split(",");
    const lines = MSFS.map((l) => {
      const values = l.split(",");
      return JSON.stringify(
        Object.fromEntries(names.map((n, i) => [n, values[i] === "" ? null : values[i]])),
      );
    });
    const sut = new ExportSut(irfCsv, MANIFEST, file("msf.jsonl", `${lines.join("\n")}\n`));
    const answer = await sut.irfsFor(ref("chat-transfer-accepted"));
    expect(answer.kind === "rows" && answer.msfs?.map((m) => m.irf)).to.deep.equal([1]);
  });

  test("an MSF export without its code columns is rejected in one line, naming the column and the query", async () => {
    const cut = MSF_HEADER.replace(",resource_role_code", "");
    const e = await rejection(new ExportSut(irfCsv, MANIFEST, file("msf-old.csv", `${cut}\n`)).describe());
    expect([e.line, e.field]).to.deep.equal([1, "RESOURCE_ROLE_CODE"]);
    expect(e.message).to.contain("re-export with the current sql/msf-descriptors.sql");
  });
});
