/**
 * Opens generated report pages in real headless Chromium (Debian's `chromium` at /usr/bin/chromium,
 * driven by playwright-core) the way a reader opens them from disk, and collects anything that
 * would spoil that: console errors and warnings, page errors, and any request other than the file
 * itself (the pages must work offline). Screenshots go to reports/screenshots/<area>/, which CI keeps.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
/**
 * Headless, and nothing in the background: this machine's closed network refuses Chromium's own
 * update, sync and component connections, which would otherwise show up as requests and errors.
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const ROOT = join(__dirname, "..", "..");

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (apt-get install chromium)`;
}

export function screenshotDir(area: string): string {
  const dir = join(ROOT, "reports", "screenshots", area);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface OpenedPage {
  page: Page;
  /** Console errors/warnings, page errors and requests to anything but the opened file. */
  problems: string[];
}

/** Runs `use` with a fresh browser profile (a temp dir, removed afterwards). */
export async function withBrowser<T>(
  viewport: { width: number; height: number },
  use: (open: (file: string) => Promise<OpenedPage>) => Promise<T>,
): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), "gim-chromium-"));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport,
      args: CHROMIUM_ARGS,
    });
    const browser = context;
    return await use(async (file) => {
      const page = await browser.newPage();
      // No wall-clock limits in tests (TEAM-RULES 5): a loaded machine is slow, not wrong.
      page.setDefaultTimeout(0);
      const problems: string[] = [];
      const url = pathToFileURL(file).href;
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      page.on("request", (r) => {
        if (r.url().split("#")[0] !== url) problems.push(`request: ${r.url()}`);
      });
      await page.goto(url, { waitUntil: "load" });
      return { page, problems };
    });
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
