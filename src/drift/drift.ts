/**
 * Drift between two censuses (say, the weeks before and after a GIM upgrade): each pattern's share
 * of the chats before and after, a chi-square test per pattern with the Benjamini–Hochberg
 * correction, and the undocumented patterns that appeared or vanished. A shift counts when it is
 * significant after the correction AND at least `minShift` percentage points: with a million
 * chats a week, a 0.01-point wobble is "significant" and means nothing.
 */
import { benjaminiHochberg, chiSquare2x2 } from "./drift-stats";
import type { DriftCensus } from "./read-census";

export interface DriftOptions {
  /** False discovery rate for the Benjamini–Hochberg correction (default 0.05). */
  alpha: number;
  /** Smallest shift of a pattern's share that counts, in percentage points (default 0.5). */
  minShift: number;
}

export const DEFAULT_DRIFT_OPTIONS: DriftOptions = { alpha: 0.05, minShift: 0.5 };

/** Below this expected count in any cell the chi-square approximation is not used. */
export const MIN_EXPECTED = 5;

export interface PatternDrift {
  signature: string;
  /** The scenario the pattern matched in the census after (before, if absent after); null = undocumented. */
  flow: string | null;
  /** Set when the two censuses matched the pattern to different scenarios (their features differ). */
  flowBefore?: string | null;
  before: number;
  after: number;
  /** Shares of all chats of each window, 0..1. */
  shareBefore: number;
  shareAfter: number;
  /** shareAfter - shareBefore, in percentage points. */
  shiftPoints: number;
  chiSquare: number;
  pValue: number;
  /** Benjamini–Hochberg adjusted p-value; null when the pattern was too rare to test. */
  qValue: number | null;
  significant: boolean;
  samples: string[];
}

export interface DriftSide {
  file: string;
  interactions: number;
  window: { from: string | null; to: string | null };
  source: string;
  gimVersion: string | null;
}

export interface DriftReport {
  before: DriftSide;
  after: DriftSide;
  options: DriftOptions;
  /** Every pattern of either census, largest absolute shift first. */
  patterns: PatternDrift[];
  /** Patterns tested (enough interactions for the chi-square approximation). */
  tested: number;
  shifts: PatternDrift[];
  newUndocumented: PatternDrift[];
  vanishedUndocumented: PatternDrift[];
  /** A significant shift or a new undocumented pattern: exit 1. */
  drifted: boolean;
}

function side(c: DriftCensus): DriftSide {
  return {
    file: c.file,
    interactions: c.interactions,
    window: c.window,
    source: c.source,
    gimVersion: c.gimVersion,
  };
}

export function compareCensuses(
  before: DriftCensus,
  after: DriftCensus,
  options: DriftOptions = DEFAULT_DRIFT_OPTIONS,
): DriftReport {
  const beforeBy = new Map(before.patterns.map((p) => [p.signature, p]));
  const afterBy = new Map(after.patterns.map((p) => [p.signature, p]));
  const signatures = [...new Set([...beforeBy.keys(), ...afterBy.keys()])].sort();
  const rows = signatures.map((signature) => {
    const b = beforeBy.get(signature);
    const a = afterBy.get(signature);
    const test = chiSquare2x2({
      before: b?.interactions ?? 0,
      beforeTotal: before.interactions,
      after: a?.interactions ?? 0,
      afterTotal: after.interactions,
    });
    const flow = a !== undefined ? a.flow : (b?.flow ?? null);
    const shareBefore = (b?.interactions ?? 0) / before.interactions;
    const shareAfter = (a?.interactions ?? 0) / after.interactions;
    const drift: PatternDrift = {
      signature,
      flow,
      ...(a !== undefined && b !== undefined && a.flow !== b.flow ? { flowBefore: b.flow } : {}),
      before: b?.interactions ?? 0,
      after: a?.interactions ?? 0,
      shareBefore,
      shareAfter,
      shiftPoints: (shareAfter - shareBefore) * 100,
      chiSquare: test.chiSquare,
      pValue: test.pValue,
      qValue: null,
      significant: false,
      samples: (a?.samples.length ? a.samples : b?.samples) ?? [],
    };
    return { drift, testable: test.minExpected >= MIN_EXPECTED };
  });
  const testable = rows.filter((r) => r.testable);
  const q = benjaminiHochberg(testable.map((r) => r.drift.pValue));
  testable.forEach((r, i) => {
    r.drift.qValue = q[i] as number;
    r.drift.significant =
      r.drift.qValue <= options.alpha && Math.abs(r.drift.shiftPoints) >= options.minShift;
  });
  const patterns = rows
    .map((r) => r.drift)
    .sort(
      (x, y) => Math.abs(y.shiftPoints) - Math.abs(x.shiftPoints) || x.signature.localeCompare(y.signature),
    );
  const shifts = patterns.filter((p) => p.significant);
  const newUndocumented = patterns
    .filter((p) => p.before === 0 && p.after > 0 && afterBy.get(p.signature)?.flow === null)
    .sort((x, y) => y.after - x.after);
  const vanishedUndocumented = patterns
    .filter((p) => p.after === 0 && p.before > 0 && beforeBy.get(p.signature)?.flow === null)
    .sort((x, y) => y.before - x.before);
  return {
    before: side(before),
    after: side(after),
    options,
    patterns,
    tested: testable.length,
    shifts,
    newUndocumented,
    vanishedUndocumented,
    drifted: shifts.length > 0 || newUndocumented.length > 0,
  };
}
