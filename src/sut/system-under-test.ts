/**
 * The system-under-test seam: whatever produces IRF rows for a scenario. The features and steps
 * never change with the choice; only this seam does. Version 1 of a small, documented contract
 * (like Bowtie's harness protocol), so a team can plug in its own back end.
 */
import type { IrfRow } from "../domain/irf";
import type { MsfRow } from "../domain/msf";
import type { ChatEvent } from "../eventlog/events";
import type { GimConfig } from "../gimconfig/gim-config";

export const SUT_KINDS = ["reference", "export", "postgres"] as const;
export type SutKind = (typeof SUT_KINDS)[number];

/** What a scenario tells the system under test. */
export interface ScenarioRef {
  /** The scenario's stable `@id` (without the `@id:` prefix). */
  id: string;
  /** The scenario's name, for messages. */
  name: string;
  /** The interaction id the scenario's event log uses. */
  interaction: string;
  /** The event log the scenario's steps describe. */
  events: readonly ChatEvent[];
}

export type SutAnswer =
  /** The rows the system under test recorded for the scenario's interaction, in IRF order. */
  | {
      kind: "rows";
      rows: IrfRow[];
      /** The interaction's MSFs in MSF order; undefined when this back end has no MSF data (never "none"). */
      msfs?: MsfRow[];
      /** When `msfs` is undefined: why (e.g. "no --msf-export FILE given"), for the not-checked message. */
      msfsNotChecked?: string;
    }
  /** The scenario cannot be checked here (e.g. no manifest entry): reported as skipped, never passed. */
  | { kind: "not-run"; reason: string };

export interface SutDescription {
  kind: SutKind;
  /** One line naming the system, e.g. "reference classifier 0.1.0" or "PostgreSQL Info Mart at db:5432/gim". */
  name: string;
  /** GIM release, when it can be read. */
  gimVersion?: string;
  /** Extra facts for the report environment; never a secret. */
  details: Record<string, string>;
}

export interface SystemUnderTest {
  readonly kind: SutKind;
  describe(): Promise<SutDescription>;
  irfsFor(scenario: ScenarioRef): Promise<SutAnswer>;
  close(): Promise<void>;
}

/**
 * The choice of system under test, as plain JSON so that it travels through cucumber's
 * world parameters from the CLI to the steps.
 */
export interface SutOptions {
  sut: SutKind;
  /** `--export FILE`: CSV or JSON Lines export of IRF rows. */
  exportFile?: string;
  /** `--msf-export FILE`: CSV or JSON Lines export of MSF rows (sql/msf-descriptors.sql); optional. */
  msfExportFile?: string;
  /** `--manifest FILE`: scenario @id -> production interaction id. */
  manifest?: string;
  /** `--db URL` or GIM_DATABASE_URL. */
  db?: string;
  /** The configuration the Info Mart under test ran with (`--gim-config`); the reference follows it. */
  gimConfig?: GimConfig;
}
