/**
 * `report`: the Allure HTML report from the results `run` wrote, with the history trend carried
 * over from the previous report.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import type { CliContext } from "../context";
import { DEFAULT_RESULTS } from "./run";

interface ReportFlags {
  results: string;
  output: string;
  singleFile?: boolean;
}

export function registerReport(program: Command, context: CliContext): void {
  program
    .command("report")
    .description("generate the Allure HTML report from the results of `run` (needs Java 8+)")
    .option("--results <dir>", "Allure results folder", DEFAULT_RESULTS)
    .option("--output <dir>", "report folder (replaced)", "reports/allure-report")
    .option("--single-file", "one self-contained index.html that opens from disk, without a web server")
    .action(async (flags: ReportFlags) => {
      const { generateReport } = await import("../../allure/generate");
      const { RunLocks } = await import("../../output/run-lock");
      const cwd = process.cwd();
      const reportDir = path.resolve(cwd, flags.output);
      const resultsDir = path.resolve(cwd, flags.results);
      // The results folder's lock, as `run` takes it: a run starting meanwhile would empty the
      // folder Allure is reading (an absent folder is left absent: generateReport says so).
      const locks = new RunLocks();
      const report = await (async () => {
        try {
          if (existsSync(resultsDir)) locks.acquire(resultsDir, "--results");
          return await generateReport({
            resultsDir,
            reportDir,
            singleFile: flags.singleFile === true,
            env: context.env,
          });
        } finally {
          locks.release();
        }
      })();
      const shown = path.relative(cwd, reportDir) || ".";
      const trend = report.historyCarried ? ", with the previous report's history" : "";
      context.stderr.write(`Allure report from ${report.results} results${trend}.\n`);
      context.stdout.write(
        flags.singleFile === true
          ? `Open ${report.indexHtml}\n`
          : `Open it with: npx allure open ${shown}  (or generate with --single-file to open index.html from disk)\n${report.indexHtml}\n`,
      );
    });
}
