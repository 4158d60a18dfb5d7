/**
 * The rows of classify --jobs N are written in pieces of about a given size: exactly the bytes
 * given, in order, no write larger than a piece except a single group larger than one, and no
 * write at all for nothing.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import fc from "fast-check";
import { OutputPieces } from "../../src/classifier/output-pieces";

/** An OutputPieces of `size` bytes and the texts of the writes it made, in order. */
function recorder(size: number) {
  const writes: Buffer[] = [];
  const pieces = new OutputPieces(async (bytes) => {
    // A writer that takes its time: the next add must wait for it.
    await new Promise((resolve) => setImmediate(resolve));
    writes.push(bytes);
  }, size);
  return { pieces, texts: () => writes.map((w) => w.toString()) };
}

describe("output in pieces", () => {
  test("groups are gathered up to the piece's size, then written", async () => {
    const { pieces, texts } = recorder(8);
    await pieces.add(Buffer.from("abc"));
    await pieces.add(Buffer.from("defgh")); // exactly fills the piece: still not written
    expect(texts()).to.deep.equal([]);
    await pieces.add(Buffer.from("i"));
    expect(texts()).to.deep.equal(["abcdefgh"]);
    await pieces.flush();
    expect(texts()).to.deep.equal(["abcdefgh", "i"]);
  });

  test("a group as large as a piece is gathered; a larger one is written alone, after what came before", async () => {
    const { pieces, texts } = recorder(4);
    await pieces.add(Buffer.from("abcd"));
    expect(texts()).to.deep.equal([]);
    await pieces.add(Buffer.from("ef"));
    await pieces.add(Buffer.from("123456789"));
    expect(texts()).to.deep.equal(["abcd", "ef", "123456789"]);
    await pieces.flush();
    expect(texts(), "nothing was left to write").to.deep.equal(["abcd", "ef", "123456789"]);
  });

  test("a range of a buffer is taken as given, and a written piece is never reused", async () => {
    const { pieces, texts } = recorder(6);
    await pieces.add(Buffer.from("xxabcxx"), 2, 5);
    await pieces.flush();
    // A range's size is its own, wherever it starts: "y" and 3 bytes from offset 4 fit in 6.
    await pieces.add(Buffer.from("y"));
    await pieces.add(Buffer.from("....def"), 4, 7);
    await pieces.flush();
    await pieces.add(Buffer.from("zz"));
    await pieces.flush();
    await pieces.flush();
    expect(texts()).to.deep.equal(["abc", "ydef", "zz"]);
  });

  test("any groups, any piece size: the writes join to the input, and only a lone group exceeds a piece", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        async (groups, size) => {
          const { pieces, texts } = recorder(size);
          for (const g of groups) await pieces.add(Buffer.from(g));
          await pieces.flush();
          const written = texts();
          expect(written.join("")).to.equal(groups.join(""));
          for (const w of written) {
            expect(w.length).to.be.greaterThan(0);
            if (Buffer.byteLength(w) > size) expect(groups).to.include(w);
          }
        },
      ),
    );
  });
});
