/** Builds the system under test that `run --sut` names. */
import { InputError } from "../errors";
import { ExportSut } from "./export-sut";
import { PostgresSut } from "./postgres-sut";
import { ReferenceSut } from "./reference-sut";
import { SUT_KINDS, type SutOptions, type SystemUnderTest } from "./system-under-test";

export function createSut(options: SutOptions): SystemUnderTest {
  switch (options.sut) {
    case "reference":
      return new ReferenceSut(options.gimConfig);
    case "export":
      return new ExportSut(
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
      return new PostgresSut({
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
