/**
 * The census command's work, apart from its option parsing: read the features, take the pattern
 * rows (from the database in one read-only query, or from an export), build the census and write
 * its outputs. Progress goes to stderr, the summary to stdout.
 */
import path from "node:path";
import type { Writable } from "node:stream";
import { loadVocabulary } from "../domain/vocabulary-file";
import { InputError } from "../errors";
import { describeGimConfig } from "../gimconfig/gim-config";
import { loadGimConfig } from "../gimconfig/gim-config-file";
import type { DatabaseTarget } from "../gimdb/database-target";
import { readGimVersion } from "../gimdb/gim-version";
import { DEFAULT_TIMEOUTS, ReadOnlySession } from "../gimdb/read-only-session";
import { buildCensus } from "./build-census";
import { readCensusExport } from "./census-export";
import { renderCensusHtml } from "./census-html";
import { assertReplaceable, writeOutput } from "./census-output";
import { type PatternRow, queryPatterns, START_TS_MAX, START_TS_MIN } from "./census-query";
import { renderCensusText } from "./census-text";
import type { Census, CensusSource, CensusWindow } from "./census-types";
import { readExpectedPatterns } from "./expected-patterns";
import type { ParsedPattern } from "./pattern-codes";

export interface CensusOptions {
  source: { kind: "postgres"; target: DatabaseTarget } | { kind: "export"; file: string };
  window: { from?: Date; to?: Date };
  featureDirs: string[];
  vocabularyFile: string | undefined;
  gimConfigFile: string | undefined;
  json?: string;
  html?: string;
  sampleSize: number;
  statementTimeoutMs: number;
  harnessVersion: string;
  cwd: string;
  stdout: Writable;
  stderr: Writable;
}

/** Seconds since 1970, clamped to START_TS's 32-bit range (a bound past it bounds nothing). */
const seconds = (d: Date | undefined) =>
  d === undefined
    ? undefined
    : Math.min(START_TS_MAX, Math.max(START_TS_MIN, Math.floor(d.getTime() / 1000)));

export async function runCensus(options: CensusOptions): Promise<Census> {
  const { stderr } = options;
  if (options.json !== undefined) assertReplaceable(options.json, "--json", "json");
  if (options.html !== undefined) assertReplaceable(options.html, "--html", "html");
  const vocabulary = loadVocabulary(options.vocabularyFile);
  const gimConfig = options.gimConfigFile === undefined ? undefined : loadGimConfig(options.gimConfigFile);
  const expected = await readExpectedPatterns(options.featureDirs, vocabulary);
  stderr.write(
    `census: ${expected.length} expected patterns from ${options.featureDirs.length} feature folder(s)\n`,
  );

  const window: CensusWindow = {
    from: options.window.from?.toISOString() ?? null,
    to: options.window.to?.toISOString() ?? null,
  };
  let rows: PatternRow[];
  let parsed: ParsedPattern[] | undefined;
  let source: CensusSource;
  let gimVersion: string | null = null;
  const started = Date.now();
  if (options.source.kind === "postgres") {
    const { target } = options.source;
    source = { kind: "postgres", name: target.label };
    stderr.write(
      `census: grouping the chat interactions at ${target.label} in the database (read-only)...\n`,
    );
    const session = new ReadOnlySession(target, {
      connectMs: DEFAULT_TIMEOUTS.connectMs,
      statementMs: options.statementTimeoutMs,
    });
    try {
      const answer = await session.inReadOnlyTransaction(async (db) => ({
        version: await readGimVersion(db),
        rows: await queryPatterns(
          db,
          { from: seconds(options.window.from), to: seconds(options.window.to) },
          options.sampleSize,
        ),
      }));
      rows = answer.rows;
      gimVersion = answer.version ?? null;
    } finally {
      await session.close();
    }
  } else {
    const file = options.source.file;
    source = { kind: "export", name: path.relative(options.cwd, file) || file };
    stderr.write(`census: reading the pattern rows of ${source.name}...\n`);
    ({ rows, parsed } = await readCensusExport(file));
  }
  stderr.write(
    `census: ${rows.length} distinct patterns in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );

  const census = buildCensus({
    rows,
    ...(parsed === undefined ? {} : { parsed }),
    expected,
    vocabulary,
    source,
    gimVersion,
    window,
    sampleSize: options.sampleSize,
    harnessVersion: options.harnessVersion,
    ...(gimConfig === undefined ? {} : { gimConfig: describeGimConfig(gimConfig.config) }),
  });
  options.stdout.write(renderCensusText(census));
  if (options.json !== undefined) await writeOutput(options.json, `${JSON.stringify(census, null, 2)}\n`);
  if (options.html !== undefined) await writeOutput(options.html, renderCensusHtml(census, vocabulary));
  return census;
}

/** An ISO 8601 / RFC 3339 time with a date; a bare date is midnight UTC. */
export function parseWindowTime(text: string, option: string): Date {
  const iso = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
  const value = text.trim();
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (!iso.test(value) || Number.isNaN(date.getTime())) {
    throw new InputError(
      option,
      undefined,
      undefined,
      `expected an ISO 8601 time such as 2026-03-01 or 2026-03-01T00:00:00Z, got "${value}"`,
    );
  }
  return date;
}
