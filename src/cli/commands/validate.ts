/**
 * `validate <log>`: is this event log acceptable input? It is read against the v1 schema AND
 * classified, because some rules are semantic (timestamps out of order within an interaction,
 * an event for an agent never invited) and only the classifier knows them.
 */
import type { Command } from "commander";
import type { LoggedEvent } from "../../eventlog/events";
import type { CliContext } from "../context";

export function registerValidate(program: Command, context: CliContext): void {
  program
    .command("validate")
    .description(
      "check an event log (JSON Lines, event log v1) and print how many events and interactions it holds",
    )
    .argument("<log>", 'event log file, or "-" for standard input')
    .addHelpText(
      "after",
      "\nPrints `OK: N events, M interactions`; a bad line exits 2 naming file:line and field.",
    )
    .action(async (log: string) => {
      const { classifyStream } = await import("../../classifier/classify");
      const { readEventLog } = await import("../../eventlog/reader");
      const { plural } = await import("../../run/summary");
      const counts = { events: 0, interactions: new Set<string>() };
      async function* counted(events: AsyncIterable<LoggedEvent>): AsyncGenerator<LoggedEvent> {
        for await (const logged of events) {
          counts.events += 1;
          counts.interactions.add(logged.event.interaction);
          yield logged;
        }
      }
      for await (const _row of classifyStream(counted(readEventLog(log)))) {
        // Classifying is the check; the rows themselves are not needed.
      }
      const { events, interactions } = counts;
      context.stdout.write(
        `OK: ${events} ${plural(events, "event")}, ${interactions.size} ${plural(interactions.size, "interaction")}\n`,
      );
    });
}
