/**
 * Matching a census pattern to the features' expected patterns, by code as `run` compares: the
 * same number of IRFs, each with the same abstract resource, role, result and reason (and role
 * reason when the table states one); the MSFs likewise when the scenario states an MSF table (and
 * their IRF link when the table states it). A pattern maps to at most one scenario: of the ones it
 * matches, the one whose tables assert the most (an MSF table beats none); among equals, the first
 * in folder and file order, and the others are reported as ties. A pattern no scenario has is
 * undocumented; when a scenario is one record away from it (one descriptor differs, or one IRF or
 * MSF more or fewer), that scenario is its near miss.
 */
import type { Vocabulary } from "../domain/vocabulary";
import type { ExpectedPattern, ExpectedRecord } from "./expected-patterns";
import { type ParsedPattern, type PatternRecord, recordSignature } from "./pattern-codes";

export interface PatternMatch {
  flow: string | null;
  ties: string[];
  nearMiss?: { flow: string; difference: string };
}

function recordMatches(expected: ExpectedRecord, recorded: PatternRecord): boolean {
  return (
    expected.typeCode === recorded.typeCode &&
    expected.rank === recorded.rank &&
    expected.role === recorded.role &&
    expected.result === recorded.result &&
    expected.reason === recorded.reason &&
    (expected.roleReason === undefined || expected.roleReason === recorded.roleReason) &&
    (expected.link === undefined || expected.link === recorded.link)
  );
}

function listMatches(expected: readonly ExpectedRecord[], recorded: readonly PatternRecord[]): boolean {
  return (
    expected.length === recorded.length &&
    expected.every((e, i) => recordMatches(e, recorded[i] as PatternRecord))
  );
}

/** How much a scenario's tables assert: one per stated cell, so a stated MSF table counts. */
function specificity(expected: ExpectedPattern): number {
  const cells = (r: ExpectedRecord) =>
    5 + (r.roleReason === undefined ? 0 : 1) + (r.link === undefined ? 0 : 1);
  const msfs = expected.msfs === undefined ? 0 : 1 + expected.msfs.reduce((n, r) => n + cells(r), 0);
  return expected.irfs.reduce((n, r) => n + cells(r), 0) + msfs;
}

/** Record-level edit distance, capped: the number of inserted, removed or differing records. */
function distance(expected: readonly ExpectedRecord[], recorded: readonly PatternRecord[]): number {
  const rows = expected.length + 1;
  const cols = recorded.length + 1;
  let previous = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const current = [i];
    for (let j = 1; j < cols; j++) {
      const same = recordMatches(expected[i - 1] as ExpectedRecord, recorded[j - 1] as PatternRecord);
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (same ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[cols - 1] as number;
}

export function asRecord(e: ExpectedRecord): PatternRecord {
  return {
    kind: e.kind,
    typeCode: e.typeCode,
    rank: e.rank,
    role: e.role,
    result: e.result,
    reason: e.reason,
    roleReason: e.roleReason ?? "UNSPECIFIED",
    link: e.link ?? null,
  };
}

/** In words, the one record by which `recorded` differs from `expected` (distance 1). */
function describeDifference(
  kind: "IRF" | "MSF",
  expected: readonly ExpectedRecord[],
  recorded: readonly PatternRecord[],
  vocabulary: Vocabulary,
): string {
  const show = (r: PatternRecord) => recordSignature(r, vocabulary);
  if (recorded.length === expected.length) {
    const i = expected.findIndex((e, k) => !recordMatches(e, recorded[k] as PatternRecord));
    const e = expected[i] as ExpectedRecord;
    return `${kind}${i + 1} is ${show(recorded[i] as PatternRecord)} where the flow has ${show(asRecord(e))} (${e.resource})`;
  }
  if (recorded.length > expected.length) {
    const i = recorded.findIndex(
      (r, k) => k >= expected.length || !recordMatches(expected[k] as ExpectedRecord, r),
    );
    return `one ${kind} more: ${kind}${i + 1} ${show(recorded[i] as PatternRecord)}`;
  }
  const i = expected.findIndex(
    (e, k) => k >= recorded.length || !recordMatches(e, recorded[k] as PatternRecord),
  );
  const e = expected[i] as ExpectedRecord;
  return `one ${kind} fewer: the flow's ${kind}${i + 1} ${show(asRecord(e))} (${e.resource}) is missing`;
}

export function matchPattern(
  pattern: ParsedPattern,
  expected: readonly ExpectedPattern[],
  vocabulary: Vocabulary,
): PatternMatch {
  const matching = expected.filter(
    (e) => listMatches(e.irfs, pattern.irfs) && (e.msfs === undefined || listMatches(e.msfs, pattern.msfs)),
  );
  if (matching.length > 0) {
    const best = Math.max(...matching.map(specificity));
    const [winner, ...ties] = matching.filter((e) => specificity(e) === best);
    return { flow: (winner as ExpectedPattern).flow, ties: ties.map((t) => t.flow) };
  }
  // One record away: a scenario with a differing record (same counts) is the closer kin than one
  // with a record more or fewer, so it is named first; then folder and file order.
  const near = expected
    .map((e) => ({
      e,
      irf: distance(e.irfs, pattern.irfs),
      msf: e.msfs === undefined ? 0 : distance(e.msfs, pattern.msfs),
    }))
    .filter((c) => c.irf + c.msf === 1);
  const sameCounts = (c: (typeof near)[number]) =>
    c.e.irfs.length === pattern.irfs.length &&
    (c.e.msfs === undefined || c.e.msfs.length === pattern.msfs.length);
  const closest = near.find(sameCounts) ?? near[0];
  if (closest !== undefined) {
    const { e } = closest;
    const difference =
      closest.irf === 1
        ? describeDifference("IRF", e.irfs, pattern.irfs, vocabulary)
        : describeDifference("MSF", e.msfs ?? [], pattern.msfs, vocabulary);
    return { flow: null, ties: [], nearMiss: { flow: e.flow, difference } };
  }
  return { flow: null, ties: [] };
}
