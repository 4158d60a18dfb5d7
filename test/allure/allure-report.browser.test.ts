/**
 * The Allure single-file report as a reader meets it, built by the real allure-commandline from
 * a real run (test/support/two-verdict-run.ts: one verified failure, one provisional difference)
 * and opened from disk in headless Chromium:
 * - a failing scenario opens with its one-line verdict, no stack trace and no box-drawn table, and
 *   the side-by-side comparison as HTML with the differing cells marked;
 * - provisional results are never red and never green, and their banner renders as a box with a list;
 * - Categories group by cause under stable names;
 * - suites sort Flow 01…13, the scenario is the leaf under its flow, and the counts agree;
 * - the page asks nothing of any host (no analytics).
 * Screenshots go to reports/screenshots/ in CI. Without Chromium or Java the test is skipped, saying so.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { expect } from "chai";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { javaMajorVersion } from "../../src/allure/generate";
import { CHROMIUM, CHROMIUM_ARGS, screenshotDir, twoVerdictRun } from "../support/two-verdict-run";

/** A computed style, read in the page (the test's tsconfig has no DOM types). */
type Styled = { getComputedStyle(element: unknown): Record<string, string> };
const cssOf = (locator: Locator, property: string): Promise<string> =>
  locator.evaluate(
    (element, name) => (globalThis as unknown as Styled).getComputedStyle(element)[name] ?? "",
    property,
  );

async function openTree(page: Page, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await page.locator(".node__title", { hasText: name }).first().click();
  }
}

/** The names of a group's direct children in the tree, in the order shown. */
function childNames(page: Page, group: string): Promise<string[]> {
  return page
    .locator(".node", { has: page.locator(":scope > .node__title", { hasText: group }) })
    .first()
    .locator(":scope > .node__children > .node > .node__title .node__name")
    .allInnerTexts();
}

test("Allure single file in headless Chromium: verdict first, provisional never red, causes, flow order, offline", async (t) => {
  if (!existsSync(CHROMIUM)) return t.skip(`${CHROMIUM} is missing (apt-get install chromium)`);
  if ((javaMajorVersion(process.env) ?? 0) < 8) return t.skip("Allure needs Java 8+");
  const run = await twoVerdictRun();
  expect(run.run.code, run.run.stderr).to.equal(1);
  expect(run.report.code, run.report.stderr).to.equal(0);

  const profile = mkdtempSync(join(tmpdir(), "gim-allure-chromium-"));
  let browser: BrowserContext | undefined;
  try {
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 1000 },
      args: CHROMIUM_ARGS,
    });
    const page = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => problems.push(e.message));
    const shots = screenshotDir(run);
    mkdirSync(shots, { recursive: true });

    await page.goto(`${pathToFileURL(run.allureIndex).href}#suites`, { waitUntil: "load" });
    await page.locator(".node__title", { hasText: "Verified flows" }).waitFor();

    // Status chips: one failure (the nonconformance), every provisional scenario "unknown".
    const chip = (status: string) =>
      page.locator(`.status-toggle .label_status_${status}, .label_status_${status}`).first();
    expect((await chip("failed").textContent()) ?? "").to.equal("1");
    expect((await chip("unknown").textContent()) ?? "").to.equal(String(run.provisional));

    // Flows in number order, and the scenario is the leaf under its flow (no folder of its name).
    await openTree(page, ["Verified flows"]);
    const verified = await childNames(page, "Verified flows");
    const numbers = verified.map((name) => Number(/^Flow (\d+):/.exec(name)?.[1]));
    expect(numbers, verified.join(" | ")).to.deep.equal([...numbers].sort((a, b) => a - b));
    expect(numbers).to.include.members([1, 2, 10, 11]);
    await openTree(page, ["Flow 03"]);
    const flow3 = page
      .locator(".node", { has: page.locator(":scope > .node__title", { hasText: "Flow 03" }) })
      .first();
    expect(await flow3.locator(":scope > .node__children > .node[data-node-kind='group']").count()).to.equal(
      0,
    );
    await flow3.locator(".node__title", { hasText: "Agent2 accepts the transfer" }).first().click();

    // The failing scenario: the verdict line first, then the comparison as HTML.
    const message = page.locator(".status-details__message").first();
    await message.waitFor();
    expect(((await message.textContent()) ?? "").trim()).to.equal(run.failing.verdict);
    // Allure keeps an (empty) trace element: it must hold no stack frame.
    for (const trace of await page.locator(".status-details__trace").allTextContents()) {
      expect(trace, "no stack trace").not.to.match(/\bat \S+:\d+|Error:/);
    }
    expect((await page.locator(".test-result-overview").textContent()) ?? "").not.to.match(
      /│|─┼─|at expectIrfs/,
    );
    const differing = page.locator('.description__text table[summary="gim-comparison"] td[abbr="differs"]');
    expect(await differing.count()).to.be.greaterThan(0);
    expect(await cssOf(differing.first(), "backgroundColor")).to.equal("rgb(255, 235, 233)");
    expect((await page.locator(".description__text").textContent()) ?? "").to.contain(run.failing.verdict);
    await page
      .locator(".test-result")
      .first()
      .screenshot({ path: join(shots, "allure-failing-scenario.png") });

    // The provisional difference: "Unknown", never red, with the banner as a box and a list.
    await page.goto(`${pathToFileURL(run.allureIndex).href}#suites`, { waitUntil: "load" });
    await openTree(page, ["Provisional flows", "Flow 07"]);
    await page.locator(".node__title", { hasText: "Agent1 consults Agent2" }).first().click();
    const provisionalMessage = page.locator(".status-details__message").first();
    await provisionalMessage.waitFor();
    expect(((await provisionalMessage.textContent()) ?? "").trim()).to.equal(
      `Differs from hypothesis (provisional): ${run.differing.verdict}`,
    );
    expect(await page.locator(".status-details_status_unknown").count()).to.be.greaterThan(0);
    expect(await page.locator(".status-details_status_failed").count()).to.equal(0);
    const banner = page.locator('.description__text table[summary~="gim-provisional-banner"] td').first();
    expect(await cssOf(banner, "backgroundColor")).to.equal("rgb(255, 248, 197)");
    const bullet = banner.locator("li").first();
    expect(await cssOf(bullet, "display")).to.equal("list-item");
    expect(await cssOf(banner.locator("ul").first(), "listStyleType")).to.equal("disc");
    // The narrative keeps its paragraphs and bullets too.
    expect(await page.locator(".description__text > ul > li").count()).to.be.greaterThan(1);
    expect(await page.locator(".description__text > p").count()).to.be.greaterThan(1);
    await page
      .locator(".test-result")
      .first()
      .screenshot({ path: join(shots, "allure-provisional-scenario.png") });

    // Categories: a stable name per cause, and the provisional ones apart.
    await page.goto(`${pathToFileURL(run.allureIndex).href}#categories`, { waitUntil: "load" });
    await page.locator(".node__title").first().waitFor();
    const categories = await page
      .locator(".tree__content > .node > .node__title .node__name")
      .allInnerTexts();
    expect(categories).to.include.members([
      "Nonconformance: result differs",
      "Differs from hypothesis (provisional)",
      "Matches hypothesis (provisional)",
    ]);
    expect(categories.some((c) => c.includes("IRF2"))).to.equal(false);
    await page.screenshot({ path: join(shots, "allure-categories.png") });

    // Overview: its counts agree with the run's.
    await page.goto(`${pathToFileURL(run.allureIndex).href}#`, { waitUntil: "load" });
    const total = page.locator(".summary-widget__stats .splash__title").first();
    await total.waitFor();
    expect(Number(((await total.textContent()) ?? "").replace(/\D/g, ""))).to.equal(run.scenarios);
    await page.screenshot({ path: join(shots, "allure-overview.png"), fullPage: true });

    const remote = requests.filter((url) => !/^(file|data|blob):/.test(url));
    expect(remote, "requests to other hosts").to.deep.equal([]);
    expect(problems).to.deep.equal([]);
  } finally {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
