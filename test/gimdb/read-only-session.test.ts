/**
 * The read-only session against a real PostgreSQL server, for what a DBA of a production Info
 * Mart sees of it: the connection names itself (pg_stat_activity), each statement is bounded by
 * the documented 60-second statement timeout, no transaction is left open between pieces of work
 * (an "idle in transaction" session holds back vacuum on the whole database), and a connection the
 * server drops between reads is reported by the next read, not by a crash.
 */
import { after, before, describe, test } from "node:test";
import { expect } from "chai";
import pg from "pg";
import { HarnessError } from "../../src/errors";
import { databaseTarget } from "../../src/gimdb/database-target";
import { DEFAULT_TIMEOUTS, ReadOnlySession } from "../../src/gimdb/read-only-session";
import { pgTest, postgresUnavailable, testPostgres } from "../support/postgres";

const unavailable = postgresUnavailable();

/** The server's own view of the session's connection (a second connection, as a DBA would look). */
async function activityOf(admin: pg.Client, pid: number): Promise<{ state: string; application: string }> {
  const { rows } = await admin.query<{ state: string; application: string }>(
    "SELECT state, application_name AS application FROM pg_stat_activity WHERE pid = $1",
    [pid],
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`no backend with pid ${pid}`);
  return row;
}

describe("the read-only session", () => {
  test("closing a session that never connected does nothing (and does not throw)", async () => {
    const session = new ReadOnlySession(databaseTarget("postgres://u:p@127.0.0.1:1/none", "--db"));
    await session.close();
    await session.close();
  });

  describe("on a real PostgreSQL server", () => {
    let admin: pg.Client | undefined;
    before(async () => {
      if (unavailable !== undefined) return;
      admin = new pg.Client({ connectionString: testPostgres().url });
      await admin.connect();
    });
    after(async () => {
      await admin?.end();
    });
    const session = () => new ReadOnlySession(databaseTarget(testPostgres().url, "--db"));
    const pidOf = (s: ReadOnlySession) =>
      s.inReadOnlyTransaction(
        async (db) => (await db.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid ?? -1,
      );

    pgTest("by default it names itself gim-conformance and bounds each statement by 60 seconds", async () => {
      expect(DEFAULT_TIMEOUTS.statementMs, "the statement timeout GIM documents").to.equal(60_000);
      const s = session();
      try {
        const settings = await s.inReadOnlyTransaction(async (db) => {
          const { rows } = await db.query<{ timeout: string; application: string; readOnly: string }>(
            `SELECT current_setting('statement_timeout') AS timeout,
                    current_setting('application_name') AS application,
                    current_setting('transaction_read_only') AS "readOnly"`,
          );
          return rows[0];
        });
        expect(settings).to.deep.equal({ timeout: "1min", application: "gim-conformance", readOnly: "on" });
      } finally {
        await s.close();
      }
    });

    pgTest(
      "after each piece of work the transaction is over: the connection is idle, not idle in transaction",
      async () => {
        const s = session();
        try {
          const pid = await pidOf(s);
          expect(await activityOf(admin as pg.Client, pid)).to.deep.equal({
            state: "idle",
            application: "gim-conformance",
          });
          // A failed piece of work is rolled back the same way.
          const failed = await s
            .inReadOnlyTransaction((db) => db.query("SELECT * FROM no_such_table_here"))
            .then(
              () => undefined,
              (error: unknown) => error,
            );
          expect(failed).to.be.instanceOf(HarnessError);
          expect((await activityOf(admin as pg.Client, pid)).state).to.equal("idle");
          expect(await pidOf(s), "the same connection serves the next piece of work").to.equal(pid);
        } finally {
          await s.close();
        }
      },
    );

    pgTest(
      "a connection the server drops between reads fails the next read with one line, and nothing crashes",
      async () => {
        const s = session();
        try {
          const pid = await pidOf(s);
          await (admin as pg.Client).query("SELECT pg_terminate_backend($1)", [pid]);
          // Give the client time to see the connection end while it is idle (pg emits 'error' on it).
          await new Promise((resolve) => setTimeout(resolve, 300));
          // The work must not run at all when its read-only transaction could not begin: outside
          // one, nothing but the user's rights would stop a write.
          let ran = false;
          const error = await s
            .inReadOnlyTransaction(async () => {
              ran = true;
            })
            .then(
              () => undefined,
              (e: unknown) => e,
            );
          expect(ran, "work run without its read-only transaction").to.equal(false);
          expect(error).to.be.instanceOf(HarnessError);
          expect((error as HarnessError).message).not.to.contain("\n");
          expect((error as HarnessError).message).to.contain("127.0.0.1");
        } finally {
          await s.close();
        }
      },
    );
  });
});
