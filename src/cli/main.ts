/**
 * The `gim-conformance` command line. Each command lives in commands/ and registers itself;
 * adding one is one import and one entry in COMMANDS. Every failure leaves through exitCodeFor,
 * so the exit codes (src/errors.ts EXIT) mean the same for every command.
 */
import type { Writable } from "node:stream";
import { Command, CommanderError } from "commander";
import { EXIT, type ExitCode, HarnessError, InputError } from "../errors";
import { printable } from "../report/text-escape";
import { registerCensus } from "./commands/census";
import { registerClassify } from "./commands/classify";
import { registerDiff } from "./commands/diff";
import { registerDrift } from "./commands/drift";
import { registerLabKit } from "./commands/lab-kit";
import { registerReport } from "./commands/report";
import { registerRun } from "./commands/run";
import { registerSeedDb } from "./commands/seed-db";
import { registerSpec } from "./commands/spec";
import { registerValidate } from "./commands/validate";
import type { CliContext, RegisterCommand } from "./context";
import { fileSystemFailure } from "./fs-failure";
import { packageVersion } from "./package-info";
import { redactSecrets } from "./redact";

/** In the order `--help` lists them. */
const COMMANDS: readonly RegisterCommand[] = [
  registerValidate,
  registerClassify,
  registerRun,
  registerDiff,
  registerReport,
  registerLabKit,
  registerSeedDb,
  registerSpec,
  registerCensus,
  registerDrift,
];

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

export function buildProgram(context: CliContext): Command {
  const program = new Command("gim-conformance")
    .description(
      "Conformance harness for Genesys Info Mart chat reporting: the User's Guide chat flows as " +
        "executable features, checked against a reference classifier or a real Info Mart.",
    )
    .version(packageVersion() ?? "0.0.0", "-V, --version")
    // Unknown commands and options must exit 2 (usage), not commander's default 1 (nonconformance).
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
    })
    .showHelpAfterError("(add --help for usage)")
    .addHelpText(
      "after",
      "\nExit codes: 0 conformant (or done), 1 nonconformant, 2 bad input or usage, 3 harness or environment error.",
    );
  for (const register of COMMANDS) register(program, context);
  return program;
}

export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.ok;
  const context: CliContext = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  const program = buildProgram(context);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    const { code, message } = describeFailure(error, context.env.GIM_DEBUG === "1");
    if (message !== undefined) context.stderr.write(`${message}\n`);
    return code;
  }
}

/**
 * The exit code and the one line to print for anything a command threw. Commander has already
 * printed its own usage errors; help and --version are successes.
 */
export function describeFailure(
  error: unknown,
  debug: boolean,
): { code: ExitCode; message: string | undefined } {
  if (error instanceof CommanderError) {
    return { code: error.exitCode === 0 ? EXIT.ok : EXIT.badInput, message: undefined };
  }
  // Messages quote input (a log's names, an export's cells): control characters are shown escaped.
  if (error instanceof InputError)
    return { code: EXIT.badInput, message: printable(redactSecrets(error.message)) };
  // A path a command could not write that no command caught (EISDIR, EEXIST…): bad input, one line.
  const unwritable = fileSystemFailure(error);
  if (unwritable !== undefined) return { code: EXIT.badInput, message: printable(redactSecrets(unwritable)) };
  if (error instanceof HarnessError) {
    return { code: EXIT.harness, message: `gim-conformance: ${printable(redactSecrets(error.message))}` };
  }
  const text = error instanceof Error ? ((debug ? error.stack : undefined) ?? error.message) : String(error);
  const shown = debug ? text : printable(text);
  return { code: EXIT.harness, message: `gim-conformance: internal error: ${redactSecrets(shown)}` };
}
