/**
 * The one writing session of `seed-db` (the example flows and `--volume`): connect, open a
 * transaction, refuse a database that holds a real GIM (seed-guard.ts), create the schema, run the
 * load, commit; anything else rolls back. Database faults become one-line harness errors
 * (pg-failure.ts); bad input and harness errors pass through as they are.
 */
import pg from "pg";
import { HarnessError, InputError } from "../errors";
import type { DatabaseTarget } from "./database-target";
import { pgFailure } from "./pg-failure";
import { DEFAULT_TIMEOUTS } from "./read-only-session";
import { createSchema } from "./schema";
import { assertSeedable } from "./seed-guard";

export interface SeedSessionOptions {
  /** PostgreSQL application_name, so a DBA sees who writes. */
  applicationName: string;
  /**
   * A bulk load (COPY of millions of rows) outlasts the default statement timeout: it runs
   * without one, set after the guard. Otherwise every statement has the default timeout.
   */
  bulk: boolean;
}

export async function inSeedTransaction<T>(
  target: DatabaseTarget,
  options: SeedSessionOptions,
  load: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: target.url,
    connectionTimeoutMillis: DEFAULT_TIMEOUTS.connectMs,
    ...(options.bulk ? {} : { statement_timeout: DEFAULT_TIMEOUTS.statementMs }),
    application_name: options.applicationName,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("BEGIN");
    try {
      await assertSeedable(client, target);
      if (options.bulk) await client.query("SET LOCAL statement_timeout = 0");
      await createSchema(client);
      const result = await load(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } catch (error) {
    if (error instanceof InputError || error instanceof HarnessError) throw error;
    throw pgFailure(error, target, DEFAULT_TIMEOUTS);
  } finally {
    await client.end().catch(() => {});
  }
}
