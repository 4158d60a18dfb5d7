/**
 * Events are in time order within an interaction (docs/event-log.md: "Lines are ordered by `ts`
 * within an interaction; interactions may interleave"). The reader checks it as it reads, so
 * `validate` and every consumer of the reader refuse a log whose time goes backwards, naming the
 * line, not only the classifier. Memory follows open interactions: an interaction is forgotten
 * when its processing stops.
 */
import { InputError } from "../errors";
import { printable } from "../report/text-escape";
import type { LoggedEvent } from "./events";

export class TimeOrder {
  private readonly last = new Map<string, number>();

  constructor(private readonly file: string) {}

  /** Throws an InputError naming the line when `logged` is earlier than its interaction's previous event. */
  check(logged: LoggedEvent): void {
    const { event, time } = logged;
    const previous = this.last.get(event.interaction);
    if (previous !== undefined && time < previous) {
      throw new InputError(
        this.file,
        logged.source.line,
        "ts",
        `${printable(event.ts)} is earlier than the previous event of interaction "${printable(event.interaction)}" (${new Date(previous).toISOString()}); events must be in time order within an interaction`,
      );
    }
    if (event.event === "EventProcessingStopped") this.last.delete(event.interaction);
    else this.last.set(event.interaction, time);
  }
}
