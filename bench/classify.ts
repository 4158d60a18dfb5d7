/**
 * Benchmark (npm run bench): how fast the reference classifier streams a large mixed log, how
 * its memory grows with the log's size, and what the harness adds over bare cucumber-js.
 *
 *   npm run bench -- [--interactions N] [--runs R]
 *
 * Each measurement runs in a child process so peak RSS belongs to that measurement alone.
 * Baselines run in the same invocation: reading + JSON.parse only (no validation, no
 * classification) for the classifier; a bare cucumber-js run of an empty feature set for the
 * harness. Figures are printed, never asserted.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { classifyBatches } from "../src/classifier/classify";
import { formatRow } from "../src/classifier/format-row";
import type { LoggedEvent } from "../src/eventlog/events";
import { readEventBatches } from "../src/eventlog/reader";
import { generateLog } from "./generate-log";

interface Measure {
  mode: string;
  events: number;
  interactions: number;
  seconds: number;
  peakRssMb: number;
}

const ROOT = resolve(__dirname, "..");

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** Child mode: one measurement of one file, printed as JSON. */
async function measure(mode: string, file: string): Promise<Measure> {
  const t0 = process.hrtime.bigint();
  let events = 0;
  let interactions = 0;
  if (mode === "parse-only") {
    // Baseline: split lines and JSON.parse them, nothing else.
    let rest = "";
    for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) {
        if (!line) continue;
        JSON.parse(line);
        events++;
      }
    }
  } else {
    // The same path as `gim-conformance classify`: batches in, rows out, rows serialised.
    for await (const rows of classifyBatches(counted(readEventBatches(file), (n) => (events += n)))) {
      for (const row of rows) {
        formatRow(row);
        if (row.irf === 1) interactions++;
      }
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { mode, events, interactions, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function* counted(
  batches: AsyncIterable<LoggedEvent[]>,
  count: (n: number) => void,
): AsyncGenerator<LoggedEvent[]> {
  for await (const batch of batches) {
    count(batch.length);
    yield batch;
  }
}

function inChild(mode: string, file: string): Measure {
  const out = execFileSync(process.execPath, ["-r", "ts-node/register", __filename, "--child", mode, file], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as Measure;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function timeCommand(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr.slice(-500)}`);
  }
  return median(times);
}

async function main(): Promise<void> {
  const child = process.argv.indexOf("--child");
  if (child >= 0) {
    const [mode, file] = process.argv.slice(child + 1);
    process.stdout.write(JSON.stringify(await measure(mode ?? "", file ?? "")));
    return;
  }
  const interactions = option("--interactions", 1_000_000);
  const runs = option("--runs", 3);
  const dir = mkdtempSync(join(tmpdir(), "gim-bench-"));
  try {
    console.log(
      `Generating logs (${interactions.toLocaleString("en")} and ${Math.ceil(interactions / 10).toLocaleString("en")} interactions, all flows, interleaved)…`,
    );
    const big = join(dir, "big.jsonl");
    const small = join(dir, "small.jsonl");
    const g = await generateLog(big, interactions);
    await generateLog(small, Math.ceil(interactions / 10));
    console.log(`  ${g.events.toLocaleString("en")} events, ${(g.bytes / 2 ** 20).toFixed(0)} MiB`);

    const base = inChild("parse-only", big);
    const full = inChild("classify", big);
    const tenth = inChild("classify", small);
    const rate = (m: Measure, n: number) => Math.round(n / m.seconds).toLocaleString("en");
    console.log("\nClassifier (one core, streaming from disk)");
    console.log(
      `  read + JSON.parse only (baseline): ${rate(base, base.events)} events/s, peak RSS ${base.peakRssMb.toFixed(0)} MB`,
    );
    console.log(
      `  validate + classify:               ${rate(full, full.events)} events/s, ${rate(full, full.interactions)} interactions/s, ${full.seconds.toFixed(2)} s, peak RSS ${full.peakRssMb.toFixed(0)} MB`,
    );
    console.log(`  ratio to baseline:                 ${(full.seconds / base.seconds).toFixed(2)}x the time`);
    console.log(
      `  peak RSS at 1/10 of the log:       ${tenth.peakRssMb.toFixed(0)} MB (ratio full/tenth ${(full.peakRssMb / tenth.peakRssMb).toFixed(2)})`,
    );

    console.log(`\nHarness overhead (median of ${runs} runs)`);
    const empty = join(dir, "empty-features");
    mkdirSync(empty);
    // An empty config file, so the bare run loads none of the project's steps or formatters
    // (cucumber-js resolves --config against the cwd, even when absolute).
    const config = join(dir, "bare-cucumber.js");
    writeFileSync(config, "module.exports = {};\n");
    const bare = timeCommand(
      ["node_modules/@cucumber/cucumber/bin/cucumber.js", "--config", relative(ROOT, config), empty],
      runs,
    );
    const harness = timeCommand(["bin/gim-conformance.js", "run", "--no-allure"], runs);
    console.log(`  bare cucumber-js, empty feature set:        ${bare.toFixed(2)} s`);
    console.log(`  gim-conformance run, all flows (no Allure): ${harness.toFixed(2)} s`);
    console.log(`  ratio:                                       ${(harness / bare).toFixed(2)}x`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(3);
});
