/**
 * A reading session on an Info Mart: one pg connection, opened on first use, in which every piece
 * of work runs inside `BEGIN TRANSACTION READ ONLY`, so the server itself refuses any write
 * (SQLSTATE 25006), whatever the SQL says. Every statement is bounded by statement_timeout and the
 * connection attempt by a connect timeout; every failure becomes a one-line HarnessError.
 */
import pg from "pg";
import type { DatabaseTarget } from "./database-target";
import { pgFailure, type Timeouts } from "./pg-failure";

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, statementMs: 60_000 };

/** What work inside the transaction may do: run queries. */
export type Queryable = Pick<pg.ClientBase, "query">;

export class ReadOnlySession {
  private client: Promise<pg.Client> | undefined;

  constructor(
    readonly target: DatabaseTarget,
    readonly timeouts: Timeouts = DEFAULT_TIMEOUTS,
  ) {}

  private connect(): Promise<pg.Client> {
    this.client ??= (async () => {
      const client = new pg.Client({
        connectionString: this.target.url,
        connectionTimeoutMillis: this.timeouts.connectMs,
        statement_timeout: this.timeouts.statementMs,
        // A client-side backstop in case the server never answers at all.
        query_timeout: this.timeouts.statementMs + 5_000,
        application_name: "gim-conformance",
      });
      // A connection dropped between queries is reported by the next query; don't crash on it.
      client.on("error", () => {});
      try {
        await client.connect();
      } catch (error) {
        await client.end().catch(() => {});
        throw pgFailure(error, this.target, this.timeouts);
      }
      return client;
    })();
    return this.client;
  }

  /** Runs `work` in a read-only transaction, committed if it succeeds, rolled back if not. */
  async inReadOnlyTransaction<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      await client.query("BEGIN TRANSACTION READ ONLY");
    } catch (error) {
      throw pgFailure(error, this.target, this.timeouts);
    }
    try {
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw pgFailure(error, this.target, this.timeouts);
    }
  }

  async close(): Promise<void> {
    const pending = this.client;
    this.client = undefined;
    if (pending === undefined) return;
    const client = await pending.catch(() => undefined);
    await client?.end().catch(() => {});
  }
}
