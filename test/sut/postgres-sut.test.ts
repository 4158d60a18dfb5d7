/**
 * The PostgreSQL back end against a real PostgreSQL server (test/support/postgres.ts): a seeded
 * Info Mart conforms exactly like the reference; one altered descriptor fails exactly its
 * scenario; a missing interaction is reported missing; a wrong password, a stopped server, a
 * silent server, a slow query and missing tables each give one clear line (exit 3) and never the
 * password; and the server itself refuses a write inside the adapter's transaction.
 */

import { createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { expect } from "chai";
import { CLASSIFIER_VERSION } from "../../src/classifier/classify";
import type { IrfExpectation, IrfRow } from "../../src/domain/irf";
import { HarnessError, InputError } from "../../src/errors";
import { createSchema } from "../../src/gimdb/schema";
import { readLabScenarios } from "../../src/labkit/feature-scenarios";
import { compareIrfs } from "../../src/report/irf-comparison";
import { PostgresSut } from "../../src/sut/postgres-sut";
import type { ScenarioRef } from "../../src/sut/system-under-test";
import {
  passwordOf,
  pgTest,
  postgresUnavailable,
  type SeededSchema,
  seededSchema,
  testPostgres,
} from "../support/postgres";
import { runCli } from "../support/run-cli";

const unavailable = postgresUnavailable();
const FEATURES = join(__dirname, "..", "..", "features");

const ref = (id: string): ScenarioRef => ({ id, name: id, interaction: id, events: [] });
const expectation = (r: IrfRow): IrfExpectation => ({
  irf: r.irf,
  resource: r.resource,
  role: r.role,
  result: r.result,
  reason: r.reason,
});
/** What a real Info Mart can hold of a row: descriptors, names, whole-second times. */
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

async function rowsOf(sut: PostgresSut, id: string): Promise<IrfRow[]> {
  const answer = await sut.irfsFor(ref(id));
  if (answer.kind !== "rows") throw new Error(`${id}: not run: ${answer.reason}`);
  return answer.rows;
}

/** Ids of the scenarios whose recorded rows differ from the reference's expectations. */
async function nonconforming(sut: PostgresSut, seeded: SeededSchema): Promise<string[]> {
  const failing: string[] = [];
  for (const [id, example] of seeded.examples) {
    if (!compareIrfs(example.rows.map(expectation), await rowsOf(sut, id)).conforms) failing.push(id);
  }
  return failing;
}

/** The HarnessError describe() gives on a fresh adapter, which is then closed (no connection left open). */
async function describeFailure(
  url: string,
  manifestFile: string,
  timeouts?: { connectMs: number; statementMs: number },
) {
  const failing = new PostgresSut({ url, manifestFile, ...(timeouts === undefined ? {} : { timeouts }) });
  try {
    return await harnessError(failing.describe());
  } finally {
    await failing.close();
  }
}

async function harnessError(promise: Promise<unknown>): Promise<HarnessError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(HarnessError);
    return error as HarnessError;
  }
  throw new Error("no failure");
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function withPassword(url: string, password: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/]*:)[^@/]*@/, `$1${password}@`);
}

describe("--sut postgres against a real PostgreSQL server", () => {
  let seeded: SeededSchema;
  let sut: PostgresSut;
  let password: string;
  let provisional: Set<string>;

  before(async () => {
    if (unavailable !== undefined) return;
    seeded = await seededSchema("pg_sut");
    sut = new PostgresSut({ url: seeded.schema.url, manifestFile: seeded.manifestFile });
    password = passwordOf(seeded.schema.url);
    provisional = new Set((await readLabScenarios(FEATURES)).filter((s) => s.provisional).map((s) => s.id));
  });
  after(async () => {
    await sut?.close();
    await seeded?.schema.drop();
  });

  pgTest("the seeded Info Mart holds exactly the reference classifier's rows for every example", async () => {
    expect(seeded.examples.size).to.be.greaterThan(10);
    for (const [id, example] of seeded.examples) {
      expect((await rowsOf(sut, id)).map(comparable), id).to.deep.equal(example.rows.map(comparable));
    }
    expect(await nonconforming(sut, seeded)).to.deep.equal([]);
  });

  pgTest("describe names host:port/database and who wrote the rows, never the user's password", async () => {
    const description = await sut.describe();
    const { port } = new URL(seeded.schema.url);
    expect(description.name).to.equal(
      `PostgreSQL Info Mart at 127.0.0.1:${port}/gim_test (written by gim-conformance seed-db (reference classifier ${CLASSIFIER_VERSION}))`,
    );
    expect(description.details).to.include({
      user: "gim",
      interactionsFound: `${seeded.seeded.length} of ${seeded.seeded.length}`,
      msfs: "MEDIATION_SEGMENT_FACT",
    });
    expect(JSON.stringify(description)).not.to.contain(password);
  });

  pgTest(
    "gim-conformance run --sut postgres on the seeded Info Mart exits 0 with every flow as in the reference run",
    async () => {
      const run = await runCli([
        "run",
        "--sut",
        "postgres",
        "--db",
        seeded.schema.url,
        "--manifest",
        seeded.manifestFile,
        "--no-allure",
      ]);
      expect(run.code, run.output).to.equal(0);
      expect(run.output).to.match(/\b0 failed, 0 not run\b/);
      for (const id of seeded.examples.keys())
        expect(run.stderr).to.match(new RegExp(`${id}\\s+(passed|matches hypothesis)`));
      expect(run.output).not.to.contain(password);
    },
  );

  pgTest(
    "one altered TECHNICAL_DESCRIPTOR fails exactly the scenario that uses it, with the side-by-side diff",
    async () => {
      const altered = await seededSchema("pg_altered");
      const alteredSut = new PostgresSut({ url: altered.schema.url, manifestFile: altered.manifestFile });
      try {
        // A combination only one verified scenario uses, so exactly that scenario must fail.
        const users = new Map<string, Set<string>>();
        for (const [id, example] of altered.examples) {
          for (const r of example.rows) {
            const key = `${r.role}/${r.result}/${r.reason}`;
            users.set(key, (users.get(key) ?? new Set()).add(id));
          }
        }
        const [combination, [id] = []] =
          [...users]
            .map(([k, ids]) => [k, [...ids]] as const)
            .find(([, ids]) => ids.length === 1 && !provisional.has(ids[0] ?? "")) ?? [];
        expect(combination, "a descriptor combination unique to one verified scenario").to.be.a("string");
        const [role, result, reason] = (combination ?? "").split("/");
        const wrong = result === "Abandoned" ? "Completed" : "Abandoned";
        const changed = await altered.schema.writer.query(
          `UPDATE TECHNICAL_DESCRIPTOR SET TECHNICAL_RESULT = $4, TECHNICAL_RESULT_CODE = $5
          WHERE RESOURCE_ROLE = $1 AND TECHNICAL_RESULT = $2 AND RESULT_REASON = $3`,
          [role, result, reason, wrong, wrong.toUpperCase()],
        );
        expect(changed.rowCount, "one TECHNICAL_DESCRIPTOR row per combination").to.equal(1);

        expect(await nonconforming(alteredSut, altered)).to.deep.equal([id]);

        const run = await runCli([
          "run",
          "--sut",
          "postgres",
          "--db",
          altered.schema.url,
          "--manifest",
          altered.manifestFile,
          "--no-allure",
        ]);
        expect(run.code, run.output).to.equal(1);
        expect(run.output).to.contain(`${id}`);
        expect(run.output).to.match(/\b1 failed\b/);
        expect(run.output, "the side-by-side table").to.contain("expected").and.contain("recorded");
        expect(run.output).not.to.contain(passwordOf(altered.schema.url));
      } finally {
        await alteredSut.close();
        await altered.schema.drop();
      }
    },
  );

  pgTest("an interaction missing from the Info Mart is reported as missing IRFs, not a crash", async () => {
    const gone = await seededSchema("pg_missing");
    const goneSut = new PostgresSut({ url: gone.schema.url, manifestFile: gone.manifestFile });
    try {
      const [victim] = gone.seeded;
      if (victim === undefined) throw new Error("nothing seeded");
      await gone.schema.writer.query(
        `DELETE FROM INTERACTION_RESOURCE_FACT WHERE INTERACTION_ID IN
           (SELECT INTERACTION_ID FROM INTERACTION_FACT WHERE MEDIA_SERVER_IXN_GUID = $1)`,
        [victim.guid],
      );
      await gone.schema.writer.query("DELETE FROM INTERACTION_FACT WHERE MEDIA_SERVER_IXN_GUID = $1", [
        victim.guid,
      ]);

      expect(await rowsOf(goneSut, victim.id)).to.deep.equal([]);
      const expected = gone.examples.get(victim.id)?.rows.map(expectation) ?? [];
      const comparison = compareIrfs(expected, []);
      expect(comparison.conforms).to.equal(false);
      expect(comparison.lines.map((l) => l.status)).to.deep.equal(expected.map(() => "missing"));
      expect((await goneSut.describe()).details.interactionsFound).to.equal(
        `${gone.seeded.length - 1} of ${gone.seeded.length}`,
      );
    } finally {
      await goneSut.close();
      await gone.schema.drop();
    }
  });

  pgTest("a scenario whose manifest entry has no guid yet is not run, with the reason", async () => {
    const answer = await sut.irfsFor(ref("no-such-scenario"));
    expect(answer).to.deep.equal({
      kind: "not-run",
      reason: `no manifest entry for @id:no-such-scenario in ${seeded.manifestFile}`,
    });
  });

  pgTest("a wrong password: one line naming the user, exit 3, and no password anywhere", async () => {
    const wrong = withPassword(seeded.schema.url, "wrong-pw-123");
    const e = await describeFailure(wrong, seeded.manifestFile);
    expect(e.message).to.match(/^authentication failed for user gim at 127\.0\.0\.1:\d+\/gim_test$/);
    const run = await runCli([
      "run",
      "--sut",
      "postgres",
      "--db",
      wrong,
      "--manifest",
      seeded.manifestFile,
      "--no-allure",
    ]);
    expect(run.code, run.output).to.equal(3);
    expect(run.stderr).to.contain("authentication failed for user gim");
    expect(run.output).not.to.contain("wrong-pw-123");
    expect(run.output).not.to.contain(password);
  });

  pgTest("a stopped server: connection refused, exit 3, no password", async () => {
    const port = await freePort();
    const stopped = seeded.schema.url.replace(/@127\.0\.0\.1:\d+\//, `@127.0.0.1:${port}/`);
    const e = await describeFailure(stopped, seeded.manifestFile);
    expect(e.message).to.equal(
      `cannot reach PostgreSQL at 127.0.0.1:${port}: connection refused (is the server running?)`,
    );
    const run = await runCli([
      "run",
      "--sut",
      "postgres",
      "--db",
      stopped,
      "--manifest",
      seeded.manifestFile,
      "--no-allure",
    ]);
    expect(run.code, run.output).to.equal(3);
    expect(run.stderr).to.contain("connection refused");
    expect(run.output).not.to.contain(password);
  });

  pgTest("a server that accepts but never answers: the connect timeout ends it", async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as { port: number };
      const url = seeded.schema.url.replace(/@127\.0\.0\.1:\d+\//, `@127.0.0.1:${port}/`);
      const e = await describeFailure(url, seeded.manifestFile, { connectMs: 300, statementMs: 1000 });
      expect(e.message).to.equal(`cannot reach PostgreSQL at 127.0.0.1:${port}: no answer within 300 ms`);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  pgTest("a query slower than statement_timeout is cancelled by the server (57014): one line", async () => {
    const slow = new PostgresSut({
      url: seeded.schema.url,
      manifestFile: seeded.manifestFile,
      timeouts: { connectMs: 5000, statementMs: 200 },
    });
    try {
      const e = await harnessError(slow.inReadOnlyTransaction((db) => db.query("SELECT pg_sleep(5)")));
      expect((e.cause as { code?: string }).code).to.equal("57014");
      expect(e.message).to.match(
        /^the query timed out after 200 ms \(statement_timeout\) at 127\.0\.0\.1:\d+\/gim_test$/,
      );
    } finally {
      await slow.close();
    }
  });

  pgTest("a write inside the adapter's transaction is refused by the server (SQLSTATE 25006)", async () => {
    const before = await seeded.schema.writer.query("SELECT COUNT(*)::int AS n FROM TECHNICAL_DESCRIPTOR");
    const e = await harnessError(
      sut.inReadOnlyTransaction((db) =>
        db.query("UPDATE TECHNICAL_DESCRIPTOR SET TECHNICAL_RESULT = 'Completed'"),
      ),
    );
    expect((e.cause as { code?: string }).code).to.equal("25006");
    const insert = await harnessError(
      sut.inReadOnlyTransaction((db) =>
        db.query(
          "INSERT INTO MEDIA_TYPE (MEDIA_TYPE_KEY, CREATE_AUDIT_KEY, UPDATE_AUDIT_KEY) VALUES (999, 0, 0)",
        ),
      ),
    );
    expect((insert.cause as { code?: string }).code).to.equal("25006");
    const afterCount = await seeded.schema.writer.query(
      "SELECT COUNT(*)::int AS n FROM TECHNICAL_DESCRIPTOR",
    );
    expect(afterCount.rows).to.deep.equal(before.rows);
    // The session is still usable afterwards: the failed transaction was rolled back.
    expect(await rowsOf(sut, [...seeded.examples.keys()][0] ?? "")).to.not.be.empty;
  });

  pgTest("a database without GIM's tables: 'table INTERACTION_FACT not found', exit 3", async () => {
    const empty = await testPostgres().freshSchema("pg_empty");
    try {
      const e = await describeFailure(empty.url, seeded.manifestFile);
      expect(e.message).to.match(
        /^table INTERACTION_FACT not found at 127\.0\.0\.1:\d+\/gim_test: is this a GIM database\?$/,
      );
      const run = await runCli([
        "run",
        "--sut",
        "postgres",
        "--db",
        empty.url,
        "--manifest",
        seeded.manifestFile,
        "--no-allure",
      ]);
      expect(run.code, run.output).to.equal(3);
      expect(run.stderr).to.contain("table INTERACTION_FACT not found");
    } finally {
      await empty.drop();
    }
  });

  pgTest("the GIM version comes from CTL_TRANSFORM_HISTORY, and is 'unknown' without it", async () => {
    const db = await testPostgres().freshSchema("pg_version");
    try {
      await createSchema(db.writer);
      await db.writer.query(
        `INSERT INTO CTL_TRANSFORM_HISTORY (JOB_ID, JOB_VERSION, HWM_VALUE, CREATED_TS, AUDIT_KEY)
         VALUES ('a', '8.5.114.09', 1, 100, 1), ('b', '8.5.116.12', 2, 200, 2)`,
      );
      const versioned = new PostgresSut({ url: db.url, manifestFile: seeded.manifestFile });
      const description = await versioned.describe();
      await versioned.close();
      expect(description.gimVersion).to.equal("8.5.116.12");
      expect(description.name).to.match(/\(GIM 8\.5\.116\.12\)$/);

      // A user who may not read the table: the version is unknown and the run goes on (reading
      // it anyway would fail and abort the read-only transaction, IRFs and all).
      await db.writer.query("REVOKE ALL ON CTL_TRANSFORM_HISTORY FROM CURRENT_USER");
      const unprivileged = new PostgresSut({ url: db.url, manifestFile: seeded.manifestFile });
      const hidden = await unprivileged.describe();
      await unprivileged.close();
      expect(hidden.details.gimVersion).to.equal("unknown");

      // A GIM that has not finished a transformation job yet: the table is there and empty.
      await db.writer.query("GRANT ALL ON CTL_TRANSFORM_HISTORY TO CURRENT_USER");
      await db.writer.query("DELETE FROM CTL_TRANSFORM_HISTORY");
      const fresh = new PostgresSut({ url: db.url, manifestFile: seeded.manifestFile });
      const beforeFirstJob = await fresh.describe();
      await fresh.close();
      expect(beforeFirstJob.details.gimVersion).to.equal("unknown");

      await db.writer.query("DROP TABLE CTL_TRANSFORM_HISTORY");
      const unversioned = new PostgresSut({ url: db.url, manifestFile: seeded.manifestFile });
      const without = await unversioned.describe();
      await unversioned.close();
      expect(without, "no gimVersion key when it is unknown").not.to.have.property("gimVersion");
      expect(without.details.gimVersion).to.equal("unknown");
      expect(without.name).to.match(/\(GIM version unknown\)$/);
    } finally {
      await db.drop();
    }
  });
});

describe("without PostgreSQL", () => {
  test("a URL that is not one is refused before any connection, naming --db unless told another option", () => {
    const refusal = (urlOption?: string) => {
      try {
        new PostgresSut({ url: "not a url", manifestFile: "lab.yaml", ...(urlOption ? { urlOption } : {}) });
      } catch (error) {
        if (error instanceof InputError) return error.message;
        throw error;
      }
      throw new Error("accepted");
    };
    expect(refusal()).to.match(/^--db: /);
    expect(refusal("GIM_DATABASE_URL")).to.match(/^GIM_DATABASE_URL: /);
  });

  test("the PostgreSQL tests are skipped with the reason, never passed", () => {
    const reason = postgresUnavailable({ PATH: "/nonexistent" }, "/nonexistent");
    expect(reason).to.contain("no PostgreSQL binaries");
    expect(
      postgresUnavailable(
        { PATH: "/nonexistent", GIM_TEST_DATABASE_URL: "postgres://x@y/z" },
        "/nonexistent",
      ),
    ).to.equal(undefined);
  });
});
