/**
 * The reading side of `classify --jobs N`: the log's chunks cut into pieces of whole lines, each
 * handed to every worker at once. A chunk's last, unfinished line waits for the next chunk, so no
 * worker ever sees half a line, except the two cases a single thread would also meet: a last line
 * without a newline (sent at the end, split by the workers' end of input) and a line longer than
 * the limit (sent as soon as it is known to be too long, for the workers' splitters to refuse at
 * its line; nothing after it is read).
 */
import { toBuffer } from "../eventlog/line-splitter";

const LF = 0x0a;

/** Where the pieces go. */
export interface PieceSink {
  /** One piece: `parts` joined, `size` bytes in all. */
  send(parts: readonly Buffer[], size: number): void;
  /** Resolves when another piece may be read (the workers' back-pressure). */
  room(): Promise<void>;
  /** True once no more pieces are wanted (the run stopped, or every worker is done). */
  stopped(): boolean;
}

/**
 * Sends `chunks` to `sink` in pieces of whole lines. True when the input was read to its end
 * (the workers are then to be told), false when it stopped early: the sink stopped it, or a line
 * ran past `maxLineBytes`.
 */
export async function sendPieces(
  chunks: AsyncIterable<Buffer | Uint8Array | string>,
  maxLineBytes: number,
  sink: PieceSink,
): Promise<boolean> {
  let carry: Buffer[] = [];
  let carryBytes = 0;
  for await (const raw of chunks) {
    if (sink.stopped()) return false;
    const chunk = toBuffer(raw);
    const newline = chunk.lastIndexOf(LF);
    if (newline < 0) {
      carry.push(chunk);
      carryBytes += chunk.length;
      // One byte of slack, as in the splitter: a line of exactly the limit may be waiting for the
      // \n of its \r\n.
      if (carryBytes > maxLineBytes + 1) {
        sink.send(carry, carryBytes);
        return false;
      }
      continue;
    }
    sink.send([...carry, chunk.subarray(0, newline + 1)], carryBytes + newline + 1);
    const rest = chunk.subarray(newline + 1);
    // A copy of the few bytes left, not a view that would keep the whole chunk in memory.
    carry = [Buffer.from(rest)];
    carryBytes = rest.length;
    await sink.room();
  }
  if (carryBytes > 0) sink.send(carry, carryBytes);
  return true;
}
