/**
 * The reading side of classify --jobs N: every piece goes to each worker still reading, once, in
 * one shared memory; the reading waits while any worker still reading is `maxAhead` pieces
 * behind, and goes on when it answers or the run stops; it stops when every worker is done.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import type { ToWorker } from "../../src/classifier/parallel-worker";
import { type FeedLane, PieceFeed } from "../../src/classifier/piece-feed";

/** A lane that keeps what is posted to it. */
function lane(done = false): FeedLane & { done: boolean; posted: ToWorker[] } {
  const posted: ToWorker[] = [];
  return { done, posted, post: (m) => posted.push(m) };
}

/** Whether `promise` has settled once pending callbacks have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
}

const piece = (text: string) => [Buffer.from(text)];

describe("the piece feed", () => {
  test("a piece goes once to each worker still reading, its parts joined in one shared memory", () => {
    const lanes = [lane(), lane(true), lane()];
    const feed = new PieceFeed(lanes, 4, () => false);
    feed.send([Buffer.from("ab\n"), Buffer.from("cd\n")], 6);
    for (const l of [lanes[0], lanes[2]]) {
      expect(l?.posted).to.have.length(1);
      const message = l?.posted[0] as { type: string; piece: SharedArrayBuffer };
      expect(message.type).to.equal("piece");
      expect(message.piece).to.be.instanceOf(SharedArrayBuffer);
      expect(Buffer.from(message.piece).toString()).to.equal("ab\ncd\n");
    }
    // One memory for all, not a copy each.
    const [a, c] = [lanes[0]?.posted[0], lanes[2]?.posted[0]] as { piece: SharedArrayBuffer }[];
    expect(a?.piece).to.equal(c?.piece);
    expect(lanes[1]?.posted).to.deep.equal([]);
    expect([0, 1, 2].map((i) => feed.piecesAhead(i))).to.deep.equal([1, 0, 1]);
  });

  test("reading goes on while every worker is under the limit, and waits when one reaches it", async () => {
    const lanes = [lane(), lane()];
    const feed = new PieceFeed(lanes, 2, () => false);
    feed.send(piece("1\n"), 2);
    expect(await settled(feed.room()), "one piece ahead of a limit of 2").to.equal(true);
    feed.answered(0);
    feed.send(piece("2\n"), 2);
    // Worker 0 has answered one of two pieces, worker 1 none: worker 1 is at the limit.
    expect([feed.piecesAhead(0), feed.piecesAhead(1)]).to.deep.equal([1, 2]);
    const waiting = feed.room();
    expect(await settled(waiting)).to.equal(false);
    // A poke with nothing changed: still waiting.
    feed.poke();
    expect(await settled(waiting)).to.equal(false);
    feed.answered(1);
    feed.poke();
    expect(await settled(waiting)).to.equal(true);
  });

  test("a worker that is done does not hold the reading back, however far behind it was", async () => {
    const lanes = [lane(), lane()];
    const feed = new PieceFeed(lanes, 1, () => false);
    feed.send(piece("1\n"), 2);
    feed.answered(0);
    const waiting = feed.room();
    expect(await settled(waiting)).to.equal(false);
    (lanes[1] as { done: boolean }).done = true;
    feed.poke();
    expect(await settled(waiting)).to.equal(true);
  });

  test("the run stopping releases a reading that waits", async () => {
    let finished = false;
    const feed = new PieceFeed([lane()], 1, () => finished);
    feed.send(piece("1\n"), 2);
    const waiting = feed.room();
    expect(await settled(waiting)).to.equal(false);
    finished = true;
    feed.poke();
    expect(await settled(waiting)).to.equal(true);
  });

  test("reading is stopped once the run stopped or every worker is done, not while one still reads", () => {
    const lanes = [lane(), lane()];
    let finished = false;
    const feed = new PieceFeed(lanes, 4, () => finished);
    expect(feed.stopped()).to.equal(false);
    (lanes[0] as { done: boolean }).done = true;
    expect(feed.stopped(), "one worker still reads").to.equal(false);
    finished = true;
    expect(feed.stopped(), "the run stopped").to.equal(true);
    finished = false;
    (lanes[1] as { done: boolean }).done = true;
    expect(feed.stopped(), "every worker done").to.equal(true);
  });

  test("the end of the log is told to every worker still reading, and only to them", () => {
    const lanes = [lane(), lane(true), lane()];
    new PieceFeed(lanes, 4, () => false).end();
    expect(lanes.map((l) => l.posted)).to.deep.equal([[{ type: "end" }], [], [{ type: "end" }]]);
  });
});
