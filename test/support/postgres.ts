/**
 * A real PostgreSQL server for tests. Uses GIM_TEST_DATABASE_URL when set (`.ci/run` starts one
 * cluster for the whole suite); otherwise starts a throwaway cluster with scripts/pg-cluster.sh
 * and stops it when the test file ends. Without any PostgreSQL binaries the tests are SKIPPED with
 * that reason, never silently passed.
 *
 * Each test gets its own schema (a fresh, empty Info Mart) through the URL's
 * `options=-c search_path=...`, which pg, psql and the harness all honour, so tests sharing one
 * cluster never see each other's rows.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";

const ROOT = resolve(__dirname, "..", "..");
const SCRIPT = join(ROOT, "scripts", "pg-cluster.sh");

export interface TestPostgres {
  /** URL of the cluster's gim_test database, as user gim (password auth). */
  url: string;
  /** A fresh empty schema; the URL that selects it; and a write connection to it. */
  freshSchema(prefix: string): Promise<TestSchema>;
  stop(): void;
}

export interface TestSchema {
  name: string;
  url: string;
  /** A separate connection that may write (the tests alter the database; the adapter never does). */
  writer: pg.Client;
  drop(): Promise<void>;
}

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export function postgresUnavailable(): string | undefined {
  if (process.env.GIM_TEST_DATABASE_URL) return undefined;
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).status === 0;
  const debian = existsSync("/usr/lib/postgresql")
    ? readdirSync("/usr/lib/postgresql").some((v) =>
        existsSync(join("/usr/lib/postgresql", v, "bin", "initdb")),
      )
    : false;
  return onPath || debian
    ? undefined
    : "no PostgreSQL binaries (initdb) on this machine and GIM_TEST_DATABASE_URL is not set; install Debian's postgresql package";
}

let counter = 0;

/** Starts (or attaches to) the test server. Call postgresUnavailable() first. */
export function startTestPostgres(): TestPostgres {
  let url = process.env.GIM_TEST_DATABASE_URL;
  let dir: string | undefined;
  if (url === undefined || url === "") {
    const out = execFileSync(SCRIPT, ["start"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    url = /GIM_TEST_DATABASE_URL=(\S+)/.exec(out)?.[1];
    dir = /GIM_PG_DIR=(\S+)/.exec(out)?.[1];
    if (url === undefined || dir === undefined) throw new Error(`pg-cluster.sh start printed no URL: ${out}`);
    // A crashed test process must not leave a server running.
    const owned = dir;
    process.once("exit", () => stopCluster(owned));
  }
  const base = url;
  const schemas: TestSchema[] = [];
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
      schemas.push(schema);
      return schema;
    },
    stop() {
      if (dir !== undefined) stopCluster(dir);
      dir = undefined;
    },
  };
}

function stopCluster(dir: string): void {
  spawnSync(SCRIPT, ["stop", dir], { stdio: "ignore" });
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
