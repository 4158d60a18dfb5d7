/**
 * The spec book as a reader meets it: generated from a real run's Allure results and opened from
 * disk in headless Chromium. The status line says when, against what, with which GIM version and
 * configuration; a run of another feature folder (a copy of flow 2 with another table, same @id)
 * does not colour the bundled flow; citations are links that resolve; the coverage matrix fits
 * the page; the printed PDF numbers its pages. Screenshots land in reports/screenshots/spec/.
 * Without Chromium the test is skipped, saying so, never passed.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { readFeatureBook } from "../../src/spec/feature-book";
import { writeSpecBook } from "../../src/spec/spec-book";
import { pdfPageTexts } from "../support/pdf-text";
import { chromiumMissing, screenshotDir, withBrowser } from "../support/report-browser";
import { runCli } from "../support/run-cli";

const ROOT = join(__dirname, "..", "..");
const scratch = mkdtempSync(join(tmpdir(), "gim-spec-browser-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("the spec book in headless Chromium: run context, statuses of these features only, links, width, page numbers", async (t) => {
  const missing = chromiumMissing();
  if (missing !== undefined) {
    t.skip(missing);
    return;
  }
  // A real run of flows 1, 2 and 7, and a run of a copy of flow 2 whose table says otherwise.
  const results = join(scratch, "results");
  const bundledRun = await runCli(["run", "--results", results, "--tags", "@flow-1 or @flow-2 or @flow-7"]);
  expect(bundledRun.code, bundledRun.output).to.equal(0);
  const otherFeatures = join(scratch, "other", "features");
  mkdirSync(otherFeatures, { recursive: true });
  const flow2 = readdirSync(join(ROOT, "features", "chat")).find((n) => n.startsWith("02-")) ?? "";
  writeFileSync(
    join(otherFeatures, flow2),
    readFileSync(join(ROOT, "features", "chat", flow2), "utf8").replace(/Redirected/g, "Completed"),
  );
  const otherResults = join(scratch, "other-results");
  const otherRun = await runCli([
    "run",
    "--features",
    otherFeatures,
    "--results",
    otherResults,
    "--tags",
    "@flow-2",
  ]);
  expect(otherRun.code, otherRun.output).to.equal(1);
  // The other run's results land in the same folder, newer than the bundled run's.
  for (const name of readdirSync(otherResults).filter((n) => n !== "environment.properties")) {
    cpSync(join(otherResults, name), join(results, name));
  }

  const out = join(scratch, "book", "index.html");
  writeSpecBook({
    featuresDir: join(ROOT, "features"),
    examplesDir: join(ROOT, "examples"),
    resultsDir: results,
    resultsLabel: "results",
    outFile: out,
    docsDir: join(ROOT, "docs"),
  });
  const bundled = readFeatureBook(join(ROOT, "features"));
  const shots = screenshotDir("spec");

  await withBrowser({ width: 1200, height: 900 }, async (open) => {
    const { page, problems } = await open(out);

    const source = await page.$$eval(".run-source dt", (dts) =>
      Object.fromEntries(dts.map((dt) => [dt.textContent ?? "", dt.nextElementSibling?.textContent ?? ""])),
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(source["Last run"], "when").to.match(new RegExp(`^${today} \\d\\d:\\d\\d UTC`));
    expect(source["System under test"]).to.match(/^reference classifier \d+\.\d+\.\d+$/);
    expect(source["GIM version"]).to.include("unknown");
    expect(source["GIM configuration"]).to.include("gim-config.yaml").and.include("stop-ixn-queues=");
    expect(source["Left out"], "the other folder's flow 2 results").to.match(/^\d+ results? in that folder/);

    const statuses = await page.$$eval("section.flow", (s) =>
      Object.fromEntries(s.map((e) => [e.getAttribute("data-flow"), e.getAttribute("data-status")])),
    );
    // Flow 2 failed in the other folder's run; the bundled flow 2 passed in its own run.
    expect(statuses["1"]).to.equal("passed");
    expect(statuses["2"]).to.equal("matches hypothesis"); // its verified scenario passed, its MSF hypothesis held
    const revoked = await page
      .locator('[data-scenario-id="chat-invitation-revoked"] h3 .status')
      .textContent();
    expect(revoked).to.equal("passed");
    expect(statuses["7"]).to.equal("matches hypothesis");
    expect(statuses["3"]).to.equal("not run");

    // One word per meaning: no badge says "verified" or "provisional", the words of the tags.
    const badges = await page.$$eval(".status", (b) => [...new Set(b.map((e) => e.textContent ?? ""))]);
    expect(badges).to.include.members(["passed", "matches hypothesis", "not run"]);
    expect(badges).not.to.include.members(["verified"]);
    expect(badges).not.to.include.members(["provisional"]);

    // Each flow's citation links to the Guide page it cites; domain.md links open an existing file.
    const citations = await page.$$eval("section.flow", (s) =>
      s.map((e) =>
        [...e.querySelectorAll(".citation a.guide-link")].map((a) => a.getAttribute("href") ?? ""),
      ),
    );
    expect(citations).to.have.length(bundled.length);
    for (const links of citations)
      expect(links.some((h) => h.startsWith("https://docs.genesys.com/"))).to.equal(true);
    const domainLinks = (
      await page.$$eval("a.doc-link", (a) => a.map((e) => e.getAttribute("href") ?? ""))
    ).map((href) => new URL(href, page.url()).href);
    expect(domainLinks.length).to.be.greaterThan(3);
    for (const href of domainLinks) {
      expect(existsSync(fileURLToPath(href.split("#")[0] ?? "")), href).to.equal(true);
      const anchor = href.split("#")[1];
      if (anchor !== undefined)
        expect(readFileSync(join(ROOT, "docs", "domain.md"), "utf8")).to.match(/^## 5\. /m);
    }

    // The coverage matrix fits: no cell runs past the table, the table not past the page.
    for (const width of [1200, 820, 700]) {
      await page.setViewportSize({ width, height: 900 });
      const fit = await page.$eval("table.coverage-table", (table) => {
        const box = table.getBoundingClientRect();
        const cells = [...table.querySelectorAll("td, th")].map((c) => c.getBoundingClientRect().right);
        return {
          right: box.right,
          page: table.ownerDocument.documentElement.clientWidth,
          widest: Math.max(...cells),
          overflowing: [...table.querySelectorAll("td, th")].filter((c) => c.scrollWidth > c.clientWidth + 1)
            .length,
        };
      });
      expect(fit.right, `table at ${width}px`).to.be.at.most(fit.page);
      expect(fit.widest, `cells at ${width}px`).to.be.at.most(fit.right + 0.5);
      expect(fit.overflowing, `cells overflowing at ${width}px`).to.equal(0);
      if (width === 820)
        await page.locator("#coverage").screenshot({ path: join(shots, "coverage-820px.png") });
    }
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.locator(".book-header").screenshot({ path: join(shots, "status-line.png") });
    await page.locator("#flow-2").screenshot({ path: join(shots, "flow-2.png") });
    await page.screenshot({ path: join(shots, "spec-book-full.png"), fullPage: true });

    // Printed: every page carries "page N of M".
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4" });
    const pages = pdfPageTexts(pdf);
    expect(pages.length).to.be.greaterThan(bundled.length);
    pages.forEach((text, i) => {
      expect(text.replace(/\s+/g, " "), `printed page ${i + 1}`).to.include(
        `page ${i + 1} of ${pages.length}`,
      );
    });
    writeFileSync(join(shots, "spec-book.pdf"), pdf);
    expect(problems).to.deep.equal([]);
  });
});
