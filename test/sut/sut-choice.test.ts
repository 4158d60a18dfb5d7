/**
 * `run --sut` to a system under test (src/sut/create-sut.ts), in process and without a database:
 * each kind gets the options it reads, an empty option counts as missing, the database URL comes
 * from --db before GIM_DATABASE_URL (and messages name the one used), and each missing option or
 * unknown kind is one line naming the option.
 */
import { afterEach, beforeEach, describe, test } from "node:test";
import { expect } from "chai";
import { BUNDLED_GIM_CONFIG } from "../../src/gimconfig/gim-config";
import { createSut } from "../../src/sut/create-sut";
import type { ExportSut } from "../../src/sut/export-sut";
import type { PostgresSut } from "../../src/sut/postgres-sut";
import type { ReferenceSut } from "../../src/sut/reference-sut";
import type { SutOptions } from "../../src/sut/system-under-test";
import { rejection } from "../support/rejection";

/** The one-line message createSut refuses `options` with, and the option it names. */
function refused(options: SutOptions): [string | undefined, string] {
  const e = rejection(() => createSut(options));
  return [e.file, e.message];
}

describe("--sut reference", () => {
  test("follows the run's GIM configuration, or the classifier's defaults without one", () => {
    const sut = createSut({ sut: "reference", gimConfig: BUNDLED_GIM_CONFIG }) as ReferenceSut;
    expect(sut.kind).to.equal("reference");
    expect(sut.config).to.equal(BUNDLED_GIM_CONFIG);
    expect((createSut({ sut: "reference" }) as ReferenceSut).config).to.equal(undefined);
  });
});

describe("--sut export", () => {
  test("reads the IRF export, the manifest and the MSF export it is given", () => {
    const sut = createSut({
      sut: "export",
      exportFile: "irf.csv",
      manifest: "lab.yaml",
      msfExportFile: "msf.csv",
    }) as ExportSut;
    expect([sut.kind, sut.exportFile, sut.manifestFile, sut.msfExportFile]).to.deep.equal([
      "export",
      "irf.csv",
      "lab.yaml",
      "msf.csv",
    ]);
  });

  test("an MSF export given as empty text is no MSF export, as when it is left out", () => {
    for (const msfExportFile of ["", undefined]) {
      const sut = createSut({ sut: "export", exportFile: "irf.csv", manifest: "lab.yaml", msfExportFile });
      expect((sut as ExportSut).msfExportFile, JSON.stringify(msfExportFile)).to.equal(undefined);
    }
  });

  test("without --export or --manifest (left out or empty): one line naming the option", () => {
    for (const exportFile of [undefined, ""]) {
      expect(refused({ sut: "export", exportFile, manifest: "lab.yaml" })).to.deep.equal([
        "--export",
        "--export: --sut export reads IRF rows from --export FILE (CSV or JSON Lines)",
      ]);
    }
    for (const manifest of [undefined, ""]) {
      expect(refused({ sut: "export", exportFile: "irf.csv", manifest })).to.deep.equal([
        "--manifest",
        "--manifest: --sut export needs --manifest FILE mapping each scenario @id to its GUID",
      ]);
    }
  });
});

describe("--sut postgres", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.GIM_DATABASE_URL;
    delete process.env.GIM_DATABASE_URL;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.GIM_DATABASE_URL;
    else process.env.GIM_DATABASE_URL = saved;
  });

  const DB = "postgres://tester@db.example:5433/gim";
  const ENV = "postgres://reader@env.example:5432/info_mart";

  test("--db is used, before GIM_DATABASE_URL", () => {
    process.env.GIM_DATABASE_URL = ENV;
    const sut = createSut({ sut: "postgres", db: DB, manifest: "lab.yaml" }) as PostgresSut;
    expect([sut.kind, sut.target.url, sut.target.label, sut.manifestFile]).to.deep.equal([
      "postgres",
      DB,
      "db.example:5433/gim",
      "lab.yaml",
    ]);
  });

  test("without --db (left out or empty), GIM_DATABASE_URL is used", () => {
    process.env.GIM_DATABASE_URL = ENV;
    for (const db of [undefined, ""]) {
      const sut = createSut({ sut: "postgres", db, manifest: "lab.yaml" }) as PostgresSut;
      expect(sut.target.label, JSON.stringify(db)).to.equal("env.example:5432/info_mart");
    }
  });

  test("a URL that is no PostgreSQL URL is refused naming where it came from", () => {
    expect(refused({ sut: "postgres", db: "secret-pasted-here", manifest: "lab.yaml" })[0]).to.equal("--db");
    process.env.GIM_DATABASE_URL = "secret-pasted-here";
    expect(refused({ sut: "postgres", manifest: "lab.yaml" })[0]).to.equal("GIM_DATABASE_URL");
  });

  test("no URL at all (or an empty GIM_DATABASE_URL): one line naming --db", () => {
    const message = "--db: --sut postgres needs --db URL (or GIM_DATABASE_URL) of the Info Mart";
    expect(refused({ sut: "postgres", manifest: "lab.yaml" })).to.deep.equal(["--db", message]);
    process.env.GIM_DATABASE_URL = "";
    expect(refused({ sut: "postgres", db: "", manifest: "lab.yaml" })).to.deep.equal(["--db", message]);
  });

  test("without --manifest (left out or empty): one line naming it", () => {
    for (const manifest of [undefined, ""]) {
      expect(refused({ sut: "postgres", db: DB, manifest })).to.deep.equal([
        "--manifest",
        "--manifest: --sut postgres needs --manifest FILE mapping each scenario @id to its GUID",
      ]);
    }
  });
});

describe("--sut with another name", () => {
  test("is refused, listing the kinds there are", () => {
    expect(refused({ sut: "oracle" as SutOptions["sut"] })).to.deep.equal([
      "--sut",
      '--sut: unknown system under test "oracle"; expected one of reference, export, postgres',
    ]);
  });
});
