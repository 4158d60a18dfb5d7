/**
 * How classify --jobs N cuts the log for its workers: pieces of whole lines, whatever the chunks
 * the file arrives in; a last line without its newline at the end; a line longer than allowed sent
 * as soon as that is known, and nothing read after it; no reading once the run has stopped; and
 * one wait for room after every piece, which is what bounds the pieces in memory.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import fc from "fast-check";
import { type PieceSink, sendPieces } from "../../src/classifier/log-pieces";

async function* chunksOf(parts: readonly (string | Uint8Array)[], pulled?: { count: number }) {
  for (const p of parts) {
    if (pulled) pulled.count++;
    yield p;
  }
}

/** A sink that records each piece's text and how often room was asked for. */
function recorder(stopAfter = Number.POSITIVE_INFINITY) {
  const pieces: string[] = [];
  let rooms = 0;
  const sink: PieceSink = {
    send(parts, size) {
      const joined = Buffer.concat([...parts]);
      expect(joined.length, "the size given is the parts' size").to.equal(size);
      pieces.push(joined.toString());
    },
    async room() {
      rooms++;
    },
    stopped: () => pieces.length >= stopAfter,
  };
  return { sink, pieces, rooms: () => rooms };
}

describe("the log in pieces of whole lines", () => {
  test("a line cut by a chunk's end waits for the rest; a last line without a newline comes at the end", async () => {
    const { sink, pieces, rooms } = recorder();
    const read = await sendPieces(chunksOf(["a\nb", "c", "d\ne\n", "f"]), 100, sink);
    expect(read).to.equal(true);
    expect(pieces).to.deep.equal(["a\n", "bcd\ne\n", "f"]);
    expect(rooms(), "room asked for after every piece of whole lines").to.equal(2);
  });

  test("strings, Uint8Arrays and Buffers are all bytes; nothing at all sends nothing", async () => {
    const { sink, pieces } = recorder();
    expect(
      await sendPieces(chunksOf(["é\n", new Uint8Array([0x78, 0x0a]), Buffer.from("y\n")]), 100, sink),
    ).to.equal(true);
    expect(pieces).to.deep.equal(["é\n", "x\n", "y\n"]);
    const empty = recorder();
    expect(await sendPieces(chunksOf([]), 100, empty.sink)).to.equal(true);
    expect(empty.pieces).to.deep.equal([]);
  });

  test("a line longer than allowed is sent once known too long, and nothing after it is read", async () => {
    // A limit of 4 bytes. As in the splitter, 5 bytes not yet ended may be a line of 4 waiting
    // for the \n of its \r\n, so they wait; 6 cannot be.
    const within = recorder();
    expect(await sendPieces(chunksOf(["ab", "cde"]), 4, within.sink)).to.equal(true);
    expect(within.pieces).to.deep.equal(["abcde"]);

    const pulled = { count: 0 };
    const over = recorder();
    expect(
      await sendPieces(chunksOf(["ok\nab", "cd", "ef", "gh\n", "never"], pulled), 4, over.sink),
    ).to.equal(false);
    expect(over.pieces).to.deep.equal(["ok\n", "abcdef"]);
    expect(pulled.count, "chunks read").to.equal(3);
  });

  test("once the sink has stopped, nothing more is read or sent, the last line included", async () => {
    const pulled = { count: 0 };
    const { sink, pieces } = recorder(1);
    expect(await sendPieces(chunksOf(["a\nb", "c\n", "d"], pulled), 100, sink)).to.equal(false);
    expect(pieces).to.deep.equal(["a\n"]);
    expect(pulled.count).to.equal(2);
  });

  test("the next chunk is not read until there is room", async () => {
    const pulled = { count: 0 };
    let release: () => void = () => {};
    const sink: PieceSink = {
      send() {},
      room: () => new Promise<void>((resolve) => (release = resolve)),
      stopped: () => false,
    };
    const reading = sendPieces(chunksOf(["a\n", "b\n"], pulled), 100, sink);
    await new Promise((resolve) => setImmediate(resolve));
    expect(pulled.count).to.equal(1);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(pulled.count).to.equal(2);
    release();
    expect(await reading).to.equal(true);
  });

  test("any log in any chunks: the pieces join to the log, and every piece but the last ends a line", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom("a", "é", "\n"), maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (log, cuts) => {
          const bytes = Buffer.from(log);
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((from, i) => bytes.subarray(from, [...at, bytes.length][i]));
          const { sink, pieces } = recorder();
          expect(await sendPieces(chunksOf(chunks), 1000, sink)).to.equal(true);
          expect(pieces.join("")).to.equal(log);
          for (const p of pieces.slice(0, -1)) expect(p.endsWith("\n")).to.equal(true);
          for (const p of pieces) expect(p.length).to.be.greaterThan(0);
        },
      ),
    );
  });
});
