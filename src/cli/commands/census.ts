/**
 * `census`: the whole chat traffic of a window, grouped by pattern inside the database (one
 * read-only, parameterised query) or read from an export of sql/census-*.sql, each pattern matched
 * to the documented flows, with the undocumented ones and the invariant breaks. Exit 0 when the
 * census was taken (findings are reported, not judged: `drift` gates), 2 on bad input, 3 when the
 * database fails.
 */
import path from "node:path";
import type { Command } from "commander";
import { InputError } from "../../errors";
import type { CliContext } from "../context";
import { PACKAGE_ROOT, packageVersion } from "../package-info";

interface CensusFlags {
  db?: string;
  export?: string;
  from?: string;
  to?: string;
  json?: string;
  html?: string;
  gimConfig?: string;
  features?: string[];
  vocabulary?: string;
  samples: string;
  statementTimeout: string;
}

function positive(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    throw new InputError(
      option,
      undefined,
      undefined,
      `expected a whole number of at least 1, got "${text}"`,
    );
  }
  return Number(text);
}

export function registerCensus(program: Command, context: CliContext): void {
  program
    .command("census")
    .description(
      "group every chat interaction of a window by its IRF/MSF pattern, in the database, and match each pattern to the documented flows",
    )
    .option("--db <url>", "PostgreSQL Info Mart to read (default: $GIM_DATABASE_URL; never printed)")
    .option(
      "--export <file>",
      "instead of --db: pattern rows exported with sql/census-sqlserver.sql, -oracle.sql or -postgresql.sql (CSV or JSON Lines)",
    )
    .option("--from <iso>", "first interaction start to count (inclusive, UTC unless a zone is given)")
    .option("--to <iso>", "interaction start to stop at (exclusive)")
    .option("--json <file>", "write the census as JSON (schema: src/census/census.schema.json)")
    .option("--html <file>", "write one self-contained HTML page")
    .option("--features <dir...>", "your own flows, besides the bundled features/")
    .option("--gim-config <file>", "the Info Mart's GIM and Chat Server options, recorded in the census")
    .option("--vocabulary <file>", "descriptor names to add to the vocabulary (as run)")
    .option("--samples <n>", "sample GUIDs kept per pattern", "5")
    .option("--statement-timeout <ms>", "statement_timeout of the census query", "60000")
    .addHelpText(
      "after",
      "\nReads only: one parameterised query inside a READ ONLY transaction (docs/census.md).\n" +
        "Exit codes: 0 census taken, 2 bad input or usage, 3 database failure.",
    )
    .action(async (flags: CensusFlags) => {
      const cwd = process.cwd();
      // Loaded here, not at the top: `--help` and the other commands never pay for pg and the census.
      const { databaseTarget } = await import("../../gimdb/database-target");
      const { parseWindowTime, runCensus } = await import("../../census/census-run");
      const url = flags.db ?? context.env.GIM_DATABASE_URL;
      if (flags.export !== undefined && flags.db !== undefined) {
        throw new InputError(
          "--export",
          undefined,
          undefined,
          "reads an export instead of a database: give --db or --export, not both",
        );
      }
      const source =
        flags.export !== undefined
          ? { kind: "export" as const, file: path.resolve(cwd, flags.export) }
          : url !== undefined && url !== ""
            ? {
                kind: "postgres" as const,
                target: databaseTarget(url, flags.db === undefined ? "GIM_DATABASE_URL" : "--db"),
              }
            : undefined;
      if (source === undefined) {
        throw new InputError(
          "--db",
          undefined,
          undefined,
          "needs a database URL (--db or GIM_DATABASE_URL) or --export FILE",
        );
      }
      const from = flags.from === undefined ? undefined : parseWindowTime(flags.from, "--from");
      const to = flags.to === undefined ? undefined : parseWindowTime(flags.to, "--to");
      if (from !== undefined && to !== undefined && from.getTime() >= to.getTime()) {
        throw new InputError("--to", undefined, undefined, "must be later than --from");
      }
      await runCensus({
        source,
        window: { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) },
        featureDirs: [
          path.join(PACKAGE_ROOT, "features"),
          ...(flags.features ?? []).map((d) => path.resolve(cwd, d)),
        ],
        vocabularyFile: flags.vocabulary === undefined ? undefined : path.resolve(cwd, flags.vocabulary),
        gimConfigFile: flags.gimConfig === undefined ? undefined : path.resolve(cwd, flags.gimConfig),
        ...(flags.json === undefined ? {} : { json: path.resolve(cwd, flags.json) }),
        ...(flags.html === undefined ? {} : { html: path.resolve(cwd, flags.html) }),
        sampleSize: positive(flags.samples, "--samples"),
        statementTimeoutMs: positive(flags.statementTimeout, "--statement-timeout"),
        harnessVersion: packageVersion() ?? "0.0.0",
        cwd,
        stdout: context.stdout,
        stderr: context.stderr,
      });
    });
}
