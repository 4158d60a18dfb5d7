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
import { MSF_QUERY_FILE, msfQuery, msfQueryForGuids, msfQueryOneLine } from "../../src/gimdb/msf-query";
import { EXPORT_COLUMNS } from "../../src/sut/gim-irf-columns";
import { MSF_EXPORT_COLUMNS } from "../../src/sut/gim-msf-columns";

const text = readFileSync(IRF_QUERY_FILE, "utf8");
const statement = irfQuery();

/** Constructs one of PostgreSQL, Oracle and SQL Server lacks, or that would change the rows. */
const FORBIDDEN: [RegExp, string][] = [
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

describe("the portable export query", () => {
  test("selects exactly the export's columns, in their order", () => {
    const list = /^SELECT\s+([\s\S]+?)\s+FROM\s/i.exec(statement)?.[1] ?? "";
    const selected = list.split(",").map((c) => c.trim().replace(/^\w+\./, ""));
    expect(selected).to.deep.equal([...EXPORT_COLUMNS]);
  });

  test("joins the six GIM tables and keeps to chat", () => {
    for (const table of [
      "INTERACTION_TYPE",
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
    for (const [pattern, why] of FORBIDDEN) expect(statement, why).not.to.match(pattern);
  });

  test("has no blank line inside the statement (SQL*Plus would end it there) and ends with a semicolon", () => {
    const body = text.slice(text.search(/^SELECT/m));
    expect(body).not.to.match(/\n\s*\n\s*\S/);
    expect(body.trimEnd().endsWith(";")).to.equal(true);
  });

  test("statementOf strips comments but not a -- inside a string, and the final semicolon", () => {
    expect(statementOf("-- head\nSELECT 'a--b' -- tail\nFROM T;\n")).to.equal("SELECT 'a--b'\nFROM T");
    // One minus is arithmetic, not a comment, on either side.
    expect(statementOf("SELECT 3 - 1, 3-1, -1 FROM T")).to.equal("SELECT 3 - 1, 3-1, -1 FROM T");
    // A comment on the file's last line, with no newline after it.
    expect(statementOf("SELECT 1 FROM T -- the end")).to.equal("SELECT 1 FROM T");
    // Only the final semicolon goes: one inside a string stays, as does the text after it.
    expect(statementOf("SELECT 'a;b', ';' FROM T;")).to.equal("SELECT 'a;b', ';' FROM T");
    expect(statementOf("SELECT ';x'")).to.equal("SELECT ';x'");
  });

  test("the PostgreSQL back end wraps the text unchanged and binds all GUIDs as one array", () => {
    expect(irfQueryForGuids()).to.contain(statement);
    expect(irfQueryForGuids()).to.contain("= ANY($1)");
    expect(irfQueryForGuids().match(/\$\d/g)).to.deep.equal(["$1"]);
    // The outer query orders again: SQL does not promise a subquery's order survives the wrap.
    expect(irfQueryForGuids()).to.match(
      /\nORDER BY IRF_EXPORT\.MEDIA_SERVER_IXN_GUID, IRF_EXPORT\.START_TS, IRF_EXPORT\.INTERACTION_RESOURCE_ID$/,
    );
  });

  test("the one-line form (for psql's \\copy) is the same statement", () => {
    expect(irfQueryOneLine()).not.to.contain("\n");
    expect(irfQueryOneLine()).to.equal(statement.replace(/\s+/g, " "));
  });
});

describe("the portable MSF export query", () => {
  const msfText = readFileSync(MSF_QUERY_FILE, "utf8");
  const msf = msfQuery();

  test("selects exactly the MSF export's columns, in their order, codes and names", () => {
    const list = /^SELECT\s+([\s\S]+?)\s+FROM\s/i.exec(msf)?.[1] ?? "";
    const selected = list.split(",").map((c) => c.trim().replace(/^\w+\./, ""));
    expect(selected).to.deep.equal([...MSF_EXPORT_COLUMNS]);
  });

  test("joins MEDIATION_SEGMENT_FACT to its descriptor, resource and medium, keeps to chat and orders as the harness numbers", () => {
    for (const table of [
      "INTERACTION_FACT",
      "MEDIATION_SEGMENT_FACT",
      "TECHNICAL_DESCRIPTOR",
      "RESOURCE_",
      "MEDIA_TYPE",
    ]) {
      expect(msf).to.match(new RegExp(`\\b${table}\\b`));
    }
    expect(msf).to.contain("TD.TECHNICAL_DESCRIPTOR_KEY = MSF.TECHNICAL_DESCRIPTOR_KEY");
    expect(msf).to.contain("MEDIA_NAME_CODE = 'CHAT'");
    expect(msf).to.match(/ORDER BY F\.MEDIA_SERVER_IXN_GUID, MSF\.START_TS, MSF\.MEDIATION_SEGMENT_ID$/);
  });

  test("uses nothing one of the three databases lacks, and has no blank line inside the statement", () => {
    for (const [pattern, why] of FORBIDDEN) expect(msf, why).not.to.match(pattern);
    const body = msfText.slice(msfText.search(/^SELECT/m));
    expect(body).not.to.match(/\n\s*\n\s*\S/);
    expect(body.trimEnd().endsWith(";")).to.equal(true);
  });

  test("the PostgreSQL back end wraps it unchanged with one array parameter; the one-line form is the same", () => {
    expect(msfQueryForGuids()).to.contain(msf);
    expect(msfQueryForGuids().match(/\$\d/g)).to.deep.equal(["$1"]);
    expect(msfQueryForGuids()).to.match(
      /\nORDER BY MSF_EXPORT\.MEDIA_SERVER_IXN_GUID, MSF_EXPORT\.START_TS, MSF_EXPORT\.MEDIATION_SEGMENT_ID$/,
    );
    expect(msfQueryOneLine()).to.equal(msf.replace(/\s+/g, " "));
  });
});
