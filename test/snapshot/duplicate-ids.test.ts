/**
 * Issue 11: a candidate snapshot holding the same scenario twice (the failed copy first) was
 * accepted and `diff` said "no regression". Duplicate ids are bad input naming the id (exit 2).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { expect } from "chai";
import { EXIT, InputError } from "../../src/errors";
import type { ScenarioResult } from "../../src/run/scenario-result";
import { buildSnapshot, readSnapshot } from "../../src/snapshot/snapshot";
import { runCli } from "../support/run-cli";

const dir = mkdtempSync(path.join(os.tmpdir(), "gim-snapshot-dup-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function result(id: string, outcome: ScenarioResult["outcome"]): ScenarioResult {
  return {
    id,
    name: id,
    uri: "features/x.feature",
    line: 3,
    feature: "X",
    flow: 1,
    evidence: "verified",
    outcome,
    detail: outcome === "passed" ? undefined : "IRF1: result expected Completed, got Redirected",
    rows: [],
  };
}

function snapshotFile(name: string, results: ScenarioResult[]): string {
  const snapshot = buildSnapshot(results, {
    sut: { kind: "reference", name: "reference classifier", details: {} },
    harnessVersion: "0.1.0",
    classifierVersion: "1.2.0",
  });
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(snapshot, null, 2));
  return file;
}

test("a snapshot with one scenario id twice is rejected naming the id and both places", () => {
  const file = snapshotFile("dup.json", [
    result("chat-transfer-accepted", "mismatch"),
    result("chat-routed-agent-replies", "passed"),
    result("chat-transfer-accepted", "passed"),
  ]);
  expect(() => readSnapshot(file)).to.throw(
    InputError,
    /dup\.json: field "\/scenarios\/2\/id": scenario id chat-transfer-accepted appears twice \(also \/scenarios\/0\)/,
  );
});

test("through diff: exit 2 naming the id, where it used to say no regression", async () => {
  const baseline = snapshotFile("baseline.json", [result("chat-transfer-accepted", "passed")]);
  const candidate = snapshotFile("candidate.json", [
    result("chat-transfer-accepted", "mismatch"),
    result("chat-transfer-accepted", "passed"),
  ]);
  const run = await runCli(["diff", baseline, candidate]);
  expect(run.code, run.output).to.equal(EXIT.badInput);
  expect(run.stderr.trim().split("\n"), run.stderr).to.have.length(1);
  expect(run.stderr).to.contain("scenario id chat-transfer-accepted appears twice");
  expect(run.output).not.to.contain("no regression");
  // The baseline alone, twice, is a fine diff: the check refuses only duplicates.
  const same = await runCli(["diff", baseline, baseline]);
  expect(same.code, same.output).to.equal(EXIT.ok);
});
