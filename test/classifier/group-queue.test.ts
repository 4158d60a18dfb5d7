/**
 * The queue of one classify worker's groups (classify --jobs N): groups come out in the order
 * they went in, each its own byte range of its batch; a batch is done when its last group is
 * taken (the worker may then send another); and the queue drops what was taken, so its memory
 * follows what waits, not what has passed through.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import fc from "fast-check";
import { COMPACT_AFTER, GroupQueue } from "../../src/classifier/group-queue";

/** A batch of groups "g<first>".."g<first+n-1>", stopping at lines 10·k: the texts and the batch. */
function batch(
  first: number,
  n: number,
): { texts: string[]; bytes: Buffer; lines: number[]; ends: number[] } {
  const texts = Array.from({ length: n }, (_, i) => `g${first + i};`);
  const ends: number[] = [];
  let at = 0;
  for (const t of texts) {
    at += t.length;
    ends.push(at);
  }
  return { texts, bytes: Buffer.from(texts.join("")), lines: texts.map((_, i) => 10 * (first + i)), ends };
}

function takeText(q: GroupQueue): string {
  const g = q.take();
  return g.bytes.toString("utf8", g.start, g.end);
}

describe("the queue of a worker's groups", () => {
  test("groups come out in order, each its own bytes; a batch is done with its last group", () => {
    const q = new GroupQueue();
    expect(q.nextLine()).to.equal(undefined);
    const a = batch(0, 3);
    const b = batch(3, 1);
    q.add(a.bytes, a.lines, a.ends);
    q.add(b.bytes, b.lines, b.ends);
    const taken: [number | undefined, string, boolean][] = [];
    while (q.nextLine() !== undefined) {
      const line = q.nextLine();
      const g = q.take();
      taken.push([line, g.bytes.toString("utf8", g.start, g.end), g.batchDone]);
    }
    expect(taken).to.deep.equal([
      [0, "g0;", false],
      [10, "g1;", false],
      [20, "g2;", true],
      [30, "g3;", true],
    ]);
  });

  test("an empty batch adds nothing; a batch whose ends do not match its lines, and a take from an empty queue, are refused", () => {
    const q = new GroupQueue();
    q.add(Buffer.alloc(0), [], []);
    expect(q.nextLine()).to.equal(undefined);
    expect(q.held()).to.equal(0);
    expect(() => q.add(Buffer.from("ab"), [1, 2], [2])).to.throw("a batch of 2 groups with 1 ends");
    expect(() => q.take()).to.throw("no group waits");
  });

  test(`taken groups are dropped once more than ${COMPACT_AFTER} of them are more than half the queue`, () => {
    // Above the threshold on count, the half decides: 5,000 held, 4,096 taken is not yet enough
    // (not more than 4,096), 4,097 is.
    const q = new GroupQueue();
    const { bytes, lines, ends } = batch(0, 5000);
    q.add(bytes, lines, ends);
    for (let i = 0; i < COMPACT_AFTER; i++) takeText(q);
    expect(q.held()).to.equal(5000);
    expect(takeText(q)).to.equal(`g${COMPACT_AFTER};`);
    expect(q.held()).to.equal(5000 - COMPACT_AFTER - 1);
    expect(q.nextLine()).to.equal(10 * (COMPACT_AFTER + 1));

    // On the half: 8,194 held, 4,097 taken is exactly half (kept), 4,098 more than half (dropped).
    const r = new GroupQueue();
    const big = batch(0, 8194);
    r.add(big.bytes, big.lines, big.ends);
    for (let i = 0; i <= COMPACT_AFTER; i++) takeText(r);
    expect(r.held()).to.equal(8194);
    takeText(r);
    expect(r.held()).to.equal(8194 - COMPACT_AFTER - 2);
    expect(takeText(r)).to.equal(`g${COMPACT_AFTER + 2};`);
  });

  test("any mix of adds and takes gives the groups in order, and holds at most what waits plus as much again (or plus COMPACT_AFTER)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 700 }), fc.constant(-1)), { maxLength: 60 }),
        (steps) => {
          const q = new GroupQueue();
          const waiting: string[] = [];
          let next = 0;
          for (const step of steps) {
            if (step >= 0) {
              const b = batch(next, step);
              next += step;
              q.add(b.bytes, b.lines, b.ends);
              waiting.push(...b.texts);
            } else {
              // Take everything but a few, so the queue passes the threshold often.
              while (waiting.length > 3) expect(takeText(q)).to.equal(waiting.shift());
            }
            expect(q.nextLine()).to.equal(
              waiting.length === 0 ? undefined : Number(/\d+/.exec(waiting[0] as string)?.[0]) * 10,
            );
            // Taken groups held are at most COMPACT_AFTER, or at most as many as wait.
            expect(q.held()).to.be.at.most(waiting.length + Math.max(COMPACT_AFTER, waiting.length));
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
