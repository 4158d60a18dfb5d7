/**
 * Benchmark (npm run bench:census): the census against a bare aggregation, on synthetic volume.
 *
 *   npm run bench:census -- [--irfs 1000000,10000000] [--runs 3] [--mix bench|default]
 *
 * Starts a throwaway PostgreSQL cluster (scripts/pg-cluster.sh), and for each size seeds a fresh
 * schema with `seed-db --volume` until it holds about that many IRFs, then times, alternately and
 * in the same run, (a) the census (src/census/census-run.ts: the pushed-down query, matching and
 * the JSON) and (b) the baseline: a bare `SELECT INTERACTION_ID, string_agg(...) ... GROUP BY
 * INTERACTION_ID` over the same IRF table, wrapped in `SELECT COUNT(*), SUM(length(p))` so
 * PostgreSQL computes every string but ships one row (the census ships only its patterns, so the
 * baseline must not pay for a million rows on the wire either). Each measurement runs in a child
 * process, so peak RSS is that measurement's alone. Figures are printed, never asserted.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import pg from "pg";
import { runCensus } from "../src/census/census-run";
import { databaseTarget } from "../src/gimdb/database-target";
import { seedVolume } from "../src/volume/seed-volume";

const ROOT = resolve(__dirname, "..");
const CLUSTER = join(ROOT, "scripts", "pg-cluster.sh");

/** A mix heavier in multi-IRF flows than the default, so 10M IRFs need fewer interactions. */
const BENCH_MIX: Record<string, number> = {
  "chat-routed-agent-replies": 30,
  "chat-transfer-accepted": 20,
  "chat-conference-accepted": 10,
  "chat-consultation-completed": 10,
  "chat-transfer-revoked": 5,
  "chat-abandoned-in-queue": 5,
  "chat-invitation-revoked": 5,
  "transfer-then-transfer": 8,
  "consult-then-transfer": 7,
};

interface Measure {
  seconds: number;
  peakRssMb: number;
  detail: Record<string, number | string>;
}

const BARE_QUERY = `SELECT COUNT(*) AS interactions, SUM(length(P)) AS chars FROM (
  SELECT INTERACTION_ID, string_agg(TECHNICAL_DESCRIPTOR_KEY::text || ':' || RESOURCE_KEY::text, ';'
    ORDER BY START_TS, INTERACTION_RESOURCE_ID) AS P
  FROM INTERACTION_RESOURCE_FACT GROUP BY INTERACTION_ID) X`;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const sink = () =>
  new Writable({
    write(_c, _e, done) {
      done();
    },
  });

/** Child mode: one measurement, printed as JSON on stdout. */
async function child(mode: string, url: string, extra: string | undefined): Promise<Measure> {
  const t0 = process.hrtime.bigint();
  const detail: Record<string, number | string> = {};
  if (mode === "seed") {
    const { volume, mix } = JSON.parse(extra ?? "{}") as { volume: number; mix?: Record<string, number> };
    const r = await seedVolume(databaseTarget(url, "--db"), {
      volume,
      days: 28,
      seed: "bench",
      ...(mix === undefined ? {} : { mix }),
      onProgress: (done, total) =>
        process.stderr.write(`\r  seeding ${done.toLocaleString("en")}/${total.toLocaleString("en")}`),
    });
    process.stderr.write("\n");
    Object.assign(detail, { interactions: r.interactions, irfs: r.irfs, msfs: r.msfs });
  } else if (mode === "census") {
    const census = await runCensus({
      source: { kind: "postgres", target: databaseTarget(url, "--db") },
      window: {},
      featureDirs: [join(ROOT, "features")],
      vocabularyFile: undefined,
      gimConfigFile: undefined,
      sampleSize: 5,
      statementTimeoutMs: 3_600_000,
      harnessVersion: "bench",
      cwd: ROOT,
      stdout: sink(),
      stderr: sink(),
    });
    Object.assign(detail, {
      interactions: census.interactions,
      irfs: census.irfs,
      patterns: census.patterns.length,
    });
  } else if (mode === "bare") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("BEGIN TRANSACTION READ ONLY");
    const { rows } = await client.query<{ interactions: string; chars: string }>(BARE_QUERY);
    await client.query("COMMIT");
    await client.end();
    Object.assign(detail, { interactions: Number(rows[0]?.interactions) });
  } else throw new Error(`unknown child mode ${mode}`);
  return {
    seconds: Number(process.hrtime.bigint() - t0) / 1e9,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    detail,
  };
}

function inChild(mode: string, url: string, extra?: string): Measure {
  // The URL (with the cluster's password) goes by environment, never on a command line that ps
  // or an error message would show.
  const out = execFileSync(
    process.execPath,
    ["-r", "ts-node/register", __filename, "--child", mode, ...(extra === undefined ? [] : [extra])],
    {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 1 << 20,
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, GIM_BENCH_DATABASE_URL: url },
    },
  );
  return JSON.parse(out) as Measure;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const fmt = (n: number) => Math.round(n).toLocaleString("en");

async function main(): Promise<void> {
  const c = process.argv.indexOf("--child");
  if (c >= 0) {
    const [mode, extra] = process.argv.slice(c + 1);
    const url = process.env.GIM_BENCH_DATABASE_URL ?? "";
    process.stdout.write(JSON.stringify(await child(mode ?? "", url, extra)));
    return;
  }
  const sizes = (arg("--irfs") ?? "1000000,10000000").split(",").map(Number);
  const runs = Number(arg("--runs") ?? 3);
  const mix = arg("--mix") === "default" ? undefined : BENCH_MIX;
  if (sizes.some((s) => !Number.isInteger(s) || s <= 0) || !Number.isInteger(runs) || runs < 1)
    throw new Error(
      "--irfs takes positive whole numbers separated by commas, --runs a positive whole number",
    );
  const started = execFileSync(CLUSTER, ["start"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const base = /GIM_TEST_DATABASE_URL=(\S+)/.exec(started)?.[1];
  const dir = /GIM_PG_DIR=(\S+)/.exec(started)?.[1];
  if (base === undefined || dir === undefined) throw new Error(`pg-cluster.sh printed no URL: ${started}`);
  const stop = () => spawnSync(CLUSTER, ["stop", dir], { stdio: "ignore" });
  process.once("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
  const scratch = mkdtempSync(join(tmpdir(), "gim-bench-census-"));
  try {
    console.log(
      `Census benchmark: throwaway PostgreSQL cluster, ${runs} run(s) each, ${mix ? "bench" : "default"} mix`,
    );
    for (const irfs of sizes) {
      const schema = `bench_${irfs}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const url = `${base}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      // IRFs per interaction of each mix, measured on 20,000 generated chats (seed 1).
      const perInteraction = mix === undefined ? 1.254 : 1.76;
      const volume = Math.ceil(irfs / perInteraction);
      console.log(`\n~${fmt(irfs)} IRFs: seeding ${fmt(volume)} interactions`);
      const seed = inChild("seed", url, JSON.stringify({ volume, ...(mix === undefined ? {} : { mix }) }));
      const admin2 = new pg.Client({ connectionString: url });
      await admin2.connect();
      await admin2.query("ANALYZE");
      const size = await admin2.query<{ mb: string }>(
        "SELECT (pg_total_relation_size('interaction_resource_fact') / 1048576)::text AS mb",
      );
      await admin2.end();
      const census: Measure[] = [];
      const bare: Measure[] = [];
      for (let r = 0; r < runs; r++) {
        bare.push(inChild("bare", url));
        census.push(inChild("census", url));
      }
      const cs = median(census.map((m) => m.seconds));
      const bs = median(bare.map((m) => m.seconds));
      const d = seed.detail;
      console.log(
        `  seed: ${fmt(Number(d.interactions))} interactions, ${fmt(Number(d.irfs))} IRFs, ${fmt(Number(d.msfs))} MSFs in ${seed.seconds.toFixed(1)} s (${fmt(Number(d.interactions) / seed.seconds)} interactions/s), peak RSS ${seed.peakRssMb.toFixed(0)} MB; IRF table ${size.rows[0]?.mb} MB`,
      );
      console.log(
        `  census (median of ${runs}): ${cs.toFixed(2)} s, ${census[0]?.detail.patterns} patterns, peak RSS ${median(census.map((m) => m.peakRssMb)).toFixed(0)} MB`,
      );
      console.log(
        `  bare GROUP BY INTERACTION_ID string_agg (median of ${runs}): ${bs.toFixed(2)} s, peak RSS ${median(bare.map((m) => m.peakRssMb)).toFixed(0)} MB`,
      );
      console.log(`  ratio census / bare: ${(cs / bs).toFixed(2)}x`);
      console.log(
        `  runs: census ${census.map((m) => m.seconds.toFixed(2)).join(", ")}; bare ${bare.map((m) => m.seconds.toFixed(2)).join(", ")}`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    stop();
  }
}

main().catch((e: unknown) => {
  const text = e instanceof Error ? e.message : String(e);
  console.error(text.replace(/postgres(?:ql)?:\/\/\S+/g, "postgres://***"));
  process.exit(3);
});
