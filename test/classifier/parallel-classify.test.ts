/**
 * classify on worker threads (issue 14): the output must be the single-threaded output byte for
 * byte, on a generated log of thousands of interactions, on a log cut short (interactions left
 * open) and on a log with a bad line (the same error, of the earliest bad line).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { expect } from "chai";
import { conferenceEvents } from "../../bench/conference";
import { generateLog } from "../../bench/generate-log";
import { classifyBatches, type OpenInteraction } from "../../src/classifier/classify";
import { formatRow } from "../../src/classifier/format-row";
import type { ParallelClassifyOptions } from "../../src/classifier/parallel-classify";
import { workerOf } from "../../src/classifier/partition";
import { InputError } from "../../src/errors";
import { readEventBatches } from "../../src/eventlog/reader";
import { BUNDLED_GIM_CONFIG } from "../../src/gimconfig/gim-config";
import { runParallel } from "../support/parallel-run";

interface Output {
  text: string;
  open: readonly OpenInteraction[];
  error: string | undefined;
}

async function single(file: string, maxLineBytes?: number): Promise<Output> {
  let text = "";
  let open: readonly OpenInteraction[] = [];
  try {
    const batches = classifyBatches(readEventBatches(file, { maxLineBytes }), (o) => (open = o), {
      config: BUNDLED_GIM_CONFIG,
    });
    for await (const rows of batches) for (const row of rows) text += `${formatRow(row)}\n`;
  } catch (error) {
    return { text, open, error: error instanceof InputError ? error.message : String(error) };
  }
  return { text, open, error: undefined };
}

/** What a test may change of the options classifyInParallel is given. */
type Overrides = Partial<Pick<ParallelClassifyOptions, "write" | "isOpen" | "maxLineBytes" | "onOpen">>;

async function parallel(file: string, jobs: number, overrides: Overrides = {}): Promise<Output> {
  let open: readonly OpenInteraction[] = [];
  const run = await runParallel({ file, jobs, onOpen: (o) => (open = o), ...overrides });
  const error =
    run.error === undefined
      ? undefined
      : run.error instanceof InputError
        ? run.error.message
        : String(run.error);
  return { text: run.text, open, error };
}

const dir = mkdtempSync(path.join(os.tmpdir(), "gim-parallel-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const log = path.join(dir, "big.jsonl");
// One generated log of 4,000 interactions serves every test below.
before(async () => {
  await generateLog(log, 4000);
});

let tenThousandLog: Promise<string> | undefined;
/** A generated log of 10,000 interactions, made once for the tests that need it. */
function tenThousand(): Promise<string> {
  tenThousandLog ??= (async () => {
    const file = path.join(dir, "ten-thousand.jsonl");
    await generateLog(file, 10_000);
    return file;
  })();
  return tenThousandLog;
}

/** The log's non-blank lines, to build variants of it from. */
function eventLines(): string[] {
  return readFileSync(log, "utf8")
    .split("\n")
    .filter((l) => l !== "");
}

// A hang (a merge waiting for a worker that never comes) must fail, not stall the suite.
describe("classify on worker threads", { timeout: 300_000 }, () => {
  test("a log of 4,000 interactions: 2 and 3 workers write the single-threaded output byte for byte", async () => {
    const one = await single(log);
    expect(one.error).to.equal(undefined);
    expect(one.text.split("\n").length).to.be.greaterThan(4000);
    for (const jobs of [2, 3]) {
      let heard = 0;
      const many = await parallel(log, jobs, { onOpen: () => heard++ });
      expect(many.error).to.equal(undefined);
      expect(many.text === one.text, `--jobs ${jobs} differs`).to.equal(true);
      // Nothing left open: nothing to warn of, as for a single thread.
      expect(heard).to.equal(0);
    }
  });

  test("a log cut short: the open interactions' rows come last, in first-event order, and are reported alike", async () => {
    const lines = readFileSync(log, "utf8").split("\n");
    // Mid-way through one of the generator's interleaved batches of 200, not at a batch's end.
    const cut = path.join(dir, "cut.jsonl");
    writeFileSync(cut, `${lines.slice(0, Math.floor(lines.length * 0.63)).join("\n")}\n`);
    const one = await single(cut);
    expect(one.open.length).to.be.greaterThan(10);
    const many = await parallel(cut, 2);
    expect(many.error).to.equal(undefined);
    expect(many.text === one.text).to.equal(true);
    expect(many.open).to.deep.equal(one.open);
    // onOpen is optional: without it the rows are the same.
    const unasked = await parallel(cut, 2, { onOpen: undefined });
    expect(unasked.error).to.equal(undefined);
    expect(unasked.text === one.text).to.equal(true);
  });

  test("bad lines: the error of the earliest one, as the single thread reports it", async () => {
    const lines = readFileSync(log, "utf8").split("\n");
    const bad = path.join(dir, "bad.jsonl");
    const broken = [...lines];
    broken[5000] = "{not json";
    broken[20000] =
      '{"ts":"2026-03-02T08:00:00.000Z","interaction":"x","event":"EventPartyAdded","agent":"A"}';
    writeFileSync(bad, broken.join("\n"));
    const one = await single(bad);
    expect(one.error).to.match(/bad\.jsonl:5001: not valid JSON/);
    const many = await parallel(bad, 2);
    expect(many.error).to.equal(one.error);
    // What was written before the error are whole groups, in order: a prefix of the full output.
    const full = (await single(log)).text;
    expect(full.startsWith(many.text)).to.equal(true);
  });

  test("two workers each meet a bad line: the earlier line's error, whichever worker met it", async () => {
    // Ids dealt to worker 1 and to worker 0 of 2: where the earlier bad line is worker 1's, the
    // first worker in order holds the later error.
    const idOf = (worker: number) => {
      for (let i = 0; ; i++) {
        const id = `ixn-${i}`;
        const bytes = Buffer.from(`{"interaction":"${id}"}`);
        if (workerOf(bytes, 0, bytes.length, 2) === worker) return id;
      }
    };
    const badLine = (id: string) =>
      `{"ts":"2026-03-02T08:00:00.000Z","interaction":"${id}","event":"NoSuchEvent"}`;
    // And the other way round: the earlier bad line is the first worker's.
    for (const [first, second] of [
      [1, 0],
      [0, 1],
    ] as const) {
      const twoBad = path.join(dir, `two-bad-${first}.jsonl`);
      writeFileSync(twoBad, `${badLine(idOf(first))}\n${badLine(idOf(second))}\n`);
      const one = await single(twoBad);
      expect(one.error).to.match(/two-bad-\d\.jsonl:1: /);
      expect((await parallel(twoBad, 2)).error).to.equal(one.error);
    }
  });

  test("the reading's edge cases read as a single thread reads them: BOM, CRLF, blank lines, no final newline, empty, a line too long", async () => {
    const lines = eventLines();
    const cases: Record<string, string> = {
      "bom-crlf.jsonl": `\ufeff${lines.slice(0, 3000).join("\r\n")}`,
      "blank-lines.jsonl": lines
        .slice(0, 3000)
        .map((l, i) => (i % 7 === 0 ? `  \n${l}` : l))
        .join("\n"),
      "blank-only.jsonl": "\n  \n\t\n",
      "too-long.jsonl": `${lines.slice(0, 2000).join("\n")}\n${"x".repeat(3 * 1024 * 1024)}\n${lines[2000]}\n`,
    };
    for (const [name, text] of Object.entries(cases)) {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      const one = await single(file);
      const many = await parallel(file, 2);
      expect(many.error, name).to.equal(one.error);
      expect(many.text === one.text, `${name}: output differs`).to.equal(true);
    }
    expect((await single(path.join(dir, "blank-only.jsonl"))).error).to.match(/empty/);
    expect((await single(path.join(dir, "too-long.jsonl"))).error).to.match(
      /too-long\.jsonl:2001: line is longer/,
    );
  });
});

describe("the output side of the worker threads", { timeout: 300_000 }, () => {
  test("a slow reader: pieces of whole lines, at most 1 MiB each, one write at a time, the same bytes", async () => {
    const one = await single(log);
    expect(one.text.length, "the log must give more than one piece").to.be.greaterThan(1 << 20);
    const pieces: number[] = [];
    let writing = 0;
    let overlapped = false;
    let text = "";
    const many = await parallel(log, 2, {
      write: async (bytes) => {
        if (++writing > 1) overlapped = true;
        pieces.push(bytes.length);
        text += bytes.toString("utf8");
        expect(bytes.at(-1), "a piece ends inside a line").to.equal(0x0a);
        await new Promise((resolve) => setTimeout(resolve, 2));
        writing--;
      },
    });
    expect(many.error).to.equal(undefined);
    expect(overlapped, "a write began before the previous one resolved").to.equal(false);
    expect(text === one.text, "output differs").to.equal(true);
    expect(Math.max(...pieces)).to.be.at.most(1 << 20);
    // Filled pieces, not a write per group: all but the last are more than half full.
    expect(
      pieces.slice(0, -1).every((n) => n > 1 << 19),
      `pieces ${pieces.join(", ")}`,
    ).to.equal(true);
  });

  test("one interaction whose rows alone pass 1 MiB is written whole, between the others, in order", async () => {
    const conference = conferenceEvents(8000).map((e) => JSON.stringify(e.event));
    const lines = eventLines();
    const file = path.join(dir, "one-big-group.jsonl");
    // Interleaved with other interactions, so the merge has groups before and after it.
    writeFileSync(
      file,
      `${[...lines.slice(0, 3000), ...conference, ...lines.slice(3000, 6000)].join("\n")}\n`,
    );
    const one = await single(file);
    expect(one.error).to.equal(undefined);
    const group = one.text
      .split("\n")
      .filter((l) => l.includes("conference-of-8000"))
      .join("\n");
    expect(group.length, "the group must be bigger than a piece").to.be.greaterThan(1 << 20);
    for (const jobs of [2, 3]) {
      const many = await parallel(file, jobs);
      expect(many.error, `--jobs ${jobs}`).to.equal(undefined);
      expect(many.text === one.text, `--jobs ${jobs}: output differs`).to.equal(true);
    }
  });

  test("a reader that goes away: the classification stops early without an error and writes a prefix", async () => {
    // Output of several MiB, so that more than one write is due after the reader has gone.
    const log = await tenThousand();
    const full = (await single(log)).text;
    let text = "";
    let open = true;
    let writesAfterGone = 0;
    const many = await parallel(log, 2, {
      write: async (bytes) => {
        if (!open) writesAfterGone++;
        text += bytes.toString("utf8");
        open = false;
      },
      isOpen: () => open,
    });
    expect(many.error).to.equal(undefined);
    expect(writesAfterGone, "writes after the reader went away (EPIPE on a real pipe)").to.equal(0);
    expect(text.length).to.be.greaterThan(0);
    expect(text.length, "it went on writing").to.be.lessThan(full.length);
    expect(full.startsWith(text)).to.equal(true);
  });

  test("every interaction on one worker: the idle ones do not hold the merge back", async () => {
    // Only interactions that one worker of three is dealt: the other two end with nothing.
    const lines = eventLines();
    const mine = lines.filter((l) => {
      const bytes = Buffer.from(l);
      return workerOf(bytes, 0, bytes.length, 3) === 1;
    });
    const file = path.join(dir, "one-worker.jsonl");
    writeFileSync(file, `${mine.join("\n")}\n`);
    const one = await single(file);
    expect(one.text.length).to.be.greaterThan(0);
    const many = await parallel(file, 3);
    expect(many.error).to.equal(undefined);
    expect(many.text === one.text, "output differs").to.equal(true);
  });

  test("the longest line allowed is the caller's, as for a single thread", async () => {
    const lines = eventLines();
    const file = path.join(dir, "long-line.jsonl");
    const long = lines[300]?.replace('"queue":"', `"note":"${"n".repeat(3000)}","queue":"`) ?? "";
    writeFileSync(file, `${[...lines.slice(0, 300), long, ...lines.slice(301, 2000)].join("\n")}\n`);
    // The default (1 MiB) takes it; 2,000 bytes does not, at its line.
    const accepted = await parallel(file, 2);
    expect(accepted.error).to.equal((await single(file)).error);
    const one = await single(file, 2000);
    expect(one.error).to.match(/long-line\.jsonl:301: line is longer/);
    const many = await parallel(file, 2, { maxLineBytes: 2000 });
    expect(many.error).to.equal(one.error);
    expect(many.text === one.text, "output before the error differs").to.equal(true);
  });

  test('a log that begins with the bare key "interaction": refused at its line, not searched for ever', {
    timeout: 20_000,
  }, async () => {
    // The partition's backward search for the key started over at the buffer's end when the key
    // began the buffer: the workers spun and classify --jobs never ended.
    for (const [name, text] of Object.entries({
      "bare-key.jsonl": '"interaction"\n',
      "bare-key-then-more.jsonl": '"interaction" x\n{"queue":"interaction"}\n',
    })) {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      const one = await single(file);
      expect(one.error, name).to.match(/:1: (expected a JSON object|not valid JSON)/);
      const many = await parallel(file, 2);
      expect(many.error, name).to.equal(one.error);
    }
  });

  test("10,000 interactions: each worker's queue of groups is compacted on the way, and nothing is written twice", async () => {
    // A worker's waiting groups are dropped from the front of its queue once more than 4,096 of
    // them are written; each of two workers gets about 5,000 here.
    const file = await tenThousand();
    const one = await single(file);
    expect(one.error).to.equal(undefined);
    const many = await parallel(file, 2);
    expect(many.error).to.equal(undefined);
    expect(many.text.length).to.equal(one.text.length);
    expect(many.text === one.text, "output differs").to.equal(true);
  });

  test("the worker's module refuses to run outside a worker thread, in one line", () => {
    const r = spawnSync(
      process.execPath,
      [
        "-r",
        "ts-node/register/transpile-only",
        path.join(__dirname, "../../src/classifier/parallel-worker.ts"),
      ],
      { encoding: "utf8" },
    );
    expect(r.status).to.not.equal(0);
    // The error's own line (Node also prints the source line that threw, which holds the text too).
    expect(r.stderr).to.match(/^Error: parallel-worker\.ts runs as a worker thread only$/m);
  });

  test("from the sources, the workers start whatever the current folder (not only inside the repository)", async () => {
    const one = await single(log);
    const here = process.cwd();
    process.chdir(os.tmpdir());
    try {
      const many = await parallel(log, 2);
      expect(many.error).to.equal(undefined);
      expect(many.text === one.text, "output differs").to.equal(true);
    } finally {
      process.chdir(here);
    }
  });

  test("a log that is not there: the one-line error naming it, as for a single thread", async () => {
    const missing = path.join(dir, "no-such.jsonl");
    const one = await single(missing);
    expect(one.error).to.include("no-such.jsonl");
    const many = await parallel(missing, 2);
    expect(many.error).to.equal(one.error);
  });
});
