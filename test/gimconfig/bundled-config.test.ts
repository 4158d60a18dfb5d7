/**
 * loadGimConfig answers the harness's own gim-config.yaml from a constant (so that `classify`
 * needs no YAML parser): the constant must say what the file says.
 */
import { test } from "node:test";
import { expect } from "chai";
import { BUNDLED_GIM_CONFIG } from "../../src/gimconfig/gim-config";
import { BUNDLED_GIM_CONFIG_FILE, loadGimConfig, parseGimConfig } from "../../src/gimconfig/gim-config-file";

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
