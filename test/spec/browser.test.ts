/**
 * The spec book as a reader sees it: the generated page opened from disk in headless Chromium
 * (Debian's `chromium` package, driven by playwright-core). Every flow must show its diagram and
 * its IRF table, flows 7 and 8 their provisional banner, and the console must stay clean.
 * Screenshots land in reports/spec/screenshots/ for a human to look at. Without Chromium the
 * test is skipped, saying so, never passed.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { expect } from "chai";
import { chromium } from "playwright-core";
import { readFeatureBook } from "../../src/spec/feature-book";
import { writeSpecBook } from "../../src/spec/spec-book";

const ROOT = join(__dirname, "..", "..");
const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOTS = join(ROOT, "reports", "spec", "screenshots");

test("the spec book in headless Chromium: a diagram and a table per flow, banners on 7 and 8, no console errors", async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`${CHROMIUM} is missing (apt-get install chromium)`);
    return;
  }
  const out = join(ROOT, "reports", "spec", "index.html");
  writeSpecBook({
    featuresDir: join(ROOT, "features"),
    examplesDir: join(ROOT, "examples"),
    resultsDir: join(ROOT, "reports", "allure-results"),
    resultsLabel: "reports/allure-results",
    outFile: out,
  });
  const profile = mkdtempSync(join(tmpdir(), "gim-spec-chromium-"));
  // A fresh profile per run (playwright passes it as --user-data-dir), so nothing leaks between runs.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    // The page must need nothing from a network: any request other than the file itself is a fault.
    page.on("request", (r) => {
      if (r.url() !== pathToFileURL(out).href) problems.push(`request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(out).href, { waitUntil: "load" });

    const flows = await page.$$eval("section.flow", (sections) =>
      sections.map((s) => ({
        flow: s.getAttribute("data-flow"),
        scenarios: s.querySelectorAll("article.scenario").length,
        diagrams: s.querySelectorAll("figure.diagram > svg").length,
        tables:
          s.querySelectorAll("table.irf-table tbody tr").length > 0
            ? s.querySelectorAll("table.irf-table:not(.invitation)").length
            : 0,
        banner: s.querySelector(".provisional-banner")?.textContent ?? "",
        visible: (s.querySelector("figure.diagram > svg")?.getBoundingClientRect().width ?? 0) > 300,
      })),
    );
    const bundled = readFeatureBook(join(ROOT, "features"));
    expect(flows.map((f) => f.flow)).to.deep.equal(bundled.map((f) => String(f.flow)));
    expect(flows.length).to.be.at.least(12);
    for (const f of flows) {
      expect(f.diagrams, `flow ${f.flow} diagrams`).to.equal(f.scenarios);
      expect(f.tables, `flow ${f.flow} IRF tables`).to.equal(f.scenarios);
      expect(f.visible, `flow ${f.flow} diagram is drawn wide enough to read`).to.equal(true);
      // A flow whose feature is @provisional (7, 8 and the two-step flow 13) opens with the banner.
      const provisional =
        bundled.find((b) => String(b.flow) === f.flow)?.tags.includes("@provisional") === true;
      expect(f.banner.includes("hypothesis"), `flow ${f.flow} provisional banner`).to.equal(provisional);
    }
    const bannerShown = await page.locator("#flow-7 .provisional-banner").isVisible();
    expect(bannerShown, "flow 7's banner is visible").to.equal(true);
    expect(await page.locator("#coverage table.coverage-table tbody tr").count()).to.be.greaterThan(10);
    expect(problems).to.deep.equal([]);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "spec-book-full.png"), fullPage: true });
    await page.locator("#flow-3").screenshot({ path: join(SCREENSHOTS, "flow-3.png") });
    await page.locator("#flow-7").screenshot({ path: join(SCREENSHOTS, "flow-7-provisional.png") });
    await page.locator("#coverage").screenshot({ path: join(SCREENSHOTS, "coverage.png") });
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: join(SCREENSHOTS, "spec-book.pdf"), format: "A4", printBackground: false });
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
