/**
 * Writes lines to a stream with backpressure, and notices when the reader has gone away
 * (`classify big.jsonl | head`): then the command stops quietly instead of crashing on EPIPE.
 */
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
    await this.writeRaw(`${line}\n`);
  }

  /** Writes bytes as they are: whole lines, each already ending in a newline. */
  async writeBytes(bytes: Buffer): Promise<void> {
    await this.writeRaw(bytes);
  }

  private async writeRaw(chunk: string | Buffer): Promise<void> {
    if (this.failure !== undefined) {
      throw new HarnessError(`cannot write the output: ${this.failure.message}`);
    }
    if (this.gone) return;
    if (this.stream.write(chunk)) return;
    // Wait for drain, or for the end of the stream (its error was recorded above); remove all three
    // listeners afterwards, or a long output would pile them up.
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off("drain", done);
        this.stream.off("close", done);
        this.stream.off("error", done);
        resolve();
      };
      this.stream.on("drain", done);
      this.stream.on("close", done);
      this.stream.on("error", done);
    });
  }
}
