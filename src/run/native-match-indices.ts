/**
 * Match indices from the JavaScript engine for cucumber's step matching.
 *
 * cucumber-expressions reads the positions of a step's parameters through regexp-match-indices
 * 1.0.2, a polyfill for the `d` (hasIndices) RegExp flag. Its feature test runs `exec` WITHOUT the
 * `d` flag, so it never sees native support and always takes its JavaScript implementation,
 * which rebuilds a RegExp from a parsed syntax tree on every exec. Cucumber tries every step of
 * every scenario against every step definition, so `run` spent about 0.1 s of its 1.1 s doing
 * that (measured with --cpu-prof, issue 14).
 *
 * Node 16 and later implement the flag, with the indices the polyfill emulates (ECMAScript
 * RegExp Match Indices). This module puts, in the module cache, before cucumber-expressions first
 * loads it, an exec with the same contract that asks the engine instead: the same match, with
 * `indices` from a `d` copy of the RegExp (one copy per RegExp, cached). Nothing else changes;
 * test/run/native-match-indices.test.ts checks that every step of the bundled features matches
 * the same definition with the same arguments either way.
 */
import path from "node:path";

type Exec = (regexp: RegExp, text: string) => RegExpExecArray | null;

const withIndices = new WeakMap<RegExp, RegExp>();

/** `regexp.exec(text)` with `indices`, as the polyfill's exec returns it. */
export const nativeExecWithIndices: Exec = (regexp, text) => {
  let d = withIndices.get(regexp);
  if (d === undefined) {
    d = regexp.hasIndices ? regexp : new RegExp(regexp.source, `${regexp.flags}d`);
    withIndices.set(regexp, d);
  }
  d.lastIndex = regexp.lastIndex;
  const match = d.exec(text);
  regexp.lastIndex = d.lastIndex;
  return match;
};

/**
 * Makes `require("regexp-match-indices")`, as cucumber-expressions resolves it, return the native
 * exec. Returns false (and changes nothing) when the module is not where cucumber would find it,
 * or is already loaded: then cucumber keeps the polyfill, slower but correct.
 */
export function installNativeMatchIndices(): boolean {
  let file: string;
  try {
    // Resolved as cucumber resolves them: cucumber-expressions from cucumber, the polyfill from there.
    const cucumber = path.dirname(require.resolve("@cucumber/cucumber"));
    const expressions = path.dirname(
      require.resolve("@cucumber/cucumber-expressions", { paths: [cucumber] }),
    );
    file = require.resolve("regexp-match-indices", { paths: [expressions] });
  } catch {
    return false;
  }
  if (require.cache[file] !== undefined) return false;
  // The module's default export, as cucumber-expressions calls it: exec(regexp, text).
  const exec = (regexp: RegExp, text: string) => nativeExecWithIndices(regexp, text);
  const module = new (require("node:module") as typeof import("node:module"))(file);
  module.filename = file;
  module.loaded = true;
  module.exports = exec;
  require.cache[file] = module;
  return true;
}
