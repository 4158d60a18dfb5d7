/**
 * Builds the system under test that `run --sut` names. The back ends are loaded only for their
 * kind: the export and database ones bring the YAML parser, ajv and pg, which cost the default
 * run (the reference classifier) about 0.12 s of its start-up when loaded for nothing (issue 14).
 */
import { InputError } from "../errors";
import type { ExportSut } from "./export-sut";
import type { PostgresSut } from "./postgres-sut";
import { ReferenceSut } from "./reference-sut";
import { SUT_KINDS, type SutOptions, type SystemUnderTest } from "./system-under-test";

// A synchronous, on-demand load: createSut is called from steps that cannot await.
const exportSut = (): typeof ExportSut =>
  (require("./export-sut") as typeof import("./export-sut")).ExportSut;
const postgresSut = (): typeof PostgresSut =>
  (require("./postgres-sut") as typeof import("./postgres-sut")).PostgresSut;

export function createSut(options: SutOptions): SystemUnderTest {
  switch (options.sut) {
    case "reference":
      return new ReferenceSut(options.gimConfig);
    case "export":
      return new (exportSut())(
        required(
          options.exportFile,
          "--export",
          "--sut export reads IRF rows from --export FILE (CSV or JSON Lines)",
        ),
        required(
          options.manifest,
          "--manifest",
          "--sut export needs --manifest FILE mapping each scenario @id to its GUID",
        ),
        options.msfExportFile === "" ? undefined : options.msfExportFile,
      );
    case "postgres": {
      // Only a URL given on purpose: --db, or GIM_DATABASE_URL for teams that keep it in the environment.
      const fromEnv = options.db === undefined || options.db === "";
      const url = fromEnv ? process.env.GIM_DATABASE_URL : options.db;
      return new (postgresSut())({
        url: required(url, "--db", "--sut postgres needs --db URL (or GIM_DATABASE_URL) of the Info Mart"),
        urlOption: fromEnv ? "GIM_DATABASE_URL" : "--db",
        manifestFile: required(
          options.manifest,
          "--manifest",
          "--sut postgres needs --manifest FILE mapping each scenario @id to its GUID",
        ),
      });
    }
    default:
      throw new InputError(
        "--sut",
        undefined,
        undefined,
        `unknown system under test "${String(options.sut)}"; expected one of ${SUT_KINDS.join(", ")}`,
      );
  }
}

function required(value: string | undefined, option: string, problem: string): string {
  if (value === undefined || value === "") throw new InputError(option, undefined, undefined, problem);
  return value;
}
