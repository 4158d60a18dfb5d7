/**
 * A real PostgreSQL server for tests. Uses GIM_TEST_DATABASE_URL when set (`.ci/run` starts one
 * cluster for the whole suite); otherwise starts one throwaway cluster with scripts/pg-cluster.sh
 * for the whole test process (all test files run in one process) and stops it when the process
 * exits, even after a failure. Without any PostgreSQL binaries the tests are SKIPPED with that
 * reason, never silently passed.
 *
 * Each test gets its own schema (a fresh, empty Info Mart) through the URL's
 * `options=-c search_path=...`, which pg, psql and the harness all honour, so tests sharing one
 * cluster never see each other's rows.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type TestContext, test } from "node:test";
import pg from "pg";
import { databaseTarget } from "../../src/gimdb/database-target";
import { type ExampleLog, readExampleLogs } from "../../src/gimdb/example-logs";
import { type SeededInteraction, seedDatabase } from "../../src/gimdb/seed";
import { formatManifest } from "../../src/sut/lab-manifest-format";

const ROOT = resolve(__dirname, "..", "..");
const SCRIPT = join(ROOT, "scripts", "pg-cluster.sh");

export interface TestPostgres {
  /** URL of the cluster's gim_test database, as user gim (password auth). */
  url: string;
  /** A fresh empty schema; the URL that selects it; and a write connection to it. */
  freshSchema(prefix: string): Promise<TestSchema>;
}

export interface TestSchema {
  name: string;
  url: string;
  /** A separate connection that may write (the tests alter the database; the adapter never does). */
  writer: pg.Client;
  drop(): Promise<void>;
}

/**
 * Why PostgreSQL tests cannot run here, or undefined when they can. The parameters exist so a
 * test can show what happens on a machine without PostgreSQL.
 */
export function postgresUnavailable(
  env: NodeJS.ProcessEnv = process.env,
  debianRoot = "/usr/lib/postgresql",
): string | undefined {
  if (env.GIM_TEST_DATABASE_URL) return undefined;
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8", env }).status === 0;
  const debian = existsSync(debianRoot)
    ? readdirSync(debianRoot).some((v) => existsSync(join(debianRoot, v, "bin", "initdb")))
    : false;
  return onPath || debian
    ? undefined
    : "no PostgreSQL binaries (initdb) on this machine and GIM_TEST_DATABASE_URL is not set; install Debian's postgresql package";
}

/** Why this machine cannot run the PostgreSQL tests, asked once. */
let here: { unavailable: string | undefined } | undefined;

/** A test that needs the server: SKIPPED with the reason when there is none, never passed. */
export function pgTest(name: string, fn: (t: TestContext) => Promise<void>): void {
  here ??= { unavailable: postgresUnavailable() };
  const { unavailable } = here;
  test(name, async (t) => {
    if (unavailable !== undefined) {
      t.skip(unavailable);
      return;
    }
    await fn(t);
  });
}

let counter = 0;
let shared: TestPostgres | undefined;

/** The test server, started on first call (or attached to). Call postgresUnavailable() first. */
export function testPostgres(): TestPostgres {
  shared ??= start();
  return shared;
}

function start(): TestPostgres {
  let url = process.env.GIM_TEST_DATABASE_URL;
  if (url === undefined || url === "") {
    const out = execFileSync(SCRIPT, ["start"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    url = /GIM_TEST_DATABASE_URL=(\S+)/.exec(out)?.[1];
    const dir = /GIM_PG_DIR=(\S+)/.exec(out)?.[1];
    if (url === undefined || dir === undefined) throw new Error(`pg-cluster.sh start printed no URL: ${out}`);
    // Runs on every exit, a failed, crashed or interrupted test run included: no server is left behind.
    const stop = () => spawnSync(SCRIPT, ["stop", dir], { stdio: "ignore" });
    process.once("exit", stop);
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        stop();
        process.exit(130);
      });
    }
  }
  const base = url;
  return {
    url: base,
    async freshSchema(prefix) {
      const name = `t_${prefix.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${process.pid}_${++counter}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${name}`);
      await admin.end();
      const schemaUrl = withSearchPath(base, name);
      const writer = new pg.Client({ connectionString: schemaUrl });
      await writer.connect();
      const schema: TestSchema = {
        name,
        url: schemaUrl,
        writer,
        async drop() {
          await writer.query(`DROP SCHEMA ${name} CASCADE`).catch(() => {});
          await writer.end().catch(() => {});
        },
      };
      return schema;
    },
  };
}

/** The URL with `options=-c search_path=<schema>`, which libpq, pg and psql all read. */
export function withSearchPath(url: string, schema: string): string {
  const separator = url.includes("?") ? "&" : "?";
  return `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** The password in a postgres:// URL (for asserting that no output contains it). */
export function passwordOf(url: string): string {
  return decodeURIComponent(/^[^:]+:\/\/[^:@/]*:([^@/]*)@/.exec(url)?.[1] ?? "");
}

export const EXAMPLES = join(ROOT, "examples");

export interface SeededSchema {
  schema: TestSchema;
  /** The manifest of the seeded interactions, as seed-db writes it. */
  manifestFile: string;
  seeded: SeededInteraction[];
  /** The example logs with the reference classifier's rows, by @id. */
  examples: Map<string, ExampleLog>;
}

/** A fresh schema seeded from the bundled examples, as `seed-db` would seed it. */
export async function seededSchema(prefix: string): Promise<SeededSchema> {
  const schema = await testPostgres().freshSchema(prefix);
  const examples = await readExampleLogs(EXAMPLES);
  const seeded = await seedDatabase(databaseTarget(schema.url, "--db"), examples);
  const manifestFile = join(tmpdir(), `${schema.name}.manifest.yaml`);
  writeFileSync(
    manifestFile,
    formatManifest(
      seeded.map((s) => ({ id: s.id, guid: s.guid })),
      [schema.name],
    ),
  );
  const dropSchema = schema.drop;
  // Dropping the schema removes its manifest too.
  schema.drop = async () => {
    rmSync(manifestFile, { force: true });
    await dropSchema();
  };
  return { schema, manifestFile, seeded, examples: new Map(examples.map((e) => [e.id, e])) };
}
