/**
 * `gim-conformance report`: the Allure 2 HTML report from a results folder, with the bundled
 * allure-commandline (no download). Allure 2 is a Java program: without Java this fails early
 * with the one command that fixes it.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { HarnessError, InputError } from "../errors";
import { claimOutputDir, isWithin, writeMarker } from "../output/output-dir";
import { shownPath } from "../output/output-path";
import { assertRunFinished } from "../output/run-record";
import { carryHistory } from "./history";
import { withReportStyle } from "./report-style";
import { readResultFile, resultFiles, touchUpResults } from "./results-dir";

export interface GenerateOptions {
  resultsDir: string;
  reportDir: string;
  /** One self-contained index.html that opens from disk (no server needed). */
  singleFile: boolean;
  env: NodeJS.ProcessEnv;
}

export interface GeneratedReport {
  indexHtml: string;
  results: number;
  /** Whether the previous report's history was carried into this one (the trend). */
  historyCarried: boolean;
}

export const JAVA_MISSING = "Allure needs Java 8+: apt-get install openjdk-17-jre-headless";

export function allureBin(): string {
  return path.join(path.dirname(require.resolve("allure-commandline/package.json")), "dist", "bin", "allure");
}

/** The Java major version the allure script will find (JAVA_HOME first, then PATH), or undefined. */
export function javaMajorVersion(env: NodeJS.ProcessEnv): number | undefined {
  const java = env.JAVA_HOME ? path.join(env.JAVA_HOME, "bin", "java") : "java";
  const probe = spawnSync(java, ["-version"], { env, encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${probe.stderr}${probe.stdout}`);
  if (match?.[1] === undefined) return undefined;
  const major = Number(match[1]);
  // Java 8 and older call themselves 1.x.
  return major === 1 ? Number(match[2] ?? 0) : major;
}

export async function generateReport(options: GenerateOptions): Promise<GeneratedReport> {
  const results = await resultFiles(options.resultsDir);
  if (results.length === 0) {
    throw new InputError(
      options.resultsDir,
      undefined,
      undefined,
      "no Allure results here; run `gim-conformance run` first (or pass --results)",
    );
  }
  // Every check before anything is written: a refused report leaves the results and the previous
  // report (and so the history trend) as they were.
  assertRunFinished(options.resultsDir);
  for (const file of results) await readResultFile(file);
  checkReportDir(options.reportDir, options.resultsDir);
  const java = javaMajorVersion(options.env);
  if (java === undefined || java < 8) throw new HarnessError(JAVA_MISSING);

  claimOutputDir(options.reportDir, {
    kind: "allure-report",
    option: "--output",
    recognised: isAllureReport,
  });
  const historyCarried = await carryHistory(options.reportDir, options.resultsDir);
  await touchUpResults(options.resultsDir);
  const env = offlineEnv(options.env);
  if (options.singleFile) await generateSingleFile({ ...options, env });
  else await runAllure(["generate", "--clean", "-o", options.reportDir, options.resultsDir], env);
  await finishIndexHtml(path.join(options.reportDir, "index.html"));
  // `allure generate --clean` empties the folder, the marker included.
  writeMarker(options.reportDir, "allure-report", "--output");
  return { indexHtml: path.join(options.reportDir, "index.html"), results: results.length, historyCarried };
}

/** What an Allure 2 report folder holds (multi-file, or one index.html with the carried history/). */
const ALLURE_REPORT_ENTRIES = new Set([
  "index.html",
  "app.js",
  "styles.css",
  "favicon.ico",
  "data",
  "export",
  "history",
  "plugin",
  "plugins",
  "widgets",
]);

/** A report folder from before report folders were marked: only Allure's names, and its index.html. */
function isAllureReport(entries: readonly string[], dir: string): boolean {
  if (!entries.every((name) => ALLURE_REPORT_ENTRIES.has(name)) || !entries.includes("index.html"))
    return false;
  try {
    return /allure/i.test(readFileSync(path.join(dir, "index.html"), "utf8").slice(0, 100_000));
  } catch {
    return false;
  }
}

/** `allure generate --clean` empties the report folder: it must not hold (or be inside) the results. */
function checkReportDir(reportDir: string, resultsDir: string): void {
  if (isWithin(resultsDir, reportDir) || isWithin(reportDir, resultsDir)) {
    throw new InputError(
      shownPath(reportDir),
      undefined,
      undefined,
      `--output: the report folder and the results folder ${shownPath(resultsDir)} must be apart (the report folder is replaced)`,
    );
  }
}

/**
 * A single-file report has no history/ folder, so the next report would lose the trend: a normal
 * report is generated aside for its history, which is kept next to the single index.html.
 */
async function generateSingleFile(options: GenerateOptions): Promise<void> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), "gim-allure-"));
  try {
    await runAllure(["generate", "--clean", "-o", scratch, options.resultsDir], options.env);
    const args = ["generate", "--clean", "--single-file", "-o", options.reportDir, options.resultsDir];
    await runAllure(args, options.env);
    await carryHistory(scratch, options.reportDir);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Allure 2 sends a Google Analytics event while generating (its GaPlugin) and writes a gtag
 * script into index.html that calls www.googletagmanager.com whenever the report is opened.
 * ALLURE_NO_ANALYTICS=true turns both off (read by allure-generator 2.46's GaPlugin and
 * ReportWebGenerator): the report must open, and stay silent, offline.
 */
export function offlineEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, ALLURE_NO_ANALYTICS: "true" };
}

/** Any analytics script a future Allure writes despite ALLURE_NO_ANALYTICS. */
const ANALYTICS =
  /<script[^>]*googletagmanager\.com[^>]*><\/script>\s*<script>\s*window\.dataLayer[\s\S]*?<\/script>|<script[^>]*googletagmanager\.com[^>]*><\/script>/g;

/** Removes any analytics script and adds the scenario descriptions' stylesheet (report-style.ts). */
export async function finishIndexHtml(indexHtml: string): Promise<void> {
  const html = await readFile(indexHtml, "utf8");
  await writeFile(indexHtml, withReportStyle(html.replace(ANALYTICS, "")));
}

function runAllure(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(allureBin(), args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString("utf8")).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", (error) => reject(new HarnessError(`could not start allure: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) return resolve();
      const last = output.trim().split("\n").at(-1) ?? "";
      reject(new HarnessError(`allure generate exited with ${code}: ${last}`));
    });
  });
}
