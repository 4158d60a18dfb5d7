/**
 * One system under test per distinct choice (src/sut/shared-sut.ts): the same options in any key
 * order share an instance, and any option that changes the answers (here the GIM configuration the
 * reference classifier follows, nested in the options) gives another.
 */
import { afterEach, describe, test } from "node:test";
import { expect } from "chai";
import { BUNDLED_GIM_CONFIG, DOCUMENTED_DEFAULTS, type GimConfig } from "../../src/gimconfig/gim-config";
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

  test("an export or a database is keyed by its files or URL, never by the GIM configuration", () => {
    const irf = { sut: "export", exportFile: "irf.csv", manifest: "lab.yaml" } as const;
    const a = sharedSut(irf);
    expect(
      sharedSut({
        manifest: "lab.yaml",
        gimConfig: BUNDLED_GIM_CONFIG,
        exportFile: "irf.csv",
        sut: "export",
      }),
    ).to.equal(a);
    expect(sharedSut({ ...irf, exportFile: "other.csv" })).to.not.equal(a);
    expect(sharedSut({ ...irf, manifest: "other.yaml" })).to.not.equal(a);
    expect(sharedSut({ ...irf, msfExportFile: "msf.csv" })).to.not.equal(a);
    const db = { sut: "postgres", db: "postgres://u@h:5432/a", manifest: "lab.yaml" } as const;
    const b = sharedSut(db);
    expect(sharedSut({ ...db, gimConfig: BUNDLED_GIM_CONFIG })).to.equal(b);
    expect(sharedSut({ ...db, db: "postgres://u@h:5432/b" })).to.not.equal(b);
    expect(sharedSut({ sut: "reference" }))
      .to.not.equal(a)
      .and.not.equal(b);
  });

  test("nested values: null is not the text null, a member holding undefined is one left out, order in a list counts", () => {
    const withExtra = (extra: Record<string, unknown>): GimConfig =>
      ({ ...BUNDLED_GIM_CONFIG, ...extra }) as GimConfig;
    const reference = (gimConfig: GimConfig) => sharedSut({ sut: "reference", gimConfig });
    expect(reference(withExtra({ note: null }))).to.not.equal(reference(withExtra({ note: "null" })));
    expect(reference(withExtra({ note: undefined }))).to.equal(reference(BUNDLED_GIM_CONFIG));
    const queues = (...stopIxnQueues: string[]) => reference({ ...BUNDLED_GIM_CONFIG, stopIxnQueues });
    expect(queues("A", "B")).to.equal(queues("A", "B"));
    expect(queues("A", "B")).to.not.equal(queues("B", "A"));
  });

  test("closing closes every shared instance", async () => {
    const closed: string[] = [];
    for (const sut of [
      sharedSut({ sut: "reference" }),
      sharedSut({ sut: "export", exportFile: "irf.csv", manifest: "lab.yaml" }),
    ]) {
      sut.close = async () => {
        closed.push(sut.kind);
      };
    }
    await closeSharedSuts();
    expect(closed.sort()).to.deep.equal(["export", "reference"]);
  });
});
