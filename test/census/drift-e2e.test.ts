/**
 * Done-when of issue 12, the drift half, on real PostgreSQL: three windows of seeded volume —
 * A and B with the default mix (different seeds, different days), C with a shifted mix (five times
 * the chats whose invitation is revoked) and chats planted with an undocumented descriptor — each
 * counted by `census --from --to --json`. Drift stays quiet on A vs B, and on A vs C flags the
 * revoked-invitation pattern as the one that rose and the planted pattern as new, with exactly the
 * planted interactions' GUIDs as samples. The census never writes: the tables read the same after.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { after, before, describe, type TestContext, test } from "node:test";
import { expect } from "chai";
import type { Census } from "../../src/census/census-types";
import { main } from "../../src/cli/main";
import { databaseTarget } from "../../src/gimdb/database-target";
import { DEFAULT_MIX } from "../../src/volume/chat-shapes";
import { seedVolume } from "../../src/volume/seed-volume";
import { plantUndocumented } from "../../src/volume/volume-anomalies";
import { postgresUnavailable, type TestSchema, testPostgres } from "../support/postgres";

const unavailable = postgresUnavailable();
const PLANTED = 7;
const DAY = ["2026-04-06", "2026-04-07", "2026-04-08", "2026-04-09"];

async function cli(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c: Buffer) => {
    out += c.toString("utf8");
  });
  stderr.on("data", (c: Buffer) => {
    err += c.toString("utf8");
  });
  const code = await main(args, { stdout, stderr, env: {} });
  return { code, stdout: out, stderr: err, output: `${out}\n${err}` };
}

function pgTest(name: string, fn: (t: TestContext) => Promise<void>): void {
  test(name, async (t) => {
    if (unavailable !== undefined) {
      t.skip(unavailable);
      return;
    }
    await fn(t);
  });
}

describe("census + drift on a seeded volume with planted anomalies", () => {
  let schema: TestSchema;
  let dir: string;
  let plantedGuids: string[] = [];
  const files = { a: "", b: "", c: "" };

  /** A fingerprint of every fact row: equal before and after = nothing written. */
  async function fingerprint(): Promise<string> {
    const parts: string[] = [];
    for (const [table, key] of [
      ["INTERACTION_FACT", "INTERACTION_ID"],
      ["INTERACTION_RESOURCE_FACT", "INTERACTION_RESOURCE_ID"],
      ["MEDIATION_SEGMENT_FACT", "MEDIATION_SEGMENT_ID"],
      ["TECHNICAL_DESCRIPTOR", "TECHNICAL_DESCRIPTOR_KEY"],
    ]) {
      const { rows } = await schema.writer.query<{ n: string; h: string }>(
        `SELECT COUNT(*)::text AS n, md5(string_agg(T::text, '|' ORDER BY ${key})) AS h FROM ${table} T`,
      );
      parts.push(`${table}:${rows[0]?.n}:${rows[0]?.h}`);
    }
    return parts.join(" ");
  }

  before(async () => {
    if (unavailable !== undefined) return;
    dir = mkdtempSync(join(tmpdir(), "gim-drift-e2e-"));
    schema = await testPostgres().freshSchema("drift_e2e");
    const target = databaseTarget(schema.url, "--db");
    await seedVolume(target, { volume: 20000, days: 1, from: `${DAY[0]}T00:00:00Z`, seed: "window-a" });
    await seedVolume(target, { volume: 20000, days: 1, from: `${DAY[1]}T00:00:00Z`, seed: "window-b" });
    await seedVolume(target, {
      volume: 20000,
      days: 1,
      from: `${DAY[2]}T00:00:00Z`,
      seed: "window-c",
      mix: { ...DEFAULT_MIX, "chat-invitation-revoked": (DEFAULT_MIX["chat-invitation-revoked"] ?? 0) * 5 },
    });
    const planted = await plantUndocumented(target, { count: PLANTED, days: 1, from: `${DAY[2]}T00:00:00Z` });
    const { rows } = await schema.writer.query<{ guid: string }>(
      "SELECT MEDIA_SERVER_IXN_GUID AS guid FROM INTERACTION_FACT WHERE INTERACTION_ID BETWEEN $1 AND $2 ORDER BY 1",
      [planted.firstInteractionId, planted.lastInteractionId],
    );
    plantedGuids = rows.map((r) => r.guid);
    const writesBefore = await fingerprint();
    for (const [k, i] of [
      ["a", 0],
      ["b", 1],
      ["c", 2],
    ] as const) {
      files[k] = join(dir, `${k}.json`);
      const run = await cli([
        "census",
        "--db",
        schema.url,
        "--from",
        `${DAY[i]}T00:00:00Z`,
        "--to",
        `${DAY[i + 1]}T00:00:00Z`,
        "--json",
        files[k],
      ]);
      if (run.code !== 0 && run.code !== 1) throw new Error(`census ${k} exited ${run.code}: ${run.output}`);
    }
    if ((await fingerprint()) !== writesBefore) throw new Error("the census changed the database");
  });

  after(async () => {
    if (unavailable !== undefined) return;
    await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  pgTest(
    "each census counts its window's chats; only C holds the planted pattern, with exactly the planted GUIDs",
    async () => {
      const read = (f: string) => JSON.parse(readFileSync(f, "utf8")) as Census;
      const [a, b, c] = [read(files.a), read(files.b), read(files.c)];
      expect(a.interactions).to.equal(20000);
      expect(b.interactions).to.equal(20000);
      expect(c.interactions).to.equal(20000 + PLANTED);
      const plantedIn = (x: Census) => x.patterns.filter((p) => p.signature.includes("AbnormalStop"));
      expect(plantedIn(a)).to.deep.equal([]);
      expect(plantedIn(b)).to.deep.equal([]);
      const [p] = plantedIn(c);
      expect(p?.flow).to.equal(null);
      expect(p?.interactions).to.equal(PLANTED);
      expect(plantedGuids).to.have.length(PLANTED);
      for (const guid of p?.samples ?? []) expect(plantedGuids).to.include(guid);
      expect(p?.samples).to.have.length.above(0);
    },
  );

  pgTest("drift stays quiet on two windows of the same mix (exit 0)", async () => {
    const run = await cli(["drift", files.a, files.b]);
    expect(run.code, run.output).to.equal(0);
    expect(run.stdout).to.match(/No drift: the mix is the same/);
  });

  pgTest("drift flags the shifted mix and the planted pattern (exit 1), in words", async () => {
    const md = join(dir, "drift.md");
    const run = await cli(["drift", files.a, files.c, "--markdown", md]);
    expect(run.code, run.output).to.equal(1);
    const rose = run.stdout.split("\n").filter((l) => / rose from /.test(l));
    expect(rose, run.stdout).to.have.length(1);
    expect(rose[0]).to.match(/^@id:chat-invitation-revoked/);
    expect(run.stdout).to.match(
      new RegExp(`New undocumented pattern: "[^"]*AbnormalStop[^"]*" in ${PLANTED} chats`),
    );
    const newLine = run.stdout.split("\n").find((l) => l.startsWith("New undocumented pattern"));
    const samples = /samples: (.*)\.$/.exec(newLine ?? "")?.[1]?.split(" ") ?? [];
    expect(samples.length).to.be.above(0);
    for (const s of samples) expect(plantedGuids).to.include(s);
    expect(readFileSync(md, "utf8")).to.match(/rose from/);
  });
});
