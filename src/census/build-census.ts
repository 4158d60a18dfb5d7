/**
 * Turns the pattern rows a census query returned (from the database, or from an export of
 * sql/census-*.sql) into the census: each pattern named readably, matched to at most one
 * scenario, checked against the invariants, and counted per scenario.
 */
import type { Vocabulary } from "../domain/vocabulary";
import type { PatternRow } from "./census-query";
import {
  CENSUS_FORMAT_VERSION,
  type Census,
  type CensusPattern,
  type CensusSource,
  type CensusWindow,
  type InvariantBreak,
} from "./census-types";
import type { ExpectedPattern } from "./expected-patterns";
import { INVARIANTS } from "./invariants";
import { matchPattern } from "./match";
import { type ParsedPattern, parsePatternCodes, patternSignature } from "./pattern-codes";

export interface CensusInput {
  rows: readonly PatternRow[];
  /** Parsed already when the caller wants its own errors (an export names file and line). */
  parsed?: readonly ParsedPattern[];
  expected: readonly ExpectedPattern[];
  vocabulary: Vocabulary;
  source: CensusSource;
  gimVersion: string | null;
  window: CensusWindow;
  sampleSize: number;
  harnessVersion: string;
  gimConfig?: Record<string, string>;
  createdAt?: Date;
}

function mergeSamples(a: readonly string[], b: readonly string[], size: number): string[] {
  return [...new Set([...a, ...b])].sort().slice(0, size);
}

export function buildCensus(input: CensusInput): Census {
  const { vocabulary, sampleSize } = input;
  // Two code spellings can read as one signature (a NULL reason and UNSPECIFIED, a lower-case
  // code): the signature is the key drift compares by, so they are one pattern here.
  const bySignature = new Map<string, { pattern: CensusPattern; parsed: ParsedPattern }>();
  input.rows.forEach((row, index) => {
    const parsed = input.parsed?.[index] ?? parsePatternCodes(row.codes);
    const signature = patternSignature(parsed, vocabulary);
    const known = bySignature.get(signature);
    if (known !== undefined) {
      known.pattern.interactions += row.interactions;
      known.pattern.samples = mergeSamples(known.pattern.samples, row.samples, sampleSize);
      return;
    }
    const match = matchPattern(parsed, input.expected, vocabulary);
    const pattern: CensusPattern = {
      signature,
      codes: row.codes,
      flow: match.flow,
      interactions: row.interactions,
      irfsPerInteraction: parsed.irfs.length,
      samples: mergeSamples([], row.samples, sampleSize),
    };
    if (match.nearMiss !== undefined) pattern.nearMiss = match.nearMiss;
    if (match.ties.length > 0) pattern.ties = match.ties;
    bySignature.set(signature, { pattern, parsed });
  });
  const entries = [...bySignature.values()].sort(
    (a, b) =>
      b.pattern.interactions - a.pattern.interactions ||
      (a.pattern.signature < b.pattern.signature ? -1 : a.pattern.signature > b.pattern.signature ? 1 : 0),
  );
  const patterns = entries.map((e) => e.pattern);

  const invariantBreaks: InvariantBreak[] = [];
  for (const invariant of INVARIANTS) {
    const breaking = entries.filter((e) => invariant.broken(e.parsed)).map((e) => e.pattern);
    if (breaking.length === 0) continue;
    invariantBreaks.push({
      invariant: invariant.id,
      description: invariant.description,
      interactions: breaking.reduce((n, p) => n + p.interactions, 0),
      samples: breaking.reduce<string[]>((s, p) => mergeSamples(s, p.samples, sampleSize), []),
      patterns: breaking.map((p) => p.signature),
    });
  }

  const perFlow = new Map<string, number>();
  for (const p of patterns)
    if (p.flow !== null) perFlow.set(p.flow, (perFlow.get(p.flow) ?? 0) + p.interactions);

  const census: Census = {
    formatVersion: CENSUS_FORMAT_VERSION,
    createdAt: (input.createdAt ?? new Date()).toISOString(),
    harnessVersion: input.harnessVersion,
    source: input.source,
    gimVersion: input.gimVersion,
    window: input.window,
    interactions: patterns.reduce((n, p) => n + p.interactions, 0),
    irfs: input.rows.reduce((n, r) => n + r.irfs, 0),
    sampleSize,
    patterns,
    flows: input.expected.map((e) => ({
      flow: e.flow,
      scenario: e.scenario,
      feature: e.feature,
      provisional: e.provisional,
      interactions: perFlow.get(e.flow) ?? 0,
    })),
    invariantBreaks,
  };
  if (input.gimConfig !== undefined) census.gimConfig = input.gimConfig;
  return census;
}
