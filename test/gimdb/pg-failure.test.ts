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
});
