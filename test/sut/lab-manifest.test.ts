/**
 * The lab manifest: what it accepts (YAML and JSON), what each scenario is answered with, and a
 * rejection naming the line for every malformed, duplicated or unknown thing in it.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import type { IrfRow } from "../../src/domain/irf";
import { InputError } from "../../src/errors";
import { LabManifest } from "../../src/sut/lab-manifest";
import { formatManifest } from "../../src/sut/lab-manifest-format";
import { manifestAnswer } from "../../src/sut/manifest-answer";

const YAML_MANIFEST = `version: 1
scenarios:
  chat-transfer-accepted:
    guid: "0001KaB8T1S3000A"
    notes: lab run 2026-03-02
  chat-invitation-revoked:
    guid: ""
`;

function rejection(text: string, file = "lab.yaml"): InputError {
  try {
    LabManifest.parse(text, file);
  } catch (error) {
    expect(error).to.be.instanceOf(InputError);
    return error as InputError;
  }
  throw new Error("the manifest was accepted");
}

function row(resource: string, irf = 1): IrfRow {
  return {
    interaction: "0001KaB8T1S3000A",
    irf,
    resource,
    resourceType: "Agent",
    role: "RoutedTo",
    result: "Completed",
    reason: "Unspecified",
    roleReason: "Unspecified",
    start: "2026-03-02T09:00:05.000Z",
    end: "2026-03-02T09:04:40.000Z",
    alertingMs: 0,
    handlingMs: 0,
    mediationMs: 0,
    receivedFrom: null,
  };
}

describe("lab manifest: reading", () => {
  test("YAML: each scenario @id maps to its GUID and notes", () => {
    const manifest = LabManifest.parse(YAML_MANIFEST, "lab.yaml");
    const found = manifest.lookup("chat-transfer-accepted");
    expect(found.kind).to.equal("entry");
    if (found.kind === "entry") {
      expect(found.entry).to.include({ guid: "0001KaB8T1S3000A", notes: "lab run 2026-03-02", line: 3 });
    }
    expect([...manifest.guids()]).to.deep.equal(["0001KaB8T1S3000A"]);
  });

  test("JSON is read too (JSON is YAML 1.2)", () => {
    const manifest = LabManifest.parse(
      JSON.stringify({ version: 1, scenarios: { "chat-transfer-accepted": { guid: "G1" } } }),
      "lab.json",
    );
    expect(manifest.lookup("chat-transfer-accepted").kind).to.equal("entry");
  });

  test("a scenario without an entry is not run, and the reason names the @id and the file", () => {
    const manifest = LabManifest.parse(YAML_MANIFEST, "lab.yaml");
    expect(manifest.lookup("chat-abandoned-in-queue")).to.deep.equal({
      kind: "not-run",
      reason: "no manifest entry for @id:chat-abandoned-in-queue in lab.yaml",
    });
  });

  test("an entry whose guid is not filled in yet is not run either", () => {
    const found = LabManifest.parse(YAML_MANIFEST, "lab.yaml").lookup("chat-invitation-revoked");
    expect(found.kind).to.equal("not-run");
    if (found.kind === "not-run")
      expect(found.reason).to.contain("lab.yaml:6").and.contain("has no guid yet");
  });

  test("the template lab-kit writes reads back, every scenario not run", () => {
    const text = formatManifest(
      [
        { id: "chat-routed-agent-replies", guid: "", notes: "", comment: ["Flow 1"] },
        { id: "chat-transfer-accepted", guid: "", notes: "" },
      ],
      ["header"],
    );
    const manifest = LabManifest.parse(text, "manifest-template.yaml");
    expect(manifest.list().map((e) => e.id)).to.deep.equal([
      "chat-routed-agent-replies",
      "chat-transfer-accepted",
    ]);
    expect(manifest.guids().size).to.equal(0);
    expect(manifest.lookup("chat-transfer-accepted").kind).to.equal("not-run");
  });

  test("resources: rows come back under the features' names, the entry's map over the file's", () => {
    const manifest = LabManifest.parse(
      `version: 1
resources: { Agent1: jsmith, Agent2: mlee }
scenarios:
  chat-transfer-accepted:
    guid: G1
    resources: { Agent2: pkhan }
`,
      "lab.yaml",
    );
    const answer = manifestAnswer(
      manifest,
      "chat-transfer-accepted",
      new Map([["G1", [row("jsmith"), row("pkhan", 2)]]]),
    );
    expect(answer.kind === "rows" && answer.rows.map((r) => r.resource)).to.deep.equal(["Agent1", "Agent2"]);
  });

  test("a GUID the Info Mart does not hold answers with no rows, so every expected IRF is reported missing", () => {
    const manifest = LabManifest.parse(YAML_MANIFEST, "lab.yaml");
    expect(manifestAnswer(manifest, "chat-transfer-accepted", new Map())).to.deep.equal({
      kind: "rows",
      rows: [],
      msfsNotChecked: "this back end reads no mediation segments",
    });
    // With MSF data, an interaction it holds no segments for answers [] (GIM recorded none), not undefined.
    expect(
      manifestAnswer(manifest, "chat-transfer-accepted", new Map(), { byGuid: new Map() }),
    ).to.deep.equal({ kind: "rows", rows: [], msfs: [] });
  });
});

describe("lab manifest: rejections name the file and line", () => {
  test("malformed YAML", () => {
    const e = rejection("version: 1\nscenarios:\n  chat-a:\n    guid: [unclosed\n");
    expect(e.file).to.equal("lab.yaml");
    expect(e.line).to.be.a("number");
  });

  test("a duplicated scenario", () => {
    const e = rejection('version: 1\nscenarios:\n  chat-a:\n    guid: "G1"\n  chat-a:\n    guid: "G2"\n');
    expect(e.line).to.equal(5);
    expect(e.message).to.contain("duplicated key");
  });

  test("the same GUID given to two scenarios", () => {
    const e = rejection('version: 1\nscenarios:\n  chat-a:\n    guid: "G1"\n  chat-b:\n    guid: "G1"\n');
    expect(e.line).to.equal(5);
    expect(e.field).to.equal("guid");
    expect(e.message).to.contain("@id:chat-a");
  });

  test("an unknown field in an entry", () => {
    const e = rejection('version: 1\nscenarios:\n  chat-a:\n    guid: "G1"\n    giud: "G2"\n');
    expect(e.line).to.equal(5);
    expect(e.field).to.equal("scenarios.chat-a.giud");
    expect(e.message).to.contain('unknown field "giud"').and.contain("guid, notes, resources");
  });

  test("an unknown top-level field", () => {
    const e = rejection("version: 1\nscenario: {}\nscenarios: {}\n");
    expect(e.line).to.equal(2);
    expect(e.field).to.equal("scenario");
  });

  test("a key that is not a scenario @id", () => {
    const e = rejection('version: 1\nscenarios:\n  "@id:chat-a":\n    guid: "G1"\n');
    expect(e.line).to.equal(3);
    expect(e.message).to.contain("is not a scenario @id");
  });

  test("a GUID with spaces", () => {
    const e = rejection('version: 1\nscenarios:\n  chat-a:\n    guid: "G1 G2"\n');
    expect(e.line).to.equal(4);
    expect(e.field).to.equal("scenarios.chat-a.guid");
  });

  test("a wrong version", () => {
    const e = rejection("version: 2\nscenarios: {}\n");
    expect(e.line).to.equal(1);
    expect(e.field).to.equal("version");
  });

  test("an empty file", () => {
    expect(rejection("").message).to.contain("empty");
  });

  test("a missing file", () => {
    expect(() => LabManifest.read("/nonexistent/lab.yaml")).to.throw(InputError, "manifest file not found");
  });
});
