/**
 * The export back end end to end: exports made from a seeded Info Mart by running
 * sql/irf-descriptors.sql through psql, as docs/real-info-mart.md tells a team to, conform
 * exactly like the reference, as CSV (\copy ... CSV HEADER) and as JSON Lines (row_to_json); an
 * export missing a code column exits 2 naming it and how to re-export.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe } from "node:test";
import { expect } from "chai";
import type { IrfRow } from "../../src/domain/irf";
import type { MsfRow } from "../../src/domain/msf";
import { irfQueryOneLine } from "../../src/gimdb/irf-query";
import { msfQueryOneLine } from "../../src/gimdb/msf-query";
import { ExportSut } from "../../src/sut/export-sut";
import {
  passwordOf,
  pgTest,
  postgresUnavailable,
  type SeededSchema,
  seededSchema,
} from "../support/postgres";
import { runCli } from "../support/run-cli";

const psqlMissing =
  spawnSync("psql", ["--version"], { encoding: "utf8" }).status === 0 ? undefined : "psql is not installed";
const unavailable = postgresUnavailable() ?? psqlMissing;

const comparable = (r: IrfRow) => ({
  irf: r.irf,
  resource: r.resource,
  resourceType: r.resourceType,
  role: r.role,
  result: r.result,
  reason: r.reason,
  roleReason: r.roleReason,
  start: Math.floor(Date.parse(r.start) / 1000),
  end: r.end === "" ? null : Math.floor(Date.parse(r.end) / 1000),
});

const comparableMsf = (m: MsfRow) => ({
  msf: m.msf,
  resource: m.resource,
  role: m.role,
  result: m.result,
  reason: m.reason,
  roleReason: m.roleReason,
  irf: m.irf,
  start: Math.floor(Date.parse(m.start) / 1000),
});

function psql(url: string, ...args: string[]): string {
  return execFileSync("psql", [url, "-X", "-v", "ON_ERROR_STOP=1", ...args], { encoding: "utf8" });
}

describe("--sut export on exports psql made with sql/irf-descriptors.sql", () => {
  let seeded: SeededSchema;
  let dir: string;
  let csv: string;
  let jsonl: string;
  let msfCsv: string;
  let msfJsonl: string;

  before(async () => {
    if (unavailable !== undefined) return;
    seeded = await seededSchema("export");
    dir = mkdtempSync(join(tmpdir(), "gim-export-psql-"));
    csv = join(dir, "irf.csv");
    jsonl = join(dir, "irf.jsonl");
    psql(seeded.schema.url, "-c", `\\copy (${irfQueryOneLine()}) TO '${csv}' WITH (FORMAT csv, HEADER)`);
    writeFileSync(
      jsonl,
      psql(seeded.schema.url, "-At", "-c", `SELECT row_to_json(q) FROM (${irfQueryOneLine()}) q`),
    );
    msfCsv = join(dir, "msf.csv");
    msfJsonl = join(dir, "msf.jsonl");
    psql(seeded.schema.url, "-c", `\\copy (${msfQueryOneLine()}) TO '${msfCsv}' WITH (FORMAT csv, HEADER)`);
    writeFileSync(
      msfJsonl,
      psql(seeded.schema.url, "-At", "-c", `SELECT row_to_json(q) FROM (${msfQueryOneLine()}) q`),
    );
  });
  after(async () => {
    await seeded?.schema.drop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  for (const format of ["csv", "jsonl"] as const) {
    pgTest(
      `the ${format.toUpperCase()} exports hold exactly the reference classifier's IRFs and MSFs for every example`,
      async () => {
        const sut = new ExportSut(
          format === "csv" ? csv : jsonl,
          seeded.manifestFile,
          format === "csv" ? msfCsv : msfJsonl,
        );
        expect((await sut.describe()).details.format).to.equal(format);
        for (const [id, example] of seeded.examples) {
          const answer = await sut.irfsFor({ id, name: id, interaction: id, events: [] });
          expect(answer.kind, id).to.equal("rows");
          if (answer.kind === "rows") {
            expect(answer.rows.map(comparable), id).to.deep.equal(example.rows.map(comparable));
            expect(answer.msfs?.map(comparableMsf), id).to.deep.equal(example.msfs.map(comparableMsf));
          }
        }
      },
    );
  }

  pgTest(
    "gim-conformance run --sut export on the psql CSVs (IRFs and --msf-export) exits 0, every flow as in the reference run",
    async () => {
      const run = await runCli([
        "run",
        "--sut",
        "export",
        "--export",
        csv,
        "--msf-export",
        msfCsv,
        "--manifest",
        seeded.manifestFile,
        "--no-allure",
      ]);
      expect(run.code, run.output).to.equal(0);
      expect(run.output).to.match(/\b0 failed, 0 not run\b/);
      expect(run.output).not.to.contain(passwordOf(seeded.schema.url));
    },
  );

  pgTest(
    "an export missing a code column exits 2 naming the file, the column and how to re-export",
    async () => {
      const lines = readFileSync(csv, "utf8").trimEnd().split("\n");
      const drop = (lines[0] ?? "").split(",").indexOf("result_reason_code");
      expect(drop).to.be.greaterThan(-1);
      const cut = join(dir, "no-reason-code.csv");
      writeFileSync(
        cut,
        `${lines
          .map((l) =>
            l
              .split(",")
              .filter((_, i) => i !== drop)
              .join(","),
          )
          .join("\n")}\n`,
      );
      const run = await runCli([
        "run",
        "--sut",
        "export",
        "--export",
        cut,
        "--manifest",
        seeded.manifestFile,
        "--no-allure",
      ]);
      expect(run.code, run.output).to.equal(2);
      expect(run.stderr)
        .to.contain(`${cut}:1`)
        .and.contain("RESULT_REASON_CODE")
        .and.contain("required column is missing")
        .and.contain("re-export with the current sql/irf-descriptors.sql");
    },
  );
});
