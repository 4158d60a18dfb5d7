/**
 * `classify <log|->`: the reference classifier as a Unix filter. Streams: events are read, rows
 * written as they are decided, with backpressure, so memory follows the open interactions and
 * not the size of the log.
 */
import type { Command } from "commander";
import { classifyStream } from "../../classifier/classify";
import type { IrfRow } from "../../domain/irf";
import { readEventLog } from "../../eventlog/reader";
import type { CliContext } from "../context";
import { LineSink } from "../line-sink";

/** One IRF row as a JSON line, the contract's fields first in the contract's order (event-log.md "Output"). */
export function irfRowJson(row: IrfRow): string {
  const { interaction, irf, resource, resourceType, role, result, reason, start, end, ...more } = row;
  return JSON.stringify({
    interaction,
    irf,
    resource,
    resourceType,
    role,
    result,
    reason,
    start,
    end,
    ...more,
  });
}

export function registerClassify(program: Command, context: CliContext): void {
  program
    .command("classify")
    .description("print the IRF rows the reference classifier derives from an event log, as JSON Lines")
    .argument("<log>", 'event log file, or "-" for standard input')
    .addHelpText(
      "after",
      "\nFields: interaction, irf, resource, resourceType, role, result, reason, start, end, then\n" +
        "roleReason, alertingMs, handlingMs, mediationMs, receivedFrom. A bad line exits 2 naming file:line.",
    )
    .action(async (log: string) => {
      const sink = new LineSink(context.stdout);
      for await (const row of classifyStream(readEventLog(log))) {
        if (!sink.open) break;
        await sink.write(irfRowJson(row));
      }
    });
}
