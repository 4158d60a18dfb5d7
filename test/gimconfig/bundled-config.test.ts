/**
 * loadGimConfig answers the harness's own gim-config.yaml from a constant (so that `classify`
 * needs no YAML parser): the constant must say what the file says.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { expect } from "chai";
import { BUNDLED_GIM_CONFIG } from "../../src/gimconfig/gim-config";
import {
  BUNDLED_GIM_CONFIG_FILE,
  BUNDLED_GIM_CONFIG_SHA256,
  isBundledGimConfigText,
  loadGimConfig,
  parseGimConfig,
} from "../../src/gimconfig/gim-config-file";

test("the bundled configuration constant is what gim-config.yaml parses to", () => {
  const parsed = parseGimConfig(BUNDLED_GIM_CONFIG_FILE);
  expect(parsed.config).to.deep.equal(BUNDLED_GIM_CONFIG);
  expect(loadGimConfig(BUNDLED_GIM_CONFIG_FILE)).to.deep.equal(parsed);
});

test("a loaded bundled configuration is a copy: changing it changes no later load", () => {
  const first = loadGimConfig(BUNDLED_GIM_CONFIG_FILE);
  (first.config.stopIxnQueues as string[]).push("Other_Queue");
  expect(loadGimConfig(BUNDLED_GIM_CONFIG_FILE).config.stopIxnQueues).to.deep.equal(["Chat_Stop"]);
});

test("the bundled file's recorded hash is the file's: only its exact text is answered from the constant", () => {
  const text = readFileSync(BUNDLED_GIM_CONFIG_FILE);
  expect(createHash("sha256").update(text).digest("hex")).to.equal(BUNDLED_GIM_CONFIG_SHA256);
});

test("only the bundled file's exact text is answered from the constant: an edited copy is parsed", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "gim-bundled-config-"));
  try {
    const copy = path.join(scratch, "gim-config.yaml");
    copyFileSync(BUNDLED_GIM_CONFIG_FILE, copy);
    expect(isBundledGimConfigText(copy)).to.equal(true);
    const text = readFileSync(copy, "utf8");
    writeFileSync(
      copy,
      text.replace("stop-abandoned-interaction: noanswer", "stop-abandoned-interaction: always"),
    );
    expect(isBundledGimConfigText(copy)).to.equal(false);
    writeFileSync(copy, text.replace(/\n/g, "\r\n"));
    expect(isBundledGimConfigText(copy)).to.equal(false);
    expect(isBundledGimConfigText(path.join(scratch, "missing.yaml"))).to.equal(false);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test("the bundled file named relatively from its own folder is the bundled file", () => {
  const relative = path.relative(process.cwd(), BUNDLED_GIM_CONFIG_FILE);
  expect(loadGimConfig(relative).config).to.deep.equal(BUNDLED_GIM_CONFIG);
});
