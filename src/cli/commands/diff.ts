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
      const { DIFF_HTML_MARK, DIFF_MARKDOWN_MARK, renderDiffHtml, renderDiffMarkdown, renderDiffText } =
        await import("../../diff/snapshot-diff-render");
      const { readSnapshot } = await import("../../snapshot/snapshot");
      const { refuseForeignFile, writeOwnOutputFile } = await import("../../output/output-path");
      const cwd = process.cwd();
      const markdown = flags.markdown === undefined ? undefined : path.resolve(cwd, flags.markdown);
      const html = flags.html === undefined ? undefined : path.resolve(cwd, flags.html);
      // Before any work: a user's file named by mistake is refused, not replaced.
      if (markdown !== undefined) refuseForeignFile(markdown, "--markdown", DIFF_MARKDOWN_MARK);
      if (html !== undefined) refuseForeignFile(html, "--html", DIFF_HTML_MARK);
      const diff = diffSnapshots(
        readSnapshot(path.resolve(cwd, baseline)),
        readSnapshot(path.resolve(cwd, candidate)),
      );
      context.stdout.write(renderDiffText(diff));
      if (markdown !== undefined)
        writeOwnOutputFile(markdown, renderDiffMarkdown(diff), "--markdown", DIFF_MARKDOWN_MARK);
      if (html !== undefined) writeOwnOutputFile(html, renderDiffHtml(diff), "--html", DIFF_HTML_MARK);
      context.setExitCode(diff.regressed ? EXIT.nonconformant : EXIT.ok);
    });
}
