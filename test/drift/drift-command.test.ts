/**
 * drift through the command, on census files written by the test: identical windows exit 0 and
 * say so; a shifted mix exits 1 flagging exactly the shifted pattern, in words; a new undocumented
 * pattern exits 1 with its samples; a vanished one is reported without failing; bad censuses and
 * options exit 2 naming the file and field; files drift did not write are never overwritten.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import type { Census, CensusPattern } from "../../src/census/census-types";
import { main } from "../../src/cli/main";
import { compareCensuses } from "../../src/drift/drift";
import { readCensusForDrift } from "../../src/drift/read-census";
import { InputError } from "../../src/errors";

/** The command in-process (main() as bin/gim-conformance.js calls it): spawning ts-node per case was most of the time. */
async function runCli(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c: Buffer) => {
    out += c.toString("utf8");
  });
  stderr.on("data", (c: Buffer) => {
    err += c.toString("utf8");
  });
  const code = await main(args, { stdout, stderr, env: {} });
  return { code, stdout: out, stderr: err, output: `${out}\n${err}` };
}

const dir = mkdtempSync(join(tmpdir(), "gim-drift-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Twenty documented patterns sharing the chats, the first with `first` of them. */
function patterns(first: number, total: number): CensusPattern[] {
  const rest = total - first;
  return Array.from({ length: 20 }, (_, i) => ({
    signature: `Agent1 RoutedTo/Completed x${i}`,
    codes: `I|AGENT|1|ROUTEDTO|COMPLETED|UNSPECIFIED|UNSPECIFIED|x${i}`,
    flow: `flow-${i}`,
    interactions: i === 0 ? first : Math.floor(rest / 19) + (i - 1 < rest % 19 ? 1 : 0),
    irfsPerInteraction: 1,
    samples: [`GUID${i}A`, `GUID${i}B`],
  }));
}

function census(pats: CensusPattern[], from = "2026-03-02T00:00:00.000Z"): Census {
  const interactions = pats.reduce((n, p) => n + p.interactions, 0);
  return {
    formatVersion: 1,
    createdAt: "2026-03-10T00:00:00.000Z",
    harnessVersion: "0.1.0",
    source: { kind: "postgres", name: "db:5432/gim" },
    gimVersion: "8.5.116",
    window: { from, to: null },
    interactions,
    irfs: interactions,
    sampleSize: 5,
    patterns: pats,
    flows: [],
    invariantBreaks: [],
  };
}

function write(name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
  return file;
}

const undocumented = (signature: string, n: number): CensusPattern => ({
  signature,
  codes: signature,
  flow: null,
  interactions: n,
  irfsPerInteraction: 1,
  samples: ["PLANTED1", "PLANTED2"],
});

describe("drift", () => {
  const base = write("before.json", census(patterns(2000, 100_000)));

  test("identical windows: exit 0 and 'No drift' in words", async () => {
    const same = write("same.json", census(patterns(2000, 100_000), "2026-03-09T00:00:00.000Z"));
    const run = await runCli(["drift", base, same]);
    expect(run.code, run.output).to.equal(0);
    expect(run.stdout).to.match(/No drift: the mix is the same/);
    expect(run.stdout).not.to.match(/<- shift/);
  });

  test("a pattern doubling from 2% to 4%: exit 1, exactly that pattern flagged and described", async () => {
    const shifted = write("shifted.json", census(patterns(4000, 100_000)));
    const md = join(dir, "drift.md");
    const html = join(dir, "drift.html");
    const run = await runCli(["drift", base, shifted, "--markdown", md, "--html", html]);
    expect(run.code, run.output).to.equal(1);
    expect(run.stdout).to.match(/DRIFT: 1 pattern shifted significantly/);
    expect(run.stdout).to.match(
      /@id:flow-0 \("Agent1 RoutedTo\/Completed x0"\) rose from 2\.0% to 4\.0% of chats \(\+2\.00 pp, 2\.00×/,
    );
    expect(run.stdout.match(/<- shift/g) ?? []).to.have.length(1);
    expect(readFileSync(md, "utf8")).to.match(/rose from 2\.0% to 4\.0%/);
    expect(readFileSync(html, "utf8")).to.match(/<!DOCTYPE html>[\s\S]*rose from 2\.0% to 4\.0%/);
    // Run again: drift replaces the files it wrote.
    expect((await runCli(["drift", base, shifted, "--markdown", md, "--html", html])).code).to.equal(1);
  });

  test("the same shift under --min-shift 3 is not counted; under --alpha it still is", async () => {
    const shifted = write("shifted2.json", census(patterns(4000, 100_000)));
    expect((await runCli(["drift", base, shifted, "--min-shift", "3"])).code).to.equal(0);
    expect((await runCli(["drift", base, shifted, "--alpha", "0.001"])).code).to.equal(1);
  });

  test("a small wobble in a big sample is significant but below --min-shift: exit 0", () => {
    const before = readCensusForDrift(write("big1.json", census(patterns(200_000, 10_000_000))));
    const after = readCensusForDrift(write("big2.json", census(patterns(203_000, 10_000_000))));
    const report = compareCensuses(before, after, { alpha: 0.05, minShift: 0.5 });
    const first = report.patterns.find((p) => p.signature.endsWith("x0"));
    expect(first?.qValue).to.be.below(0.05);
    expect(report.drifted).to.equal(false);
  });

  test("a new undocumented pattern: exit 1, named with its samples; a vanished one is reported, exit 0", async () => {
    const withNew = write(
      "new.json",
      census([...patterns(2000, 99_993), undocumented("Agent1 RoutedTo/AbnormalStop", 7)]),
    );
    const run = await runCli(["drift", base, withNew]);
    expect(run.code, run.output).to.equal(1);
    expect(run.stdout).to.match(/1 new undocumented pattern/);
    expect(run.stdout).to.match(
      /New undocumented pattern: "Agent1 RoutedTo\/AbnormalStop" in 7 chats .*PLANTED1 PLANTED2/,
    );
    const back = await runCli(["drift", withNew, base]);
    expect(back.code, back.output).to.equal(0);
    expect(back.stdout).to.match(
      /Vanished undocumented pattern: "Agent1 RoutedTo\/AbnormalStop" \(7 chats before, none after\)/,
    );
  });

  test("bad censuses exit 2 naming the file and the field", async () => {
    const cases: [unknown, RegExp][] = [
      ["not json", /is not JSON/],
      [{ ...census(patterns(10, 100)), formatVersion: 2 }, /field "formatVersion"/],
      [
        { ...census(patterns(10, 100)), interactions: 99 },
        /field "interactions": is 99 but the patterns count 100/,
      ],
      [
        {
          ...census(patterns(10, 100)),
          patterns: [{ signature: "a", flow: 3, interactions: 1, samples: [] }],
        },
        /field "patterns\[0\]\.flow"/,
      ],
      [
        {
          ...census(patterns(10, 100)),
          patterns: [{ signature: "a", flow: null, interactions: -1, samples: [] }],
        },
        /field "patterns\[0\]\.interactions"/,
      ],
    ];
    for (const [i, [value, message]] of cases.entries()) {
      const file = write(`bad${i}.json`, value);
      expect(() => readCensusForDrift(file))
        .to.throw(InputError, message)
        .with.property("file", file);
    }
    // Through the command: exit 2, the file named as given.
    const run = await runCli(["drift", base, write("bad-cli.json", { formatVersion: 1 })]);
    expect(run.code, run.output).to.equal(2);
    expect(run.stderr).to.match(/bad-cli\.json: field "interactions"/);
    const missing = await runCli(["drift", base, join(dir, "absent.json")]);
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.match(/absent\.json: no such file/);
    expect((await runCli(["drift", base, base, "--alpha", "2"])).code).to.equal(2);
  });

  test("a Markdown or HTML file drift did not write is refused (exit 2) and left as it was", async () => {
    const mine = write("notes.md", "# my notes\n");
    const page = write("page.html", "<html>mine</html>");
    const run = await runCli(["drift", base, base, "--markdown", mine]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.match(
      /notes\.md: field "--markdown": exists and was not written by gim-conformance drift/,
    );
    expect(readFileSync(mine, "utf8")).to.equal("# my notes\n");
    expect((await runCli(["drift", base, base, "--html", page])).code).to.equal(2);
    expect(readFileSync(page, "utf8")).to.equal("<html>mine</html>");
  });
});
