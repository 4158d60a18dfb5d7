/**
 * classify --jobs N in process, as the tests of its merge run it: the bundled GIM configuration,
 * a reader that stays, the output gathered, and the run's failure returned rather than thrown.
 */
import { classifyInParallel, type ParallelClassifyOptions } from "../../src/classifier/parallel-classify";
import { BUNDLED_GIM_CONFIG } from "../../src/gimconfig/gim-config";

export interface ParallelRun {
  /** What was written, as UTF-8 (empty when the test's own `write` took it). */
  text: string;
  /** What the run failed with, or undefined when it ended well. */
  error: unknown;
}

export async function runParallel(
  options: Pick<ParallelClassifyOptions, "file" | "jobs"> & Partial<ParallelClassifyOptions>,
): Promise<ParallelRun> {
  let text = "";
  try {
    await classifyInParallel({
      config: BUNDLED_GIM_CONFIG,
      write: async (bytes) => {
        text += bytes.toString("utf8");
      },
      isOpen: () => true,
      ...options,
    });
  } catch (error) {
    return { text, error };
  }
  return { text, error: undefined };
}
