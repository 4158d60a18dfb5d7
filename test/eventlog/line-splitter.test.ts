/** Splitting bytes into lines: endings, chunk boundaries, blank lines, and runaway lines. */
import { test } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect } from "chai";
import fc from "fast-check";
import { InputError } from "../../src/errors";
import { type Line, LineSplitter, splitLines } from "../../src/eventlog/line-splitter";

/** The lines of `text` delivered in chunks cut at `cuts` (byte offsets). */
function splitAt(text: string | Buffer, cuts: number[], maxLineBytes?: number): Line[] {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, "utf8");
  const splitter = new LineSplitter({ file: "t.jsonl", maxLineBytes });
  const lines: Line[] = [];
  const collect = (t: string, line: number) => lines.push({ text: t, line });
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    splitter.push(bytes.subarray(from, cut), collect);
    from = cut;
  }
  splitter.end(collect);
  return lines;
}

async function collect(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  maxLineBytes?: number,
): Promise<Line[]> {
  const lines: Line[] = [];
  for await (const line of splitLines(source, { file: "t.jsonl", maxLineBytes })) lines.push(line);
  return lines;
}

test("\\n and \\r\\n endings, a last line without newline, 1-based numbers", () => {
  expect(splitAt("a\nb\r\nc", [])).to.deep.equal([
    { text: "a", line: 1 },
    { text: "b", line: 2 },
    { text: "c", line: 3 },
  ]);
  expect(splitAt("a\r\n", [])).to.deep.equal([{ text: "a", line: 1 }]);
});

test("blank and whitespace-only lines are skipped but still counted", () => {
  expect(splitAt("\n  \t\r\na\n\n \nb\n   ", [])).to.deep.equal([
    { text: "a", line: 3 },
    { text: "b", line: 6 },
  ]);
  expect(splitAt(" \n\r\n\t", [])).to.deep.equal([]);
  expect(splitAt("", [])).to.deep.equal([]);
});

test("the same lines whatever the chunk boundaries, even inside a UTF-8 character or a \\r\\n", () => {
  const text = 'first\r\n{"agent":"Zoë 𝄞"}\r\n\nlast “quoted”';
  const expected = splitAt(text, []);
  expect(expected.map((l) => l.text)).to.deep.equal(["first", '{"agent":"Zoë 𝄞"}', "last “quoted”"]);
  const length = Buffer.byteLength(text);
  for (let cut = 0; cut <= length; cut++) {
    expect(splitAt(text, [cut]), `cut at ${cut}`).to.deep.equal(expected);
  }
  const everyByte = Array.from({ length }, (_, i) => i);
  expect(splitAt(text, everyByte)).to.deep.equal(expected);
});

test("a UTF-8 byte order mark before the first line is dropped", () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  expect(splitAt(Buffer.concat([bom, Buffer.from("a\nb")]), [])).to.deep.equal([
    { text: "a", line: 1 },
    { text: "b", line: 2 },
  ]);
});

test("a line of exactly maxLineBytes passes, one byte more fails with its line number", () => {
  expect(splitAt(`ok\n${"x".repeat(8)}\r\n`, [4, 9], 8)).to.have.length(2);
  expect(splitAt(`ok\n${"x".repeat(8)}`, [5], 8)).to.have.length(2);
  for (const text of [`ok\n${"x".repeat(9)}\n`, `ok\n${"x".repeat(9)}`, `ok\n${"x".repeat(9)}\r\n`]) {
    for (const cuts of [[], [5], [3, 4, 5, 6, 7, 8, 9, 10, 11]]) {
      expect(() => splitAt(text, cuts, 8), `${JSON.stringify(text)} cut at ${cuts}`).to.throw(
        InputError,
        "t.jsonl:2: line is longer than 8 bytes",
      );
    }
  }
});

test("a runaway line fails as soon as it outgrows the limit, without reading the rest", async () => {
  let bytesRead = 0;
  const chunk = Buffer.alloc(64 * 1024, "x");
  async function* endlessLine() {
    yield Buffer.from('{"ts":"2026-03-02T09:00:00.000Z"}\n');
    for (;;) {
      bytesRead += chunk.length;
      yield chunk;
    }
  }
  let error: unknown;
  try {
    await collect(endlessLine(), 1024 * 1024);
  } catch (e) {
    error = e;
  }
  expect(error).to.be.instanceOf(InputError);
  expect((error as InputError).message).to.match(/^t\.jsonl:2: line is longer than 1048576 bytes/);
  expect(bytesRead).to.be.at.most(1024 * 1024 + 2 * chunk.length);
});

test("splitLines yields the lines before a runaway line first", async () => {
  const seen: string[] = [];
  async function* source() {
    yield "a\nb\n";
    yield `c\n${"x".repeat(100)}`;
  }
  let error: unknown;
  try {
    for await (const line of splitLines(source(), { file: "t.jsonl", maxLineBytes: 10 }))
      seen.push(line.text);
  } catch (e) {
    error = e;
  }
  expect(seen).to.deep.equal(["a", "b", "c"]);
  expect((error as Error).message).to.match(/^t\.jsonl:4: line is longer than 10 bytes/);
});

test("splitLines takes strings, Buffers and Uint8Arrays", async () => {
  async function* source() {
    yield "a\n";
    yield Buffer.from("b\n");
    yield new Uint8Array([0x63, 0x0a, 0x64]);
  }
  expect((await collect(source())).map((l) => l.text)).to.deep.equal(["a", "b", "c", "d"]);
});

/** The lines of `chunks`, pushed one by one, then the end of input. */
function splitChunks(chunks: (string | Buffer)[], maxLineBytes?: number): Line[] {
  const splitter = new LineSplitter({ file: "t.jsonl", maxLineBytes });
  const lines: Line[] = [];
  const collect = (t: string, line: number) => lines.push({ text: t, line });
  for (const chunk of chunks) splitter.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk), collect);
  splitter.end(collect);
  return lines;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

test("maxLineBytes must be positive: 0, a negative number or NaN is refused at construction", () => {
  for (const maxLineBytes of [0, -1, Number.NaN]) {
    expect(() => new LineSplitter({ file: "t.jsonl", maxLineBytes }), String(maxLineBytes)).to.throw(
      RangeError,
      `maxLineBytes must be positive, got ${maxLineBytes}`,
    );
  }
  // The smallest limit works: one-byte lines pass, two-byte ones do not.
  expect(splitAt("a\r\nb\n", [], 1)).to.deep.equal([
    { text: "a", line: 1 },
    { text: "b", line: 2 },
  ]);
  expect(() => splitAt("a\nbc\n", [], 1)).to.throw(InputError, "t.jsonl:2: line is longer than 1 bytes");
});

test("\\r, \\v and \\f count as blank anywhere in a line, not only as the \\r of a \\r\\n", () => {
  // The reader's parseEventLog skips the same lines (its BLANK pattern), so both readers agree.
  expect(splitAt("\r\r\na\n\v\n\f\r\n \r\t\nb\n\v\f\r", [])).to.deep.equal([
    { text: "a", line: 2 },
    { text: "b", line: 6 },
  ]);
  // A line with something else around those bytes is kept whole.
  expect(splitAt("\r\va\f\n", [])).to.deep.equal([{ text: "\r\va\f", line: 1 }]);
});

test("only a byte order mark at the very start of the input is dropped, not one starting a later chunk", () => {
  // A later U+FEFF is content (a zero-width no-break space) wherever the chunks happen to be cut.
  expect(splitChunks(["a\n", Buffer.concat([BOM, Buffer.from("b\n")])])).to.deep.equal([
    { text: "a", line: 1 },
    { text: "\ufeffb", line: 2 },
  ]);
  expect(splitChunks(["a", Buffer.concat([BOM, Buffer.from("b")])])).to.deep.equal([
    { text: "a\ufeffb", line: 1 },
  ]);
  // An empty first chunk (a stream may yield one) does not use up the start of the input.
  expect(splitChunks(["", Buffer.concat([BOM, Buffer.from("a\n")])])).to.deep.equal([{ text: "a", line: 1 }]);
});

test("a first line starting with bytes that only partly match a byte order mark is kept whole", () => {
  // UTF-8: ¿ is C2 BF, ỿ E1 BB BF, ＿ EF BC BF, ﻀ EF BB 80: each shares bytes with EF BB BF.
  for (const first of ["a¿", "ỿ", "＿", "ﻀ"]) {
    expect(splitAt(`${first}\nb`, []), first).to.deep.equal([
      { text: first, line: 1 },
      { text: "b", line: 2 },
    ]);
  }
});

test("a line of exactly maxLineBytes whose \\r ends a chunk still passes, whatever the cut", () => {
  const text = `ok\n${"x".repeat(8)}\r\nyes\r\n`;
  const expected = [
    { text: "ok", line: 1 },
    { text: "x".repeat(8), line: 2 },
    { text: "yes", line: 3 },
  ];
  for (let cut = 0; cut <= text.length; cut++) {
    expect(splitAt(text, [cut], 8), `cut at ${cut}`).to.deep.equal(expected);
  }
});

test("the limit applies to a line's own length, wherever the line starts in its chunk", () => {
  const text = `ok\nabc\n${"x".repeat(8)}\n${"y".repeat(8)}`;
  expect(splitAt(text, [], 8)).to.deep.equal([
    { text: "ok", line: 1 },
    { text: "abc", line: 2 },
    { text: "x".repeat(8), line: 3 },
    { text: "y".repeat(8), line: 4 },
  ]);
});

test("splitLines yields the lines before a too-long last line without newline, then throws", async () => {
  // Nine bytes fit the one byte of slack kept for a \r, so only the end of input finds the line too long.
  async function* source() {
    yield "ok\n";
    yield "x".repeat(9);
  }
  const seen: Line[] = [];
  let error: unknown;
  try {
    for await (const line of splitLines(source(), { file: "t.jsonl", maxLineBytes: 8 })) seen.push(line);
  } catch (e) {
    error = e;
  }
  expect(seen).to.deep.equal([{ text: "ok", line: 1 }]);
  expect(error).to.be.instanceOf(InputError);
  expect((error as Error).message).to.match(/^t\.jsonl:2: line is longer than 8 bytes/);
});

/** A full garbage collection, without starting node with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

test("the splitter keeps no hold on a chunk whose lines are all complete, and lets go of a line once it ends", async () => {
  // The memory bound the module promises: what is kept between chunks is the unfinished line only,
  // so a chunk ending on a newline (every piece the parallel classifier sends does) is not retained.
  const splitter = new LineSplitter({ file: "t.jsonl" });
  const lines: Line[] = [];
  const collect = (text: string, line: number) => lines.push({ text, line });
  const pushed = (text: string): WeakRef<ArrayBuffer> => {
    // Not from Buffer's shared pool, so the ArrayBuffer is this chunk's alone.
    const chunk = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
    chunk.write(text);
    splitter.push(chunk, collect);
    return new WeakRef(chunk.buffer);
  };
  const whole = pushed("a\nb\n");
  const started = pushed("c\nd");
  // WeakRef targets live at least until the current job ends.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  expect(whole.deref(), "a chunk of whole lines").to.equal(undefined);
  expect(started.deref(), "a chunk whose last line is not finished").to.not.equal(undefined);
  const ending = pushed("e\n");
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  expect(started.deref(), "once its last line has ended").to.equal(undefined);
  expect(ending.deref(), "the chunk that ended it").to.equal(undefined);
  splitter.end(collect);
  expect(lines).to.deep.equal([
    { text: "a", line: 1 },
    { text: "b", line: 2 },
    { text: "c", line: 3 },
    { text: "de", line: 4 },
  ]);
});

/** The lines of `chunks` as [hex of the line's bytes, line number], through the byte interface. */
function splitBytes(chunks: Buffer[], maxLineBytes?: number): [string, number][] {
  const splitter = new LineSplitter({ file: "t.jsonl", maxLineBytes });
  const lines: [string, number][] = [];
  const onLine = (bytes: Buffer, from: number, to: number, line: number) => {
    lines.push([bytes.subarray(from, to).toString("hex"), line]);
  };
  for (const chunk of chunks) splitter.pushBytes(chunk, onLine);
  splitter.endBytes(onLine);
  return lines;
}

test("a byte order mark cut by chunk boundaries is still dropped (a pipe may deliver a byte at a time)", () => {
  // Fixed: the mark was looked for in the first chunk only, so a first chunk of one or two bytes
  // left it in the first line, which then failed to parse as JSON.
  const text = Buffer.concat([BOM, Buffer.from("ab\ncd")]);
  const expected = [
    { text: "ab", line: 1 },
    { text: "cd", line: 2 },
  ];
  for (let first = 0; first <= text.length; first++) {
    for (let second = first; second <= text.length; second++) {
      expect(splitAt(text, [first, second]), `cut at ${first}, ${second}`).to.deep.equal(expected);
    }
  }
  expect(splitAt(text, [1, 1, 2, 2, 3, 3])).to.deep.equal(expected);
  // The same at a limit of one byte: the mark's bytes never count towards the first line.
  expect(splitAt(Buffer.concat([BOM, Buffer.from("a\nb")]), [1, 2], 1)).to.deep.equal([
    { text: "a", line: 1 },
    { text: "b", line: 2 },
  ]);
  // After a mark, one starting a later chunk is content all the same.
  expect(
    splitChunks([Buffer.concat([BOM, Buffer.from("a\n")]), Buffer.concat([BOM, Buffer.from("b")])]),
  ).to.deep.equal([
    { text: "a", line: 1 },
    { text: "\ufeffb", line: 2 },
  ]);
});

test("the start of a mark that breaks off is the start of the first line, whatever the chunks", () => {
  const ef = BOM.subarray(0, 1);
  const efbb = BOM.subarray(0, 2);
  const a = Buffer.from("a\n");
  expect(splitBytes([ef])).to.deep.equal([["ef", 1]]);
  expect(splitBytes([efbb])).to.deep.equal([["efbb", 1]]);
  expect(splitBytes([ef, BOM.subarray(1, 2)])).to.deep.equal([["efbb", 1]]);
  expect(splitBytes([ef, a])).to.deep.equal([["ef61", 1]]);
  expect(splitBytes([efbb, a])).to.deep.equal([["efbb61", 1]]);
  expect(splitBytes([ef, Buffer.concat([BOM.subarray(1, 2), a])])).to.deep.equal([["efbb61", 1]]);
  expect(splitBytes([ef, Buffer.from("\n"), BOM])).to.deep.equal([
    ["ef", 1],
    ["efbbbf", 2],
  ]);
  expect(splitBytes([ef, ef, BOM.subarray(1)])).to.deep.equal([["efefbbbf", 1]]);
});

/** What a plain split of the whole input gives: the non-blank lines, and the first too-long line. */
function plainSplit(input: Buffer, maxLineBytes: number): { lines: [string, number][]; tooLong?: number } {
  const body = input.subarray(0, 3).equals(BOM) ? input.subarray(3) : input;
  const lines: [string, number][] = [];
  let start = 0;
  for (let n = 1; start < body.length; n++) {
    const newline = body.indexOf(0x0a, start);
    const end = newline === -1 ? body.length : newline;
    const content = body.subarray(start, body[end - 1] === 0x0d && end > start ? end - 1 : end);
    if (content.length > maxLineBytes) return { lines, tooLong: n };
    if (!/^[ \t\r\v\f]*$/.test(content.toString("latin1"))) lines.push([content.toString("hex"), n]);
    start = end + 1;
  }
  return { lines };
}

// Bytes that matter to the splitter: endings, blank bytes, the byte order mark and parts of it,
// characters sharing bytes with it, and runs long enough to reach a small limit.
const pieces = [
  "a",
  "{}",
  "é",
  "𝄞",
  "¿",
  "ỿ",
  "＿",
  "ﻀ",
  "\ufeff",
  " ",
  "\t",
  "\r",
  "\v",
  "\f",
  "\n",
  "\r\n",
  "xxxxx",
]
  .map((s) => Buffer.from(s))
  .concat([BOM.subarray(0, 1), BOM.subarray(0, 2), BOM.subarray(1), Buffer.from([0xbf])]);

test("property: any chunking of any input gives the lines of a plain split, or fails at its first too-long line", () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...pieces), { maxLength: 30 }),
      fc.array(fc.nat(), { maxLength: 8 }),
      fc.integer({ min: 1, max: 12 }),
      (parts, rawCuts, maxLineBytes) => {
        const input = Buffer.concat(parts);
        // Repeated cuts make empty chunks, which a stream may yield too.
        const cuts = rawCuts.map((c) => c % (input.length + 1)).sort((a, b) => a - b);
        const splitter = new LineSplitter({ file: "t.jsonl", maxLineBytes });
        const lines: [string, number][] = [];
        const onLine = (bytes: Buffer, from: number, to: number, line: number) => {
          expect(0 <= from && from <= to && to <= bytes.length, `${from}..${to} of ${bytes.length}`).to.equal(
            true,
          );
          lines.push([bytes.subarray(from, to).toString("hex"), line]);
        };
        let error: unknown;
        try {
          let from = 0;
          for (const cut of [...cuts, input.length]) {
            splitter.pushBytes(input.subarray(from, cut), onLine);
            from = cut;
          }
          splitter.endBytes(onLine);
        } catch (e) {
          error = e;
        }
        const expected = plainSplit(input, maxLineBytes);
        expect(lines).to.deep.equal(expected.lines);
        if (expected.tooLong === undefined) expect(error).to.equal(undefined);
        else {
          expect(error).to.be.instanceOf(InputError);
          expect((error as Error).message).to.match(
            new RegExp(`^t\\.jsonl:${expected.tooLong}: line is longer`),
          );
        }
      },
    ),
    { numRuns: 2000 },
  );
});
