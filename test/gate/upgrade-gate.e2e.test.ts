/**
 * The upgrade story of issue 5's "Done when", on real files through bin/gim-conformance.js: a
 * baseline snapshot from the reference run; a candidate from an export in which two flows'
 * descriptors changed (as a new GIM release might); the gate fails naming exactly those flows and
 * IRFs; an expectation for one leaves it failing on the other only; with both expected it passes;
 * reverting one change reports its expectation as stale; the diff HTML is one self-contained file.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { expect } from "chai";
import { classifyFacts } from "../../src/classifier/classify";
import type { IrfRow } from "../../src/domain/irf";
import type { MsfRow } from "../../src/domain/msf";
import { parseEventLog } from "../../src/eventlog/reader";
import { BUNDLED_GIM_CONFIG_FILE, loadGimConfig } from "../../src/gimconfig/gim-config-file";
import { readSnapshot, type Snapshot } from "../../src/snapshot/snapshot";
import { irfExportCsv, msfExportCsv } from "../support/gim-export";
import { runCli } from "../support/run-cli";

const dir = mkdtempSync(join(tmpdir(), "gim-gate-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

/** The two changes "the new release" makes: one result, one reason. */
const TRANSFER = { id: "chat-transfer-accepted", irf: 1, field: "result", to: "Completed" } as const;
const ABANDONED = {
  id: "chat-abandoned-in-queue",
  irf: 1,
  field: "reason",
  to: "AbandonedWhileRinging",
} as const;
type Change = typeof TRANSFER | typeof ABANDONED;

/**
 * Flow 8's internal invitation interaction, which the snapshot (the customer chat's facts) does not
 * hold: its facts as the reference classifier gives them for the flow's example log.
 */
const INVITE = "chat-conference-through-queue-invite";
function inviteFacts(): { irfs: IrfRow[]; msfs: MsfRow[] } {
  const file = join(__dirname, "..", "..", "examples", "chat-conference-through-queue.jsonl");
  const { config } = loadGimConfig(BUNDLED_GIM_CONFIG_FILE);
  const facts = classifyFacts(parseEventLog(readFileSync(file, "utf8"), file), file, config);
  return {
    irfs: facts.irfs.filter((r) => r.interaction === INVITE),
    msfs: facts.msfs.filter((m) => m.interaction === INVITE),
  };
}

/**
 * An export of the baseline's rows (GIM's columns, by code), with `changes` applied, and beside
 * it `<name>.msf.csv`, the export of its mediation segments (sql/msf-descriptors.sql).
 */
function writeExport(name: string, baseline: Snapshot, changes: readonly Change[]): string {
  const invite = inviteFacts();
  const interactions = [
    ...baseline.scenarios.map((s) => ({ id: s.id, irfs: s.rows ?? [], msfs: s.msfs ?? [] })),
    { id: INVITE, ...invite },
  ].map((scenario, n) => ({
    key: n + 1,
    msfs: scenario.msfs,
    irfs: scenario.irfs.map((row) => {
      const changed: IrfRow = { ...row };
      for (const c of changes) if (c.id === scenario.id && c.irf === row.irf) changed[c.field] = c.to;
      return changed;
    }),
  }));
  writeFileSync(at(name), irfExportCsv(interactions));
  writeFileSync(at(`${name}.msf.csv`), msfExportCsv(interactions));
  return at(name);
}

function expectationsYaml(changes: readonly Change[]): string {
  const entries = changes.map(
    (c) => `  ${c.id}:\n    status: fail\n    reason: GIM 8.5.2 changed ${c.field}\n`,
  );
  return `version: 1\nexpectations:\n${entries.join("")}`;
}

/** Like runCli, from another working directory: --profile ci writes reports/ there, not in the repository. */
function runCliIn(cwd: string, args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(__dirname, "..", "..", "bin", "gim-conformance.js"), ...args],
      {
        cwd,
        env: { ...process.env, GIM_DATABASE_URL: "" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    const add = (chunk: Buffer) => {
      output += chunk.toString("utf8");
    };
    child.stdout.on("data", add);
    child.stderr.on("data", add);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

let baseline: Snapshot;
let manifest: string;
const candidate = (exportFile: string, ...extra: string[]) =>
  runCli(["run", "--no-allure", ...exportArgs(exportFile), "--manifest", manifest, ...extra]);
/** The back end's options for an export written by writeExport: its IRFs and its MSFs. */
const exportArgs = (exportFile: string) => [
  "--sut",
  "export",
  "--export",
  exportFile,
  "--msf-export",
  `${exportFile}.msf.csv`,
];

describe("upgrade gate: baseline, candidate, expectations, diff", () => {
  before(async () => {
    const run = await runCli(["run", "--no-allure", "--snapshot", at("baseline.json")]);
    expect(run.code, run.output).to.equal(0);
    baseline = readSnapshot(at("baseline.json"));
    const scenarios = baseline.scenarios.map((s) => `  ${s.id}: { guid: ${s.rows?.[0]?.interaction} }`);
    scenarios.push(`  ${INVITE}: { guid: ${INVITE} }`);
    manifest = at("manifest.yaml");
    writeFileSync(manifest, `version: 1\nscenarios:\n${scenarios.join("\n")}\n`);
  });

  test("the baseline snapshot holds every scenario, passed, with its recorded rows and metadata", () => {
    expect(baseline.formatVersion).to.equal(2);
    expect(baseline.metadata.sut.kind).to.equal("reference");
    expect(baseline.metadata.classifierVersion).to.be.a("string");
    expect(baseline.scenarios).to.have.length.greaterThan(10);
    for (const s of baseline.scenarios) {
      expect(s.status, s.id).to.equal("passed");
      expect(s.rows, s.id).to.be.an("array").that.is.not.empty;
    }
    const flows = (id: string) => baseline.scenarios.find((s) => s.id === id);
    expect(flows(TRANSFER.id)?.provisional).to.equal(false);
    expect(flows(ABANDONED.id)?.provisional).to.equal(false);
  });

  test("an unchanged export conforms like the reference, and diffs to no change", async () => {
    const run = await candidate(writeExport("same.csv", baseline, []), "--snapshot", at("same.json"));
    expect(run.code, run.output).to.equal(0);
    const diff = await runCli(["diff", at("baseline.json"), at("same.json")]);
    expect(diff.code, diff.output).to.equal(0);
    expect(diff.stdout).to.contain("no regression: 0 newly failing, 0 newly passing, 0 changed IRF(s)");
  });

  test("the changed candidate fails the gate naming exactly the two flows, and the diff exactly their IRFs", async () => {
    const exportFile = writeExport("candidate.csv", baseline, [TRANSFER, ABANDONED]);
    const run = await candidate(exportFile, "--snapshot", at("candidate.json"));
    expect(run.code, run.output).to.equal(1);
    const failed = readSnapshot(at("candidate.json")).scenarios.filter((s) => s.status !== "passed");
    expect(failed.map((s) => s.id).sort()).to.deep.equal([ABANDONED.id, TRANSFER.id].sort());
    expect(run.stderr).to.match(/nonconformant: 2 scenarios/);
    expect(run.stderr).to.contain("IRF1: result expected Transferred, got Completed");
    expect(run.stderr).to.contain("IRF1: reason expected AbandonedWhileQueued, got AbandonedWhileRinging");

    const diff = await runCli([
      "diff",
      at("baseline.json"),
      at("candidate.json"),
      "--markdown",
      at("diff.md"),
      "--html",
      at("diff.html"),
    ]);
    expect(diff.code, diff.output).to.equal(1);
    expect(diff.stdout).to.contain("REGRESSED: 2 newly failing, 0 newly passing, 2 changed IRF(s)");
    const irfLines = diff.stdout
      .slice(diff.stdout.indexOf("Changed IRFs"), diff.stdout.indexOf("Changed MSFs") >>> 0)
      .split("\n")
      .filter((l) => /\bIRF\d/.test(l));
    expect(irfLines).to.have.length(2);
    const transferLine = irfLines.find((l) => l.includes(TRANSFER.id)) ?? "";
    expect(transferLine).to.match(/IRF1\s+descriptor\s+Agent1 \(Agent\) RoutedTo\/Transferred/);
    expect(transferLine).to.contain("RoutedTo/Completed");
    expect(irfLines.find((l) => l.includes(ABANDONED.id))).to.match(
      /IRF1\s+descriptor.*\[AbandonedWhileRinging[;\]]/,
    );

    const markdown = readFileSync(at("diff.md"), "utf8");
    expect(markdown).to.contain(`| ${TRANSFER.id} |`);
    expect(markdown).to.contain("REGRESSED");
  });

  test("the diff HTML is one self-contained file: no scripts, nothing fetched, the changes in it", () => {
    const html = readFileSync(at("diff.html"), "utf8");
    expect(html).to.match(/^<!DOCTYPE html>/);
    expect(html).to.contain("<style>");
    expect(html).not.to.match(/<script|<link|<img|\bsrc=|\bhref=|@import|url\(/i);
    expect(html)
      .to.contain(TRANSFER.id)
      .and.contain(ABANDONED.id)
      .and.contain('RoutedTo/<mark class="changed">Completed</mark>');
  });

  test("expecting one divergence leaves the gate failing on the other only; expecting both passes it", async () => {
    const exportFile = at("candidate.csv");
    writeFileSync(at("one.yaml"), expectationsYaml([TRANSFER]));
    const one = await candidate(exportFile, "--expectations", at("one.yaml"), "--junit", at("one-junit.xml"));
    expect(one.code, one.output).to.equal(1);
    const unexpected = one.stderr.split("\n").filter((l) => l.startsWith("UNEXPECTED"));
    expect(unexpected).to.deep.equal([`UNEXPECTED FAILURE  flow 9 @id:${ABANDONED.id}`]);
    expect(one.stderr).to.contain("1 unexpected failure(s), 1 known divergence(s), 0 unexpected pass(es)");
    expect(one.stderr).to.contain(`known divergence    flow 3 @id:${TRANSFER.id}: GIM 8.5.2 changed result`);

    const junit = readFileSync(at("one-junit.xml"), "utf8");
    // Every scenario a test case; skipped: the known divergence and the provisional scenarios.
    const provisional = baseline.scenarios.filter((s) => s.provisional).length;
    expect(junit).to.match(
      new RegExp(
        `<testsuite [^>]*tests="${baseline.scenarios.length}" failures="1" errors="0" skipped="${1 + provisional}"`,
      ),
    );
    const testcase = (id: string) =>
      new RegExp(`<testcase name="Flow \\d+ @id:${id}: [^"]*"[^>]*>\\s*<(\\w+) message="([^"]*)"`).exec(
        junit,
      );
    expect(testcase(ABANDONED.id)?.slice(1, 3)).to.deep.equal([
      "failure",
      "Info Mart did not record the expected IRFs: IRF1: reason expected AbandonedWhileQueued, got AbandonedWhileRinging",
    ]);
    expect(testcase(TRANSFER.id)?.[1]).to.equal("skipped");
    expect(testcase(TRANSFER.id)?.[2]).to.match(
      /^known divergence: GIM 8\.5\.2 changed result \(.*one\.yaml:3\)$/,
    );
    expect(testcase("chat-consultation-completed")?.[2]).to.match(/^provisional: /);

    writeFileSync(at("both.yaml"), expectationsYaml([TRANSFER, ABANDONED]));
    const both = await candidate(exportFile, "--expectations", at("both.yaml"));
    expect(both.code, both.output).to.equal(0);
    expect(both.stderr).to.contain("0 unexpected failure(s), 2 known divergence(s), 0 unexpected pass(es)");
  });

  test("in CI (--profile ci, from another folder): JUnit XML and cucumber messages of the gated run", async () => {
    const run = await runCliIn(
      dir,
      ["run", "--no-allure", "--profile", "ci", ...exportArgs(at("candidate.csv"))].concat([
        "--manifest",
        manifest,
        "--expectations",
        at("both.yaml"),
      ]),
    );
    expect(run.code, run.output).to.equal(0);
    const junit = readFileSync(at("reports/junit.xml"), "utf8");
    expect(junit.match(/<testcase /g)).to.have.length(baseline.scenarios.length);
    expect(junit).to.contain("<failure");
    expect(readFileSync(at("reports/cucumber-messages.ndjson"), "utf8")).to.contain('"testRunFinished"');
  });

  test("reverting one change reports its expectation as stale (exit 0; 1 with --fail-on-stale)", async () => {
    const reverted = writeExport("reverted.csv", baseline, [ABANDONED]);
    const run = await candidate(reverted, "--expectations", at("both.yaml"));
    expect(run.code, run.output).to.equal(0);
    const unexpected = run.stderr.split("\n").filter((l) => l.startsWith("UNEXPECTED"));
    expect(unexpected).to.have.length(1);
    expect(unexpected[0]).to.match(
      new RegExp(`^UNEXPECTED PASS .*@id:${TRANSFER.id}: stale expectation at .*both\\.yaml:3, remove it$`),
    );
    const strict = await candidate(reverted, "--expectations", at("both.yaml"), "--fail-on-stale");
    expect(strict.code, strict.output).to.equal(1);
    expect(strict.stderr).to.contain("1 stale expectation");
  });

  test("the Allure results tell known divergences and stale expectations from regressions", async () => {
    const reverted = at("reverted.csv");
    const results = at("allure-results");
    const run = await runCli(
      ["run", ...exportArgs(reverted), "--manifest", manifest, "--results", results].concat([
        "--expectations",
        at("both.yaml"),
      ]),
    );
    expect(run.code, run.output).to.equal(0);
    const messages = new Map<string, string>();
    for (const name of readdirSync(results).filter((n) => n.endsWith("-result.json"))) {
      const result = JSON.parse(readFileSync(join(results, name), "utf8"));
      messages.set(result.testCaseId, result.statusDetails?.message ?? "");
    }
    expect(messages.get(ABANDONED.id)).to.match(/^Known divergence \(expected\): GIM 8\.5\.2 changed reason/);
    expect(messages.get(TRANSFER.id)).to.match(/^Stale expectation: .*both\.yaml:3 expects fail/);
  });

  test("accepted rows pin a divergence: other recorded rows fail again", async () => {
    const pinned = `${expectationsYaml([ABANDONED])}  ${TRANSFER.id}:
    status: fail
    reason: pinned to other rows
    rows:
      - { irf: 1, resource: Agent1, role: RoutedTo, result: Redirected, reason: Unspecified }
`;
    writeFileSync(at("pinned.yaml"), pinned);
    const run = await candidate(at("candidate.csv"), "--expectations", at("pinned.yaml"));
    expect(run.code, run.output).to.equal(1);
    expect(run.stderr).to.contain(`@id:${TRANSFER.id} (recorded other rows than the expectation accepts)`);
  });

  test("--update-expectations writes a file under which the same run passes", async () => {
    const file = at("updated.yaml");
    const update = await candidate(at("candidate.csv"), "--expectations", file, "--update-expectations");
    expect(update.code, update.output).to.equal(0);
    const written = readFileSync(file, "utf8");
    expect(written).to.contain(`${TRANSFER.id}:`).and.contain(`${ABANDONED.id}:`).and.contain("status: fail");
    const again = await candidate(at("candidate.csv"), "--expectations", file);
    expect(again.code, again.output).to.equal(0);
  });

  test("a malformed entry or an unknown @id is bad input naming the line (exit 2)", async () => {
    writeFileSync(
      at("bad.yaml"),
      "version: 1\nexpectations:\n  chat-transfer-accepted:\n    status: broken\n    reason: x\n",
    );
    const bad = await candidate(at("candidate.csv"), "--expectations", at("bad.yaml"));
    expect(bad.code, bad.output).to.equal(2);
    expect(bad.stderr).to.match(/bad\.yaml:4: field "status": expected fail or skip, got broken/);

    writeFileSync(
      at("unknown.yaml"),
      `${expectationsYaml([TRANSFER])}  no-such-flow:\n    status: skip\n    reason: x\n`,
    );
    const unknown = await candidate(at("candidate.csv"), "--expectations", at("unknown.yaml"));
    expect(unknown.code, unknown.output).to.equal(2);
    expect(unknown.stderr).to.match(/unknown\.yaml:6: unknown scenario @id:no-such-flow/);

    const notSnapshot = await runCli(["diff", at("baseline.json"), at("bad.yaml")]);
    expect(notSnapshot.code, notSnapshot.output).to.equal(2);
  });
});
