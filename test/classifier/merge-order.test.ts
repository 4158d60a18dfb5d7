/**
 * Which worker's group of rows is written next (classify --jobs N): the lowest stopping line
 * first, and only once no other worker can still send one that stops before it, so the merged
 * output is the single-threaded one; nothing at or after the earliest bad line.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import { allPast, nextToWrite, type WorkerProgress } from "../../src/classifier/merge-order";

const waiting = (nextLine: number, watermark = nextLine): WorkerProgress => ({
  nextLine,
  done: false,
  watermark,
});
const reading = (watermark: number): WorkerProgress => ({ nextLine: undefined, done: false, watermark });
const done: WorkerProgress = { nextLine: undefined, done: true, watermark: 0 };
const ALL = Number.POSITIVE_INFINITY;

describe("the merge order", () => {
  test("nothing waits: nothing to write", () => {
    expect(nextToWrite([], ALL)).to.equal(undefined);
    expect(nextToWrite([reading(50), done], ALL)).to.equal(undefined);
  });

  test("the lowest stopping line among the waiting groups goes first, wherever its worker sits", () => {
    expect(nextToWrite([waiting(7), waiting(3), waiting(5)], ALL)).to.equal(1);
    expect(nextToWrite([waiting(3), waiting(7)], ALL)).to.equal(0);
    expect(nextToWrite([done, reading(9), waiting(8)], ALL)).to.equal(2);
  });

  test("a worker with nothing waiting holds the merge back until it has read past the line, or is done", () => {
    expect(nextToWrite([waiting(8), reading(7)], ALL)).to.equal(undefined);
    expect(nextToWrite([waiting(8), reading(8)], ALL)).to.equal(0);
    expect(nextToWrite([waiting(8), reading(9)], ALL)).to.equal(0);
    expect(nextToWrite([waiting(8), { ...reading(0), done: true }], ALL)).to.equal(0);
    // The writing worker's own watermark does not matter: its groups come in line order.
    expect(nextToWrite([waiting(8, 0), reading(8)], ALL)).to.equal(0);
    // A worker with a later group waiting has read past the line already.
    expect(nextToWrite([waiting(8), waiting(12, 0)], ALL)).to.equal(0);
  });

  test("nothing stopping at or after the earliest bad line is written", () => {
    expect(nextToWrite([waiting(5), waiting(9)], 5)).to.equal(undefined);
    expect(nextToWrite([waiting(5), waiting(9)], 6)).to.equal(0);
    expect(nextToWrite([waiting(9)], 9)).to.equal(undefined);
  });

  test("every worker past a line: each has read to it or is done", () => {
    expect(allPast([], 3)).to.equal(true);
    expect(allPast([reading(3), done], 3)).to.equal(true);
    expect(allPast([reading(3), reading(2)], 3)).to.equal(false);
    expect(allPast([waiting(1, 2), done], 3)).to.equal(false);
  });
});
