/**
 * What every command gets from main: the streams to write to, the environment, and the one way
 * to say how the process should exit. Commands never call process.exit themselves, so main can
 * map thrown errors to exit codes in one place and tests can run a command in-process.
 */
import type { Writable } from "node:stream";
import type { Command } from "commander";
import type { ExitCode } from "../errors";

export interface CliContext {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
  /** The exit code the command decided on (the default is EXIT.ok). */
  setExitCode(code: ExitCode): void;
}

/** Each command file exports one of these; main.ts lists them. */
export type RegisterCommand = (program: Command, context: CliContext) => void;
