/**
 * The export reader and the database row mapping, rule by rule: what each field may hold, which
 * rows are refused (naming file, line and field), and that SQL NULL stays NULL. In process and
 * without a database, so mutation testing of src/sut runs in seconds.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { InputError } from "../../src/errors";
import { readExport, readExportFile } from "../../src/sut/export-file";
import { columnOf, emptyRecord, recordOfRow } from "../../src/sut/export-spec";
import { IRF_EXPORT } from "../../src/sut/gim-irf-columns";

const dir = mkdtempSync(join(tmpdir(), "gim-sut-units-"));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(ext: string, text: string | Buffer): string {
  const path = join(dir, `export-${++n}${ext}`);
  writeFileSync(path, text);
  return path;
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

/** Every required column, with a value per column (codes), in the spec's order. */
const REQUIRED = IRF_EXPORT.required;
const value = (c: string, i: number): string =>
  c === IRF_EXPORT.guid ? `G-${i}` : `${c.toLowerCase()}-${i}`;
const csvHeader = REQUIRED.join(",");
const csvRow = (i: number) => REQUIRED.map((c) => value(c, i)).join(",");
const jsonRow = (i: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ ...Object.fromEntries(REQUIRED.map((c) => [c, value(c, i)])), ...extra });

describe("export file: CSV", () => {
  test("a row with more fields than the header is refused, naming the file and line", async () => {
    const path = file(".csv", `${csvHeader}\n${csvRow(1)}\n${csvRow(2)},surplus\n`);
    const e = await rejection(readExportFile(path));
    expect([e.file, e.line, e.field]).to.deep.equal([path, 3, undefined]);
    expect(e.message).to.equal(
      `${path}:3: has ${REQUIRED.length + 1} fields but the header has ${REQUIRED.length}`,
    );
  });

  test("a row with fewer fields is refused too", async () => {
    const path = file(".csv", `${csvHeader}\n${csvRow(1).split(",").slice(0, -1).join(",")}\n`);
    const e = await rejection(readExportFile(path));
    expect(e.line).to.equal(2);
    expect(e.message).to.contain(`has ${REQUIRED.length - 1} fields`);
  });

  test("rows are read by header name, an empty field is NULL, the wanted GUIDs kept, every row counted", async () => {
    const header = ["extra", ...REQUIRED].join(",");
    const rows = [1, 2, 3].map((i) => `x${i},${csvRow(i)}`);
    rows[1] = rows[1]?.replace("start_ts-2", "") ?? "";
    const path = file(".csv", `${header}\n${rows.join("\n")}\n`);
    const all = await readExportFile(path);
    expect(all.format).to.equal("csv");
    expect(all.rowCount).to.equal(3);
    expect(all.records.map((r) => r.line)).to.deep.equal([2, 3, 4]);
    expect(all.records[0]?.values[IRF_EXPORT.guid]).to.equal("G-1");
    expect(all.records[1]?.values.START_TS).to.equal(null);
    expect(all.records[1]?.values.END_TS).to.equal("end_ts-2");
    const wanted = await readExportFile(path, new Set(["G-3"]));
    expect([wanted.rowCount, wanted.records.map((r) => r.line)]).to.deep.equal([3, [4]]);
  });

  test("sqlcmd's rule under the header and its row count are not rows", async () => {
    const rule = REQUIRED.map(() => "----").join(",");
    const path = file(".csv", `${csvHeader}\n${rule}\n${csvRow(1)}\n(1 rows affected)\n`);
    const read = await readExportFile(path);
    expect(read.rowCount).to.equal(1);
  });

  test("an empty CSV export has no header: refused", async () => {
    const path = file(".csv", "");
    const e = await rejection(readExportFile(path));
    expect(e.message).to.equal(`${path}: the export is empty: expected a header row`);
  });

  test("a header without a required column names it and the query", async () => {
    const path = file(".csv", `${REQUIRED.slice(1).join(",")}\n`);
    const e = await rejection(readExportFile(path));
    expect([e.line, e.field]).to.deep.equal([1, REQUIRED[0]]);
    expect(e.message).to.contain("required column is missing");
  });

  test("malformed CSV (an unclosed quote) is bad input with its line", async () => {
    const path = file(".csv", `${csvHeader}\n"${csvRow(1)}\n`);
    const e = await rejection(readExportFile(path));
    expect(e.message).to.contain("not valid CSV");
  });
});

describe("export file: JSON Lines", () => {
  test("an export with no object at all is refused, blank lines or not", async () => {
    for (const text of ["", "\n\n  \n", "\uFEFF\n"]) {
      const path = file(".jsonl", text);
      const e = await rejection(readExportFile(path));
      expect(e.message).to.equal(`${path}: the export is empty: expected one JSON object per line`);
    }
  });

  for (const [label, bad] of [
    ["an object", { nested: true }],
    ["an array", [1]],
    ["a boolean", true],
    ["false", false],
  ] as const) {
    test(`${label} as a column's value is refused, naming file, line and column`, async () => {
      const path = file(".jsonl", `${jsonRow(1)}\n${jsonRow(2, { START_TS: bad })}\n`);
      const e = await rejection(readExportFile(path));
      expect([e.file, e.line, e.field]).to.deep.equal([path, 2, "START_TS"]);
      expect(e.message).to.equal(
        `${path}:2: field "START_TS": must be a string, a number or null, not ${JSON.stringify(bad)}`,
      );
    });
  }

  test("strings, numbers and null are read as text and NULL; keys in any case; unknown keys ignored", async () => {
    const path = file(
      ".jsonl",
      `\uFEFF${jsonRow(1, { start_ts: 1772442000, END_TS: null, whatever: { deep: true } })}\n\n${jsonRow(2)}\n`,
    );
    const read = await readExportFile(path);
    expect(read.format).to.equal("jsonl");
    expect(read.rowCount).to.equal(2);
    expect(read.records.map((r) => r.line)).to.deep.equal([1, 3]);
    expect(read.records[0]?.values.START_TS).to.equal("1772442000");
    expect(read.records[0]?.values.END_TS).to.equal(null);
    const wanted = await readExportFile(path, new Set(["G-2"]));
    expect(wanted.records.map((r) => r.line)).to.deep.equal([3]);
  });

  test("a line that is not JSON, or not an object, is refused with its line", async () => {
    const notJson = file(".jsonl", `${jsonRow(1)}\n{oops\n`);
    expect((await rejection(readExportFile(notJson))).message).to.match(/:2: not valid JSON: /);
    for (const text of ["[1,2]", "null", "42", '"text"']) {
      const path = file(".jsonl", `${text}\n`);
      const e = await rejection(readExportFile(path));
      expect([
        e.line,
        e.message.endsWith("expected one JSON object per line, with GIM's column names as keys"),
      ]).to.deep.equal([1, true]);
    }
  });

  test("a row missing a required column is refused at its line", async () => {
    const { [REQUIRED[0] as string]: _, ...rest } = JSON.parse(jsonRow(1)) as Record<string, string>;
    const path = file(".ndjson", `${JSON.stringify(rest)}\n`);
    const e = await rejection(readExportFile(path));
    expect([e.line, e.field]).to.deep.equal([1, REQUIRED[0]]);
  });

  test("without a known extension the format comes from the first character", async () => {
    expect((await readExportFile(file(".txt", `  ${jsonRow(1)}\n`))).format).to.equal("jsonl");
    expect((await readExportFile(file(".txt", `${csvHeader}\n${csvRow(1)}\n`))).format).to.equal("csv");
    expect((await readExportFile(file(".JSON", `${jsonRow(1)}\n`))).format).to.equal("jsonl");
  });

  test("a missing file is bad input naming it", async () => {
    const e = await rejection(readExport(IRF_EXPORT, join(dir, "nope.csv")));
    expect(e.message).to.contain("nope.csv");
  });
});

describe("database rows", () => {
  test('SQL NULL (and undefined) stays NULL, never the text "null"; other values become text', () => {
    const record = recordOfRow(IRF_EXPORT, {
      media_server_ixn_guid: "G-1",
      start_ts: null,
      end_ts: undefined,
      interaction_resource_id: 7,
      unknown_column: "x",
    });
    expect(record.line).to.equal(undefined);
    expect(record.values.MEDIA_SERVER_IXN_GUID).to.equal("G-1");
    expect(record.values.START_TS).to.equal(null);
    expect(record.values.END_TS).to.equal(null);
    expect(record.values.INTERACTION_RESOURCE_ID).to.equal("7");
    expect(Object.keys(record.values)).to.deep.equal([...IRF_EXPORT.columns]);
  });

  test("column names match in any case and with surrounding blanks; unknown ones are ignored", () => {
    expect(columnOf(IRF_EXPORT, " start_ts ")).to.equal("START_TS");
    expect(columnOf(IRF_EXPORT, "Start_Ts")).to.equal("START_TS");
    expect(columnOf(IRF_EXPORT, "start")).to.equal(undefined);
    expect(Object.values(emptyRecord(IRF_EXPORT)).every((v) => v === null)).to.equal(true);
  });
});
