/**
 * Benchmark: loading a lab manifest of 10,000 and of 100,000 entries (and checking its keys
 * against as many scenario @ids). Loading must be linear in the entries: the ratio of the two
 * times should be near 10 (it was quadratic: yaml's duplicate-key check and a per-entry scan for
 * each key's line). Each size is loaded in a child process of its own, best of --runs, so one
 * measurement's heap never slows the next. Figures are printed, never asserted.
 *
 *   node -r ts-node/register bench/manifest.ts [--runs R]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LabManifest } from "../src/sut/lab-manifest";

const SIZES = [10_000, 100_000] as const;

function manifestText(entries: number): string {
  const lines = ["version: 1", "scenarios:"];
  for (let i = 0; i < entries; i++) lines.push(`  scenario-${i}:`, `    guid: "0001KaB8T1S${i}"`);
  return `${lines.join("\n")}\n`;
}

/** Child mode: load one manifest, print the milliseconds. */
function measure(file: string, entries: number): void {
  const ids = new Set(Array.from({ length: entries }, (_, i) => `scenario-${i}`));
  // Warm-up: compiling the schema and loading yaml's code are a constant, not the entries' cost.
  LabManifest.parse(manifestText(10), "warm-up.yaml");
  const t0 = process.hrtime.bigint();
  LabManifest.read(file).checkIds(ids);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms })}\n`);
}

function runs(): number {
  const i = process.argv.indexOf("--runs");
  const value = i >= 0 ? Number(process.argv[i + 1]) : 3;
  if (!Number.isInteger(value) || value <= 0) throw new Error("--runs must be a positive integer");
  return value;
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), "gim-bench-manifest-"));
  try {
    const best = new Map<number, number>();
    for (const entries of SIZES) {
      const file = join(dir, `manifest-${entries}.yaml`);
      writeFileSync(file, manifestText(entries));
      for (let r = 0; r < runs(); r++) {
        const child = spawnSync(
          process.execPath,
          ["-r", "ts-node/register", __filename, "--child", file, String(entries)],
          { encoding: "utf8", cwd: join(__dirname, "..") },
        );
        if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
        const { ms } = JSON.parse(child.stdout) as { ms: number };
        best.set(entries, Math.min(best.get(entries) ?? Number.POSITIVE_INFINITY, ms));
      }
      const ms = best.get(entries) ?? 0;
      process.stdout.write(
        `${entries.toLocaleString("en")} entries: ${(ms / 1000).toFixed(2)} s (${Math.round((entries / ms) * 1000).toLocaleString("en")} entries/s)\n`,
      );
    }
    const [small, large] = SIZES.map((n) => best.get(n) ?? 0);
    process.stdout.write(
      `ratio 100k/10k: ${((large ?? 0) / (small ?? 1)).toFixed(1)} (10 = linear, 100 = quadratic)\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") measure(process.argv[3] ?? "", Number(process.argv[4]));
else main();
