/**
 * The workers as the reading side of `classify --jobs N` sees them: each piece of the log is
 * posted to every worker still reading, in memory they all read in place (a SharedArrayBuffer,
 * not a copy each), and the reading waits while any of them has `maxAhead` pieces it has not yet
 * answered, so a slow worker bounds the memory held rather than letting the log pile up in its
 * queue.
 */
import type { PieceSink } from "./log-pieces";
import type { ToWorker } from "./parallel-worker";

/** One worker, as the feed needs it. */
export interface FeedLane {
  /** Its last message has come: it reads no more. */
  readonly done: boolean;
  post(message: ToWorker): void;
}

export class PieceFeed implements PieceSink {
  /** Per lane, the pieces posted and not yet answered. */
  private readonly ahead: number[];
  private wake: (() => void) | undefined;

  /** `finished`: true once the run has stopped, when nothing more is read. */
  constructor(
    private readonly lanes: readonly FeedLane[],
    private readonly maxAhead: number,
    private readonly finished: () => boolean,
  ) {
    this.ahead = lanes.map(() => 0);
  }

  send(parts: readonly Buffer[], size: number): void {
    const piece = new SharedArrayBuffer(size);
    const view = Buffer.from(piece);
    let at = 0;
    for (const part of parts) at += part.copy(view, at);
    this.lanes.forEach((lane, i) => {
      if (lane.done) return;
      lane.post({ type: "piece", piece });
      this.ahead[i] = (this.ahead[i] as number) + 1;
    });
  }

  /** Lane `index` has answered one piece. */
  answered(index: number): void {
    this.ahead[index] = (this.ahead[index] as number) - 1;
  }

  /** The pieces lane `index` has not answered yet. */
  piecesAhead(index: number): number {
    return this.ahead[index] as number;
  }

  /** Something changed (an answer, a lane done, the run stopped): a waiting room() looks again. */
  poke(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  async room(): Promise<void> {
    while (this.busy() && !this.finished()) await new Promise<void>((resolve) => (this.wake = resolve));
  }

  stopped(): boolean {
    return this.finished() || this.lanes.every((lane) => lane.done);
  }

  /** Tells every lane still reading that the log has ended. */
  end(): void {
    for (const lane of this.lanes) if (!lane.done) lane.post({ type: "end" });
  }

  private busy(): boolean {
    return this.lanes.some((lane, i) => !lane.done && this.piecesAhead(i) >= this.maxAhead);
  }
}
