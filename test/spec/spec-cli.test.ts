/**
 * `gim-conformance spec` as a user runs it: writes the page and coverage.csv where --out says,
 * reports what it wrote, and exits 2 on a features folder that is not there.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { expect } from "chai";
import { readFeatureBook } from "../../src/spec/feature-book";
import { runCli } from "../support/run-cli";

const scratch = mkdtempSync(join(tmpdir(), "gim-spec-cli-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("spec writes the page and coverage.csv, all not run without results", async () => {
  const out = join(scratch, "book", "index.html");
  const run = await runCli(["spec", "--results", join(scratch, "none"), "--out", out]);
  expect(run.code, run.output).to.equal(0);
  const book = readFeatureBook(join(__dirname, "..", "..", "features"));
  const scenarios = book.reduce((n, f) => n + f.scenarios.length, 0);
  expect(run.stdout).to.match(
    new RegExp(
      `^Wrote .*index\\.html \\(${book.length} flows, ${scenarios} scenarios, no run results: all not run\\) and .*coverage\\.csv\n$`,
    ),
  );
  expect(readFileSync(out, "utf8")).to.match(/^<!DOCTYPE html>/);
  expect(existsSync(join(scratch, "book", "coverage.csv"))).to.equal(true);
});

test("spec with a missing features folder exits 2 with one line", async () => {
  const run = await runCli([
    "spec",
    "--features",
    join(scratch, "missing"),
    "--out",
    join(scratch, "x.html"),
  ]);
  expect(run.code).to.equal(2);
  expect(run.stderr).to.match(/missing: features folder not found\n$/);
});
