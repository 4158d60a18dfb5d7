/**
 * Reading an export (IRFs, or MSFs): CSV with a header row (csv-parse) or JSON Lines, one object
 * per line, columns in GIM's names (an ExportSpec: gim-irf-columns.ts, gim-msf-columns.ts; any
 * case, extra columns ignored). The format comes
 * from the extension (.csv; .jsonl, .ndjson, .json) or, failing that, from the first character.
 * Streamed, keeping only the rows of the interactions asked for, so a whole day's export is fine.
 * A missing column, a malformed line or a bad value is an InputError naming the file and line.
 */

import type { ReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { extname } from "node:path";
import { createInterface } from "node:readline";
import { CsvError, parse } from "csv-parse";
import { InputError } from "../errors";
import { asInputError } from "../input-file";
import { columnOf, type ExportSpec, emptyRecord, type GimRecord, type Sourced } from "./export-spec";
import { type ExportColumn, IRF_EXPORT } from "./gim-irf-columns";

export type ExportFormat = "csv" | "jsonl";

export interface ExportContents<C extends string = ExportColumn> {
  format: ExportFormat;
  /** The records of the wanted interactions (all, when none were named). */
  records: Sourced<C>[];
  /** Every data row in the file, wanted or not. */
  rowCount: number;
}

/** The IRF export's records, keeping those whose MEDIA_SERVER_IXN_GUID is in `wanted` (all when undefined). */
export function readExportFile(file: string, wanted?: ReadonlySet<string>): Promise<ExportContents> {
  return readExport(IRF_EXPORT, file, wanted);
}

/** An export of `spec`'s shape, keeping the records whose GUID is in `wanted` (all when undefined). */
export async function readExport<C extends string>(
  spec: ExportSpec<C>,
  file: string,
  wanted?: ReadonlySet<string>,
): Promise<ExportContents<C>> {
  const format = await formatOf(file);
  const keep = (r: Sourced<C>) => {
    const guid = r.values[spec.guid];
    return wanted === undefined || (guid !== null && wanted.has(guid.trim()));
  };
  const read = format === "csv" ? readCsv(spec, file, keep) : readJsonLines(spec, file, keep);
  return { format, ...(await read) };
}

async function formatOf(file: string): Promise<ExportFormat> {
  const ext = extname(file).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".jsonl" || ext === ".ndjson" || ext === ".json") return "jsonl";
  let start: string;
  try {
    const handle = await open(file, "r");
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
      start = buffer.subarray(0, bytesRead).toString("utf8");
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw unreadable(file, error);
  }
  // trimStart drops a byte order mark too: U+FEFF is white space to JavaScript.
  return start.trimStart().startsWith("{") ? "jsonl" : "csv";
}

/** Opened before streaming, so a missing or unreadable file is one InputError, not a stream error event. */
async function openStream(file: string): Promise<ReadStream> {
  try {
    return (await open(file, "r")).createReadStream({ encoding: "utf8" });
  } catch (error) {
    throw unreadable(file, error);
  }
}

/** A file-system failure as one line naming the file (an InputError passes through unchanged). */
function unreadable(file: string, error: unknown): unknown {
  return asInputError(error, file, { what: "export", notFound: "export file not found" });
}

/** The required columns not in `present` (a header's columns, undefined for those ignored). */
function missingColumns<C extends string>(spec: ExportSpec<C>, present: ReadonlySet<C | undefined>): C[] {
  return spec.required.filter((c) => !present.has(c));
}

/**
 * One line naming the first missing column. A missing `_CODE` column beside its name is an
 * export made by the older, names-only query: the message says so and how to re-export.
 */
function missingColumnError<C extends string>(
  spec: ExportSpec<C>,
  file: string,
  line: number,
  missing: readonly C[],
  present: ReadonlySet<string | undefined>,
): InputError {
  const [first] = missing;
  const all = missing.length > 1 ? ` (also missing: ${missing.slice(1).join(", ")})` : "";
  const namesOnly = missing.some((c) => c.endsWith("_CODE") && present.has(c.slice(0, -5)));
  const why = namesOnly
    ? `this ${spec.what} has names but not GIM's codes, which the harness compares by; re-export with the current ${spec.query}, which selects both`
    : `an ${spec.what} needs ${spec.required.join(", ")} (${spec.query} selects them)`;
  return new InputError(file, line, first, `required column is missing${all}; ${why}`);
}

/** sqlcmd's decorations: the dashed line under the header and the "(N rows affected)" trailer. */
const SQLCMD_RULE = /^[-\s]+$/;
const SQLCMD_COUNT = /^\(\d+ rows? affected\)$/;

async function readCsv<C extends string>(
  spec: ExportSpec<C>,
  file: string,
  keep: (r: Sourced<C>) => boolean,
): Promise<{ records: Sourced<C>[]; rowCount: number }> {
  const source = await openStream(file);
  const parser = source.pipe(
    parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }),
  );
  // pipe() does not forward the source's errors: a read error (a directory named x.csv) was an
  // uncaught 'error' event that killed the process. The parser's iteration now rejects with it,
  // and the catch below makes it one InputError.
  source.on("error", (error) => parser.destroy(error));
  let columns: (C | undefined)[] | undefined;
  const records: Sourced<C>[] = [];
  let rowCount = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const line = info.lines;
      if (columns === undefined) {
        columns = record.map((name) => columnOf(spec, name));
        const present = new Set(columns);
        const missing = missingColumns(spec, present);
        if (missing.length > 0) throw missingColumnError(spec, file, line, missing, present);
        continue;
      }
      if (record.every((cell) => SQLCMD_RULE.test(cell))) continue;
      if (record.length === 1 && SQLCMD_COUNT.test((record[0] ?? "").trim())) continue;
      if (record.length !== columns.length) {
        throw new InputError(
          file,
          line,
          undefined,
          `has ${record.length} fields but the header has ${columns.length}`,
        );
      }
      rowCount++;
      const values = emptyRecord(spec);
      columns.forEach((column, i) => {
        if (column !== undefined) values[column] = record[i] === "" ? null : (record[i] ?? null);
      });
      const sourced = { values, line };
      if (keep(sourced)) records.push(sourced);
    }
  } catch (error) {
    // The parser's own errors are bad CSV; the rest are the file's (a directory named x.csv reads
    // as EISDIR) or this reader's InputErrors.
    if (!(error instanceof CsvError)) throw unreadable(file, error);
    // csv-parse puts the line it stopped at on its errors (typed as unknown there).
    const { lines } = error as CsvError & { lines?: number };
    throw new InputError(file, lines, undefined, `not valid CSV: ${error.message}`);
  } finally {
    // Stopping early (a bad header) must still release the file.
    source.destroy();
  }
  if (columns === undefined)
    throw new InputError(file, undefined, undefined, "the export is empty: expected a header row");
  return { records, rowCount };
}

async function readJsonLines<C extends string>(
  spec: ExportSpec<C>,
  file: string,
  keep: (r: Sourced<C>) => boolean,
): Promise<{ records: Sourced<C>[]; rowCount: number }> {
  const source = await openStream(file);
  const lines = createInterface({ input: source, crlfDelay: Number.POSITIVE_INFINITY });
  const records: Sourced<C>[] = [];
  let rowCount = 0;
  let line = 0;
  try {
    for await (const raw of lines) {
      line++;
      const text = line === 1 ? raw.replace(/^\uFEFF/, "") : raw;
      if (text.trim() === "") continue;
      const sourced = { values: jsonRecord(spec, text, file, line), line };
      rowCount++;
      if (keep(sourced)) records.push(sourced);
    }
  } catch (error) {
    throw unreadable(file, error);
  } finally {
    lines.close();
    source.destroy();
  }
  if (rowCount === 0)
    throw new InputError(
      file,
      undefined,
      undefined,
      "the export is empty: expected one JSON object per line",
    );
  return { records, rowCount };
}

function jsonRecord<C extends string>(
  spec: ExportSpec<C>,
  text: string,
  file: string,
  line: number,
): GimRecord<C> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, line, undefined, `not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new InputError(
      file,
      line,
      undefined,
      "expected one JSON object per line, with GIM's column names as keys",
    );
  }
  const values = emptyRecord(spec);
  const present = new Set<C>();
  for (const [key, value] of Object.entries(parsed)) {
    const column = columnOf(spec, key);
    if (column === undefined) continue;
    if (value !== null && typeof value !== "string" && typeof value !== "number") {
      throw new InputError(
        file,
        line,
        column,
        `must be a string, a number or null, not ${JSON.stringify(value)}`,
      );
    }
    values[column] = value === null ? null : String(value);
    present.add(column);
  }
  const missing = missingColumns(spec, present);
  if (missing.length > 0) throw missingColumnError(spec, file, line, missing, present);
  return values;
}
