/**
 * The reference classifier: a pure, streaming transformation from Interaction Server reporting
 * events to IRF rows with technical descriptors. Interactions may interleave in one log; each
 * is classified on its own state, so interleaving changes nothing. Memory is bounded by the
 * interactions still open, not by the log's size: an interaction's state is dropped the moment
 * it stops.
 */
import type { IrfRow } from "../domain/irf";
import type { MsfRow } from "../domain/msf";
import { InputError } from "../errors";
import type { ChatEvent, LoggedEvent } from "../eventlog/events";
import { DOCUMENTED_DEFAULTS, type GimConfig } from "../gimconfig/gim-config";
import { printable } from "../report/text-escape";
import { InteractionState } from "./interaction";

/** Bumped whenever a rule changes what the classifier outputs. */
export const CLASSIFIER_VERSION = "1.2.0";

export interface ClassifierOptions {
  /** The Info Mart's configuration the facts are predicted for; documented defaults otherwise. */
  config?: GimConfig;
  /** Hears each stopped interaction's mediation segments (MSFs), in MSF order. */
  onMsfs?: (msfs: MsfRow[]) => void;
}

/** An interaction the log left open: its ended attempts are reported, its open ones are not. */
export interface OpenInteraction {
  interaction: string;
  /** Agent attempts still alerting or joined when the log ended; not reported as IRFs. */
  openAttempts: number;
}

export interface ClassifierEnd {
  rows: IrfRow[];
  msfs: MsfRow[];
  open: OpenInteraction[];
}

export class ChatClassifier {
  private readonly open = new Map<string, InteractionState>();
  /**
   * Ids of the interactions that have stopped. An id names one interaction (GIM keys its facts by
   * MEDIA_SERVER_IXN_GUID): a second interaction under a stopped one's id would be numbered from
   * IRF 1 again and collide with the first's rows, so it is refused. The one thing the classifier
   * keeps of a stopped interaction; its memory grows with the ids, not with their events.
   */
  private readonly stopped = new Set<string>();
  private readonly config: GimConfig;
  private readonly onMsfs: ((msfs: MsfRow[]) => void) | undefined;

  constructor(options: ClassifierOptions = {}) {
    this.config = options.config ?? DOCUMENTED_DEFAULTS;
    this.onMsfs = options.onMsfs;
  }

  /** Feeds one event; returns the rows of the interaction it stopped, if it stopped one. */
  push(logged: LoggedEvent): IrfRow[] | undefined {
    const e = logged.event;
    let state = this.open.get(e.interaction);
    if (state === undefined) {
      if (this.stopped.has(e.interaction)) {
        throw new InputError(
          logged.source.file,
          logged.source.line,
          "interaction",
          `interaction "${printable(e.interaction)}" has already stopped; an interaction id names one interaction and is not reused`,
        );
      }
      state = new InteractionState(e, logged.source, this.config, this.onMsfs);
      this.open.set(e.interaction, state);
    }
    const rows = state.apply(e, logged.time, logged.source);
    if (rows === undefined) return undefined;
    this.open.delete(e.interaction);
    this.stopped.add(e.interaction);
    return rows;
  }

  /** Ends the log: rows of the attempts that ended in interactions that never stopped. */
  finish(): ClassifierEnd {
    const rows: IrfRow[] = [];
    const msfs: MsfRow[] = [];
    const open: OpenInteraction[] = [];
    for (const state of this.open.values()) {
      rows.push(...state.endedRows());
      msfs.push(...state.endedMsfs());
      open.push({ interaction: state.id, openAttempts: state.openAttempts });
    }
    this.open.clear();
    return { rows, msfs, open };
  }
}

function isLogged(e: ChatEvent | LoggedEvent): e is LoggedEvent {
  return "source" in e;
}

/**
 * Classifies an in-memory log. Rows come grouped by interaction, in the order the interactions
 * first appear in the log, each in IRF order.
 */
export function classifyEvents(
  events: readonly (ChatEvent | LoggedEvent)[],
  file = "<events>",
  config?: GimConfig,
): IrfRow[] {
  return classifyFacts(events, file, config).irfs;
}

/** IRFs and MSFs of an in-memory log, each grouped by interaction in first-appearance order. */
export function classifyFacts(
  events: readonly (ChatEvent | LoggedEvent)[],
  file = "<events>",
  config?: GimConfig,
): { irfs: IrfRow[]; msfs: MsfRow[] } {
  const msfGroups: MsfRow[][] = [];
  const classifier = new ChatClassifier({ config, onMsfs: (m) => msfGroups.push(m) });
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
  const { rows: rest, msfs: openMsfs } = classifier.finish();
  const rank = (row: { interaction: string }): number => firstSeen.get(row.interaction) ?? 0;
  // Array.prototype.sort is stable, so IRF and MSF order within an interaction is kept.
  const irfs = [...groups.flat(), ...rest].sort((a, b) => rank(a) - rank(b));
  const msfs = [...msfGroups.flat(), ...openMsfs].sort((a, b) => rank(a) - rank(b));
  return { irfs, msfs };
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
  options: ClassifierOptions = {},
): AsyncGenerator<IrfRow[]> {
  const classifier = new ChatClassifier(options);
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
  if (end.msfs.length > 0) options.onMsfs?.(end.msfs);
  if (end.rows.length > 0) yield end.rows;
}
