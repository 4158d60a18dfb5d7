/**
 * cucumber's one-file HTML report (`run --profile ci`) as a reader meets it, from a real run with
 * one verified failure and one provisional difference (test/support/two-verdict-run.ts), opened
 * from disk in headless Chromium: the comparison attachment is drawn as an image (never shown as
 * HTML source), the counts agree with the run's (provisional results are skipped, not passed or
 * failed), and the page asks nothing of any host. Screenshots go to reports/screenshots/ in CI.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { expect } from "chai";
import { type BrowserContext, chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, screenshotDir, twoVerdictRun } from "../support/two-verdict-run";

test("cucumber's HTML report in headless Chromium: the comparison is an image, the counts agree, offline", async (t) => {
  if (!existsSync(CHROMIUM)) return t.skip(`${CHROMIUM} is missing (apt-get install chromium)`);
  const run = await twoVerdictRun();
  expect(run.run.code, run.run.stderr).to.equal(1);
  const profile = mkdtempSync(join(tmpdir(), "gim-cucumber-chromium-"));
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
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(run.cucumberHtml).href, { waitUntil: "load" });
    await page.getByText("Info Mart records exactly these IRFs").first().waitFor();

    // The status filter's counts: verified passes passed, the nonconformance failed, provisional skipped.
    const count = async (status: string): Promise<number> => {
      const filter = page.locator("label", { has: page.locator(`[data-status="${status}"]`) }).first();
      return Number(/(\d+)/.exec((await filter.textContent()) ?? "")?.[1] ?? Number.NaN);
    };
    expect(await count("FAILED")).to.equal(1);
    expect(await count("SKIPPED")).to.equal(run.provisional);
    expect(await count("PASSED")).to.equal(run.scenarios - run.provisional - 1);
    const pageText = (await page.locator("body").textContent()) ?? "";

    // The failing scenario's comparison: opened, it is an image that has loaded, not HTML source.
    const attachment = page
      .locator("details", { has: page.locator("summary", { hasText: `${run.failing.id}-comparison.svg` }) })
      .first();
    await attachment.locator("summary").click();
    const image = attachment.locator("img").first();
    await image.waitFor();
    const size = await image.evaluate((img) => {
      const i = img as unknown as { naturalWidth: number; naturalHeight: number };
      return { width: i.naturalWidth, height: i.naturalHeight };
    });
    expect(size.width).to.be.greaterThan(300);
    expect(size.height).to.be.greaterThan(60);
    expect(pageText).not.to.match(/<table|<div class="gim-|&lt;table/);
    const shots = screenshotDir(run);
    mkdirSync(shots, { recursive: true });
    await image.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, "cucumber-failing-scenario.png") });

    const remote = requests.filter((url) => !/^(file|data|blob):/.test(url));
    expect(remote, "requests to other hosts").to.deep.equal([]);
  } finally {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
