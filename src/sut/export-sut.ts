/**
 * `--sut export --export FILE --manifest FILE`: the IRF rows an Info Mart wrote, as exported by
 * sql/irf-descriptors.sql (or any export with GIM's column names). The manifest names each
 * scenario's interaction GUID; the file is read once, on first use, keeping only those GUIDs.
 */
import type { IrfRow } from "../domain/irf";
import { type ExportFormat, readExportFile } from "./export-file";
import { irfRowsByGuid } from "./gim-irf-rows";
import { LabManifest } from "./lab-manifest";
import { manifestAnswer } from "./manifest-answer";
import type { ScenarioRef, SutAnswer, SutDescription, SystemUnderTest } from "./system-under-test";

interface Loaded {
  manifest: LabManifest;
  format: ExportFormat;
  rowCount: number;
  rowsByGuid: Map<string, IrfRow[]>;
}

export class ExportSut implements SystemUnderTest {
  readonly kind = "export" as const;
  private loaded: Promise<Loaded> | undefined;

  constructor(
    readonly exportFile: string,
    readonly manifestFile: string,
  ) {}

  /** Reads the manifest and the export (once); bad content rejects with an InputError. */
  load(): Promise<Loaded> {
    this.loaded ??= (async () => {
      const manifest = LabManifest.read(this.manifestFile);
      const { format, records, rowCount } = await readExportFile(this.exportFile, manifest.guids());
      return { manifest, format, rowCount, rowsByGuid: irfRowsByGuid(records, this.exportFile) };
    })();
    return this.loaded;
  }

  async describe(): Promise<SutDescription> {
    const { format, rowCount, rowsByGuid } = await this.load();
    return {
      kind: this.kind,
      name: `IRF export ${this.exportFile} (${format.toUpperCase()}, ${rowCount} rows)`,
      details: {
        export: this.exportFile,
        format,
        manifest: this.manifestFile,
        interactionsFound: String(rowsByGuid.size),
      },
    };
  }

  async irfsFor(scenario: ScenarioRef): Promise<SutAnswer> {
    const { manifest, rowsByGuid } = await this.load();
    return manifestAnswer(manifest, scenario.id, rowsByGuid);
  }

  async close(): Promise<void> {}
}
