/**
 * One system under test per distinct choice (src/sut/shared-sut.ts): the same options in any key
 * order share an instance, and any option that changes the answers (here the GIM configuration the
 * reference classifier follows, nested in the options) gives another.
 */
import { afterEach, describe, test } from "node:test";
import { expect } from "chai";
import { BUNDLED_GIM_CONFIG, DOCUMENTED_DEFAULTS } from "../../src/gimconfig/gim-config";
import { closeSharedSuts, sharedSut } from "../../src/sut/shared-sut";

afterEach(() => closeSharedSuts());

describe("shared systems under test", () => {
  test("the same options in another key order (nested keys too) share one instance", () => {
    const a = sharedSut({ sut: "reference", gimConfig: { ...BUNDLED_GIM_CONFIG } });
    const reordered = Object.fromEntries(
      Object.entries(BUNDLED_GIM_CONFIG).reverse(),
    ) as typeof BUNDLED_GIM_CONFIG;
    expect(sharedSut({ gimConfig: reordered, sut: "reference" })).to.equal(a);
  });

  test("two GIM configurations that differ in one nested option are two reference classifiers", () => {
    const a = sharedSut({
      sut: "reference",
      gimConfig: { ...BUNDLED_GIM_CONFIG, populateMmIxnqueueFacts: false },
    });
    const b = sharedSut({
      sut: "reference",
      gimConfig: { ...BUNDLED_GIM_CONFIG, populateMmIxnqueueFacts: true },
    });
    expect(b).to.not.equal(a);
    const c = sharedSut({
      sut: "reference",
      gimConfig: { ...BUNDLED_GIM_CONFIG, stopIxnQueues: ["Other_Stop"] },
    });
    expect(c).to.not.equal(a);
    expect(sharedSut({ sut: "reference", gimConfig: DOCUMENTED_DEFAULTS })).to.not.equal(a);
  });

  test("the reference ignores back-end options it does not read; closing starts afresh", async () => {
    const a = sharedSut({ sut: "reference", gimConfig: BUNDLED_GIM_CONFIG });
    expect(sharedSut({ sut: "reference", gimConfig: BUNDLED_GIM_CONFIG, exportFile: "x.csv" })).to.equal(a);
    await closeSharedSuts();
    expect(sharedSut({ sut: "reference", gimConfig: BUNDLED_GIM_CONFIG })).to.not.equal(a);
  });
});
