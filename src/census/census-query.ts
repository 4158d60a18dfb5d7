/**
 * Runs sql/census-postgresql.sql (its text, comments stripped, nothing else changed) in the
 * READ ONLY session of the PostgreSQL back end: the database groups every chat interaction of the
 * window into its pattern and returns only the distinct patterns with counts and a few samples, so
 * what crosses the wire, and what this process holds, follows the number of patterns, not traffic.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { statementOf } from "../gimdb/irf-query";
import type { Queryable } from "../gimdb/read-only-session";
import { PACKAGE_ROOT } from "../package-root";

export const CENSUS_QUERY_FILE = resolve(PACKAGE_ROOT, "sql", "census-postgresql.sql");

/** One row of the census query (and of an export of sql/census-*.sql). */
export interface PatternRow {
  codes: string;
  interactions: number;
  irfs: number;
  samples: string[];
}

/** START_TS is a 32-bit integer of seconds: an open window end is its range's end. */
export const START_TS_MIN = -2147483648;
export const START_TS_MAX = 2147483647;

let cached: string | undefined;

export function censusQuery(): string {
  cached ??= statementOf(readFileSync(CENSUS_QUERY_FILE, "utf8"));
  return cached;
}

export interface CensusBounds {
  /** Seconds since 1970 UTC, inclusive; undefined = open. */
  from?: number;
  /** Exclusive; undefined = open. */
  to?: number;
}

export function samplesOf(text: string | null): string[] {
  return (text ?? "").split(/\s+/).filter((s) => s !== "");
}

/**
 * The pattern rows of the window. Refuses to run outside a READ ONLY transaction: the census
 * reads production, and the server, not this code, is what guarantees it writes nothing.
 */
export async function queryPatterns(
  db: Queryable,
  bounds: CensusBounds,
  sampleSize: number,
): Promise<PatternRow[]> {
  const mode = await db.query<{ transaction_read_only: string }>("SHOW transaction_read_only");
  if (mode.rows[0]?.transaction_read_only !== "on") {
    throw new Error("internal: the census query must run inside a READ ONLY transaction (ReadOnlySession)");
  }
  // PostgreSQL's JIT compiled this query's expressions for about 1.9 s at a million IRFs and won
  // back less than it cost (measured, docs/census.md "Measured"); a setting of this transaction only.
  await db.query("SET LOCAL jit = off");
  const result = await db.query<{
    pattern_codes: string;
    interactions: string;
    irfs: string;
    samples: string | null;
  }>(censusQuery(), [bounds.from ?? START_TS_MIN, bounds.to ?? START_TS_MAX, sampleSize]);
  return result.rows.map((r) => ({
    codes: r.pattern_codes,
    interactions: Number(r.interactions),
    irfs: Number(r.irfs),
    samples: samplesOf(r.samples),
  }));
}
