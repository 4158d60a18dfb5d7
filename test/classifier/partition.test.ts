/**
 * Which worker classifies a line (classify --jobs N): every event of an interaction must go to one
 * worker, whatever the line looks like, wherever it sits in a piece of the log and in whatever
 * order the lines are asked about; the byte reading must agree with JSON.parse.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import fc from "fast-check";
import { workerOf } from "../../src/classifier/partition";

describe("partition by interaction", () => {
  const worker = (line: string, jobs = 7) => {
    const bytes = Buffer.from(line);
    return workerOf(bytes, 0, bytes.length, jobs);
  };

  test("the same interaction goes to the same worker however its line is written", () => {
    const plain = worker('{"ts":"t","interaction":"ixn-é1","event":"E"}');
    expect(worker('{"interaction" : "ixn-é1","ts":"t","event":"E"}')).to.equal(plain);
    expect(worker('{"ts":"t","interaction":"ixn-\\u00e91","event":"E"}')).to.equal(plain);
    expect(worker('{"ts":"t","\\u0069nteraction":"ixn-é1","event":"E"}')).to.equal(plain);
    // JSON.parse keeps the last of a repeated key; so does the partition.
    expect(worker('{"interaction":"other","ts":"t","interaction":"ixn-é1"}')).to.equal(plain);
    // "interaction" as a value is not the key.
    expect(worker('{"queue":"interaction","interaction":"ixn-é1"}')).to.equal(plain);
    expect(worker('{"interaction":"ixn-é1","queue":"interaction"}')).to.equal(plain);
  });

  test("ids spread over the workers; a line without an interaction goes to worker 0", () => {
    const used = new Set<number>();
    for (let i = 0; i < 200; i++) used.add(worker(`{"interaction":"ixn-${i}"}`, 4));
    expect([...used].sort()).to.deep.equal([0, 1, 2, 3]);
    expect(worker("{not json", 4)).to.equal(0);
    expect(worker('{"ts":"t"}', 4)).to.equal(0);
    // An id that is not a string, read from the bytes or parsed (a backslash in the line), and
    // JSON that is not an object.
    for (let jobs = 2; jobs <= 7; jobs++) {
      for (const line of [
        '{"interaction":7,"ts":"t"}',
        '{"interaction": null, "queue":"q"}',
        '{"x":"\\n","interaction":7,"ts":"t"}',
        '"\\n"',
        '["\\n","interaction"]',
        '{"x":"\\n"',
      ]) {
        expect(worker(line, jobs), `${line}, ${jobs} jobs`).to.equal(0);
      }
    }
  });

  /** A line's worker, read as JSON.parse reads it: an escaped field first sends it down the parsing path. */
  const parsedWorker = (line: string, jobs: number) => worker(`{"x":"\\n",${line.slice(1)}`, jobs);

  // Lines as logs hold them, and as they are mistyped: ids with spaces, quotes, backslashes and
  // non-ASCII, blanks (space, tab, CR, LF) around the colon, a repeated key, "interaction" as a
  // value, a number or nothing where the id goes, text that is not JSON.
  const id = fc.string({ unit: fc.constantFrom("a", "7", "-", " ", "é", "€", '"', "\\", "/"), maxLength: 8 });
  const blank = fc.string({ unit: fc.constantFrom(" ", "\t", "\r", "\n"), maxLength: 2 });
  const line = fc.oneof(
    fc
      .tuple(id, blank, blank)
      .map(([i, a, b]) => `{"ts":"t","interaction"${a}:${b}${JSON.stringify(i)},"event":"E"}`),
    fc
      .tuple(id, id)
      .map(
        ([a, b]) =>
          `{"interaction":${JSON.stringify(a)},"queue":"interaction","interaction":${JSON.stringify(b)}}`,
      ),
    id.map((i) => `{"queue":${JSON.stringify(i)}}`),
    fc.constantFrom(
      '{"interaction":7}',
      '{"interaction":',
      '{"interaction":"open',
      "{not json",
      "",
      '{"interaction" "x"}',
      // "interaction" as a value after the key, and an id that is a number before other strings.
      '{"interaction":"ixn-9","queue":"interaction"}',
      '{"interaction":7,"ts":"t"}',
    ),
    // Not JSON, but with an id the bytes can read (the parsing path would say worker 0), and
    // fragments that only a read past the line's end would join to their neighbours.
    id.map((i) => `{"interaction":${JSON.stringify(i)},"event":`),
    fc.constantFrom('"interaction"', '{"interaction" ', ':"ab"}', '"ab"}', '"interaction":"x"}', "\\"),
  );

  test("a line's worker does not depend on the lines around it, or on the order lines are asked in", () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.integer({ min: 2, max: 5 }),
        (lines, order, jobs) => {
          // One buffer holding every line, as a worker's piece does: no line sees past its end.
          const buffer = Buffer.from(lines.join("\n"));
          const spans: [number, number][] = [];
          let at = 0;
          for (const l of lines) {
            const length = Buffer.byteLength(l);
            spans.push([at, at + length]);
            at += length + 1;
          }
          const alone = lines.map((l) => worker(l, jobs));
          // In order, then in any order (each line read again from the same buffer).
          const asked = [...spans.keys(), ...order.map((n) => n % spans.length)];
          for (const k of asked) {
            const [from, to] = spans[k] as [number, number];
            expect(workerOf(buffer, from, to, jobs), JSON.stringify(lines[k])).to.equal(alone[k]);
          }
        },
      ),
    );
  });

  test("the bytes are read as JSON.parse reads the line: the same worker as the parsing path", () => {
    fc.assert(
      fc.property(line, fc.integer({ min: 2, max: 5 }), (l, jobs) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(l);
        } catch {
          return; // not JSON: any worker refuses it at its line
        }
        if (typeof parsed !== "object" || parsed === null) return;
        expect(worker(l, jobs), l).to.equal(parsedWorker(l, jobs));
      }),
    );
  });

  test("nothing is read past a line's end, even where the next line would complete it", () => {
    // Each pair is a line cut short and a next line that would finish its key, colon or id.
    const pairs: [string, string][] = [
      ['{"interaction":"open', 'x"}'],
      ['{"interaction":', '"ab"}'],
      ['{"interaction":', ' "ab"}'],
      ['{"interaction" ', ':"ab"}'],
      ['"interaction"', ':"ab"}'],
      ['{"interact', 'ion":"ab"}'],
    ];
    for (const [first, second] of pairs) {
      const buffer = Buffer.from(`${first}\n${second}`);
      const end = Buffer.byteLength(first);
      for (let jobs = 2; jobs <= 7; jobs++) {
        expect(workerOf(buffer, 0, end, jobs), `${first} | ${second}, ${jobs} jobs`).to.equal(
          worker(first, jobs),
        );
      }
    }
  });

  /**
   * The partition's contract, written another way: a line with a backslash goes where JSON.parse
   * sends it; any other line goes by the id after its last `"interaction"` followed by a colon (a
   * greedy regular expression finds that one), worker 0 when no quoted id follows it in the line.
   */
  const modelWorker = (l: string, jobs: number): number => {
    let id: unknown;
    if (l.includes("\\")) {
      try {
        id = (JSON.parse(l) as { interaction?: unknown } | null)?.interaction;
      } catch {
        id = undefined;
      }
    } else {
      id = /^.*"interaction"[ \t\r\n]*:[ \t\r\n]*(?:"([^"]*)")?/s.exec(l)?.[1];
    }
    return typeof id === "string" ? worker(`{"interaction":${JSON.stringify(id)}}`, jobs) : 0;
  };
  // Lines built from the pieces that matter to the byte reading, valid JSON or not.
  const token = fc.constantFrom(
    '"interaction"',
    ":",
    '"',
    " ",
    "\n",
    "x",
    "é",
    "{",
    ",",
    "\\",
    '"ab"',
    '"interaction":"cd"',
  );
  const tokenLine = fc.array(token, { maxLength: 8 }).map((t) => t.join(""));

  /** Checks each line of a piece (in order, then in `order`) against the contract. */
  const checkPiece = (lines: string[], before: string, afterLast: string, order: number[], jobs: number) => {
    // Lines of tokens may hold a newline: each is one line only to the partition here.
    const buffer = Buffer.from(before + lines.join("\n") + afterLast);
    const spans: [number, number][] = [];
    let at = Buffer.byteLength(before);
    for (const l of lines) {
      spans.push([at, at + Buffer.byteLength(l)]);
      at += Buffer.byteLength(l) + 1;
    }
    for (const k of [...spans.keys(), ...order.map((n) => n % spans.length)]) {
      const [from, to] = spans[k] as [number, number];
      const l = lines[k] as string;
      expect(
        workerOf(buffer, from, to, jobs),
        `${JSON.stringify(l)} in ${JSON.stringify(buffer.toString())}, ${jobs} jobs`,
      ).to.equal(modelWorker(l, jobs));
    }
  };

  test("each line's worker is the contract's, wherever it sits in a piece and whatever follows it", () => {
    fc.assert(
      fc.property(
        fc.array(tokenLine, { minLength: 1, maxLength: 5 }),
        // Before the first line: nothing, or the tail of an earlier line. After the last: what
        // would complete a cut line if it were read past its end.
        fc.constantFrom("", "\\", '"interaction":"pq"\n'),
        fc.constantFrom("", "\\", '"}', ':"zz"}', '\n:"zz"}', '\n "zz"}', "\n\\"),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 2, max: 5 }),
        checkPiece,
      ),
    );
  });

  test("the contract at a line's edges: a backslash first in the piece, a quote or colon just past the end", () => {
    for (let jobs = 2; jobs <= 7; jobs++) {
      // A backslash at the piece's first byte: the line is parsed (and is not JSON).
      checkPiece(['\\"interaction":"cd"', '{"interaction":"cd","e":'], "", "", [1, 0], jobs);
      // The id's closing quote, and a colon after the key, just past the line.
      checkPiece(['{"interaction":"ab'], "", '"}', [], jobs);
      checkPiece(['{"interaction":"ab","q":"interaction"'], "", ':"zz"}', [], jobs);
      // The key at the line's first byte, after a line that is the bare key.
      checkPiece(['"interaction"', '"interaction":"ab",'], "", "", [0], jobs);
    }
  });

  test("one worker: every line goes to it", () => {
    expect(worker('{"interaction":"ixn-1"}', 1)).to.equal(0);
    expect(worker('{"x":"\\n","interaction":"ixn-1"}', 1)).to.equal(0);
  });
});
