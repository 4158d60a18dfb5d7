/**
 * `diff BASELINE CANDIDATE`: compares two `run --snapshot` files for an upgrade review. Prints the
 * tables; writes Markdown and one self-contained HTML page on request. Exit 1 when the candidate
 * regressed (a scenario that passed in the baseline fails), 0 otherwise, 2 on a bad snapshot.
 */
import path from "node:path";
import type { Command } from "commander";
import { EXIT } from "../../errors";
import type { CliContext } from "../context";

interface DiffFlags {
  markdown?: string;
  html?: string;
}

export function registerDiff(program: Command, context: CliContext): void {
  program
    .command("diff")
    .description("compare two run snapshots: newly failing and passing scenarios, and every changed IRF")
    .argument("<baseline>", "snapshot of the release in production (run --snapshot)")
    .argument("<candidate>", "snapshot of the candidate release")
    .option("--markdown <file>", "also write the diff as Markdown")
    .option("--html <file>", "also write the diff as one self-contained HTML page")
    .addHelpText("after", "\nExit codes: 0 no regression, 1 the candidate regressed, 2 bad input.")
    .action(async (baseline: string, candidate: string, flags: DiffFlags) => {
      const { diffSnapshots } = await import("../../diff/snapshot-diff");
      const { renderDiffHtml, renderDiffMarkdown, renderDiffText } = await import(
        "../../diff/snapshot-diff-render"
      );
      const { readSnapshot } = await import("../../snapshot/snapshot");
      const { writeOutputFile } = await import("../../output/output-path");
      const cwd = process.cwd();
      const diff = diffSnapshots(
        readSnapshot(path.resolve(cwd, baseline)),
        readSnapshot(path.resolve(cwd, candidate)),
      );
      context.stdout.write(renderDiffText(diff));
      if (flags.markdown !== undefined)
        writeOutputFile(path.resolve(cwd, flags.markdown), renderDiffMarkdown(diff), "--markdown");
      if (flags.html !== undefined)
        writeOutputFile(path.resolve(cwd, flags.html), renderDiffHtml(diff), "--html");
      context.setExitCode(diff.regressed ? EXIT.nonconformant : EXIT.ok);
    });
}
