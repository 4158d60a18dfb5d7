/**
 * Whether the user may read a table the run can do without, on a real PostgreSQL server: absent,
 * forbidden and readable are told apart in one query that never fails, so the read-only
 * transaction the IRFs are read in goes on whatever the answer.
 */
import { describe } from "node:test";
import { expect } from "chai";
import { databaseTarget } from "../../src/gimdb/database-target";
import { ReadOnlySession } from "../../src/gimdb/read-only-session";
import { tableAccess } from "../../src/gimdb/table-access";
import { pgTest, testPostgres } from "../support/postgres";

describe("access to an optional table", () => {
  pgTest("absent, forbidden and readable, each in the same transaction as a read that follows", async () => {
    const schema = await testPostgres().freshSchema("table_access");
    const session = new ReadOnlySession(databaseTarget(schema.url, "--db"));
    try {
      await schema.writer.query("CREATE TABLE open_one (x int); CREATE TABLE closed_one (x int)");
      await schema.writer.query("REVOKE ALL ON closed_one FROM CURRENT_USER");
      const answers = await session.inReadOnlyTransaction(async (db) => {
        const found = {
          absent: await tableAccess(db, "no_such_table"),
          forbidden: await tableAccess(db, "closed_one"),
          readable: await tableAccess(db, "open_one"),
          // Resolved as an unquoted name is: the upper-case spelling GIM's documents use.
          upperCase: await tableAccess(db, "OPEN_ONE"),
        };
        // The transaction was not aborted by any of the questions.
        await db.query("SELECT count(*) FROM open_one");
        return found;
      });
      expect(answers).to.deep.equal({
        absent: "absent",
        forbidden: "forbidden",
        readable: "readable",
        upperCase: "readable",
      });
    } finally {
      await session.close();
      await schema.drop();
    }
  });
});
