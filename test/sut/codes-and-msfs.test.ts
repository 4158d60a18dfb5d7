/**
 * Codes are the contract, on a real PostgreSQL server, through both real back ends: a seeded Info
 * Mart whose TECHNICAL_DESCRIPTOR and RESOURCE_ names are translated (codes unchanged) conforms;
 * one IRF moved to a descriptor whose code the vocabulary lacks fails exactly its scenario with the
 * code shown, exit 1 (never 2 or 3); NONE/UNKNOWN resource types are accepted; MSFs are read back
 * with their own descriptor and the link to their IRF; a database without MEDIATION_SEGMENT_FACT
 * answers IRFs and reports MSFs as not checked. The export back end is checked on CSV exports
 * psql makes with sql/irf-descriptors.sql and sql/msf-descriptors.sql.
 *
 * The database is seeded from the bundled example logs that hold one interaction each (the seed
 * takes one interaction per log), as seed-db seeds them.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, type TestContext, test } from "node:test";
import { expect } from "chai";
import type { IrfExpectation, IrfRow } from "../../src/domain/irf";
import type { MsfRow } from "../../src/domain/msf";
import { InputError } from "../../src/errors";
import { databaseTarget } from "../../src/gimdb/database-target";
import { type ExampleLog, readExampleLogs } from "../../src/gimdb/example-logs";
import { irfQueryOneLine } from "../../src/gimdb/irf-query";
import { msfQueryOneLine } from "../../src/gimdb/msf-query";
import { seedDatabase } from "../../src/gimdb/seed";
import { readLabScenarios } from "../../src/labkit/feature-scenarios";
import { compareIrfs } from "../../src/report/irf-comparison";
import { ExportSut } from "../../src/sut/export-sut";
import { formatManifest } from "../../src/sut/lab-manifest-format";
import { PostgresSut } from "../../src/sut/postgres-sut";
import type { SutAnswer, SystemUnderTest } from "../../src/sut/system-under-test";
import { EXAMPLES, postgresUnavailable, type TestSchema, testPostgres } from "../support/postgres";
import { runCli } from "../support/run-cli";

const psqlMissing =
  spawnSync("psql", ["--version"], { encoding: "utf8" }).status === 0 ? undefined : "psql is not installed";
const unavailable = postgresUnavailable();
const FEATURES = join(__dirname, "..", "..", "features");

function pgTest(name: string, fn: (t: TestContext) => Promise<void>, needsPsql = false): void {
  test(name, async (t) => {
    const why = unavailable ?? (needsPsql ? psqlMissing : undefined);
    if (why !== undefined) {
      t.skip(why);
      return;
    }
    await fn(t);
  });
}

/** The example logs that hold one interaction, copied to a folder of their own. */
function singleInteractionExamples(dir: string): string {
  for (const name of readdirSync(EXAMPLES).filter((n) => n.endsWith(".jsonl"))) {
    const text = readFileSync(join(EXAMPLES, name), "utf8");
    const ids = new Set(
      text
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => (JSON.parse(l) as { interaction: string }).interaction),
    );
    if (ids.size === 1) copyFileSync(join(EXAMPLES, name), join(dir, name));
  }
  return dir;
}

interface Seeded {
  schema: TestSchema;
  manifestFile: string;
  examples: Map<string, ExampleLog>;
  guidOf: Map<string, string>;
}

async function seeded(prefix: string, dir: string): Promise<Seeded> {
  const schema = await testPostgres().freshSchema(prefix);
  const examples = await readExampleLogs(join(dir, "examples"));
  const seededRows = await seedDatabase(databaseTarget(schema.url, "--db"), examples);
  const manifestFile = join(dir, `${schema.name}.manifest.yaml`);
  writeFileSync(
    manifestFile,
    formatManifest(
      seededRows.map((s) => ({ id: s.id, guid: s.guid })),
      [schema.name],
    ),
  );
  return {
    schema,
    manifestFile,
    examples: new Map(examples.map((e) => [e.id, e])),
    guidOf: new Map(seededRows.map((s) => [s.id, s.guid])),
  };
}

const expectation = (r: IrfRow): IrfExpectation => ({
  irf: r.irf,
  resource: r.resource,
  role: r.role,
  result: r.result,
  reason: r.reason,
});
const comparableIrf = (r: IrfRow) => ({
  irf: r.irf,
  resource: r.resource,
  role: r.role,
  result: r.result,
  reason: r.reason,
  roleReason: r.roleReason,
});
const comparableMsf = (m: MsfRow) => ({
  msf: m.msf,
  resource: m.resource,
  role: m.role,
  result: m.result,
  reason: m.reason,
  roleReason: m.roleReason,
  irf: m.irf,
});

async function answer(sut: SystemUnderTest, id: string): Promise<Extract<SutAnswer, { kind: "rows" }>> {
  const a = await sut.irfsFor({ id, name: id, interaction: id, events: [] });
  if (a.kind !== "rows") throw new Error(`${id}: not run: ${a.reason}`);
  return a;
}

async function nonconforming(sut: SystemUnderTest, db: Seeded): Promise<string[]> {
  const failing: string[] = [];
  for (const [id, example] of db.examples) {
    if (!compareIrfs(example.rows.map(expectation), (await answer(sut, id)).rows).conforms) failing.push(id);
  }
  return failing;
}

function psqlCsv(url: string, query: string, file: string): void {
  execFileSync(
    "psql",
    [url, "-X", "-v", "ON_ERROR_STOP=1", "-c", `\\copy (${query}) TO '${file}' WITH (FORMAT csv, HEADER)`],
    {
      encoding: "utf8",
    },
  );
}

/** Translates every name of TECHNICAL_DESCRIPTOR and RESOURCE_TYPE; the codes stay as they are. */
async function translateNames(db: Seeded): Promise<void> {
  await db.schema.writer.query(
    `UPDATE TECHNICAL_DESCRIPTOR SET RESOURCE_ROLE = 'Rôle ' || RESOURCE_ROLE,
       TECHNICAL_RESULT = 'Résultat ' || TECHNICAL_RESULT,
       RESULT_REASON = 'Raison « ' || RESULT_REASON || ' »',
       ROLE_REASON = 'Motif du rôle ' || ROLE_REASON`,
  );
  await db.schema.writer.query("UPDATE RESOURCE_ SET RESOURCE_TYPE = 'Type de ressource ' || RESOURCE_TYPE");
}

/**
 * Moves one IRF of a verified scenario to a new TECHNICAL_DESCRIPTOR row whose role code is
 * outside the vocabulary (names unchanged): returns the scenario and the code.
 */
async function changeOneCode(
  db: Seeded,
  provisional: ReadonlySet<string>,
): Promise<{ id: string; code: string }> {
  const id = [...db.examples.keys()].find((i) => !provisional.has(i));
  if (id === undefined) throw new Error("no verified scenario seeded");
  const code = "ROUTEDTOX";
  const { rows } = await db.schema.writer.query<{ id: string; key: number }>(
    `SELECT IRF.INTERACTION_RESOURCE_ID AS id, IRF.TECHNICAL_DESCRIPTOR_KEY AS key
       FROM INTERACTION_RESOURCE_FACT IRF JOIN INTERACTION_FACT F ON F.INTERACTION_ID = IRF.INTERACTION_ID
      WHERE F.MEDIA_SERVER_IXN_GUID = $1 ORDER BY IRF.START_TS, IRF.INTERACTION_RESOURCE_ID LIMIT 1`,
    [db.guidOf.get(id)],
  );
  const [first] = rows;
  if (first === undefined) throw new Error(`${id} has no IRF`);
  await db.schema.writer.query(
    `INSERT INTO TECHNICAL_DESCRIPTOR (TECHNICAL_DESCRIPTOR_KEY, TECHNICAL_RESULT, TECHNICAL_RESULT_CODE, RESULT_REASON,
       RESULT_REASON_CODE, RESOURCE_ROLE, RESOURCE_ROLE_CODE, ROLE_REASON, ROLE_REASON_CODE, CREATE_AUDIT_KEY, UPDATE_AUDIT_KEY)
     SELECT 9999, TECHNICAL_RESULT, TECHNICAL_RESULT_CODE, RESULT_REASON, RESULT_REASON_CODE, RESOURCE_ROLE, $2,
       ROLE_REASON, ROLE_REASON_CODE, CREATE_AUDIT_KEY, UPDATE_AUDIT_KEY
       FROM TECHNICAL_DESCRIPTOR WHERE TECHNICAL_DESCRIPTOR_KEY = $1`,
    [first.key, code],
  );
  const moved = await db.schema.writer.query(
    "UPDATE INTERACTION_RESOURCE_FACT SET TECHNICAL_DESCRIPTOR_KEY = 9999 WHERE INTERACTION_RESOURCE_ID = $1",
    [first.id],
  );
  expect(moved.rowCount).to.equal(1);
  return { id, code };
}

describe("codes are the contract, and MSFs, on a real PostgreSQL server", () => {
  let dir: string;
  let provisional: Set<string>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "gim-codes-"));
    const examples = join(dir, "examples");
    execFileSync("mkdir", ["-p", examples]);
    singleInteractionExamples(examples);
    provisional = new Set((await readLabScenarios(FEATURES)).filter((s) => s.provisional).map((s) => s.id));
  });
  after(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  pgTest(
    "translated names with unchanged codes conform; the names are carried beside the codes",
    async () => {
      const db = await seeded("codes_translated", dir);
      const sut = new PostgresSut({ url: db.schema.url, manifestFile: db.manifestFile });
      try {
        await translateNames(db);
        expect(db.examples.size).to.be.greaterThan(5);
        for (const [id, example] of db.examples) {
          const a = await answer(sut, id);
          expect(a.rows.map(comparableIrf), id).to.deep.equal(example.rows.map(comparableIrf));
          expect(a.msfs?.map(comparableMsf), id).to.deep.equal(example.msfs.map(comparableMsf));
          for (const row of a.rows) {
            expect(row.recordedNames?.role, id).to.equal(`Rôle ${row.role}`);
            expect(row.recordedNames?.resourceType, id).to.match(/^Type de ressource /);
          }
        }
        expect(await nonconforming(sut, db)).to.deep.equal([]);
      } finally {
        await sut.close();
        await db.schema.drop();
      }
    },
  );

  pgTest(
    "a code outside the vocabulary fails exactly its scenario, with the code shown; the run exits 1",
    async () => {
      const db = await seeded("codes_changed", dir);
      const sut = new PostgresSut({ url: db.schema.url, manifestFile: db.manifestFile });
      try {
        await translateNames(db);
        const { id, code } = await changeOneCode(db, provisional);
        expect(await nonconforming(sut, db)).to.deep.equal([id]);
        expect((await answer(sut, id)).rows[0]?.role).to.equal(code);

        const run = await runCli([
          "run",
          "--sut",
          "postgres",
          "--db",
          db.schema.url,
          "--manifest",
          db.manifestFile,
          "--no-allure",
        ]);
        expect(run.code, run.output).to.equal(1);
        expect(run.output).to.contain(id).and.contain(code);
        expect(run.output).to.match(/\b1 failed\b/);
      } finally {
        await sut.close();
        await db.schema.drop();
      }
    },
  );

  pgTest("RESOURCE_TYPE_CODE NONE and UNKNOWN are accepted, shown as Other with their code", async () => {
    const db = await seeded("codes_none", dir);
    const sut = new PostgresSut({ url: db.schema.url, manifestFile: db.manifestFile });
    try {
      const id = [...db.examples].find(([, e]) => new Set(e.rows.map((r) => r.resource)).size >= 2)?.[0];
      if (id === undefined) throw new Error("no example with two resources");
      const rows = [...new Set(db.examples.get(id)?.rows.map((r) => r.resource))].map((name) => ({ name }));
      const [a, b] = rows.map((r) => r.name);
      if (a === undefined || b === undefined) throw new Error("expected two resources in the first example");
      await db.schema.writer.query(
        "UPDATE RESOURCE_ SET RESOURCE_TYPE_CODE = 'NONE' WHERE RESOURCE_NAME = $1",
        [a],
      );
      await db.schema.writer.query(
        "UPDATE RESOURCE_ SET RESOURCE_TYPE_CODE = 'UNKNOWN' WHERE RESOURCE_NAME = $1",
        [b],
      );
      const recorded = (await answer(sut, id)).rows;
      const typeOf = (name: string) =>
        recorded.filter((r) => r.resource === name).map((r) => `${r.resourceType} ${r.resourceTypeCode}`);
      expect(typeOf(a)).to.include("Other NONE");
      expect(typeOf(b)).to.include("Other UNKNOWN");
      expect(await nonconforming(sut, db), "the resource type is shown, not compared").to.deep.equal([]);
    } finally {
      await sut.close();
      await db.schema.drop();
    }
  });

  pgTest(
    "a resource type code outside the vocabulary is bad input naming the database, the field and the code",
    async () => {
      const db = await seeded("codes_bad_type", dir);
      const sut = new PostgresSut({ url: db.schema.url, manifestFile: db.manifestFile });
      try {
        await db.schema.writer.query("UPDATE RESOURCE_ SET RESOURCE_TYPE_CODE = 'ROBOT'");
        const error = await sut.describe().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, "bad input (exit 2), not a harness error").to.be.instanceOf(InputError);
        expect((error as InputError).message).to.match(
          /^PostgreSQL Info Mart at 127\.0\.0\.1:\d+\/gim_test: field "RESOURCE_TYPE_CODE": unknown code "ROBOT"/,
        );
      } finally {
        await sut.close();
        await db.schema.drop();
      }
    },
  );

  pgTest(
    "an MSF moved to another descriptor is read back with it, linked to its IRF by TARGET_IXN_RESOURCE_ID",
    async () => {
      const db = await seeded("codes_msf", dir);
      const sut = new PostgresSut({ url: db.schema.url, manifestFile: db.manifestFile });
      try {
        const withMsf = [...db.examples].find(([, e]) => e.msfs.some((m) => m.irf !== null));
        if (withMsf === undefined) throw new Error("no seeded example has a linked MSF");
        const [id] = withMsf;
        const guid = db.guidOf.get(id);
        const { rows } = await db.schema.writer.query<{ segment: string; target: string | null }>(
          `SELECT MSF.MEDIATION_SEGMENT_ID AS segment, MSF.TARGET_IXN_RESOURCE_ID AS target
           FROM MEDIATION_SEGMENT_FACT MSF JOIN INTERACTION_FACT F ON F.INTERACTION_ID = MSF.INTERACTION_ID
          WHERE F.MEDIA_SERVER_IXN_GUID = $1 ORDER BY MSF.START_TS, MSF.MEDIATION_SEGMENT_ID`,
          [guid],
        );
        const ordinal = rows.findIndex((r) => r.target !== null) + 1;
        const segment = rows[ordinal - 1];
        if (segment === undefined) throw new Error(`${id}: no linked MSF seeded`);
        await db.schema.writer.query(
          `INSERT INTO TECHNICAL_DESCRIPTOR (TECHNICAL_DESCRIPTOR_KEY, TECHNICAL_RESULT, TECHNICAL_RESULT_CODE, RESULT_REASON,
           RESULT_REASON_CODE, RESOURCE_ROLE, RESOURCE_ROLE_CODE, ROLE_REASON, ROLE_REASON_CODE, CREATE_AUDIT_KEY, UPDATE_AUDIT_KEY)
         VALUES (9998, 'Détourné', 'DIVERTED', 'Abandon en sonnerie', 'ABANDONEDWHILERINGING', 'Reçu', 'RECEIVED',
           NULL, NULL, 0, 0)`,
        );
        await db.schema.writer.query(
          "UPDATE MEDIATION_SEGMENT_FACT SET TECHNICAL_DESCRIPTOR_KEY = 9998 WHERE MEDIATION_SEGMENT_ID = $1",
          [segment.segment],
        );
        // The link, worked out independently: the rank of the target IRF in its interaction.
        const ranked = await db.schema.writer.query<{ id: string }>(
          `SELECT IRF.INTERACTION_RESOURCE_ID AS id FROM INTERACTION_RESOURCE_FACT IRF
           JOIN INTERACTION_FACT F ON F.INTERACTION_ID = IRF.INTERACTION_ID
          WHERE F.MEDIA_SERVER_IXN_GUID = $1 ORDER BY IRF.START_TS, IRF.INTERACTION_RESOURCE_ID`,
          [guid],
        );
        const link = ranked.rows.findIndex((r) => r.id === segment.target) + 1;
        expect(link, "the target is one of the interaction's IRFs").to.be.greaterThan(0);

        const msf1 = (await answer(sut, id)).msfs?.[ordinal - 1];
        expect(msf1).to.include({
          msf: ordinal,
          role: "Received",
          result: "Diverted",
          reason: "AbandonedWhileRinging",
          roleReason: "Unspecified",
          irf: link,
        });
        expect(msf1?.recordedNames).to.deep.equal({
          role: "Reçu",
          result: "Détourné",
          reason: "Abandon en sonnerie",
          resourceType: "Queue",
        });
      } finally {
        await sut.close();
        await db.schema.drop();
      }
    },
  );

  /**
   * The first seeded interaction's answer and the adapter's description after `alter` took
   * MEDIATION_SEGMENT_FACT away from the user; its IRFs must still be those of the reference.
   */
  async function withoutMsfs(prefix: string, alter: string) {
    const db = await seeded(prefix, dir);
    await db.schema.writer.query(alter);
    const sut = new PostgresSut({ url: db.schema.url, manifestFile: db.manifestFile });
    try {
      const [id, example] = [...db.examples][0] ?? [];
      const a = await answer(sut, id ?? "");
      expect(a.rows.map(comparableIrf)).to.deep.equal(example?.rows.map(comparableIrf));
      expect(a.msfs).to.equal(undefined);
      return { notChecked: a.msfsNotChecked, described: (await sut.describe()).details.msfs };
    } finally {
      await sut.close();
      await db.schema.drop();
    }
  }

  pgTest(
    "a database without MEDIATION_SEGMENT_FACT answers IRFs and reports MSFs as not checked",
    async () => {
      const { notChecked, described } = await withoutMsfs(
        "codes_no_msf",
        "DROP TABLE MEDIATION_SEGMENT_FACT",
      );
      expect(notChecked).to.match(/has no MEDIATION_SEGMENT_FACT table$/);
      expect(described).to.match(/^not checked: /);
    },
  );

  pgTest(
    "a user who may not read MEDIATION_SEGMENT_FACT gets IRFs, and MSFs reported as not checked for that reason",
    async () => {
      // The owner revokes its own right: has_table_privilege() then answers false, as for a
      // reporting user never granted the table.
      const { notChecked, described } = await withoutMsfs(
        "codes_msf_forbidden",
        "REVOKE ALL ON MEDIATION_SEGMENT_FACT FROM CURRENT_USER",
      );
      expect(notChecked).to.match(
        /^user gim may not read MEDIATION_SEGMENT_FACT at 127\.0\.0\.1:\d+\/gim_test$/,
      );
      expect(described).to.equal(`not checked: ${notChecked}`);
    },
  );

  pgTest(
    "--sut export on psql CSV exports with codes and translated names: conforms (exit 0), a changed code fails its scenario (exit 1)",
    async () => {
      const db = await seeded("codes_export", dir);
      try {
        await translateNames(db);
        const irfCsv = join(dir, "irf.csv");
        const msfCsv = join(dir, "msf.csv");
        psqlCsv(db.schema.url, irfQueryOneLine(), irfCsv);
        psqlCsv(db.schema.url, msfQueryOneLine(), msfCsv);
        expect(readFileSync(irfCsv, "utf8")).to.contain("Rôle RoutedTo").and.contain("ROUTEDTO");

        const sut = new ExportSut(irfCsv, db.manifestFile, msfCsv);
        for (const [id, example] of db.examples) {
          const a = await answer(sut, id);
          expect(a.rows.map(comparableIrf), id).to.deep.equal(example.rows.map(comparableIrf));
          expect(a.msfs?.map(comparableMsf), id).to.deep.equal(example.msfs.map(comparableMsf));
        }
        const args = [
          "run",
          "--sut",
          "export",
          "--export",
          irfCsv,
          "--msf-export",
          msfCsv,
          "--manifest",
          db.manifestFile,
        ];
        const good = await runCli([...args, "--no-allure"]);
        expect(good.code, good.output).to.equal(0);

        const { id, code } = await changeOneCode(db, provisional);
        psqlCsv(db.schema.url, irfQueryOneLine(), irfCsv);
        expect(await nonconforming(new ExportSut(irfCsv, db.manifestFile, msfCsv), db)).to.deep.equal([id]);
        const bad = await runCli([...args, "--no-allure"]);
        expect(bad.code, bad.output).to.equal(1);
        expect(bad.output).to.contain(id).and.contain(code);
      } finally {
        await db.schema.drop();
      }
    },
    true,
  );
});
