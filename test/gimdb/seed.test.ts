/**
 * seed-db against a real PostgreSQL server: the schema is created when absent, TECHNICAL_DESCRIPTOR
 * holds one row per distinct combination with GIM's codes, seeding again reuses the dimensions,
 * the manifest it writes reads back, and a database where GIM's own jobs ran is refused untouched.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, type TestContext, test } from "node:test";
import { expect } from "chai";
import { InputError } from "../../src/errors";
import { databaseTarget } from "../../src/gimdb/database-target";
import { type ExampleLog, readExampleLogs } from "../../src/gimdb/example-logs";
import { seedDatabase } from "../../src/gimdb/seed";
import { LabManifest } from "../../src/sut/lab-manifest";
import {
  EXAMPLES,
  passwordOf,
  postgresUnavailable,
  type TestSchema,
  testPostgres,
} from "../support/postgres";
import { runCli } from "../support/run-cli";

const unavailable = postgresUnavailable();

function pgTest(name: string, fn: (t: TestContext) => Promise<void>): void {
  test(name, async (t) => {
    if (unavailable !== undefined) {
      t.skip(unavailable);
      return;
    }
    await fn(t);
  });
}

async function count(schema: TestSchema, table: string): Promise<number> {
  const { rows } = await schema.writer.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? -1;
}

async function refusal(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(InputError);
    return error as InputError;
  }
  throw new Error("seeding was not refused");
}

describe("seed-db against a real PostgreSQL server", () => {
  let examples: ExampleLog[];
  let dir: string;
  const schemas: TestSchema[] = [];
  const fresh = async (prefix: string) => {
    const schema = await testPostgres().freshSchema(prefix);
    schemas.push(schema);
    return schema;
  };

  before(async () => {
    examples = await readExampleLogs(EXAMPLES);
    dir = mkdtempSync(join(tmpdir(), "gim-seed-"));
  });
  after(async () => {
    for (const schema of schemas) await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  pgTest(
    "creates the schema, one INTERACTION_FACT per example and one descriptor row per distinct combination",
    async () => {
      const schema = await fresh("seed_rows");
      const seeded = await seedDatabase(databaseTarget(schema.url, "--db"), examples);
      expect(seeded.map((s) => s.id)).to.deep.equal(examples.map((e) => e.id));
      expect(new Set(seeded.map((s) => s.guid)).size).to.equal(examples.length);
      expect(await count(schema, "INTERACTION_FACT")).to.equal(examples.length);
      const irfs = examples.reduce((n, e) => n + e.rows.length, 0);
      expect(await count(schema, "INTERACTION_RESOURCE_FACT")).to.equal(irfs);

      const combinations = new Set(
        examples.flatMap((e) => e.rows.map((r) => `${r.role}/${r.result}/${r.reason}/${r.roleReason}`)),
      );
      const { rows } = await schema.writer.query(
        `SELECT RESOURCE_ROLE, RESOURCE_ROLE_CODE, TECHNICAL_RESULT, TECHNICAL_RESULT_CODE, RESULT_REASON, RESULT_REASON_CODE,
              ROLE_REASON, ROLE_REASON_CODE FROM TECHNICAL_DESCRIPTOR`,
      );
      expect(
        rows
          .map((r) => `${r.resource_role}/${r.technical_result}/${r.result_reason}/${r.role_reason}`)
          .sort(),
      ).to.deep.equal([...combinations].sort());
      for (const r of rows) {
        expect(r.resource_role_code).to.equal(r.resource_role.toUpperCase());
        expect(r.technical_result_code).to.equal(r.technical_result.toUpperCase());
        expect(r.result_reason_code).to.equal(r.result_reason.toUpperCase());
        expect([r.role_reason, r.role_reason_code]).to.deep.equal(["Unspecified", "UNSPECIFIED"]);
      }
      const media = await schema.writer.query(
        "SELECT MEDIA_NAME, MEDIA_NAME_CODE, IS_ONLINE FROM MEDIA_TYPE",
      );
      expect(media.rows).to.deep.equal([{ media_name: "Chat", media_name_code: "CHAT", is_online: "1" }]);
    },
  );

  pgTest("seeding again adds fresh interactions and reuses every dimension row", async () => {
    const schema = await fresh("seed_twice");
    const target = databaseTarget(schema.url, "--db");
    await seedDatabase(target, examples);
    const dimensions = [
      await count(schema, "TECHNICAL_DESCRIPTOR"),
      await count(schema, "RESOURCE_"),
      await count(schema, "MEDIA_TYPE"),
    ];
    await seedDatabase(target, examples);
    expect([
      await count(schema, "TECHNICAL_DESCRIPTOR"),
      await count(schema, "RESOURCE_"),
      await count(schema, "MEDIA_TYPE"),
    ]).to.deep.equal(dimensions);
    expect(await count(schema, "INTERACTION_FACT")).to.equal(2 * examples.length);
  });

  pgTest("refuses, untouched, a database where GIM's transformation job has run", async () => {
    const schema = await fresh("seed_real_gim");
    await schema.writer.query(
      "CREATE TABLE CTL_TRANSFORM_HISTORY (JOB_ID varchar(64), JOB_VERSION varchar(64), HWM_VALUE numeric(19), CREATED_TS integer, AUDIT_KEY numeric(19))",
    );
    await schema.writer.query("INSERT INTO CTL_TRANSFORM_HISTORY VALUES ('j', '8.5.116.12', 1, 1, 1)");
    const e = await refusal(seedDatabase(databaseTarget(schema.url, "--db"), examples));
    expect(e.message).to.contain("looks like a real Info Mart").and.contain("transformation job has run");
    const tables = await schema.writer.query("SELECT to_regclass('interaction_fact') IS NULL AS absent");
    expect(tables.rows[0]?.absent, "no table was created").to.equal(true);
  });

  pgTest("refuses a database whose INTERACTION_FACT holds interactions no seeding wrote", async () => {
    const schema = await fresh("seed_foreign_rows");
    await schema.writer.query("CREATE TABLE INTERACTION_FACT (INTERACTION_ID numeric(19))");
    await schema.writer.query("INSERT INTO INTERACTION_FACT VALUES (1)");
    const e = await refusal(seedDatabase(databaseTarget(schema.url, "--db"), examples));
    expect(e.message).to.contain("INTERACTION_FACT holds interactions no seeding wrote");
  });

  pgTest(
    "the seed-db command writes the manifest of what it seeded; a refused database exits 2",
    async () => {
      const schema = await fresh("seed_cli");
      const manifest = join(dir, "seeded.yaml");
      const run = await runCli(["seed-db", "--db", schema.url, "--manifest", manifest]);
      expect(run.code, run.output).to.equal(0);
      expect(run.stdout).to.match(
        new RegExp(
          `Seeded ${examples.length} interactions \\(\\d+ IRFs\\) into 127\\.0\\.0\\.1:\\d+/gim_test`,
        ),
      );
      expect(run.output).not.to.contain(passwordOf(schema.url));
      const read = LabManifest.read(manifest);
      expect(read.list().map((e) => e.id)).to.deep.equal(examples.map((e) => e.id));
      expect(read.guids().size).to.equal(examples.length);

      await schema.writer.query("UPDATE CTL_TRANSFORM_HISTORY SET JOB_VERSION = '8.5.116.12'");
      const refused = await runCli(["seed-db", "--db", schema.url, "--manifest", join(dir, "again.yaml")]);
      expect(refused.code, refused.output).to.equal(2);
      expect(refused.stderr).to.contain("refusing to seed");
    },
  );

  pgTest("seed-db takes its database from --db only, never from GIM_DATABASE_URL", async () => {
    const schema = await fresh("seed_env");
    const run = await runCli(["seed-db", "--manifest", join(dir, "env.yaml")], {
      GIM_DATABASE_URL: schema.url,
    });
    expect(run.code, run.output).to.equal(2);
    expect(run.stderr).to.contain("--db");
    expect(
      await schema.writer.query("SELECT to_regclass('interaction_fact') IS NULL AS absent"),
    ).to.have.nested.property("rows[0].absent", true);
  });

  pgTest("a wrong password exits 3 naming the user, never the password", async () => {
    const url = testPostgres().url.replace(/^(postgres:\/\/gim:)[^@]*@/, "$1not-the-password@");
    const run = await runCli(["seed-db", "--db", url, "--manifest", join(dir, "never.yaml")]);
    expect(run.code, run.output).to.equal(3);
    expect(run.stderr).to.contain("authentication failed for user gim");
    expect(run.output).not.to.contain("not-the-password");
  });
});
