/**
 * Where a database URL points, for messages and reports: `host:port/database` and the user, never
 * the password. Also the secrets to scrub from any text that might echo the URL back.
 */
import { userInfo } from "node:os";
import pg from "pg";
import { InputError } from "../errors";

export interface DatabaseTarget {
  /** The URL as given: only ever handed to pg, never printed. */
  url: string;
  host: string;
  port: number;
  database: string;
  user: string;
  /** `host:port/database`, safe to print. */
  label: string;
  /** Texts that must never appear in output: the password, raw and URL-encoded, and the URL. */
  secrets: string[];
}

const SCHEME = /^postgres(?:ql)?:\/\//i;

/** `option` names where the URL came from in messages (e.g. "--db", "GIM_DATABASE_URL"). */
export function databaseTarget(url: string, option: string): DatabaseTarget {
  if (!SCHEME.test(url)) {
    // The text is not echoed: it might be a password pasted in the wrong place.
    throw new InputError(
      option,
      undefined,
      undefined,
      "expected a URL like postgres://user:password@host:5432/database",
    );
  }
  let parsed: pg.Client;
  try {
    parsed = new pg.Client({ connectionString: url });
  } catch {
    throw new InputError(
      option,
      undefined,
      undefined,
      "is not a valid PostgreSQL URL (postgres://user:password@host:5432/database)",
    );
  }
  const user = parsed.user ?? process.env.PGUSER ?? userInfo().username;
  // A URL without a database connects to the one named like the user (libpq's default, which the
  // server applies when none is sent): the label names it, not an empty string.
  const database = parsed.database ?? user;
  const password = parsed.password ?? "";
  const rawPassword = /^[^:]+:\/\/[^:@/]*:([^@/]*)@/.exec(url)?.[1] ?? "";
  return {
    url,
    host: parsed.host,
    port: parsed.port,
    database,
    user,
    label: `${parsed.host}:${parsed.port}/${database}`,
    secrets: [url, password, rawPassword].filter((s) => s.length >= 1),
  };
}

/** `text` with every secret of `target` replaced by ***. */
export function redact(text: string, target: Pick<DatabaseTarget, "secrets">): string {
  // Longest first, so the URL goes before the password inside it.
  return [...target.secrets]
    .sort((a, b) => b.length - a.length)
    .reduce((t, s) => t.split(s).join("***"), text);
}
