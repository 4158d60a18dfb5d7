/** The results folder: cleared before a run, touched up for the categories, history carried over. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { CATEGORIES, PROVISIONAL_FAILURE_PREFIX } from "../../src/allure/categories";
import { environmentInfo } from "../../src/allure/environment";
import { carryHistory } from "../../src/allure/history";
import { clearResults, touchUp, touchUpResults } from "../../src/allure/results-dir";
import { InputError } from "../../src/errors";
import { OUTPUT_MARKER } from "../../src/output/output-dir";

const tempDirs: string[] = [];
after(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "gim-allure-test-"));
  tempDirs.push(dir);
  return dir;
}
const provisional = [{ name: "provisional", value: "true" }];

describe("touchUp", () => {
  test("prefixes a provisional failure's message, once", () => {
    const changed = touchUp({
      status: "failed",
      labels: provisional,
      statusDetails: { message: "IRF1 differs" },
    });
    expect(changed?.statusDetails?.message).to.equal(`${PROVISIONAL_FAILURE_PREFIX}IRF1 differs`);
    expect(changed && touchUp(changed)).to.equal(undefined);
  });

  test("leaves verified failures and passes alone", () => {
    expect(touchUp({ status: "failed", labels: [], statusDetails: { message: "x" } })).to.equal(undefined);
    expect(touchUp({ status: "passed", labels: provisional })).to.equal(undefined);
  });

  test("makes a scenario with an undefined step broken, naming the step", () => {
    const changed = touchUp({
      status: "skipped",
      steps: [
        { name: "Given a chat", status: "passed" },
        { name: "When nobody knows", statusDetails: { message: "The step doesn't have an implementation." } },
      ],
    });
    expect(changed?.status).to.equal("broken");
    expect(changed?.statusDetails?.message).to.contain('"When nobody knows"');
  });
});

describe("the results folder", () => {
  test("clearResults, in the tool's own (marked) folder, removes Allure's files and the history it carried, nothing else", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, OUTPUT_MARKER), "gim-conformance allure-results\n");
    await mkdir(path.join(dir, "history"));
    await writeFile(path.join(dir, "history", OUTPUT_MARKER), "gim-conformance allure-history\n");
    for (const name of [
      "a-result.json",
      "b-container.json",
      "c-attachment.svg",
      "environment.properties",
      "notes.txt",
    ]) {
      await writeFile(path.join(dir, name), "{}");
    }
    await clearResults(dir);
    expect((await readdir(dir)).sort()).to.deep.equal([OUTPUT_MARKER, "notes.txt"]);
  });

  test("clearResults keeps a history/ it did not put there, and refuses an unmarked folder of other files untouched", async () => {
    const recognised = await tempDir();
    await mkdir(path.join(recognised, "history"));
    await writeFile(path.join(recognised, "a-result.json"), "{}");
    await clearResults(recognised);
    expect((await readdir(recognised)).sort()).to.deep.equal([OUTPUT_MARKER, "history"]);

    const foreign = await tempDir();
    await writeFile(path.join(foreign, "a-result.json"), "{}");
    await writeFile(path.join(foreign, "notes.txt"), "mine");
    const refused = await clearResults(foreign).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).to.be.instanceOf(InputError);
    expect((await readdir(foreign)).sort()).to.deep.equal(["a-result.json", "notes.txt"]);
  });

  test("touchUpResults rewrites only the results that need it", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "x-result.json");
    await writeFile(
      file,
      JSON.stringify({ name: "x", status: "failed", labels: provisional, statusDetails: { message: "m" } }),
    );
    await touchUpResults(dir);
    const written: unknown = JSON.parse(await readFile(file, "utf8"));
    expect(written).to.deep.include({
      name: "x",
      statusDetails: { message: `${PROVISIONAL_FAILURE_PREFIX}m` },
    });
  });

  test("carryHistory copies the previous report's history into the results", async () => {
    const report = await tempDir();
    const results = await tempDir();
    expect(await carryHistory(report, results)).to.equal(false);
    await mkdir(path.join(report, "history"));
    await writeFile(path.join(report, "history", "history-trend.json"), "[]");
    expect(await carryHistory(report, results)).to.equal(true);
    // Marked, so the next run removes this copy and no history/ the tool did not put there.
    expect((await readdir(path.join(results, "history"))).sort()).to.deep.equal([
      OUTPUT_MARKER,
      "history-trend.json",
    ]);
  });
});

describe("categories and environment", () => {
  /** Allure matches the whole message, DOTALL (CategoriesPlugin.matches): emulate it with JS regexes. */
  const categoryOf = (status: string, message: string) =>
    CATEGORIES.filter(
      (c) =>
        (c.matchedStatuses ?? [status]).includes(status) &&
        (c.messageRegex === undefined || new RegExp(`^(?:${c.messageRegex})$`, "s").test(message)),
    ).map((c) => c.name);

  test("nonconformance, provisional differences, not run and harness errors land in one category each", () => {
    expect(categoryOf("failed", "AssertionError: IRF1\nline 2")).to.deep.equal(["Nonconformance"]);
    expect(categoryOf("failed", `${PROVISIONAL_FAILURE_PREFIX}AssertionError\nx`)).to.deep.equal([
      "Differs from hypothesis (provisional)",
    ]);
    expect(categoryOf("skipped", "")).to.deep.equal(["Not run"]);
    expect(categoryOf("broken", "TypeError: x")).to.deep.equal(["Harness errors"]);
  });

  test("the environment names the system under test, its GIM version and the versions that ran", () => {
    const info = environmentInfo({
      sut: {
        kind: "postgres",
        name: "PostgreSQL Info Mart at db:5432/gim",
        gimVersion: "8.5.116",
        details: { schema: "gim" },
      },
      classifierVersion: "1.0.0",
      harnessVersion: "0.1.0",
      nodeVersion: "v20.20.2",
      cucumberVersion: "12.9.0",
    });
    expect(info).to.deep.equal({
      "System under test": "PostgreSQL Info Mart at db:5432/gim",
      "SUT kind": "postgres",
      "GIM version": "8.5.116",
      "SUT schema": "gim",
      "Reference classifier": "1.0.0",
      "gim-conformance": "0.1.0",
      "Node.js": "v20.20.2",
      "cucumber-js": "12.9.0",
    });
  });
});
