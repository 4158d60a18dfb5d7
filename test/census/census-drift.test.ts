/**
 * Issue 12's "done when", end to end on a real PostgreSQL server: three weeks of synthetic chat
 * traffic (seed-db --volume's generator, loaded with COPY), the third with a shifted mix and with
 * undocumented descriptors planted on a known number of chats. `census` over each week must find
 * exactly the planted interactions as the week's new undocumented pattern (with their GUIDs as samples) and write nothing; `drift` must
 * stay quiet between the two weeks with the same mix and flag the shift and the new undocumented
 * pattern in the third.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe } from "node:test";
import { expect } from "chai";
import type { Census } from "../../src/census/census-types";
import { databaseTarget } from "../../src/gimdb/database-target";
import { DEFAULT_MIX } from "../../src/volume/chat-shapes";
import { seedVolume } from "../../src/volume/seed-volume";
import { plantUndocumented } from "../../src/volume/volume-anomalies";
import { pgTest, postgresUnavailable, type TestSchema, testPostgres } from "../support/postgres";
import { runCli } from "../support/run-cli";

const unavailable = postgresUnavailable();
const WEEK_MS = 7 * 86_400_000;
const START = Date.parse("2026-03-02T00:00:00.000Z");
const week = (n: number) => new Date(START + n * WEEK_MS).toISOString();
const PER_WEEK = 3000;
const PLANTED = 7;

async function checksum(schema: TestSchema): Promise<string> {
  const sums: string[] = [];
  for (const table of [
    "INTERACTION_FACT",
    "INTERACTION_RESOURCE_FACT",
    "MEDIATION_SEGMENT_FACT",
    "TECHNICAL_DESCRIPTOR",
  ]) {
    const { rows } = await schema.writer.query<{ sum: string }>(
      `SELECT md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${table} t`,
    );
    sums.push(rows[0]?.sum ?? "");
  }
  return sums.join(" ");
}

describe("census and drift on a seeded volume", () => {
  let schema: TestSchema;
  let dir: string;
  let planted: string[] = [];

  before(async () => {
    if (unavailable !== undefined) return;
    dir = mkdtempSync(join(tmpdir(), "gim-census-drift-"));
    schema = await testPostgres().freshSchema("census_drift");
    const target = databaseTarget(schema.url, "--db");
    await seedVolume(target, { volume: PER_WEEK, days: 7, from: week(0), seed: "week-1" });
    await seedVolume(target, { volume: PER_WEEK, days: 7, from: week(1), seed: "week-2" });
    // Week 3: transfers three times as frequent, and chats whose agent ended AbnormalStop.
    const shifted = {
      ...DEFAULT_MIX,
      "chat-transfer-accepted": 3 * (DEFAULT_MIX["chat-transfer-accepted"] ?? 1),
    };
    await seedVolume(target, { volume: PER_WEEK, days: 7, from: week(2), seed: "week-3", mix: shifted });
    const plant = await plantUndocumented(target, {
      count: PLANTED,
      days: 7,
      from: week(2),
      seed: "planted",
    });
    const { rows } = await schema.writer.query<{ guid: string }>(
      "SELECT MEDIA_SERVER_IXN_GUID AS guid FROM INTERACTION_FACT WHERE INTERACTION_ID BETWEEN $1 AND $2",
      [plant.firstInteractionId, plant.lastInteractionId],
    );
    planted = rows.map((r) => r.guid).sort();
  });
  after(async () => {
    if (unavailable !== undefined) return;
    await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  pgTest(
    "census finds exactly the planted chats and writes nothing; drift is quiet on the same mix and flags the shift",
    async () => {
      expect(planted).to.have.length(PLANTED);
      const before = await checksum(schema);
      const files: string[] = [];
      for (let n = 0; n < 3; n++) {
        const file = join(dir, `week-${n + 1}.json`);
        const run = await runCli([
          "census",
          "--db",
          schema.url,
          "--from",
          week(n),
          "--to",
          week(n + 1),
          "--json",
          file,
          "--samples",
          "20",
        ]);
        expect(run.code, run.output).to.equal(0);
        files.push(file);
      }
      expect(await checksum(schema)).to.equal(before);

      const [w1, w2, w3] = files.map((f) => JSON.parse(readFileSync(f, "utf8")) as Census) as [
        Census,
        Census,
        Census,
      ];
      expect(w1.interactions).to.be.at.least(PER_WEEK);
      // The generator also composes documented steps (a revoke then another agent, two transfers):
      // whole chats no single feature states, so they are undocumented in every week alike. What
      // week 3 adds is exactly the planted chats.
      const known = new Set(
        [...w1.patterns, ...w2.patterns].filter((p) => p.flow === null).map((p) => p.signature),
      );
      const undocumented = w3.patterns.filter((p) => p.flow === null && !known.has(p.signature));
      expect(undocumented.map((p) => [p.interactions, [...p.samples].sort()])).to.deep.equal([
        [PLANTED, planted],
      ]);
      for (const p of w3.patterns)
        if (p !== undocumented[0]) expect(p.samples).not.to.include.members([planted[0]]);
      expect(undocumented[0]?.signature).to.contain("RoutedTo/AbnormalStop");

      const quiet = await runCli(["drift", files[0] as string, files[1] as string]);
      expect(quiet.code, quiet.output).to.equal(0);
      const shifted = await runCli(["drift", files[0] as string, files[2] as string]);
      expect(shifted.code, shifted.output).to.equal(1);
      expect(shifted.stdout).to.contain("RoutedTo/AbnormalStop");
      expect(shifted.stdout).to.match(/Agent1 RoutedTo\/Transferred > Agent2 ReceivedTransfer\/Completed/);
    },
  );
});
