/**
 * Benchmark (issue 11): `run --sut export` on a large IRF export, against reading the same file.
 *
 *   node -r ts-node/register bench/large-export.ts [--rows 400000,2000000]
 *
 * The export holds every bundled example's reference rows (the interactions the manifest names)
 * among filler interactions up to the row count. Per size it times, each in a child process:
 * the baseline, streaming the file and splitting it into lines (what any reader must pay), and
 * `gim-conformance run --sut export --no-allure` on all the bundled flows. Before the export was
 * read once before the scenarios, a 400k-row export failed a scenario and a 2M-row one exited 3
 * on cucumber's 5 s step timeout. Figures are printed, never asserted.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { IrfRow } from "../src/domain/irf";
import { codeOf } from "../src/domain/vocabulary";
import { readExampleLogs } from "../src/gimdb/example-logs";
import { formatManifest } from "../src/sut/lab-manifest-format";
import { SEEDED_RESOURCE_TYPES } from "../src/sut/resource-type-codes";

const ROOT = resolve(__dirname, "..");
const HEADER =
  "interaction_id,media_server_ixn_guid,interaction_resource_id,media_name_code,interaction_type_code,resource_name,resource_type_code,resource_role_code,technical_result_code,result_reason_code,role_reason_code,start_ts,end_ts";

function sizes(): number[] {
  const i = process.argv.indexOf("--rows");
  const given = i >= 0 ? (process.argv[i + 1] ?? "") : "400000,2000000";
  const rows = given.split(",").map(Number);
  if (rows.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error("--rows must list positive integers");
  return rows;
}

function csvLine(key: number, guid: string, row: IrfRow): string {
  const type = SEEDED_RESOURCE_TYPES[row.resourceType as keyof typeof SEEDED_RESOURCE_TYPES].code;
  const codes = [row.role, row.result, row.reason, row.roleReason].map(codeOf);
  return [key, guid, row.irf, "CHAT", "INBOUND", row.resource, type, ...codes, row.start, row.end].join(",");
}

async function writeExport(file: string, rows: number, interactions: { guid: string; rows: IrfRow[] }[]) {
  const out = createWriteStream(file);
  const write = (text: string) =>
    new Promise<void>((done) => (out.write(text) ? done() : out.once("drain", () => done())));
  await write(`${HEADER}\n`);
  let written = 0;
  let key = 0;
  for (const x of interactions) {
    key++;
    await write(`${x.rows.map((r) => csvLine(key, x.guid, r)).join("\n")}\n`);
    written += x.rows.length;
  }
  // Filler: the examples' rows again under GUIDs no manifest names, until the size is reached.
  let chunk: string[] = [];
  for (let n = 0; written < rows; n++) {
    const x = interactions[n % interactions.length];
    if (x === undefined) break;
    key++;
    for (const r of x.rows) {
      if (written >= rows) break;
      chunk.push(csvLine(key, `filler-${n}`, r));
      written++;
    }
    if (chunk.length >= 10_000) {
      await write(`${chunk.join("\n")}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) await write(`${chunk.join("\n")}\n`);
  await new Promise<void>((done) => out.end(() => done()));
}

function timed(args: readonly string[]): { seconds: number; status: number | null; tail: string } {
  const start = process.hrtime.bigint();
  const ran = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const tail = `${ran.stdout}${ran.stderr}`.trim().split("\n").slice(-2).join(" | ");
  return { seconds, status: ran.status, tail };
}

/** The baseline: stream the file and split it into lines, in a fresh node process. */
const READ_ONLY = `
const rl = require("node:readline").createInterface({ input: require("node:fs").createReadStream(process.argv[1]) });
let n = 0; rl.on("line", () => n++); rl.on("close", () => console.log(n + " lines"));`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "gim-bench-export-"));
  try {
    const examples = await readExampleLogs(join(ROOT, "examples"));
    const interactions = examples.flatMap((log) =>
      log.interactions.map((x) => ({
        id: x.name === log.name ? log.id : `${log.id}${x.name.slice(log.name.length)}`,
        guid: x.name,
        rows: x.rows,
      })),
    );
    const manifest = join(dir, "manifest.yaml");
    writeFileSync(
      manifest,
      formatManifest(
        interactions.map(({ id, guid }) => ({ id, guid })),
        ["bench"],
      ),
    );
    console.log("rows        MiB   read (baseline)   gim-conformance run   ratio   run's exit and last line");
    for (const rows of sizes()) {
      const file = join(dir, `irf-${rows}.csv`);
      await writeExport(file, rows, interactions);
      const mib = statSync(file).size / 2 ** 20;
      const read = timed(["-e", READ_ONLY, file]);
      const bin = join(ROOT, "bin", "gim-conformance.js");
      const run = timed([
        bin,
        "run",
        "--sut",
        "export",
        "--export",
        file,
        "--manifest",
        manifest,
        "--no-allure",
      ]);
      console.log(
        `${String(rows).padEnd(10)} ${mib.toFixed(0).padStart(4)}   ${read.seconds.toFixed(2).padStart(8)} s        ` +
          `${run.seconds.toFixed(2).padStart(8)} s         ${(run.seconds / read.seconds).toFixed(1).padStart(5)}x   ` +
          `exit ${run.status}: ${run.tail}`,
      );
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
