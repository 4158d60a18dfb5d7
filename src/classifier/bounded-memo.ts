/**
 * A memo of one function's results that forgets them all at once when it holds `bound` of them:
 * the names a big log repeats on almost every row are computed once, and memory stays flat
 * whatever the log holds (format-row.ts quotes resource and descriptor names through one).
 */
export class BoundedMemo<K, V> {
  private readonly results = new Map<K, V>();

  constructor(
    private readonly compute: (key: K) => V,
    readonly bound: number,
  ) {}

  /** How many results it holds now: never more than `bound`. */
  get size(): number {
    return this.results.size;
  }

  get(key: K): V {
    let value = this.results.get(key);
    if (value === undefined) {
      value = this.compute(key);
      if (this.results.size >= this.bound) this.results.clear();
      this.results.set(key, value);
    }
    return value;
  }
}
