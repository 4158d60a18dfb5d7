/**
 * `drift BEFORE.json AFTER.json`: compares two censuses (census --json), for instance the weeks
 * before and after a GIM upgrade. Prints what changed in words and the table of patterns; writes
 * Markdown and one self-contained HTML page on request. Exit 1 when a pattern's share shifted
 * significantly (Benjamini–Hochberg, at least --min-shift points) or a new undocumented pattern
 * appeared, 0 when the mix is the same, 2 on a bad census or option.
 */
import path from "node:path";
import type { Command } from "commander";
import { EXIT, InputError } from "../../errors";
import type { CliContext } from "../context";

interface DriftFlags {
  markdown?: string;
  html?: string;
  alpha: string;
  minShift: string;
}

function numberIn(text: string, option: string, low: number, high: number, lowOpen: boolean): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value > high || (lowOpen ? value <= low : value < low))
    throw new InputError(
      option,
      undefined,
      undefined,
      `must be a number ${lowOpen ? ">" : ">="} ${low} and <= ${high}, not "${text}"`,
    );
  return value;
}

export function registerDrift(program: Command, context: CliContext): void {
  program
    .command("drift")
    .description(
      "compare two censuses: each pattern's share before and after, tested, and new undocumented patterns",
    )
    .argument("<before>", "census --json of the window before (e.g. the week before an upgrade)")
    .argument("<after>", "census --json of the window after")
    .option("--markdown <file>", "also write the comparison as Markdown")
    .option("--html <file>", "also write the comparison as one self-contained HTML page")
    .option("--alpha <a>", "false discovery rate of the Benjamini–Hochberg correction", "0.05")
    .option(
      "--min-shift <points>",
      "smallest change of a pattern's share that counts, in percentage points",
      "0.5",
    )
    .addHelpText(
      "after",
      "\nEach pattern (by signature) is tested with a chi-square test on its count against all other chats,\n" +
        "before vs after; patterns too rare for the test (an expected count below 5) are shown, not tested.\n" +
        "Exit codes: 0 same mix, 1 a significant shift or a new undocumented pattern, 2 bad input.",
    )
    .action(async (before: string, after: string, flags: DriftFlags) => {
      const cwd = process.cwd();
      // Loaded here, not at the top: the other commands never pay for the statistics.
      const { readCensusForDrift } = await import("../../drift/read-census");
      const { compareCensuses } = await import("../../drift/drift");
      const render = await import("../../drift/drift-render");
      const { assertDriftOutputReplaceable } = await import("../../drift/drift-output");
      const alpha = numberIn(flags.alpha, "--alpha", 0, 1, true);
      const minShift = numberIn(flags.minShift, "--min-shift", 0, 100, false);
      const markdown = flags.markdown === undefined ? undefined : path.resolve(cwd, flags.markdown);
      const html = flags.html === undefined ? undefined : path.resolve(cwd, flags.html);
      if (markdown !== undefined) assertDriftOutputReplaceable(markdown, "--markdown");
      if (html !== undefined) assertDriftOutputReplaceable(html, "--html");
      const report = compareCensuses(readCensusForDrift(before), readCensusForDrift(after), {
        alpha,
        minShift,
      });
      context.stdout.write(render.renderDriftText(report));
      const { writeFile } = await import("node:fs/promises");
      if (markdown !== undefined) await writeFile(markdown, render.renderDriftMarkdown(report), "utf8");
      if (html !== undefined) await writeFile(html, render.renderDriftHtml(report), "utf8");
      context.setExitCode(report.drifted ? EXIT.nonconformant : EXIT.ok);
    });
}
