/**
 * `seed-db`: loads the reference classifier's rows for every example flow into a PostgreSQL
 * database shaped like GIM's Info Mart (creating the tables when absent) and writes the matching
 * manifest, so `run --sut postgres` and `run --sut export` can be seen working without a lab.
 * The only command that writes to a database: it takes the URL from --db only, never from
 * GIM_DATABASE_URL (which names the Info Mart under test), and refuses a real Info Mart.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { InputError } from "../../errors";
import type { CliContext } from "../context";
import { PACKAGE_ROOT } from "../package-info";

interface SeedFlags {
  db: string;
  manifest?: string;
  examples?: string;
  force?: boolean;
  volume?: string;
  days?: string;
  seed?: string;
  from?: string;
}

export function registerSeedDb(program: Command, context: CliContext): void {
  program
    .command("seed-db")
    .description(
      "load every example flow's reference IRFs into a GIM-shaped PostgreSQL database and write its manifest",
    )
    .requiredOption("--db <url>", "PostgreSQL URL of a database made for seeding (never printed)")
    .option(
      "--manifest <file>",
      "where to write the manifest of the seeded interactions (required without --volume)",
    )
    .option("--force", "overwrite the --manifest file when it exists (a filled-in lab manifest is lost)")
    .option("--examples <dir>", "folder of example event logs, <@id>.jsonl (default: the bundled examples/)")
    .option(
      "--volume <n>",
      "instead: N synthetic chat interactions in a realistic mix, bulk-loaded with COPY",
    )
    .option("--days <d>", "with --volume: days the interactions are spread over", "7")
    .option("--seed <s>", "with --volume: any text; the same seed loads the same rows", "1")
    .option("--from <iso>", "with --volume: start of the window (default 2026-03-02T00:00:00Z)")
    .addHelpText(
      "after",
      "\nWrites: the tables of sql/schema/postgresql.sql when absent; per interaction of each example an\n" +
        "INTERACTION_FACT with a fresh MEDIA_SERVER_IXN_GUID, its IRFs (and IRF_USER_DATA_KEYS), MSFs and\n" +
        "CHAT_SESSION_FACT; the dimensions they join (TECHNICAL_DESCRIPTOR pre-populated, RESOURCE_, MEDIA_TYPE,\n" +
        "INTERACTION_TYPE, DATE_TIME, ...); a CTL_TRANSFORM_HISTORY row. Refuses a database where GIM's own\n" +
        "jobs have run. Reports that run on it: sql/reports/. Then:\n" +
        "  gim-conformance run --sut postgres --db URL --manifest FILE\n" +
        "\nWith --volume N: N synthetic chats (every documented flow and some compositions of them, as event\n" +
        "logs classified by the reference classifier), spread over --days from --from, loaded with COPY in one\n" +
        "transaction with a progress bar on stderr; no manifest. For census and drift: docs/census.md.",
    )
    .action(async (flags: SeedFlags) => {
      const { databaseTarget } = await import("../../gimdb/database-target");
      const { readExampleLogs } = await import("../../gimdb/example-logs");
      const { seedDatabase } = await import("../../gimdb/seed");
      const { formatManifest } = await import("../../sut/lab-manifest-format");
      const { existsError, writeNewFile } = await import("../../output/output-path");
      const cwd = process.cwd();
      const target = databaseTarget(flags.db, "--db");
      if (flags.volume !== undefined) {
        // Loaded here: the volume generator and COPY are paid for only by --volume.
        const { seedVolumeCommand } = await import("../../volume/seed-volume-command");
        await seedVolumeCommand(target, flags, context);
        return;
      }
      if (flags.manifest === undefined)
        throw new InputError(
          "--manifest",
          undefined,
          undefined,
          "required when seeding the examples (without --volume)",
        );
      const examplesDir = path.resolve(cwd, flags.examples ?? path.join(PACKAGE_ROOT, "examples"));
      const manifest = path.resolve(cwd, flags.manifest);
      // Refused before the database is touched: a tester's filled-in manifest is not seed-db's to replace.
      if (flags.force !== true && existsSync(manifest)) throw existsError(manifest, "--manifest");
      const examples = await readExampleLogs(examplesDir);
      const seeded = await seedDatabase(target, examples);
      writeNewFile(
        manifest,
        formatManifest(
          seeded.map((s) => ({
            id: s.id,
            guid: s.guid,
            notes:
              `seeded by gim-conformance seed-db from ${path.relative(path.dirname(examplesDir), s.file)}` +
              (s.of === undefined ? "" : ` (an interaction created by @id:${s.of}'s chat)`),
          })),
          [`gim-conformance lab manifest of the interactions seed-db loaded into ${target.label}.`],
        ),
        "--manifest",
        flags.force === true,
      );
      for (const s of seeded) {
        const of = s.of === undefined ? "" : `; created by @id:${s.of}'s interaction`;
        context.stdout.write(`@id:${s.id} -> ${s.guid} (${s.irfs} IRFs, ${s.msfs} MSFs${of})\n`);
      }
      const ownCount = seeded.filter((s) => s.of === undefined).length;
      const irfs = seeded.reduce((n, s) => n + s.irfs, 0);
      context.stdout.write(
        `Seeded ${ownCount} examples (${seeded.length} interactions, ${irfs} IRFs) into ${target.label}; manifest: ${path.relative(cwd, manifest) || manifest}\n`,
      );
    });
}
