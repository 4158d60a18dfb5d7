/** The Environment widget's facts: the GIM configuration the run judged by is named in it. */
import { describe, test } from "node:test";
import { expect } from "chai";
import { type EnvironmentFacts, environmentInfo } from "../../src/allure/environment";
import { DOCUMENTED_DEFAULTS, describeGimConfig } from "../../src/gimconfig/gim-config";

const base: EnvironmentFacts = {
  sut: { kind: "reference", name: "reference classifier", details: {} },
  classifierVersion: "1.2.0",
  harnessVersion: "0.3.0",
  nodeVersion: "v20.0.0",
  cucumberVersion: "11.0.0",
};

describe("environmentInfo", () => {
  test("names the GIM configuration file and one entry per option, with its value", () => {
    const options = describeGimConfig({
      ...DOCUMENTED_DEFAULTS,
      populateMmIxnqueueFacts: true,
      stopIxnQueues: ["Chat_Stop", "Q2"],
    });
    const info = environmentInfo({ ...base, gimConfig: { file: "lab/gim-config.yaml", options } });
    expect(info["GIM config file"]).to.equal("lab/gim-config.yaml");
    expect(info["GIM option populate-mm-ixnqueue-facts"]).to.equal("true");
    expect(info["GIM option stop-ixn-queues"]).to.equal("Chat_Stop, Q2");
    expect(info["GIM option stop-abandoned-interaction"]).to.equal("never");
    const keys = Object.keys(info);
    // Beside what was tested, before the harness's own versions.
    expect(keys.indexOf("GIM config file")).to.be.greaterThan(keys.indexOf("SUT kind"));
    expect(keys.indexOf("GIM config file")).to.be.lessThan(keys.indexOf("Reference classifier"));
  });

  test("without a configuration, no GIM entries", () => {
    const info = environmentInfo(base);
    expect(Object.keys(info).filter((k) => k.startsWith("GIM"))).to.deep.equal([]);
    expect(info["Reference classifier"]).to.equal("1.2.0");
  });
});
