/**
 * Writes lines to a stream with backpressure, and notices when the reader has gone away
 * (`classify big.jsonl | head`): then the command stops quietly instead of crashing on EPIPE.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { HarnessError } from "../errors";

export class LineSink {
  private gone = false;
  private failure: Error | undefined;

  constructor(private readonly stream: Writable) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") this.gone = true;
      else this.failure = error;
    });
  }

  /** False once the reader has closed its end: stop producing. */
  get open(): boolean {
    return !this.gone;
  }

  async write(line: string): Promise<void> {
    if (this.failure !== undefined)
      throw new HarnessError(`cannot write the output: ${this.failure.message}`);
    if (this.gone) return;
    if (this.stream.write(`${line}\n`)) return;
    try {
      await Promise.race([once(this.stream, "drain"), once(this.stream, "close")]);
    } catch {
      // once() rejects on "error"; the listener above has already recorded what it means.
    }
  }
}
