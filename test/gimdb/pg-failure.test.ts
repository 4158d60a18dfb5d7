/**
 * Database failures as one line a reporting team can act on, and never the password: the
 * connection target's parts, and every known failure's wording, checked without a server (the
 * same failures against a real server are in test/sut/postgres-sut.test.ts).
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import { HarnessError, InputError } from "../../src/errors";
import { databaseTarget, redact } from "../../src/gimdb/database-target";
import { pgFailure } from "../../src/gimdb/pg-failure";

const URL = "postgres://gim:s3cr%40t@db.example:5433/infomart";
const target = databaseTarget(URL, "--db");
const timeouts = { connectMs: 10_000, statementMs: 60_000 };

function failure(error: object): string {
  const harness = pgFailure(error, target, timeouts);
  expect(harness).to.be.instanceOf(HarnessError);
  expect(harness.message).not.to.contain("s3cr");
  expect(harness.message).not.to.contain("\n");
  return harness.message;
}

describe("database target", () => {
  test("names host, port, database and user, never the password", () => {
    expect(target).to.include({
      host: "db.example",
      port: 5433,
      database: "infomart",
      user: "gim",
      label: "db.example:5433/infomart",
    });
  });

  test("redacts the URL and the password, raw and URL-encoded", () => {
    expect(redact(`failed: ${URL} with s3cr@t and s3cr%40t`, target)).to.equal(
      "failed: *** with *** and ***",
    );
  });

  test("rejects something that is not a PostgreSQL URL without echoing it", () => {
    expect(() => databaseTarget("hunter2", "GIM_DATABASE_URL"))
      .to.throw(InputError, "expected a URL like postgres://")
      .with.property("message")
      .that.does.not.contain("hunter2");
  });
});

describe("database target: the edges of the URL", () => {
  test("a password that is a piece of its own URL-encoded form is still redacted whole", () => {
    // "p%25" decodes to "p%", which the raw form contains: replaced first, it would leave "25".
    const t = databaseTarget("postgres://gim:p%25@db.example/infomart", "--db");
    expect(redact("raw p%25, decoded p%", t)).to.equal("raw ***, decoded ***");
  });

  test("a one-character password is redacted; no password leaves the text as it was", () => {
    expect(
      redact("password x here", databaseTarget("postgres://gim:x@db.example/infomart", "--db")),
    ).to.equal("password *** here");
    const open = databaseTarget("postgres://gim@db.example/infomart", "--db");
    expect(redact("nothing secret", open)).to.equal("nothing secret");
    expect(open.secrets).to.deep.equal(["postgres://gim@db.example/infomart"]);
  });

  test("a URL without a database names the one PostgreSQL connects to: the user's", () => {
    const t = databaseTarget("postgres://gim:x@db.example:5433", "--db");
    expect({ database: t.database, label: t.label }).to.deep.equal({
      database: "gim",
      label: "db.example:5433/gim",
    });
  });

  test("the scheme must begin the text; a URL pg cannot parse is refused without echoing it", () => {
    expect(() => databaseTarget("xpostgres://gim@db.example/infomart", "--db")).to.throw(
      InputError,
      "expected a URL like postgres://",
    );
    expect(() => databaseTarget("postgres://gim:hunter2@db.example:port/infomart", "--db"))
      .to.throw(InputError, "is not a valid PostgreSQL URL")
      .with.property("message")
      .that.does.not.contain("hunter2");
  });
});

describe("PostgreSQL failures as one line", () => {
  test("connection refused", () => {
    expect(failure({ code: "ECONNREFUSED" })).to.equal(
      "cannot reach PostgreSQL at db.example:5433: connection refused (is the server running?)",
    );
  });

  test("authentication failed (28P01)", () => {
    expect(failure({ code: "28P01", message: 'password authentication failed for user "gim"' })).to.equal(
      "authentication failed for user gim at db.example:5433/infomart",
    );
  });

  test("a missing table (42P01) names it and asks whether this is a GIM database", () => {
    expect(failure({ code: "42P01", message: 'relation "interaction_fact" does not exist' })).to.equal(
      "table INTERACTION_FACT not found at db.example:5433/infomart: is this a GIM database?",
    );
  });

  test("statement timeout (57014) and connect timeout", () => {
    expect(failure({ code: "57014", message: "canceling statement due to statement timeout" })).to.contain(
      "timed out after 60000 ms",
    );
    expect(failure(new Error("timeout expired"))).to.equal(
      "cannot reach PostgreSQL at db.example:5433: no answer within 10000 ms",
    );
  });

  test("anything else keeps pg's first line, scrubbed of secrets", () => {
    expect(failure({ code: "XX000", message: `odd failure mentioning ${URL}\nmore` })).to.equal(
      "PostgreSQL at db.example:5433/infomart failed (XX000): odd failure mentioning ***",
    );
  });

  test("keeps the pg error as the cause", () => {
    const cause = { code: "25006", message: "cannot execute INSERT in a read-only transaction" };
    expect(pgFailure(cause, target, timeouts).cause).to.equal(cause);
  });

  test("every other known failure has its own wording", () => {
    const where = "db.example:5433";
    const cases: [object, string][] = [
      [{ code: "ENOTFOUND" }, `cannot reach PostgreSQL at ${where}: host not found`],
      [{ code: "EAI_AGAIN" }, `cannot reach PostgreSQL at ${where}: host not found`],
      [{ code: "ETIMEDOUT" }, `cannot reach PostgreSQL at ${where}: timed out`],
      [{ code: "EHOSTUNREACH" }, `cannot reach PostgreSQL at ${where}: no route to host`],
      [{ code: "ENETUNREACH" }, `cannot reach PostgreSQL at ${where}: no route to host`],
      [{ code: "ENOENT" }, `cannot reach PostgreSQL at ${where}: no server socket there`],
      [{ code: "ECONNRESET" }, `the connection to PostgreSQL at ${where} was reset`],
      [{ code: "28000" }, `PostgreSQL at ${where} refused user gim (pg_hba.conf has no entry allowing it)`],
      [{ code: "3D000" }, `database infomart does not exist at ${where}`],
      [
        { code: "42501" },
        "user gim may not read the Info Mart tables at db.example:5433/infomart (permission denied)",
      ],
      [{ code: "57P01" }, `PostgreSQL at ${where} is shutting down or starting up`],
      [{ code: "57P02" }, `PostgreSQL at ${where} is shutting down or starting up`],
      [{ code: "57P03" }, `PostgreSQL at ${where} is shutting down or starting up`],
      [
        new Error("Query read timeout"),
        "the query got no answer within 60000 ms at db.example:5433/infomart",
      ],
      [new Error("Connection terminated unexpectedly"), `the connection to PostgreSQL at ${where} was lost`],
      // A missing table whose name pg did not quote: the sentence still reads.
      [
        { code: "42P01", message: "no such thing" },
        "table of the Info Mart not found at db.example:5433/infomart: is this a GIM database?",
      ],
      // No code: none is shown; no message: the error itself.
      [{ message: "odd" }, "PostgreSQL at db.example:5433/infomart failed: odd"],
    ];
    for (const [error, message] of cases) expect(failure(error), JSON.stringify(error)).to.equal(message);
    expect(pgFailure("plain text", target, timeouts).message).to.equal(
      "PostgreSQL at db.example:5433/infomart failed: plain text",
    );
  });

  test("a failure already worded by the harness passes through unchanged", () => {
    const worded = new HarnessError("already one line");
    expect(pgFailure(worded, target, timeouts)).to.equal(worded);
  });
});
