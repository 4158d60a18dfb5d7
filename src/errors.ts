/**
 * Rejections of bad input. Each renders as one line naming the file, line and field and what
 * was expected, and maps to exit code 2 (bad input), distinct from nonconformance (1) and
 * harness errors (3).
 */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;

  constructor(file: string, line: number | undefined, field: string | undefined, problem: string) {
    const where = line === undefined ? file : `${file}:${line}`;
    const what = field === undefined ? problem : `field "${field}": ${problem}`;
    super(`${where}: ${what}`);
    this.name = "InputError";
    this.file = file;
    this.line = line;
    this.field = field;
  }
}

/**
 * The harness or its environment failed (an unreachable database, Java missing for Allure,
 * a step that crashed): exit code 3. The message is one line and never holds a secret.
 */
export class HarnessError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "HarnessError";
  }
}

/** Exit codes of every gim-conformance command. */
export const EXIT = {
  /** Every verified scenario conformed (or the command did its job). */
  ok: 0,
  /** At least one verified scenario did not conform. */
  nonconformant: 1,
  /** Bad input or usage: a malformed event log, manifest or option; an unknown name. */
  badInput: 2,
  /** The harness or its environment failed. */
  harness: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
