/**
 * "Did you mean": the known name closest to a mistyped one, by edit distance. Shared by every
 * message that rejects an unknown name (a manifest key, a descriptor, a step) so the suggestion
 * reads the same everywhere.
 */

/** Levenshtein distance (insert, delete, substitute: 1 each), two rows of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitute));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The candidate closest to `name` (case ignored, first one on a tie); undefined when there are none. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  return closest(name, candidates)?.name;
}

/**
 * The closest candidate only when it is a plausible typo: more than half the name's length away
 * (and more than 2) is a different word, not a slip, and suggesting it would mislead.
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  const best = closest(name, candidates);
  if (best === undefined || best.distance > Math.max(2, Math.ceil(name.length / 2))) return undefined;
  return best.name;
}

function closest(name: string, candidates: Iterable<string>): { name: string; distance: number } | undefined {
  const wanted = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (best === undefined || distance < best.distance) best = { name: candidate, distance };
  }
  return best;
}
