/**
 * `--sut postgres --db URL --manifest FILE` (or GIM_DATABASE_URL): the IRF rows a live Info Mart
 * on PostgreSQL holds for the manifest's interactions. It never writes: one read-only transaction
 * runs sql/irf-descriptors.sql for all the manifest's GUIDs at once, on first use, and the rows
 * are kept for the run. Rows are mapped exactly as the export back end maps a file.
 */
import type { IrfRow } from "../domain/irf";
import { type DatabaseTarget, databaseTarget } from "../gimdb/database-target";
import { readGimVersion } from "../gimdb/gim-version";
import { irfQueryForGuids } from "../gimdb/irf-query";
import type { Timeouts } from "../gimdb/pg-failure";
import { DEFAULT_TIMEOUTS, type Queryable, ReadOnlySession } from "../gimdb/read-only-session";
import { EXPORT_COLUMNS, exportColumnOf, type GimIrfRecord, type SourcedRecord } from "./gim-irf-columns";
import { irfRowsByGuid } from "./gim-irf-rows";
import { LabManifest } from "./lab-manifest";
import { manifestAnswer } from "./manifest-answer";
import type { ScenarioRef, SutAnswer, SutDescription, SystemUnderTest } from "./system-under-test";

interface Loaded {
  manifest: LabManifest;
  gimVersion: string | undefined;
  rowsByGuid: Map<string, IrfRow[]>;
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
      const guids = [...manifest.guids()];
      return this.inReadOnlyTransaction(async (db) => {
        const gimVersion = await readGimVersion(db);
        const result = await db.query<Record<string, unknown>>({ text: irfQueryForGuids(), values: [guids] });
        const records = result.rows.map(toRecord);
        return {
          manifest,
          gimVersion,
          rowsByGuid: irfRowsByGuid(records, `PostgreSQL Info Mart at ${this.target.label}`),
        };
      });
    })();
    return this.loaded;
  }

  async describe(): Promise<SutDescription> {
    const { gimVersion, rowsByGuid, manifest } = await this.load();
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
      },
    };
  }

  async irfsFor(scenario: ScenarioRef): Promise<SutAnswer> {
    const { manifest, rowsByGuid } = await this.load();
    return manifestAnswer(manifest, scenario.id, rowsByGuid);
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

/** A result row (PostgreSQL folds the query's names to lower case) as an export record. */
function toRecord(row: Record<string, unknown>): SourcedRecord {
  const values = Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, null])) as GimIrfRecord;
  for (const [key, value] of Object.entries(row)) {
    const column = exportColumnOf(key);
    if (column !== undefined) values[column] = value === null || value === undefined ? null : String(value);
  }
  return { values, line: undefined };
}
