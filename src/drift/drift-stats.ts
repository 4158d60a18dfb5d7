/**
 * The statistics of drift: a Pearson chi-square test on the 2x2 table (this pattern / every other
 * pattern) x (before / after), equivalent to the two-sided two-proportion z-test (chi-square =
 * z squared), and the Benjamini–Hochberg correction over all the patterns tested, which controls
 * the false discovery rate: with hundreds of patterns, some would look "significant" by chance at
 * an uncorrected 5%.
 */
import { erf } from "simple-statistics";

/** P(X >= x) for a chi-square variable with one degree of freedom: erfc(sqrt(x / 2)). */
export function chiSquare1dfPValue(x: number): number {
  if (!(x > 0)) return 1;
  // simple-statistics' erf is Numerical Recipes' erfc approximation (relative error < 1.2e-7),
  // returned as 1 - erfc; p-values below ~1e-15 therefore read as 0, which only ever means
  // "far below any alpha".
  return Math.min(1, Math.max(0, 1 - erf(Math.sqrt(x / 2))));
}

export interface TwoByTwo {
  /** Interactions with the pattern before, and all interactions before. */
  before: number;
  beforeTotal: number;
  after: number;
  afterTotal: number;
}

export interface ChiSquareResult {
  chiSquare: number;
  pValue: number;
  /** The smallest expected cell count: below 5 the chi-square approximation is not trusted. */
  minExpected: number;
}

/** Pearson's chi-square (no continuity correction) for the 2x2 table of one pattern. */
export function chiSquare2x2(t: TwoByTwo): ChiSquareResult {
  const observed = [
    [t.before, t.beforeTotal - t.before],
    [t.after, t.afterTotal - t.after],
  ];
  const n = t.beforeTotal + t.afterTotal;
  const colTotals = [t.before + t.after, n - t.before - t.after];
  const rowTotals = [t.beforeTotal, t.afterTotal];
  let chiSquare = 0;
  let minExpected = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 2; r++) {
    for (let c = 0; c < 2; c++) {
      const expected = ((rowTotals[r] as number) * (colTotals[c] as number)) / n;
      minExpected = Math.min(minExpected, expected);
      if (expected > 0) chiSquare += ((observed[r]?.[c] as number) - expected) ** 2 / expected;
    }
  }
  return { chiSquare, pValue: chiSquare1dfPValue(chiSquare), minExpected };
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values), in the order of `pValues`: a test is a
 * discovery at false discovery rate alpha when its q-value is at most alpha.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const q = new Array<number>(m).fill(1);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const { p, i } = order[k] as { p: number; i: number };
    running = Math.min(running, (p * m) / (k + 1));
    q[i] = Math.min(1, running);
  }
  return q;
}
