/**
 * Issue 11, manifests: a key that is no scenario @id is rejected through `run` (it used to leave
 * its scenario "not run" and the run green), a large manifest loads (duplicate keys still found,
 * on the right line), and a "billion laughs" file is bad input naming the file.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { EXIT } from "../../src/errors";
import { closestName, editDistance, nearestName } from "../../src/nearest-name";
import { LabManifest } from "../../src/sut/lab-manifest";
import { rejection } from "../support/rejection";
import { runCli } from "../support/run-cli";

const dir = mkdtempSync(path.join(os.tmpdir(), "gim-manifest-hostile-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const BILLION_LAUGHS = [
  "version: 1",
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
  "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
  "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
  "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
  "scenarios: {}",
  "",
].join("\n");

describe("edit distance", () => {
  test("counts insertions, deletions and substitutions", () => {
    expect(editDistance("acepted", "accepted")).to.equal(1);
    expect(editDistance("kitten", "sitting")).to.equal(3);
    expect(editDistance("", "abc")).to.equal(3);
    expect(editDistance("same", "same")).to.equal(0);
  });

  test("the closest name wins; a far one is no suggestion for nearestName", () => {
    const ids = ["chat-transfer-accepted", "chat-transfer-rejected", "chat-routed-agent-replies"];
    expect(closestName("chat-transfer-acepted", ids)).to.equal("chat-transfer-accepted");
    expect(nearestName("Finished", ["Completed", "Redirected"])).to.equal(undefined);
    expect(nearestName("Complted", ["Completed", "Redirected"])).to.equal("Completed");
  });
});

describe("manifest keys must be scenario @ids", () => {
  const manifest = LabManifest.parse(
    'version: 1\nscenarios:\n  chat-transfer-accepted: { guid: "A1" }\n  chat-transfer-acepted:\n    guid: "A2"\n',
    "lab.yaml",
  );

  test("a typo is rejected naming the key, its line and the nearest @id", () => {
    const e = rejection(() =>
      manifest.checkIds(new Set(["chat-transfer-accepted", "chat-invitation-revoked"])),
    );
    expect(e.message).to.match(/^lab\.yaml:4: field "scenarios\.chat-transfer-acepted": /);
    expect(e.message).to.contain("nearest is @id:chat-transfer-accepted");
  });

  test("<@id>-invite, the internal invitation's own interaction, is accepted", () => {
    const invite = LabManifest.parse(
      'version: 1\nscenarios:\n  chat-conference-through-queue-invite: { guid: "B" }\n',
      "lab.yaml",
    );
    invite.checkIds(new Set(["chat-conference-through-queue"]));
    const e = rejection(() => invite.checkIds(new Set(["chat-transfer-accepted"])));
    expect(e.line).to.equal(3);
  });

  test("through run --sut export: exit 2 in one line, where it used to run and exit 0", async () => {
    const file = write(
      "typo.yaml",
      'version: 1\nscenarios:\n  chat-routed-agent-replies: { guid: "" }\n  chat-transfer-acepted: { guid: "X1" }\n',
    );
    const csv = write("empty.csv", "media_server_ixn_guid\n");
    const run = await runCli(["run", "--no-allure", "--sut", "export", "--export", csv, "--manifest", file]);
    expect(run.code, run.output).to.equal(EXIT.badInput);
    const lines = run.stderr.trim().split("\n");
    expect(lines.at(-1)).to.equal(
      `${file}:4: field "scenarios.chat-transfer-acepted": "chat-transfer-acepted" is not the @id of any scenario in the features run; the nearest is @id:chat-transfer-accepted`,
    );
  });
});

describe("large and hostile manifests", () => {
  test("20,000 entries load, and a duplicate at the end is named with its line", () => {
    const lines = ["version: 1", "scenarios:"];
    for (let i = 0; i < 20_000; i++) lines.push(`  s-${i}:`, `    guid: "G${i}"`);
    const loaded = LabManifest.parse(`${lines.join("\n")}\n`, "big.yaml");
    expect(loaded.list()).to.have.length(20_000);
    expect(loaded.list().at(-1)?.line).to.equal(2 + 2 * 20_000 - 1);
    lines.push("  s-7:", '    guid: "again"');
    const e = rejection(() => LabManifest.parse(`${lines.join("\n")}\n`, "big.yaml"));
    expect(e.message).to.match(/^big\.yaml:40003: duplicated key s-7: each key may appear once$/);
  });

  test("a duplicated key in a nested map is found too", () => {
    const e = rejection(() =>
      LabManifest.parse('version: 1\nscenarios:\n  a-b:\n    guid: "1"\n    guid: "2"\n', "n.yaml"),
    );
    expect(e.message).to.match(/^n\.yaml:5: duplicated key guid/);
  });

  test("a billion-laughs file is bad input naming the file, not an internal error", async () => {
    const e = rejection(() => LabManifest.parse(BILLION_LAUGHS, "laughs.yaml"));
    expect(e.message).to.match(/^laughs\.yaml: too many YAML aliases/);
    const file = write("laughs.yaml", BILLION_LAUGHS);
    const csv = write("empty2.csv", "media_server_ixn_guid\n");
    const run = await runCli(["run", "--no-allure", "--sut", "export", "--export", csv, "--manifest", file]);
    expect(run.code, run.output).to.equal(EXIT.badInput);
    expect(run.stderr).to.contain(`${file}: too many YAML aliases`);
    expect(run.stderr).not.to.contain("internal error");
  });
});
