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

  test("one worker: every line goes to it", () => {
    expect(worker('{"interaction":"ixn-1"}', 1)).to.equal(0);
    expect(worker('{"x":"\\n","interaction":"ixn-1"}', 1)).to.equal(0);
  });
});
