/**
 * The expectations file's model: its format version and what one entry holds. Apart from the
 * reader (expectations-file.ts, which loads the YAML parser) so that judging a run against no
 * file, as every `run` does, loads neither the reader nor its code (issue 14).
 */
import type { IrfExpectation } from "../domain/irf";

export const EXPECTATIONS_FORMAT_VERSION = 1;
export const EXPECTED_STATUSES = ["fail", "skip"] as const;
export type ExpectedStatus = (typeof EXPECTED_STATUSES)[number];

export interface Expectation {
  id: string;
  status: ExpectedStatus;
  reason: string;
  link?: string;
  /** The accepted recorded rows of a `fail`; undefined accepts any mismatch. */
  rows?: IrfExpectation[];
  /** Line of the @id key, for messages. */
  line: number | undefined;
}

export interface ExpectationsFile {
  file: string;
  expectations: Map<string, Expectation>;
}
