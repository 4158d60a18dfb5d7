/**
 * Every output of one run counts alike (issue 11, "Also"): the terminal's totals, `--junit`, the
 * ci profile's junit.xml and the Allure results say the same number failed, provisional and
 * passed, for a real run with one verified failure and one provisional difference
 * (test/support/two-verdict-run.ts). Cucumber's HTML report is checked in the browser
 * (test/report/cucumber-html.browser.test.ts). The expected numbers come from the features'
 * tags, not from any output.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { expect } from "chai";
import { twoVerdictRun } from "../support/two-verdict-run";

interface Counts {
  failed: number;
  provisional: number;
  passed: number;
}

function junitCounts(file: string): Counts & { tests: number } {
  const xml = readFileSync(file, "utf8");
  const suite = /<testsuite\b[^>]*>/.exec(xml)?.[0] ?? "";
  const attr = (name: string) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(suite)?.[1] ?? Number.NaN);
  const tests = attr("tests");
  const failed = attr("failures") + attr("errors");
  // Nothing was "not run" in this run: every skipped test case is a provisional one.
  return { tests, failed, provisional: attr("skipped"), passed: tests - failed - attr("skipped") };
}

test("terminal, --junit, the ci profile's junit.xml and Allure agree on failed, provisional and passed", async () => {
  const run = await twoVerdictRun();
  expect(run.run.code, run.run.stderr).to.equal(1);
  const expected: Counts = {
    failed: 1,
    provisional: run.provisional,
    passed: run.scenarios - run.provisional - 1,
  };
  expect(run.provisional, "the bundled features have provisional scenarios").to.be.greaterThan(1);

  const totals =
    /(\d+) verified passed, (\d+) provisional \(unverified hypothesis; (\d+) differs from it\), (\d+) failed, (\d+) not run/.exec(
      run.run.stdout,
    );
  expect(totals, run.run.stdout).to.not.equal(null);
  const [, passed, provisional, differs, failed, notRun] = (totals ?? []).map(Number);
  expect({ failed, provisional, passed }, "terminal").to.deep.equal(expected);
  expect(differs).to.equal(1);
  expect(notRun).to.equal(0);

  const gate = junitCounts(run.gateJunit);
  const ci = junitCounts(run.ciJunit);
  expect(
    { failed: gate.failed, provisional: gate.provisional, passed: gate.passed },
    "--junit",
  ).to.deep.equal(expected);
  expect({ failed: ci.failed, provisional: ci.provisional, passed: ci.passed }, "ci junit.xml").to.deep.equal(
    expected,
  );
  expect(ci.tests).to.equal(run.scenarios);

  const resultsDir = join(run.dir, "reports", "allure-results");
  const statuses = readdirSync(resultsDir)
    .filter((name) => name.endsWith("-result.json"))
    .map((name) => (JSON.parse(readFileSync(join(resultsDir, name), "utf8")) as { status: string }).status);
  const count = (status: string) => statuses.filter((s) => s === status).length;
  expect(statuses).to.have.length(run.scenarios);
  expect(
    { failed: count("failed") + count("broken"), provisional: count("unknown"), passed: count("passed") },
    "Allure",
  ).to.deep.equal(expected);
});
