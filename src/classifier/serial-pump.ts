/**
 * Runs an async step whenever asked, never two at once (classify --jobs N: the merge is driven by
 * the workers' messages, which come while a step is still writing). A request that comes while a
 * step runs is not lost: one more step runs after it, however many requests came meanwhile, so
 * the last message is always seen by a step that started after it.
 */
export class SerialPump {
  private running = false;
  /** A request not yet answered by a step that started after it. */
  private wanted = false;

  /**
   * @param step the work; it reads the state afresh each time.
   * @param finished true once no step is wanted any more (the run has stopped).
   * @param fail hears a step's error; the next request runs the step again.
   */
  constructor(
    private readonly step: () => Promise<void>,
    private readonly finished: () => boolean,
    private readonly fail: (error: unknown) => void,
  ) {}

  request(): void {
    this.wanted = true;
    if (this.running) return;
    this.running = true;
    void this.run();
  }

  private async run(): Promise<void> {
    try {
      while (this.wanted && !this.finished()) {
        this.wanted = false;
        await this.step();
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.running = false;
    }
  }
}
