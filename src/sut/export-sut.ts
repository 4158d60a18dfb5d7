/**
 * `--sut export --export FILE --manifest FILE [--msf-export FILE]`: the IRF rows an Info Mart
 * wrote, as exported by sql/irf-descriptors.sql (or any export with GIM's column names), and
 * optionally its MSFs as exported by sql/msf-descriptors.sql. The manifest names each scenario's
 * interaction GUID; the files are read once, on first use, keeping only those GUIDs. Without an
 * MSF export the MSF tables are reported as not checked, never passed.
 */
import type { IrfRow } from "../domain/irf";
import { loadVocabulary, vocabularyFile } from "../domain/vocabulary-file";
import { type ExportFormat, readExport } from "./export-file";
import { IRF_EXPORT } from "./gim-irf-columns";
import { irfsByGuid } from "./gim-irf-rows";
import { MSF_EXPORT } from "./gim-msf-columns";
import { msfRowsByGuid } from "./gim-msf-rows";
import { LabManifest } from "./lab-manifest";
import { type MsfSource, manifestAnswer } from "./manifest-answer";
import type { ScenarioRef, SutAnswer, SutDescription, SystemUnderTest } from "./system-under-test";

interface Loaded {
  manifest: LabManifest;
  format: ExportFormat;
  rowCount: number;
  rowsByGuid: Map<string, IrfRow[]>;
  msfs: MsfSource;
  msfRowCount: number | undefined;
}

export class ExportSut implements SystemUnderTest {
  readonly kind = "export" as const;
  private loaded: Promise<Loaded> | undefined;

  constructor(
    readonly exportFile: string,
    readonly manifestFile: string,
    readonly msfExportFile?: string,
  ) {}

  /** Reads the manifest and the exports (once); bad content rejects with an InputError. */
  load(): Promise<Loaded> {
    this.loaded ??= (async () => {
      const manifest = LabManifest.read(this.manifestFile);
      const vocabulary = loadVocabulary(vocabularyFile());
      const wanted = manifest.guids();
      const { format, records, rowCount } = await readExport(IRF_EXPORT, this.exportFile, wanted);
      const irfs = irfsByGuid(records, this.exportFile, undefined, vocabulary);
      const rowsByGuid = new Map([...irfs].map(([guid, i]) => [guid, i.rows]));
      if (this.msfExportFile === undefined) {
        const msfs = {
          notChecked: "no MSF export given (--msf-export FILE, made with sql/msf-descriptors.sql)",
        };
        return { manifest, format, rowCount, rowsByGuid, msfs, msfRowCount: undefined };
      }
      const msf = await readExport(MSF_EXPORT, this.msfExportFile, wanted);
      const byGuid = msfRowsByGuid(msf.records, this.msfExportFile, irfs, undefined, vocabulary);
      return { manifest, format, rowCount, rowsByGuid, msfs: { byGuid }, msfRowCount: msf.rowCount };
    })();
    return this.loaded;
  }

  async describe(): Promise<SutDescription> {
    const { format, rowCount, rowsByGuid, msfRowCount } = await this.load();
    const msfs =
      this.msfExportFile === undefined ? "" : `; MSF export ${this.msfExportFile} (${msfRowCount} rows)`;
    return {
      kind: this.kind,
      name: `IRF export ${this.exportFile} (${format.toUpperCase()}, ${rowCount} rows)${msfs}`,
      details: {
        export: this.exportFile,
        format,
        manifest: this.manifestFile,
        interactionsFound: String(rowsByGuid.size),
        msfExport: this.msfExportFile ?? "none (MSFs not checked)",
      },
    };
  }

  async irfsFor(scenario: ScenarioRef): Promise<SutAnswer> {
    const { manifest, rowsByGuid, msfs } = await this.load();
    return manifestAnswer(manifest, scenario.id, rowsByGuid, msfs);
  }

  async close(): Promise<void> {}
}
