/**
 * Issue 11: healthy but slow is not a harness error. Through the real command on a real
 * PostgreSQL whose IRF reads take 6 s (longer than cucumber's 5 s step timeout, well within the
 * documented 60 s statement timeout): the run passes, and the Info Mart is queried once per run.
 * The queries are counted by a wrapper around pg's Client.query loaded into the command's process.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { EXIT } from "../../src/errors";
import { irfQueryForGuids } from "../../src/gimdb/irf-query";
import { passwordOf, postgresUnavailable, type SeededSchema, seededSchema } from "../support/postgres";

const ROOT = resolve(__dirname, "..", "..");
const unavailable = postgresUnavailable();
const dir = mkdtempSync(join(tmpdir(), "gim-read-once-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A preload that counts the statements equal to the IRF query and writes the count at exit. */
function counter(countFile: string, queryFile: string): string {
  const file = join(dir, "count-irf-queries.js");
  writeFileSync(
    file,
    `const fs = require("node:fs");
const pg = require(require.resolve("pg", { paths: [${JSON.stringify(ROOT)}] }));
const wanted = fs.readFileSync(${JSON.stringify(queryFile)}, "utf8");
let count = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
  const text = typeof config === "string" ? config : config && config.text;
  if (text === wanted) count++;
  return query.call(this, config, ...rest);
};
process.on("exit", () => fs.writeFileSync(${JSON.stringify(countFile)}, String(count)));
`,
  );
  return file;
}

describe("the PostgreSQL back end reads once, before the scenarios", () => {
  test("IRF reads taking 6 s: run passes (no step timeout stands in) and queries the IRFs once", async (t) => {
    if (unavailable !== undefined) return t.skip(unavailable);
    const seeded: SeededSchema = await seededSchema("pg_read_once");
    try {
      // The IRF table behind a view that sleeps 6 s per read: a healthy but slow Info Mart.
      await seeded.schema.writer.query("ALTER TABLE INTERACTION_RESOURCE_FACT RENAME TO IRF_STORED");
      await seeded.schema.writer.query(
        "CREATE VIEW INTERACTION_RESOURCE_FACT AS WITH slow AS MATERIALIZED (SELECT pg_sleep(6)) SELECT i.* FROM IRF_STORED i CROSS JOIN slow",
      );
      const queryFile = join(dir, "irf-query.sql");
      writeFileSync(queryFile, irfQueryForGuids());
      const countFile = join(dir, "count");
      const env: NodeJS.ProcessEnv = { ...process.env };
      delete env.GIM_DATABASE_URL;
      const ran = spawnSync(
        process.execPath,
        [
          "-r",
          counter(countFile, queryFile),
          join(ROOT, "bin", "gim-conformance.js"),
          "run",
          "--sut",
          "postgres",
          "--db",
          seeded.schema.url,
          "--manifest",
          seeded.manifestFile,
          "--tags",
          "@flow-1 or @flow-3",
          "--no-allure",
        ],
        { cwd: dir, env, encoding: "utf8", timeout: 180_000 },
      );
      expect(ran.status, ran.stderr).to.equal(EXIT.ok);
      expect(ran.stdout).to.match(/2 verified passed, .* 0 failed, 0 not run/);
      expect(`${ran.stdout}${ran.stderr}`).not.to.contain(passwordOf(seeded.schema.url));
      expect(Number(readFileSync(countFile, "utf8")), "IRF queries in one run").to.equal(1);
    } finally {
      await seeded.schema.drop();
    }
  });
});
