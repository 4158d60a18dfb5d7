/**
 * When a group of rows may be written (classify --jobs N): the merged output must be byte for
 * byte the single-threaded one, where each stopped interaction's rows come when the event that
 * stopped it comes, in the log's line order (docs/event-log.md, "Output"). A worker's groups come
 * in line order, so the next group overall is the one with the lowest stopping line among the
 * workers' next groups; it may be written only once no other worker can still send a group that
 * stops before it.
 */

/** What the merge knows of one worker. */
export interface WorkerProgress {
  /** The stopping line of its next unwritten group, or undefined when none waits. */
  nextLine: number | undefined;
  /** It has read every line it will read (its last message has come). */
  done: boolean;
  /** Every group stopping at or before this line has been sent. */
  watermark: number;
}

/**
 * The index of the worker whose next group is to be written now, or undefined when none may be:
 * none waits, the lowest stops at or after `limit` (the earliest bad line: nothing from there on
 * is written), or another worker may still send a group that stops before it.
 */
export function nextToWrite(workers: readonly WorkerProgress[], limit: number): number | undefined {
  let best: number | undefined;
  let line = Number.POSITIVE_INFINITY;
  workers.forEach((w, i) => {
    if (w.nextLine !== undefined && w.nextLine < line) {
      best = i;
      line = w.nextLine;
    }
  });
  if (best === undefined || line >= limit) return undefined;
  // A worker with a group waiting sends in line order, so its waiting group bounds what it may
  // still send; one without must have read past the line, or be done.
  const settled = workers.every(
    (w, i) => i === best || w.done || w.nextLine !== undefined || w.watermark >= line,
  );
  return settled ? best : undefined;
}

/** Whether every worker has read past `line` or is done: nothing before it is still to come. */
export function allPast(workers: readonly WorkerProgress[], line: number): boolean {
  return workers.every((w) => w.done || w.watermark >= line);
}
