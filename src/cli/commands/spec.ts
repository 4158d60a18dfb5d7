/**
 * `spec`: writes the spec book for business readers, one self-contained HTML page with every
 * flow's narrative, citation, scenario, expected IRFs and flow diagram, statuses from the last
 * run, and the descriptor coverage matrix (also as coverage.csv) (src/spec/).
 */
import path from "node:path";
import type { Command } from "commander";
import type { CliContext } from "../context";
import { PACKAGE_ROOT } from "../package-info";

export function registerSpec(program: Command, context: CliContext): void {
  program
    .command("spec")
    .description(
      "write the spec book: every flow with its diagram and expected IRFs, and the descriptor coverage",
    )
    .option("--features <dir>", "folder of .feature files (default: the bundled features/)")
    .option("--examples <dir>", "folder of example event logs, <id>.jsonl (default: the bundled examples/)")
    .option(
      "--results <dir>",
      "Allure results of the last run, for each flow's status",
      "reports/allure-results",
    )
    .option(
      "--out <file>",
      "the page to write (coverage.csv is written next to it)",
      "reports/spec/index.html",
    )
    .action(async (flags: { features?: string; examples?: string; results: string; out: string }) => {
      const { writeSpecBook } = await import("../../spec/spec-book");
      const cwd = process.cwd();
      const out = path.resolve(cwd, flags.out);
      const featuresDir = path.resolve(cwd, flags.features ?? path.join(PACKAGE_ROOT, "features"));
      const book = writeSpecBook({
        featuresDir,
        examplesDir: path.resolve(cwd, flags.examples ?? path.join(PACKAGE_ROOT, "examples")),
        resultsDir: path.resolve(cwd, flags.results),
        resultsLabel: flags.results,
        featuresLabel:
          flags.features ?? `${path.relative(cwd, featuresDir) || featuresDir} (the bundled flows)`,
        outFile: out,
      });
      const scenarios = book.features.reduce((n, f) => n + f.scenarios.length, 0);
      const shown = (file: string) => path.relative(cwd, file) || file;
      context.stdout.write(
        `Wrote ${shown(out)} (${book.features.length} flows, ${scenarios} scenarios, ` +
          `${book.resultsFound === 0 ? "no run results: all not run" : `${book.resultsFound} run results`}) and ${shown(book.csvFile)}\n`,
      );
      if (book.missingDiagrams.length > 0) {
        context.stderr.write(`No example log, so no diagram, for: ${book.missingDiagrams.join(", ")}\n`);
      }
    });
}
