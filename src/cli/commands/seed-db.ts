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
import { databaseTarget } from "../../gimdb/database-target";
import { readExampleLogs } from "../../gimdb/example-logs";
import { seedDatabase } from "../../gimdb/seed";
import { existsError, writeNewFile } from "../../output/output-path";
import { formatManifest } from "../../sut/lab-manifest-format";
import type { CliContext } from "../context";
import { PACKAGE_ROOT } from "../package-info";

interface SeedFlags {
  db: string;
  manifest: string;
  examples?: string;
  force?: boolean;
}

export function registerSeedDb(program: Command, context: CliContext): void {
  program
    .command("seed-db")
    .description(
      "load every example flow's reference IRFs into a GIM-shaped PostgreSQL database and write its manifest",
    )
    .requiredOption("--db <url>", "PostgreSQL URL of a database made for seeding (never printed)")
    .requiredOption("--manifest <file>", "where to write the manifest of the seeded interactions")
    .option("--force", "overwrite the --manifest file when it exists (a filled-in lab manifest is lost)")
    .option("--examples <dir>", "folder of example event logs, <@id>.jsonl (default: the bundled examples/)")
    .addHelpText(
      "after",
      "\nWrites: the tables of sql/schema/postgresql.sql when absent; per interaction of each example an\n" +
        "INTERACTION_FACT with a fresh MEDIA_SERVER_IXN_GUID, its IRFs (and IRF_USER_DATA_KEYS), MSFs and\n" +
        "CHAT_SESSION_FACT; the dimensions they join (TECHNICAL_DESCRIPTOR pre-populated, RESOURCE_, MEDIA_TYPE,\n" +
        "INTERACTION_TYPE, DATE_TIME, ...); a CTL_TRANSFORM_HISTORY row. Refuses a database where GIM's own\n" +
        "jobs have run. Reports that run on it: sql/reports/. Then:\n" +
        "  gim-conformance run --sut postgres --db URL --manifest FILE",
    )
    .action(async (flags: SeedFlags) => {
      const cwd = process.cwd();
      const target = databaseTarget(flags.db, "--db");
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
