/**
 * `classify <log|->`: the reference classifier as a Unix filter. Streams: events are read, rows
 * written as they are decided, with backpressure, so memory follows the open interactions and
 * not the size of the log.
 */
import { statSync } from "node:fs";
import os from "node:os";
import type { Command } from "commander";
import type { OpenInteraction } from "../../classifier/classify";
import { formatRow } from "../../classifier/format-row";
import type { IrfRow } from "../../domain/irf";
import type { MsfRow } from "../../domain/msf";
import { InputError } from "../../errors";
import type { CliContext } from "../context";

/** How many worker threads, if any (1 = this thread alone): see --jobs's help. */
export function jobsFor(log: string, flags: { jobs?: string; msf?: boolean }): number {
  let jobs: number | undefined;
  if (flags.jobs === "max") jobs = Math.max(1, os.availableParallelism());
  else if (flags.jobs !== undefined) {
    jobs = Number(flags.jobs);
    if (!/^[0-9]+$/.test(flags.jobs) || jobs < 1 || jobs > 256) {
      throw new InputError("--jobs", undefined, undefined, "expected a whole number from 1 to 256, or max");
    }
  }
  // Standard input cannot be read by several threads, and MSF rows interleave with IRF rows by
  // the reader's batches, which threads would not reproduce.
  if (log === "-" || flags.msf === true || jobs === 1) return 1;
  // One thread unless asked: measured (bench/startup.ts, README "Speed"), two workers on this
  // project's 2-core machine take longer than one thread: every worker splits and hashes every
  // line, and two allocation-heavy threads slow each other down there (two processes each
  // classifying half a log ran 40-70% slower side by side than alone). "--jobs max" is one per core.
  if (jobs === undefined) return 1;
  try {
    if (!statSync(log).isFile()) return 1;
  } catch {
    return 1; // the single-threaded reader names the problem
  }
  return jobs;
}

/** One IRF row as a JSON line, the contract's fields first in the contract's order (event-log.md "Output"). */
export const irfRowJson: (row: IrfRow) => string = formatRow;

export function registerClassify(program: Command, context: CliContext): void {
  program
    .command("classify")
    .description("print the IRF rows the reference classifier derives from an event log, as JSON Lines")
    .argument("<log>", 'event log file, or "-" for standard input')
    .option(
      "--gim-config <file>",
      "YAML of the GIM and Chat Server options to predict for (default: ./gim-config.yaml, else the lab kit's settings)",
    )
    .option(
      "--jobs <n>",
      'worker threads for a log file, or "max" for one per core (default 1); the output is the same',
    )
    .option(
      "--msf",
      'also print the mediation segments (MSF rows, with an "msf" ordinal) after each batch\'s IRFs',
    )
    .addHelpText(
      "after",
      "\nFields: interaction, irf, resource, resourceType, role, result, reason, start, end, then\n" +
        "roleReason, alertingMs, handlingMs, mediationMs, receivedFrom. MSF rows (--msf): interaction, msf,\n" +
        "resource, role, result, reason, roleReason, start, end, durationMs, irf. A bad line exits 2 naming file:line.",
    )
    .action(async (log: string, flags: { gimConfig?: string; msf?: boolean; jobs?: string }) => {
      const jobs = jobsFor(log, flags);
      const { classifyBatches } = await import("../../classifier/classify");
      const { readEventBatches } = await import("../../eventlog/reader");
      const { gimConfigFile, loadGimConfig } = await import("../../gimconfig/gim-config-file");
      const { LineSink } = await import("../line-sink");
      const { config } = loadGimConfig(flags.gimConfig ?? gimConfigFile());
      const msfs: MsfRow[] = [];
      const onMsfs = flags.msf === true ? (m: MsfRow[]) => msfs.push(...m) : undefined;
      const sink = new LineSink(context.stdout);
      const warnOpen = (open: readonly OpenInteraction[]) => {
        const ids = open
          .slice(0, 3)
          .map((o) => o.interaction)
          .join(", ");
        const more = open.length > 3 ? ` and ${open.length - 3} more` : "";
        context.stderr.write(
          `warning: ${open.length} interaction(s) had not stopped when the log ended (${ids}${more}); only their attempts that ended are reported\n`,
        );
      };
      // One write per batch of rows: an await per row would halve the throughput on big logs.
      const flushMsfs = async () => {
        if (msfs.length === 0 || !sink.open) return;
        const text = msfs.map((m) => JSON.stringify(m)).join("\n");
        msfs.length = 0;
        await sink.write(text);
      };
      if (jobs > 1) {
        const { classifyInParallel } = await import("../../classifier/parallel-classify");
        await classifyInParallel({
          file: log,
          jobs,
          config,
          write: (bytes) => sink.writeBytes(bytes),
          isOpen: () => sink.open,
          onOpen: warnOpen,
        });
        return;
      }
      for await (const rows of classifyBatches(readEventBatches(log), warnOpen, { config, onMsfs })) {
        if (!sink.open) break;
        let text = "";
        for (const row of rows) text += `${formatRow(row)}\n`;
        await sink.write(text.slice(0, -1)); // LineSink adds the final newline
        await flushMsfs();
      }
      await flushMsfs();
    });
}
