/**
 * `--sut postgres --db URL --manifest FILE` (or GIM_DATABASE_URL): the IRF rows and MSFs a live
 * Info Mart on PostgreSQL holds for the manifest's interactions. It never writes: one read-only
 * transaction runs sql/irf-descriptors.sql and sql/msf-descriptors.sql for all the manifest's
 * GUIDs at once, on first use, and the rows are kept for the run. Rows are mapped exactly as the
 * export back end maps its files. A database without MEDIATION_SEGMENT_FACT (or whose user may
 * not read it) still answers IRFs; its MSF tables are reported as not checked.
 */
import type { IrfRow } from "../domain/irf";
import { loadVocabulary, vocabularyFile } from "../domain/vocabulary-file";
import { type DatabaseTarget, databaseTarget } from "../gimdb/database-target";
import { readGimVersion } from "../gimdb/gim-version";
import { irfQueryForGuids } from "../gimdb/irf-query";
import { msfQueryForGuids, msfTableReadable } from "../gimdb/msf-query";
import type { Timeouts } from "../gimdb/pg-failure";
import { DEFAULT_TIMEOUTS, type Queryable, ReadOnlySession } from "../gimdb/read-only-session";
import { printable } from "../report/text-escape";
import { recordOfRow } from "./export-spec";
import { IRF_EXPORT } from "./gim-irf-columns";
import { irfsByGuid } from "./gim-irf-rows";
import { MSF_EXPORT } from "./gim-msf-columns";
import { msfRowsByGuid } from "./gim-msf-rows";
import { LabManifest } from "./lab-manifest";
import { type MsfSource, manifestAnswer } from "./manifest-answer";
import type { ScenarioRef, SutAnswer, SutDescription, SystemUnderTest } from "./system-under-test";

interface Loaded {
  manifest: LabManifest;
  gimVersion: string | undefined;
  rowsByGuid: Map<string, IrfRow[]>;
  msfs: MsfSource;
}

export interface PostgresSutOptions {
  url: string;
  manifestFile: string;
  /** Where the URL came from, for messages: "--db" or "GIM_DATABASE_URL". */
  urlOption?: string;
  timeouts?: Timeouts;
}

export class PostgresSut implements SystemUnderTest {
  readonly kind = "postgres" as const;
  readonly target: DatabaseTarget;
  readonly manifestFile: string;
  private readonly session: ReadOnlySession;
  private loaded: Promise<Loaded> | undefined;

  constructor(options: PostgresSutOptions) {
    this.target = databaseTarget(options.url, options.urlOption ?? "--db");
    this.manifestFile = options.manifestFile;
    this.session = new ReadOnlySession(this.target, options.timeouts ?? DEFAULT_TIMEOUTS);
  }

  /**
   * Runs `work` inside the adapter's own read-only transaction. Exposed so a test can prove the
   * server refuses a write there; the adapter's reads go through it too.
   */
  inReadOnlyTransaction<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
    return this.session.inReadOnlyTransaction(work);
  }

  /** Reads the manifest, then the version and every manifest interaction's rows, once. */
  load(): Promise<Loaded> {
    this.loaded ??= (async () => {
      const manifest = LabManifest.read(this.manifestFile);
      const vocabulary = loadVocabulary(vocabularyFile());
      const guids = [...manifest.guids()];
      const source = `PostgreSQL Info Mart at ${this.target.label}`;
      const read = await this.inReadOnlyTransaction(async (db) => {
        const gimVersion = await readGimVersion(db);
        const irfResult = await db.query<Record<string, unknown>>({
          text: irfQueryForGuids(),
          values: [guids],
        });
        const msfTable = await msfTableReadable(db);
        const msfResult =
          msfTable === "readable"
            ? await db.query<Record<string, unknown>>({ text: msfQueryForGuids(), values: [guids] })
            : undefined;
        return { gimVersion, irfRows: irfResult.rows, msfRows: msfResult?.rows, msfTable };
      });
      // Mapped after the transaction: a row the harness rejects is bad input (exit 2), not a database failure.
      const irfs = irfsByGuid(
        read.irfRows.map((row) => recordOfRow(IRF_EXPORT, row)),
        source,
        undefined,
        vocabulary,
      );
      const msfs: MsfSource =
        read.msfRows === undefined
          ? {
              notChecked:
                read.msfTable === "absent"
                  ? `the Info Mart at ${this.target.label} has no MEDIATION_SEGMENT_FACT table`
                  : `user ${this.target.user} may not read MEDIATION_SEGMENT_FACT at ${this.target.label}`,
            }
          : {
              byGuid: msfRowsByGuid(
                read.msfRows.map((row) => recordOfRow(MSF_EXPORT, row)),
                source,
                irfs,
                undefined,
                vocabulary,
              ),
            };
      return {
        manifest,
        gimVersion: read.gimVersion,
        rowsByGuid: new Map([...irfs].map(([guid, i]) => [guid, i.rows])),
        msfs,
      };
    })();
    return this.loaded;
  }

  async describe(): Promise<SutDescription> {
    const { gimVersion: recorded, rowsByGuid, manifest, msfs } = await this.load();
    // JOB_VERSION is the database's text: shown everywhere, so escaped once here.
    const gimVersion = recorded === undefined ? undefined : printable(recorded);
    return {
      kind: this.kind,
      name: `PostgreSQL Info Mart at ${this.target.label} (${versionText(gimVersion)})`,
      ...(gimVersion === undefined ? {} : { gimVersion }),
      details: {
        database: this.target.label,
        user: this.target.user,
        gimVersion: gimVersion ?? "unknown",
        manifest: this.manifestFile,
        interactionsFound: `${rowsByGuid.size} of ${manifest.guids().size}`,
        msfs: "notChecked" in msfs ? `not checked: ${msfs.notChecked}` : "MEDIATION_SEGMENT_FACT",
      },
    };
  }

  async irfsFor(scenario: ScenarioRef): Promise<SutAnswer> {
    const { manifest, rowsByGuid, msfs } = await this.load();
    return manifestAnswer(manifest, scenario.id, rowsByGuid, msfs);
  }

  async close(): Promise<void> {
    await this.session.close();
  }
}

/** GIM releases are numbers (8.5.116.12); anything else (a seeded database) names its writer. */
function versionText(version: string | undefined): string {
  if (version === undefined) return "GIM version unknown";
  return /^\d/.test(version) ? `GIM ${version}` : `written by ${version}`;
}
