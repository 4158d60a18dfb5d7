/**
 * The census against a real PostgreSQL server (issue 12's "done when"): a seeded volume of every
 * example flow, with undocumented descriptors planted by the test on known interactions. The census
 * must find exactly the planted interactions (as undocumented patterns, with samples, and as
 * invariant breaks), count every other interaction under a scenario that states its tables, and
 * write nothing: the tables' checksums are the same before and after, and the query refuses to run
 * outside a READ ONLY transaction.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe } from "node:test";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { expect } from "chai";
import { queryPatterns } from "../../src/census/census-query";
import type { Census, CensusPattern } from "../../src/census/census-types";
import { databaseTarget } from "../../src/gimdb/database-target";
import { readExampleLogs } from "../../src/gimdb/example-logs";
import { type SeededInteraction, seedDatabase } from "../../src/gimdb/seed";
import {
  EXAMPLES,
  passwordOf,
  pgTest,
  postgresUnavailable,
  type TestSchema,
  testPostgres,
} from "../support/postgres";
import { runCli } from "../support/run-cli";

const unavailable = postgresUnavailable();
const COPIES = 3;
const TABLES = [
  "INTERACTION_FACT",
  "INTERACTION_RESOURCE_FACT",
  "MEDIATION_SEGMENT_FACT",
  "TECHNICAL_DESCRIPTOR",
  "RESOURCE_",
  "MEDIA_TYPE",
  "CTL_TRANSFORM_HISTORY",
];

/** One md5 per table over all its rows: any insert, update or delete changes it. */
async function checksums(schema: TestSchema): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const { rows } = await schema.writer.query<{ sum: string | null }>(
      `SELECT md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${table} t`,
    );
    out[table] = rows[0]?.sum ?? "";
  }
  return out;
}

describe("census against a real PostgreSQL server", () => {
  let schema: TestSchema;
  let dir: string;
  const seeded: SeededInteraction[] = [];
  /** Undocumented descriptor planted on IRF2: ReceivedTransfer/Abandoned [AbandonedWhileQueued]. */
  let plantedDescriptor: string[] = [];
  /** IRF2 (the ReceivedTransfer) deleted: a Transferred IRF nobody received. */
  let plantedMissing: string[] = [];

  before(async () => {
    if (unavailable !== undefined) return;
    dir = mkdtempSync(join(tmpdir(), "gim-census-"));
    schema = await testPostgres().freshSchema("census");
    const examples = await readExampleLogs(EXAMPLES);
    const target = databaseTarget(schema.url, "--db");
    for (let i = 0; i < COPIES; i++) seeded.push(...(await seedDatabase(target, examples)));
    // The interactions whose IRF2 is a ReceivedTransfer/Completed after a Transferred IRF1.
    const { rows } = await schema.writer.query<{ guid: string }>(
      `SELECT F.MEDIA_SERVER_IXN_GUID AS guid
       FROM INTERACTION_FACT F
         JOIN INTERACTION_RESOURCE_FACT IRF ON IRF.INTERACTION_ID = F.INTERACTION_ID
         JOIN TECHNICAL_DESCRIPTOR TD ON TD.TECHNICAL_DESCRIPTOR_KEY = IRF.TECHNICAL_DESCRIPTOR_KEY
       WHERE TD.RESOURCE_ROLE_CODE = 'RECEIVEDTRANSFER' AND TD.TECHNICAL_RESULT_CODE = 'COMPLETED'
       ORDER BY F.MEDIA_SERVER_IXN_GUID`,
    );
    const guids = rows.map((r) => r.guid);
    expect(guids.length, "seeded transfers to plant on").to.be.at.least(5);
    plantedDescriptor = guids.slice(0, 3);
    plantedMissing = guids.slice(3, 5);
    await schema.writer.query(
      `INSERT INTO TECHNICAL_DESCRIPTOR (TECHNICAL_DESCRIPTOR_KEY, TECHNICAL_RESULT, TECHNICAL_RESULT_CODE, RESULT_REASON,
         RESULT_REASON_CODE, RESOURCE_ROLE, RESOURCE_ROLE_CODE, ROLE_REASON, ROLE_REASON_CODE, CREATE_AUDIT_KEY, UPDATE_AUDIT_KEY)
       SELECT MAX(TECHNICAL_DESCRIPTOR_KEY) + 1, 'Abandoned', 'ABANDONED', 'AbandonedWhileQueued', 'ABANDONEDWHILEQUEUED',
         'ReceivedTransfer', 'RECEIVEDTRANSFER', 'Unspecified', 'UNSPECIFIED', 0, 0 FROM TECHNICAL_DESCRIPTOR`,
    );
    const received = `SELECT IRF.INTERACTION_RESOURCE_ID FROM INTERACTION_RESOURCE_FACT IRF
         JOIN INTERACTION_FACT F ON F.INTERACTION_ID = IRF.INTERACTION_ID
         JOIN TECHNICAL_DESCRIPTOR TD ON TD.TECHNICAL_DESCRIPTOR_KEY = IRF.TECHNICAL_DESCRIPTOR_KEY
       WHERE TD.RESOURCE_ROLE_CODE = 'RECEIVEDTRANSFER' AND F.MEDIA_SERVER_IXN_GUID = ANY($1)`;
    await schema.writer.query(
      `UPDATE INTERACTION_RESOURCE_FACT SET TECHNICAL_DESCRIPTOR_KEY = (SELECT MAX(TECHNICAL_DESCRIPTOR_KEY) FROM TECHNICAL_DESCRIPTOR)
       WHERE INTERACTION_RESOURCE_ID IN (${received})`,
      [plantedDescriptor],
    );
    await schema.writer.query(
      `DELETE FROM INTERACTION_RESOURCE_FACT WHERE INTERACTION_RESOURCE_ID IN (${received})`,
      [plantedMissing],
    );
  });
  after(async () => {
    if (unavailable !== undefined) return;
    await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  pgTest(
    "finds exactly the planted interactions, counts the rest under their flows, and writes nothing",
    async () => {
      const before = await checksums(schema);
      const json = join(dir, "census.json");
      const html = join(dir, "census.html");
      const run = await runCli(["census", "--json", json, "--html", html, "--samples", "1000"], {
        GIM_DATABASE_URL: schema.url,
      });
      expect(run.code, run.output).to.equal(0);
      expect(run.output).not.to.contain(passwordOf(schema.url));
      expect(await checksums(schema)).to.deep.equal(before);

      const census = JSON.parse(readFileSync(json, "utf8")) as Census;
      const ajv = new Ajv({ allErrors: true, strict: true });
      addFormats(ajv);
      const schemaJson = JSON.parse(
        readFileSync(join(__dirname, "..", "..", "src", "census", "census.schema.json"), "utf8"),
      );
      expect(ajv.validate(schemaJson, census), ajv.errorsText()).to.equal(true);

      expect(census.interactions).to.equal(seeded.length);
      const { rows } = await schema.writer.query<{ n: string }>(
        "SELECT COUNT(*) AS n FROM INTERACTION_RESOURCE_FACT",
      );
      expect(census.irfs).to.equal(Number(rows[0]?.n));

      const undocumented = census.patterns.filter((p) => p.flow === null);
      expect(undocumented.map((p) => [...p.samples].sort())).to.have.deep.members([
        [...plantedDescriptor].sort(),
        [...plantedMissing].sort(),
      ]);
      const wrongReason = undocumented.find((p) =>
        p.samples.includes(plantedDescriptor[0] as string),
      ) as CensusPattern;
      expect(wrongReason.interactions).to.equal(plantedDescriptor.length);
      expect(wrongReason.signature).to.contain("Agent2 ReceivedTransfer/Abandoned [AbandonedWhileQueued]");
      expect(wrongReason.nearMiss?.difference).to.match(/^IRF2 is Agent2 ReceivedTransfer\/Abandoned/);

      const byInvariant = Object.fromEntries(
        census.invariantBreaks.map((b) => [b.invariant, [...b.samples].sort()]),
      );
      expect(byInvariant).to.deep.equal({
        "abandoned-while-queued-on-queue": [...plantedDescriptor].sort(),
        "transfer-received": [...plantedMissing].sort(),
      });

      // Every other interaction is counted under a scenario stating its tables: its own @id, a tie
      // stating the same tables, or its `-msf` scenario, which states its MSFs as well (more specific).
      const planted = new Set([...plantedDescriptor, ...plantedMissing]);
      const flowOf = new Map<string, CensusPattern>();
      for (const p of census.patterns) for (const g of p.samples) flowOf.set(g, p);
      const counted = new Map<string, number>();
      for (const s of seeded) {
        if (planted.has(s.guid)) continue;
        const pattern = flowOf.get(s.guid);
        expect(pattern, `${s.id} ${s.guid}`).not.to.equal(undefined);
        expect(pattern?.flow, `${s.id} ${s.guid}`).not.to.equal(null);
        const stating = [pattern?.flow, ...(pattern?.ties ?? [])];
        const own = stating.includes(s.id) || stating.includes(`${s.id}-msf`);
        expect(own, `${s.id} counted as ${pattern?.flow} (ties: ${pattern?.ties})`).to.equal(true);
        counted.set(pattern?.flow as string, (counted.get(pattern?.flow as string) ?? 0) + 1);
      }
      for (const f of census.flows) expect(f.interactions, f.flow).to.equal(counted.get(f.flow) ?? 0);

      const page = readFileSync(html, "utf8");
      for (const g of [...plantedDescriptor, ...plantedMissing]) expect(page).to.contain(g);
      expect(page).to.contain("<svg");
      expect(page).not.to.match(/<script/i);
    },
  );

  pgTest("the exported rows of the same query give the same census through --export", async () => {
    const dbJson = join(dir, "db.json");
    const dbRun = await runCli(["census", "--db", schema.url, "--json", dbJson]);
    expect(dbRun.code, dbRun.output).to.equal(0);
    // What a team does with psql: run the query (here bound as census --db binds it) and save CSV.
    await schema.writer.query("BEGIN TRANSACTION READ ONLY");
    const rows = await queryPatterns(schema.writer, {}, 5).finally(() => schema.writer.query("COMMIT"));
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const csv = join(dir, "census.csv");
    writeFileSync(
      csv,
      `pattern_codes,interactions,irfs,samples\n${rows
        .map((r) => [quote(r.codes), r.interactions, r.irfs, quote(r.samples.join(" "))].join(","))
        .join("\n")}\n`,
    );
    const exportJson = join(dir, "export.json");
    const exportRun = await runCli(["census", "--export", csv, "--json", exportJson]);
    expect(exportRun.code, exportRun.output).to.equal(0);
    const fromDb = JSON.parse(readFileSync(dbJson, "utf8")) as Census;
    const fromExport = JSON.parse(readFileSync(exportJson, "utf8")) as Census;
    expect(fromExport.patterns).to.deep.equal(fromDb.patterns);
    expect(fromExport.invariantBreaks).to.deep.equal(fromDb.invariantBreaks);
    expect([fromExport.interactions, fromExport.irfs]).to.deep.equal([fromDb.interactions, fromDb.irfs]);
  });

  pgTest("a window holds only the interactions that start in it", async () => {
    const { rows } = await schema.writer.query<{ ts: number }>(
      "SELECT START_TS AS ts FROM INTERACTION_FACT ORDER BY START_TS, INTERACTION_ID",
    );
    const starts = rows.map((r) => Number(r.ts));
    const cut = starts[Math.floor(starts.length / 2)] as number;
    const expectedCount = starts.filter((s) => s >= cut).length;
    const json = join(dir, "window.json");
    const run = await runCli([
      "census",
      "--db",
      schema.url,
      "--from",
      new Date(cut * 1000).toISOString(),
      "--json",
      json,
    ]);
    expect(run.code, run.output).to.equal(0);
    const census = JSON.parse(readFileSync(json, "utf8")) as Census;
    expect(census.interactions).to.equal(expectedCount);
    expect(census.window.from).to.equal(new Date(cut * 1000).toISOString());
    expect(census.window.to).to.equal(null);
  });

  pgTest("the query refuses a connection that could write", async () => {
    let failure: unknown;
    try {
      await queryPatterns(schema.writer, {}, 5);
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.contain("READ ONLY transaction");
  });

  pgTest("a statement timeout is one line, exit 3, without the password", async () => {
    // Another session holds a lock the census needs, so the census waits until its statement_timeout.
    const url = schema.url;
    const { default: pg } = await import("pg");
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE INTERACTION_FACT IN ACCESS EXCLUSIVE MODE");
      const run = await runCli(["census", "--db", url, "--statement-timeout", "300"]);
      expect(run.code, run.output).to.equal(3);
      const lines = run.stderr.trim().split("\n");
      expect(lines.at(-1)).to.match(
        /^gim-conformance: the query timed out after 300 ms \(statement_timeout\) at /,
      );
      expect(run.output).not.to.contain(passwordOf(url));
    } finally {
      await locker.query("ROLLBACK").catch(() => {});
      await locker.end();
    }
  });
});
