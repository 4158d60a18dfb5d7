/**
 * One real run with a verified failure and a provisional difference, shared by the tests of the
 * run's outputs (Allure, cucumber's HTML, the JUnit files, the terminal): the bundled features
 * copied to a temp folder, flow 3 expecting IRF2 to be Transferred (the reference classifier
 * records Completed: a nonconformance) and flow 7 expecting InConference where the hypothesis
 * engine records ReceivedConsult (a provisional difference). Run once per process, from the temp
 * folder, so every output lands there: `run --profile ci --junit gate-junit.xml`, then
 * `report --single-file`.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "gim-conformance.js");

export interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface TwoVerdictRun {
  dir: string;
  run: CommandRun;
  report: CommandRun;
  /** reports/allure-report/index.html, one file. */
  allureIndex: string;
  cucumberHtml: string;
  ciJunit: string;
  gateJunit: string;
  /** What the changed tables make of flows 3 and 7. */
  failing: { id: string; verdict: string };
  differing: { id: string; verdict: string };
  /** Bundled scenarios run, and how many of them are provisional. */
  scenarios: number;
  provisional: number;
}

/** Replaces exactly one occurrence, so a changed feature file fails loudly rather than silently. */
function replaceOnce(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`${file}: expected one "${from}"`);
  writeFileSync(file, text.replace(from, to));
}

function command(args: readonly string[], cwd: string): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, GIM_DATABASE_URL: "", CI: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Scenarios and provisional ones from the pickles cucumber compiled (tags, not verdicts). */
function countPickles(messagesFile: string): { scenarios: number; provisional: number } {
  const pickles = readFileSync(messagesFile, "utf8")
    .split("\n")
    .filter((line) => line.includes('"pickle"'))
    .map((line) => (JSON.parse(line) as { pickle?: { tags: { name: string }[] } }).pickle)
    .filter((p) => p !== undefined);
  return {
    scenarios: pickles.length,
    provisional: pickles.filter((p) => p.tags.some((t) => t.name === "@provisional")).length,
  };
}

let shared: Promise<TwoVerdictRun> | undefined;

export function twoVerdictRun(): Promise<TwoVerdictRun> {
  shared ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), "gim-two-verdicts-"));
    const features = join(dir, "features");
    cpSync(join(ROOT, "features", "chat"), features, { recursive: true });
    replaceOnce(
      join(features, "03-agent-transfers-chat.feature"),
      "| 2   | Agent2   | ReceivedTransfer | Completed   |",
      "| 2   | Agent2   | ReceivedTransfer | Transferred |",
    );
    replaceOnce(
      join(features, "07-chat-consultation.feature"),
      "| 2   | Agent2   | ReceivedConsult | Completed |",
      "| 2   | Agent2   | InConference    | Completed |",
    );
    const run = await command(
      ["run", "--profile", "ci", "--features", "features", "--junit", "gate-junit.xml"],
      dir,
    );
    const report = await command(["report", "--single-file"], dir);
    return {
      dir,
      run,
      report,
      allureIndex: join(dir, "reports", "allure-report", "index.html"),
      cucumberHtml: join(dir, "reports", "cucumber-report.html"),
      ciJunit: join(dir, "reports", "junit.xml"),
      gateJunit: join(dir, "gate-junit.xml"),
      failing: { id: "chat-transfer-accepted", verdict: "IRF2: result expected Transferred, got Completed" },
      differing: {
        id: "chat-consultation-completed",
        verdict: "IRF2: role expected InConference, got ReceivedConsult",
      },
      ...countPickles(join(dir, "reports", "cucumber-messages.ndjson")),
    };
  })();
  return shared;
}

/** Where a browser test leaves its screenshots: reports/screenshots/ in CI, else beside the run. */
export function screenshotDir(run: TwoVerdictRun): string {
  return process.env.CI ? join(ROOT, "reports", "screenshots") : join(run.dir, "screenshots");
}

/** Chromium as every browser test launches it (one definition, in report-browser.ts). */
export { CHROMIUM, CHROMIUM_ARGS } from "./report-browser";
