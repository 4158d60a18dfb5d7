/**
 * The census query per dialect. The PostgreSQL file is the text `census --db` runs (read from the
 * file, comments stripped, nothing else changed); the SQL Server and Oracle files are the same
 * query: the same steps (CTEs) in the same order, the same tables, the same chat filter and the
 * same output columns. Their vendor spellings (STRING_AGG, LISTAGG) are the only differences.
 * The PostgreSQL one reads the same tables, filter and columns in fewer steps: its running arrays
 * (array_agg OVER, array_position) give N and LINK in one window pass where the others rank with
 * three, and it spells N as the position of the resource's first record, which the harness
 * renumbers into the others' rank (pattern-codes.test.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { expect } from "chai";
import { CENSUS_EXPORT } from "../../src/census/census-export";
import { CENSUS_QUERY_FILE, censusQuery } from "../../src/census/census-query";
import { statementOf } from "../../src/gimdb/irf-query";

const SQL = join(__dirname, "..", "..", "sql");
const dialects = {
  postgresql: readFileSync(join(SQL, "census-postgresql.sql"), "utf8"),
  sqlserver: readFileSync(join(SQL, "census-sqlserver.sql"), "utf8"),
  oracle: readFileSync(join(SQL, "census-oracle.sql"), "utf8"),
};

/** The statement's WITH ... ; part, comments and client commands (DECLARE, VARIABLE, EXEC) dropped. */
function query(text: string): string {
  const statement = statementOf(text);
  return statement.slice(statement.indexOf("WITH "));
}
const ctes = (text: string) =>
  [...query(text).matchAll(/^(?:WITH )?(\w+) AS \($/gm)].map((m) => m[1] as string);
/** The GIM tables read (FROM/JOIN names that are not the query's own steps). */
const tables = (text: string) => {
  const own = new Set(ctes(text));
  const names = [...query(text).matchAll(/\b(?:FROM|JOIN) ([A-Z_]+)\b/g)].map((m) => m[1] as string);
  return [...new Set(names.filter((n) => !own.has(n)))].sort();
};
const outputColumns = (text: string) => {
  const last =
    query(text)
      .split(/\n\)\n/)
      .at(-1) ?? "";
  return [...last.matchAll(/ AS (\w+)/g)].map((m) => m[1] as string).filter((c) => c === c.toUpperCase());
};

describe("the census query per dialect", () => {
  test("the PostgreSQL file is exactly what census --db runs", () => {
    expect(CENSUS_QUERY_FILE).to.equal(join(SQL, "census-postgresql.sql"));
    expect(censusQuery()).to.equal(statementOf(dialects.postgresql));
    expect(censusQuery()).to.contain("$1").and.contain("$2").and.contain("$3");
  });

  test("all three have the same steps, tables, chat filter and output columns", () => {
    const reference = dialects.postgresql;
    expect(ctes(reference)).to.deep.equal(["IXN", "REC", "POSITIONED", "IXN_PATTERN"]);
    expect(outputColumns(reference)).to.deep.equal(["PATTERN_CODES", "INTERACTIONS", "IRFS", "SAMPLES"]);
    expect(outputColumns(reference)).to.deep.equal([...CENSUS_EXPORT.columns]);
    for (const [name, text] of Object.entries(dialects)) {
      const steps =
        name === "postgresql"
          ? ctes(reference)
          : ["IXN", "REC", "POSITIONED", "LINKED", "TYPED", "IXN_PATTERN"];
      expect(ctes(text).slice(0, steps.length), name).to.deep.equal(steps);
      expect(tables(text), name).to.deep.equal(tables(reference));
      expect(outputColumns(text), name).to.deep.equal(outputColumns(reference));
      expect(query(text), name).to.contain("WHERE MT.MEDIA_NAME_CODE = 'CHAT'");
      expect(query(text), name).to.match(/ORDER BY INTERACTIONS DESC, (?:\w+\.)?PATTERN_CODES;?$/);
    }
  });

  test("the portable ones keep to their dialects", () => {
    for (const text of [dialects.sqlserver, dialects.oracle]) {
      expect(query(text)).not.to.match(/::|\$\d|array_agg|string_agg\(|FILTER \(/);
    }
    expect(query(dialects.sqlserver)).not.to.contain("||");
    expect(query(dialects.oracle)).not.to.match(/@\w|STRING_AGG|\+ '/);
    // SQL*Plus ends a statement at a blank line.
    expect(query(dialects.oracle)).not.to.match(/\n\s*\n/);
  });
});
