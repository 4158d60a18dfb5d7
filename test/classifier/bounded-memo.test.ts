/** The memo format-row.ts quotes names through: each result computed once, memory bounded. */
import { test } from "node:test";
import { expect } from "chai";
import { BoundedMemo } from "../../src/classifier/bounded-memo";

/** A memo of upper-casing that counts the calls it makes. */
function counting(bound: number): { memo: BoundedMemo<string, string>; calls: string[] } {
  const calls: string[] = [];
  const memo = new BoundedMemo((key: string) => {
    calls.push(key);
    return key.toUpperCase();
  }, bound);
  return { memo, calls };
}

test("a key's result is computed once while it is remembered", () => {
  const { memo, calls } = counting(3);
  expect([memo.get("a"), memo.get("b"), memo.get("a"), memo.get("b")]).to.deep.equal(["A", "B", "A", "B"]);
  expect(calls).to.deep.equal(["a", "b"]);
  expect(memo.size).to.equal(2);
});

test("it holds up to its bound, then forgets everything at once to take the next key", () => {
  const { memo, calls } = counting(3);
  for (const k of ["a", "b", "c"]) memo.get(k);
  expect(memo.size, "full, but nothing forgotten yet").to.equal(3);
  expect(memo.get("c")).to.equal("C");
  expect(calls).to.deep.equal(["a", "b", "c"]);
  expect(memo.get("d")).to.equal("D");
  expect(memo.size, "a fourth key: the three before it are forgotten").to.equal(1);
  expect(memo.get("a")).to.equal("A");
  expect(calls).to.deep.equal(["a", "b", "c", "d", "a"]);
  expect(memo.size).to.equal(2);
});

test("its size never exceeds the bound, whatever the keys", () => {
  const { memo } = counting(5);
  for (let i = 0; i < 100; i++) {
    memo.get(String(i % 17));
    expect(memo.size).to.be.at.most(5).and.at.least(1);
  }
  expect(memo.bound).to.equal(5);
});
