/** The results folder: cleared before a run, touched up for the categories, history carried over. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import {
  CATEGORIES,
  KNOWN_DIVERGENCE_PREFIX,
  PROVISIONAL_DIFFERS_PREFIX,
  PROVISIONAL_MATCH_PREFIX,
} from "../../src/allure/categories";
import { environmentInfo } from "../../src/allure/environment";
import { carryHistory } from "../../src/allure/history";
import { clearResults, touchUp, touchUpResults } from "../../src/allure/results-dir";
import { OUTCOME_LABEL, VERDICT_LABEL } from "../../src/allure/verdict-labels";
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
  const verdict = (outcome: string, line: string) => [
    { name: OUTCOME_LABEL, value: outcome },
    { name: VERDICT_LABEL, value: line },
  ];
  const trace =
    "AssertionError: Info Mart did not record the expected IRFs: IRF2: …\n\nIRF │ table\n    at expectIrfs (outcome.ts:90:11)";

  test("a nonconformance: the one-line verdict, no stack trace, on the test and its failed step", () => {
    const changed = touchUp({
      status: "failed",
      labels: verdict("nonconformance", "IRF2: result expected Completed, got Transferred"),
      statusDetails: { message: trace, trace },
      steps: [
        {
          name: "Then Info Mart records exactly these IRFs:",
          status: "failed",
          statusDetails: { message: trace, trace },
        },
      ],
    });
    expect(changed?.status).to.equal("failed");
    expect(changed?.statusDetails).to.deep.equal({
      message: "IRF2: result expected Completed, got Transferred",
    });
    expect(changed?.steps?.[0]?.statusDetails).to.deep.equal({
      message: "IRF2: result expected Completed, got Transferred",
    });
    expect(changed && touchUp(changed)).to.equal(undefined);
  });

  test("the gate's known-divergence mark before the verdict is kept", () => {
    const message = `${KNOWN_DIVERGENCE_PREFIX}GIM-123 (expectations.yaml:3) — IRF2: result expected A, got B`;
    const changed = touchUp({
      status: "failed",
      labels: verdict("nonconformance", "IRF2: result expected A, got B"),
      statusDetails: { message, trace },
    });
    expect(changed?.statusDetails).to.deep.equal({ message });
  });

  test("provisional results are unknown (never red, never green), a strict difference failed", () => {
    const differs = touchUp({
      status: "skipped",
      labels: [...provisional, ...verdict("differs-from-hypothesis", "IRF2: role expected A, got B")],
    });
    expect(differs?.status).to.equal("unknown");
    expect(differs?.statusDetails?.message).to.equal(
      `${PROVISIONAL_DIFFERS_PREFIX}IRF2: role expected A, got B`,
    );
    const matches = touchUp({
      status: "skipped",
      labels: [...provisional, ...verdict("matches-hypothesis", "ok")],
    });
    expect(matches?.status).to.equal("unknown");
    expect(matches?.statusDetails?.message).to.equal(`${PROVISIONAL_MATCH_PREFIX}ok`);
    const strictPass = touchUp({
      status: "passed",
      labels: [...provisional, ...verdict("matches-hypothesis", "ok")],
    });
    expect(strictPass?.status).to.equal("unknown");
    const strict = touchUp({
      status: "failed",
      labels: [...provisional, ...verdict("differs-from-hypothesis", "IRF2: role expected A, got B")],
      statusDetails: { message: trace, trace },
    });
    expect(strict?.status).to.equal("failed");
    expect(strict?.statusDetails).to.deep.equal({
      message: `${PROVISIONAL_DIFFERS_PREFIX}IRF2: role expected A, got B`,
    });
  });

  test("not run: skipped with its reason; bad input: one line; a harness error keeps its trace", () => {
    const notRun = touchUp({
      status: "skipped",
      labels: verdict("not-run", "no manifest entry for @id:x in m.yaml"),
    });
    expect(notRun?.statusDetails?.message).to.equal("Not run: no manifest entry for @id:x in m.yaml");
    const bad = touchUp({
      status: "broken",
      statusDetails: {
        message: "f.feature:3: no such agent",
        trace: "InputError: f.feature:3: no such agent\n    at x",
      },
    });
    expect(bad?.statusDetails).to.deep.equal({ message: "Bad input: f.feature:3: no such agent" });
    expect(
      touchUp({ status: "broken", statusDetails: { message: "boom", trace: "TypeError: boom\n    at y" } }),
    ).to.equal(undefined);
  });

  test("leaves verified passes and unlabelled results alone", () => {
    expect(touchUp({ status: "failed", labels: [], statusDetails: { message: "x" } })).to.equal(undefined);
    expect(touchUp({ status: "passed", labels: [] })).to.equal(undefined);
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
      JSON.stringify({
        name: "x",
        status: "skipped",
        labels: [
          ...provisional,
          { name: OUTCOME_LABEL, value: "differs-from-hypothesis" },
          { name: VERDICT_LABEL, value: "m" },
        ],
      }),
    );
    const untouched = path.join(dir, "y-result.json");
    const passed = JSON.stringify({ name: "y", status: "passed" });
    await writeFile(untouched, passed);
    await touchUpResults(dir);
    const written: unknown = JSON.parse(await readFile(file, "utf8"));
    expect(written).to.deep.include({
      name: "x",
      status: "unknown",
      statusDetails: { message: `${PROVISIONAL_DIFFERS_PREFIX}m` },
    });
    expect(await readFile(untouched, "utf8")).to.equal(passed);
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

  test("each cause has its stable group; a verdict with two causes sits in both", () => {
    expect(categoryOf("failed", "IRF2: result expected Completed, got Transferred")).to.deep.equal([
      "Nonconformance: result differs",
    ]);
    expect(categoryOf("failed", "IRF1: role expected A, got B; reason expected C, got D")).to.deep.equal([
      "Nonconformance: role differs",
      "Nonconformance: reason differs",
    ]);
    expect(categoryOf("failed", "IRF1: roleReason expected A, got B")).to.deep.equal([
      "Nonconformance: role reason differs",
    ]);
    expect(categoryOf("failed", "IRF2: resource expected Agent2, got Agent3")).to.deep.equal([
      "Nonconformance: resource differs",
    ]);
    expect(categoryOf("failed", "IRF3 expected but not recorded (Agent3 RoutedTo/Completed)")).to.deep.equal([
      "Nonconformance: missing IRF",
    ]);
    expect(
      categoryOf("failed", "IRF1: result expected A, got B; IRF3 recorded but not expected (Agent3 X/Y)"),
    ).to.deep.equal(["Nonconformance: result differs", "Nonconformance: unexpected IRF"]);
    expect(categoryOf("failed", "MSF1: role expected Received, got Diverted")).to.deep.equal([
      "Nonconformance: mediation segment differs",
    ]);
    expect(categoryOf("failed", "expected 1 to equal 2")).to.deep.equal(["Nonconformance: other assertion"]);
    expect(
      categoryOf("failed", `${KNOWN_DIVERGENCE_PREFIX}GIM-1 (e.yaml:2) — IRF2: result expected A, got B`),
    ).to.deep.equal(["Known divergences (expected)"]);
    for (const status of ["unknown", "failed"]) {
      expect(categoryOf(status, `${PROVISIONAL_DIFFERS_PREFIX}IRF2: role expected A, got B`)).to.deep.equal([
        "Differs from hypothesis (provisional)",
      ]);
    }
    expect(categoryOf("unknown", `${PROVISIONAL_MATCH_PREFIX}ok`)).to.deep.equal([
      "Matches hypothesis (provisional)",
    ]);
    expect(categoryOf("skipped", "Not run: no manifest entry for @id:x in m.yaml")).to.deep.equal([
      "Not run: no manifest entry",
    ]);
    expect(
      categoryOf("skipped", "Not run: the manifest entry for @id:x (m.yaml:3) has no guid yet"),
    ).to.deep.equal(["Not run: manifest entry without GUID"]);
    expect(
      categoryOf(
        "skipped",
        "Not run: the system under test gave no mediation segments (MEDIATION_SEGMENT_FACT)",
      ),
    ).to.deep.equal(["Not run: no mediation segments from the system under test"]);
    expect(
      categoryOf(
        "skipped",
        "Not run: the customer leaves the chat, …; the Info Mart's configuration says never",
      ),
    ).to.deep.equal(["Not run: GIM configuration"]);
    expect(categoryOf("skipped", "Not run: something else")).to.deep.equal(["Not run: other reason"]);
    expect(categoryOf("broken", "Bad input: f.feature:3: x")).to.deep.equal(["Bad input"]);
    expect(categoryOf("broken", 'Undefined step: "x" has no step definition')).to.deep.equal(["Bad input"]);
    expect(categoryOf("broken", "TypeError: x")).to.deep.equal(["Harness errors"]);
    expect(categoryOf("passed", "")).to.deep.equal([]);
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
