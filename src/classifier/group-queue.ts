/**
 * The groups one classify worker has sent and the merging thread has not written yet, in the
 * order the worker sent them (the order of their stopping lines). A worker sends its groups in
 * batches, one buffer each; a group is a byte range of its batch. A batch is answered ("ack")
 * when its last group is taken, which is what lets the worker send more (its memory bound).
 *
 * Arrays with a head index, not shift(): shift is linear in the queue's length. The taken
 * entries are dropped once there are more than COMPACT_AFTER of them and they are more than half
 * the arrays, so the queue holds what waits and at most as many (or COMPACT_AFTER) taken ones.
 */
export const COMPACT_AFTER = 4096;

interface Batch {
  bytes: Buffer;
  remaining: number;
}

/** One group taken from the queue: bytes[start, end), and whether it was its batch's last. */
export interface TakenGroup {
  bytes: Buffer;
  start: number;
  end: number;
  batchDone: boolean;
}

export class GroupQueue {
  private lines: number[] = [];
  private batches: Batch[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  private head = 0;

  /** Adds one batch: group i stops at lines[i] and is bytes[ends[i-1] (or 0), ends[i]). */
  add(bytes: Buffer, lines: readonly number[], ends: readonly number[]): void {
    if (lines.length !== ends.length)
      throw new Error(`a batch of ${lines.length} groups with ${ends.length} ends`);
    const batch: Batch = { bytes, remaining: lines.length };
    let start = 0;
    for (let i = 0; i < lines.length; i++) {
      const end = ends[i] as number;
      this.lines.push(lines[i] as number);
      this.batches.push(batch);
      this.starts.push(start);
      this.ends.push(end);
      start = end;
    }
  }

  /** The stopping line of the next group, or undefined when none waits. */
  nextLine(): number | undefined {
    return this.lines[this.head];
  }

  /** Takes the next group; throws when none waits (a caller's mistake, not the input's). */
  take(): TakenGroup {
    const batch = this.batches[this.head];
    if (batch === undefined) throw new Error("no group waits");
    const taken: TakenGroup = {
      bytes: batch.bytes,
      start: this.starts[this.head] as number,
      end: this.ends[this.head] as number,
      batchDone: --batch.remaining === 0,
    };
    this.head++;
    if (this.head > COMPACT_AFTER && this.head * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.head);
      this.batches = this.batches.slice(this.head);
      this.starts = this.starts.slice(this.head);
      this.ends = this.ends.slice(this.head);
      this.head = 0;
    }
    return taken;
  }

  /** Entries held, taken ones not yet dropped included: what the queue costs in memory. */
  held(): number {
    return this.lines.length;
  }
}
