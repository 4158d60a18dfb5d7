/**
 * The reference classifier: a pure, streaming transformation from Interaction Server reporting
 * events to IRF rows with technical descriptors. Interactions may interleave in one log; each
 * is classified on its own state, so interleaving changes nothing. Memory is bounded by the
 * interactions still open, not by the log's size: an interaction's state is dropped the moment
 * it stops.
 */
import type { IrfRow } from "../domain/irf";
import type { ChatEvent, LoggedEvent } from "../eventlog/events";
import { InteractionState } from "./interaction";

/** Bumped whenever a rule changes what the classifier outputs. */
export const CLASSIFIER_VERSION = "1.1.0";

/** An interaction the log left open: its ended attempts are reported, its open ones are not. */
export interface OpenInteraction {
  interaction: string;
  /** Agent attempts still alerting or joined when the log ended; not reported as IRFs. */
  openAttempts: number;
}

export interface ClassifierEnd {
  rows: IrfRow[];
  open: OpenInteraction[];
}

export class ChatClassifier {
  private readonly open = new Map<string, InteractionState>();

  /** Feeds one event; returns the rows of the interaction it stopped, if it stopped one. */
  push(logged: LoggedEvent): IrfRow[] | undefined {
    const e = logged.event;
    let state = this.open.get(e.interaction);
    if (state === undefined) {
      state = new InteractionState(e, logged.source);
      this.open.set(e.interaction, state);
    }
    const rows = state.apply(e, logged.time, logged.source);
    if (rows !== undefined) this.open.delete(e.interaction);
    return rows;
  }

  /** Ends the log: rows of the attempts that ended in interactions that never stopped. */
  finish(): ClassifierEnd {
    const rows: IrfRow[] = [];
    const open: OpenInteraction[] = [];
    for (const state of this.open.values()) {
      rows.push(...state.endedRows());
      open.push({ interaction: state.id, openAttempts: state.openAttempts });
    }
    this.open.clear();
    return { rows, open };
  }
}

function isLogged(e: ChatEvent | LoggedEvent): e is LoggedEvent {
  return "source" in e;
}

/**
 * Classifies an in-memory log. Rows come grouped by interaction, in the order the interactions
 * first appear in the log, each in IRF order.
 */
export function classifyEvents(events: readonly (ChatEvent | LoggedEvent)[], file = "<events>"): IrfRow[] {
  const classifier = new ChatClassifier();
  const firstSeen = new Map<string, number>();
  const groups: IrfRow[][] = [];
  events.forEach((item, index) => {
    const logged = isLogged(item)
      ? item
      : { event: item, source: { file, line: index + 1 }, time: Date.parse(item.ts) };
    if (!firstSeen.has(logged.event.interaction)) firstSeen.set(logged.event.interaction, firstSeen.size);
    const rows = classifier.push(logged);
    if (rows !== undefined) groups.push(rows);
  });
  const { rows: rest } = classifier.finish();
  const all = [...groups.flat(), ...rest];
  const rank = (row: IrfRow): number => firstSeen.get(row.interaction) ?? 0;
  // Array.prototype.sort is stable, so IRF order within an interaction is kept.
  return all.sort((a, b) => rank(a) - rank(b));
}

/**
 * Classifies a stream: yields each interaction's rows as soon as it stops, then the rows that
 * ended in interactions the log left open; `onOpen` hears of those so a CLI can warn.
 */
export async function* classifyStream(
  events: AsyncIterable<LoggedEvent>,
  onOpen?: (open: readonly OpenInteraction[]) => void,
): AsyncGenerator<IrfRow> {
  const classifier = new ChatClassifier();
  for await (const logged of events) {
    const rows = classifier.push(logged);
    if (rows !== undefined) yield* rows;
  }
  const end = classifier.finish();
  if (end.open.length > 0) onOpen?.(end.open);
  yield* end.rows;
}

/**
 * The same as classifyStream over batches of events (readEventBatches), yielding batches of
 * rows: one await per chunk instead of one per event, which is where a big log's time goes.
 */
export async function* classifyBatches(
  batches: AsyncIterable<readonly LoggedEvent[]>,
  onOpen?: (open: readonly OpenInteraction[]) => void,
): AsyncGenerator<IrfRow[]> {
  const classifier = new ChatClassifier();
  for await (const batch of batches) {
    const out: IrfRow[] = [];
    for (const logged of batch) {
      const rows = classifier.push(logged);
      if (rows !== undefined) for (const row of rows) out.push(row);
    }
    if (out.length > 0) yield out;
  }
  const end = classifier.finish();
  if (end.open.length > 0) onOpen?.(end.open);
  if (end.rows.length > 0) yield end.rows;
}
