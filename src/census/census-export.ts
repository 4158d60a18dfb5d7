/**
 * `census --export FILE`: the pattern rows a team exported by running sql/census-sqlserver.sql,
 * sql/census-oracle.sql (or the PostgreSQL one) on its own Info Mart, read by the same reader as
 * the IRF and MSF exports (CSV with a header, or JSON Lines; column names in any case). Every
 * problem is one line naming the file, the line and the field.
 */
import { InputError } from "../errors";
import { printable } from "../report/text-escape";
import { readExport } from "../sut/export-file";
import type { ExportSpec } from "../sut/export-spec";
import { type PatternRow, samplesOf } from "./census-query";
import { type ParsedPattern, PatternSyntaxError, parsePatternCodes } from "./pattern-codes";

type CensusColumn = "PATTERN_CODES" | "INTERACTIONS" | "IRFS" | "SAMPLES";

export const CENSUS_EXPORT: ExportSpec<CensusColumn> = {
  what: "census export",
  query: "sql/census-postgresql.sql, sql/census-sqlserver.sql or sql/census-oracle.sql",
  columns: ["PATTERN_CODES", "INTERACTIONS", "IRFS", "SAMPLES"],
  required: ["PATTERN_CODES", "INTERACTIONS", "IRFS", "SAMPLES"],
  guid: "SAMPLES",
};

export interface CensusExport {
  rows: PatternRow[];
  parsed: ParsedPattern[];
}

function count(
  value: string | null,
  file: string,
  line: number | undefined,
  field: CensusColumn,
  min: number,
): number {
  const text = (value ?? "").trim();
  if (!/^\d+$/.test(text) || Number(text) < min) {
    throw new InputError(
      file,
      line,
      field,
      `expected a whole number${min > 0 ? " of at least 1" : ""}, got "${printable(text)}"`,
    );
  }
  return Number(text);
}

export async function readCensusExport(file: string): Promise<CensusExport> {
  const { records } = await readExport(CENSUS_EXPORT, file);
  const rows: PatternRow[] = [];
  const parsed: ParsedPattern[] = [];
  for (const { values, line } of records) {
    const codes = (values.PATTERN_CODES ?? "").trim();
    let pattern: ParsedPattern;
    try {
      pattern = parsePatternCodes(codes);
    } catch (error) {
      if (!(error instanceof PatternSyntaxError)) throw error;
      throw new InputError(file, line, "PATTERN_CODES", printable(error.message));
    }
    const interactions = count(values.INTERACTIONS, file, line, "INTERACTIONS", 1);
    const irfs = count(values.IRFS, file, line, "IRFS", 0);
    if (irfs !== interactions * pattern.irfs.length) {
      throw new InputError(
        file,
        line,
        "IRFS",
        `${irfs} is not ${interactions} interactions × ${pattern.irfs.length} IRFs of the pattern; was the row edited?`,
      );
    }
    const samples = samplesOf(values.SAMPLES);
    const tooLong = samples.find((s) => s.length > 50);
    if (tooLong !== undefined) {
      throw new InputError(
        file,
        line,
        "SAMPLES",
        `"${printable(tooLong.slice(0, 60))}" is longer than a GUID (50)`,
      );
    }
    rows.push({ codes, interactions, irfs, samples });
    parsed.push(pattern);
  }
  return { rows, parsed };
}
