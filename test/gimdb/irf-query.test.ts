/**
 * sql/irf-descriptors.sql must run unchanged on PostgreSQL, Oracle and SQL Server and select
 * exactly the export's columns. PostgreSQL runs it in the other tests; here the text is held to
 * the portable subset, so a PostgreSQL-only construct cannot creep in unnoticed.
 */
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { expect } from "chai";
import {
  IRF_QUERY_FILE,
  irfQuery,
  irfQueryForGuids,
  irfQueryOneLine,
  statementOf,
} from "../../src/gimdb/irf-query";
import { EXPORT_COLUMNS } from "../../src/sut/gim-irf-columns";

const text = readFileSync(IRF_QUERY_FILE, "utf8");
const statement = irfQuery();

describe("the portable export query", () => {
  test("selects exactly the export's columns, in their order", () => {
    const list = /^SELECT\s+([\s\S]+?)\s+FROM\s/i.exec(statement)?.[1] ?? "";
    const selected = list.split(",").map((c) => c.trim().replace(/^\w+\./, ""));
    expect(selected).to.deep.equal([...EXPORT_COLUMNS]);
  });

  test("joins the five GIM tables and keeps to chat", () => {
    for (const table of [
      "INTERACTION_FACT",
      "INTERACTION_RESOURCE_FACT",
      "TECHNICAL_DESCRIPTOR",
      "RESOURCE_",
      "MEDIA_TYPE",
    ]) {
      expect(statement).to.match(new RegExp(`\\b${table}\\b`));
    }
    expect(statement).to.contain("MEDIA_NAME_CODE = 'CHAT'");
    expect(statement).to.match(
      /ORDER BY F\.MEDIA_SERVER_IXN_GUID, IRF\.START_TS, IRF\.INTERACTION_RESOURCE_ID$/,
    );
  });

  test("uses nothing one of the three databases lacks", () => {
    const forbidden: [RegExp, string][] = [
      [/\bLIMIT\b|\bTOP\b|\bFETCH\b|\bOFFSET\b/i, "row limits differ between the three"],
      [/::/, "PostgreSQL-only cast"],
      [/\bI?LIKE\b/i, "ILIKE is PostgreSQL-only"],
      [/\b(?:FROM|JOIN)\s+\w+\s+AS\s+\w+/i, "Oracle rejects AS before a table alias"],
      [
        /\b(?:NVL|ISNULL|IFNULL|COALESCE|TO_CHAR|CONVERT|CAST|DATEADD|NOW|SYSDATE|GETDATE)\s*\(/i,
        "vendor or conversion function",
      ],
      [/"/, "quoted identifiers change case rules"],
      [/\bLEFT\b|\bRIGHT\b|\(\+\)/i, "outer joins would let rows without a descriptor through"],
    ];
    for (const [pattern, why] of forbidden) expect(statement, why).not.to.match(pattern);
  });

  test("has no blank line inside the statement (SQL*Plus would end it there) and ends with a semicolon", () => {
    const body = text.slice(text.search(/^SELECT/m));
    expect(body).not.to.match(/\n\s*\n\s*\S/);
    expect(body.trimEnd().endsWith(";")).to.equal(true);
  });

  test("statementOf strips comments but not a -- inside a string, and the final semicolon", () => {
    expect(statementOf("-- head\nSELECT 'a--b' -- tail\nFROM T;\n")).to.equal("SELECT 'a--b'\nFROM T");
  });

  test("the PostgreSQL back end wraps the text unchanged and binds all GUIDs as one array", () => {
    expect(irfQueryForGuids()).to.contain(statement);
    expect(irfQueryForGuids()).to.contain("= ANY($1)");
    expect(irfQueryForGuids().match(/\$\d/g)).to.deep.equal(["$1"]);
  });

  test("the one-line form (for psql's \\copy) is the same statement", () => {
    expect(irfQueryOneLine()).not.to.contain("\n");
    expect(irfQueryOneLine()).to.equal(statement.replace(/\s+/g, " "));
  });
});
