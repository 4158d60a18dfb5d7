/**
 * Benchmark (npm run bench:startup): what the command costs over its floors, measured side by
 * side in one invocation (issue 14). Each figure is the median of --runs runs, wall time and
 * peak RSS from /usr/bin/time (the largest process of the measured tree):
 *
 *   --version                      against `node -e 0`
 *   run --no-allure (every flow)   against a bare cucumber-js run of an empty feature set, and
 *                                  against bare cucumber-js running the same features with the
 *                                  compiled step definitions (the harness's own share)
 *   classify of ~500k events       against reading the same file and JSON.parse of each line,
 *                                  with 1 worker (--jobs 1) and 2 workers (--jobs 2)
 *   npm start                      (run + the single-file Allure report) in seconds
 *
 *   npm run bench:startup -- [--runs R] [--events N]
 *
 * It measures the compiled command (dist/, built by `npm ci`); it builds it first when missing.
 * Figures are printed, never asserted.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { generateLog } from "./generate-log";

const ROOT = resolve(__dirname, "..");
const BIN = join(ROOT, "bin", "gim-conformance.js");
const TIME = "/usr/bin/time";

interface Figure {
  seconds: number;
  /** User + system CPU seconds of the measured tree: what a shared, busy machine distorts least. */
  cpuSeconds: number | undefined;
  peakRssMb: number | undefined;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** One run of `command`, timed; peak RSS when /usr/bin/time is there. */
function once(command: readonly string[], cwd: string, scratch: string): Figure {
  const env = { ...process.env };
  delete env.GIM_FROM_SOURCE; // the compiled command, as users run it
  const out = join(scratch, "time.txt");
  const timed = existsSync(TIME);
  const argv = timed ? [TIME, "-f", "%e %U %S %M", "-o", out, ...command] : [...command];
  const t0 = process.hrtime.bigint();
  const ran = spawnSync(argv[0] as string, argv.slice(1), { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (ran.status !== 0 && ran.status !== 1) {
    throw new Error(`${command.join(" ")} exited ${ran.status}: ${ran.stderr?.toString().slice(-500)}`);
  }
  if (!timed) return { seconds, cpuSeconds: undefined, peakRssMb: undefined };
  const [, user, system, kb] = readFileSync(out, "utf8").trim().split("\n").pop()?.split(" ") ?? [];
  return { seconds, cpuSeconds: Number(user) + Number(system), peakRssMb: Number(kb) / 1024 };
}

function measure(command: readonly string[], runs: number, cwd: string, scratch: string): Figure {
  const figures = Array.from({ length: runs }, () => once(command, cwd, scratch));
  const rss = figures.map((f) => f.peakRssMb).filter((r): r is number => r !== undefined);
  const cpu = figures.map((f) => f.cpuSeconds).filter((r): r is number => r !== undefined);
  return {
    seconds: median(figures.map((f) => f.seconds)),
    cpuSeconds: cpu.length > 0 ? median(cpu) : undefined,
    peakRssMb: rss.length > 0 ? median(rss) : undefined,
  };
}

const FLOOR_SCRIPT = `
const fs = require("node:fs");
let rest = "", n = 0;
const s = fs.createReadStream(process.argv[2], { encoding: "utf8", highWaterMark: 1 << 20 });
s.on("data", (chunk) => {
  const lines = (rest + chunk).split("\\n");
  rest = lines.pop();
  for (const line of lines) if (line) { JSON.parse(line); n++; }
});
s.on("end", () => { if (rest) JSON.parse(rest); });
`;

function show(label: string, f: Figure, base?: Figure): string {
  const rss = f.peakRssMb === undefined ? "" : `, peak RSS ${f.peakRssMb.toFixed(0)} MB`;
  const ratio = base === undefined ? "" : ` (${(f.seconds / base.seconds).toFixed(2)}x)`;
  const cpu =
    f.cpuSeconds === undefined
      ? ""
      : `, CPU ${f.cpuSeconds.toFixed(2)} s${base?.cpuSeconds ? ` (${(f.cpuSeconds / base.cpuSeconds).toFixed(2)}x)` : ""}`;
  return `  ${label.padEnd(44)} wall ${f.seconds.toFixed(2).padStart(6)} s${ratio}${cpu}${rss}`;
}

async function main(): Promise<void> {
  const runs = option("--runs", 3);
  const events = option("--events", 500_000);
  if (!existsSync(join(ROOT, "dist", "src", "cli", "main.js"))) {
    console.log("dist/ missing: building it (npm run build)");
    const built = spawnSync(
      process.execPath,
      [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"],
      {
        cwd: ROOT,
        stdio: "inherit",
      },
    );
    if (built.status !== 0) throw new Error("the build failed");
  }
  const scratch = mkdtempSync(join(tmpdir(), "gim-bench-startup-"));
  try {
    const node = process.execPath;
    console.log(
      `Start-up and overhead, compiled command (median of ${runs} runs; ${TIME} for CPU time and peak RSS; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${availableParallelism()} cores)\n`,
    );

    const bare = measure([node, "-e", "0"], runs, scratch, scratch);
    const version = measure([node, BIN, "--version"], runs, scratch, scratch);
    console.log(show("node -e 0", bare));
    console.log(show("gim-conformance --version", version, bare));

    const empty = join(scratch, "empty-features");
    mkdirSync(empty);
    const config = join(scratch, "bare-cucumber.js");
    writeFileSync(config, "module.exports = {};\n");
    const bareCucumber = [
      node,
      join(ROOT, "node_modules/@cucumber/cucumber/bin/cucumber.js"),
      "--config",
      relative(ROOT, config),
    ];
    const cucumber = measure([...bareCucumber, empty], runs, ROOT, scratch);
    // The empty set is the issue's floor, but it runs no scenario: the same features and the
    // compiled step definitions under bare cucumber-js (its default progress formatter and step
    // matching, no Allure hooks) say what the harness itself adds to the work of the scenarios.
    const sameWork = measure(
      [
        ...bareCucumber,
        "--require",
        "dist/steps/**/!(allure).js",
        // The steps' own work as in `run --no-allure`: no Allure calls, no evidence drawn.
        "--world-parameters",
        JSON.stringify({ allure: false, evidence: false }),
        "features",
      ],
      runs,
      ROOT,
      scratch,
    );
    const run = measure([node, BIN, "run", "--no-allure"], runs, ROOT, scratch);
    console.log(`\n${show("bare cucumber-js, empty feature set", cucumber)}`);
    console.log(show("bare cucumber-js, the bundled features", sameWork, cucumber));
    console.log(show("gim-conformance run --no-allure (all flows)", run, cucumber));
    console.log(show("  the same run against the bundled features", run, sameWork));

    const log = join(scratch, "log.jsonl");
    // The generator's flows average 8 events an interaction.
    const g = await generateLog(log, Math.ceil(events / 8));
    console.log(
      `\nclassify: ${g.events.toLocaleString("en-US")} events, ${g.interactions.toLocaleString("en-US")} interactions, ${(g.bytes / 2 ** 20).toFixed(0)} MiB`,
    );
    const floorScript = join(scratch, "floor.js");
    writeFileSync(floorScript, FLOOR_SCRIPT);
    const floor = measure([node, floorScript, log], runs, scratch, scratch);
    const one = measure([node, BIN, "classify", "--jobs", "1", log], runs, scratch, scratch);
    const two = measure([node, BIN, "classify", "--jobs", "2", log], runs, scratch, scratch);
    console.log(show("read + JSON.parse of each line (floor)", floor));
    console.log(show("gim-conformance classify --jobs 1", one, floor));
    console.log(show("gim-conformance classify --jobs 2", two, floor));

    const start = measure(["npm", "start", "--silent"], 1, ROOT, scratch);
    console.log(`\n${show("npm start (run + single-file Allure report)", start)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(3);
});
