/**
 * The rows of `classify --jobs N` gathered into pieces of about `size` bytes before each write:
 * a write (and a Buffer) per group, a hundred thousand of them for half a million events, cost
 * the merging thread more than all the rest of its work. A group longer than a whole piece is
 * written on its own, after what was gathered before it, so the order never changes.
 */
export class OutputPieces {
  private piece: Buffer;
  private used = 0;

  constructor(
    private readonly write: (bytes: Buffer) => Promise<void>,
    readonly size = 1 << 20,
  ) {
    this.piece = Buffer.allocUnsafe(size);
  }

  /** Adds bytes[start, end); writes the piece first when they would not fit in it. */
  async add(bytes: Buffer, start = 0, end = bytes.length): Promise<void> {
    const length = end - start;
    if (this.used + length > this.size) await this.flush();
    if (length > this.size) await this.write(bytes.subarray(start, end));
    else this.used += bytes.copy(this.piece, this.used, start, end);
  }

  /** Writes what is gathered, if anything; the piece written is the writer's to keep. */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    const bytes = this.piece.subarray(0, this.used);
    this.piece = Buffer.allocUnsafe(this.size);
    this.used = 0;
    await this.write(bytes);
  }
}
