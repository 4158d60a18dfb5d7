/**
 * A failure talking to PostgreSQL, as one line a reporting team can act on (exit 3). The password
 * never appears: known failures are worded from scratch, and any other text pg produced is
 * scrubbed of the URL's secrets. The pg error stays attached as `cause` for tests and debugging.
 */
import { HarnessError } from "../errors";
import { type DatabaseTarget, redact } from "./database-target";

interface PgLikeError {
  code?: string;
  message?: string;
}

/** Timeouts the message may quote. */
export interface Timeouts {
  connectMs: number;
  statementMs: number;
}

export function pgFailure(error: unknown, target: DatabaseTarget, timeouts: Timeouts): HarnessError {
  if (error instanceof HarnessError) return error;
  const { code, message = "" } = (typeof error === "object" && error !== null ? error : {}) as PgLikeError;
  const where = `${target.host}:${target.port}`;
  const line = (text: string) => new HarnessError(redact(text, target), { cause: error });
  switch (code) {
    case "ECONNREFUSED":
      return line(`cannot reach PostgreSQL at ${where}: connection refused (is the server running?)`);
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return line(`cannot reach PostgreSQL at ${where}: host not found`);
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return line(
        `cannot reach PostgreSQL at ${where}: ${code === "ETIMEDOUT" ? "timed out" : "no route to host"}`,
      );
    case "ENOENT":
      return line(`cannot reach PostgreSQL at ${where}: no server socket there`);
    case "ECONNRESET":
      return line(`the connection to PostgreSQL at ${where} was reset`);
    case "28P01":
      return line(`authentication failed for user ${target.user} at ${target.label}`);
    case "28000":
      return line(
        `PostgreSQL at ${where} refused user ${target.user} (pg_hba.conf has no entry allowing it)`,
      );
    case "3D000":
      return line(`database ${target.database} does not exist at ${where}`);
    case "42P01": {
      const table = /relation "([^"]+)"/.exec(message)?.[1]?.toUpperCase() ?? "of the Info Mart";
      return line(`table ${table} not found at ${target.label}: is this a GIM database?`);
    }
    case "42501":
      return line(
        `user ${target.user} may not read the Info Mart tables at ${target.label} (permission denied)`,
      );
    case "57014":
      return line(
        `the query timed out after ${timeouts.statementMs} ms (statement_timeout) at ${target.label}`,
      );
    case "57P01":
    case "57P02":
    case "57P03":
      return line(`PostgreSQL at ${where} is shutting down or starting up`);
  }
  if (/timeout expired|connection timeout/i.test(message)) {
    return line(`cannot reach PostgreSQL at ${where}: no answer within ${timeouts.connectMs} ms`);
  }
  if (/Query read timeout/i.test(message)) {
    return line(`the query got no answer within ${timeouts.statementMs} ms at ${target.label}`);
  }
  if (/Connection terminated/i.test(message)) {
    return line(`the connection to PostgreSQL at ${where} was lost`);
  }
  const detail = message.split("\n")[0] || String(error);
  return line(`PostgreSQL at ${target.label} failed${code === undefined ? "" : ` (${code})`}: ${detail}`);
}
