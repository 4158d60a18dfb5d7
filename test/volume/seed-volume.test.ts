/**
 * seed-db --volume: the generator is deterministic and every chat it makes is what the reference
 * classifier gives for its events; the loader writes exactly those rows (same seed, same tables;
 * another seed, other tables), keeps the seed guard, and plants anomalies through the same path.
 */
import { after, before, describe, test } from "node:test";
import { expect } from "chai";
import { classifyFacts } from "../../src/classifier/classify";
import { InputError } from "../../src/errors";
import { loadGimConfig } from "../../src/gimconfig/gim-config-file";
import { databaseTarget } from "../../src/gimdb/database-target";
import { type ExampleLog, readExampleLogs } from "../../src/gimdb/example-logs";
import { COMPOSITIONS, DEFAULT_MIX } from "../../src/volume/chat-shapes";
import { SeededRandom, seedFrom } from "../../src/volume/rng";
import { seedVolume, volumeShapes } from "../../src/volume/seed-volume";
import { plantUndocumented, UNDOCUMENTED_AGENT_END } from "../../src/volume/volume-anomalies";
import { type GeneratedChat, VolumeGenerator, type VolumePlan } from "../../src/volume/volume-generator";
import { EXAMPLES, passwordOf, pgTest, type TestSchema, testPostgres } from "../support/postgres";
import { runCli } from "../support/run-cli";

const config = loadGimConfig().config;
let examples: ExampleLog[] = [];

before(async () => {
  examples = await readExampleLogs(EXAMPLES);
});

function plan(overrides: Partial<VolumePlan> = {}): VolumePlan {
  return {
    volume: 400,
    days: 2,
    fromMs: Date.parse("2026-05-04T00:00:00Z"),
    seed: seedFrom("1"),
    mix: DEFAULT_MIX,
    agents: 50,
    ...overrides,
  };
}

function chats(p: VolumePlan): GeneratedChat[] {
  return [...new VolumeGenerator(volumeShapes(examples), p, config).chats()];
}

const descriptorsOf = (c: GeneratedChat) =>
  c.interactions.map((x) =>
    x.rows.map((r) => `${r.resourceType}:${r.role}/${r.result}/${r.reason}`).join(" > "),
  );

describe("volume generator", () => {
  test("the same plan gives the same chats; another seed gives others", () => {
    const a = chats(plan());
    const b = chats(plan());
    const c = chats(plan({ seed: seedFrom("2") }));
    expect(JSON.stringify(a)).to.equal(JSON.stringify(b));
    expect(JSON.stringify(a)).not.to.equal(JSON.stringify(c));
  });

  test("makes exactly the volume asked, inside the window, every chat's rows those the classifier gives its events", () => {
    // Flow 8 weighted up, so some of its chats start in the window's last minutes.
    const p = plan({
      volume: 1000,
      days: 0.05,
      mix: { ...DEFAULT_MIX, "chat-conference-through-queue": 30 },
    });
    const all = chats(p);
    expect(all.reduce((n, c) => n + c.interactions.length, 0)).to.equal(1000);
    const end = p.fromMs + p.days * 86_400_000;
    for (const chat of all) {
      // Every interaction starts in the window, flow 8's later invitation too.
      for (const x of chat.interactions) expect(x.firstMs).to.be.at.least(p.fromMs).and.below(end);
      const events = chat.interactions.flatMap((x) => x.events).sort((x, y) => x.source.line - y.source.line);
      const again = classifyFacts(events, "again", config);
      expect(chat.interactions.flatMap((x) => x.rows)).to.deep.equal(
        again.irfs.filter((r) => chat.interactions.some((x) => x.name === r.interaction)),
      );
    }
  });

  test("a documented shape keeps its example's descriptors, with other agents and times", () => {
    const example = examples.find((e) => e.id === "chat-transfer-accepted");
    const [chat] = chats(plan({ volume: 1, mix: { "chat-transfer-accepted": 1 } }));
    if (example === undefined || chat === undefined) throw new Error("no example or chat");
    expect(descriptorsOf(chat)).to.deep.equal([
      example.rows.map((r) => `${r.resourceType}:${r.role}/${r.result}/${r.reason}`).join(" > "),
    ]);
    expect(chat.interactions[0]?.rows.map((r) => r.resource)).not.to.include("Agent1");
    expect(chat.interactions[0]?.rows[0]?.start).not.to.equal(example.rows[0]?.start);
  });

  test("the mix decides the shares: a shape weighted 3:1 gets about three quarters", () => {
    const all = chats(
      plan({ volume: 4000, mix: { "chat-routed-agent-replies": 3, "chat-abandoned-in-queue": 1 } }),
    );
    const share = all.filter((c) => c.shape === "chat-routed-agent-replies").length / all.length;
    expect(share).to.be.within(0.72, 0.78);
  });

  test("compositions classify into more than one documented step", () => {
    for (const shape of COMPOSITIONS) {
      const [chat] = chats(plan({ volume: 1, mix: { [shape.id]: 1 } }));
      expect(chat?.shape).to.equal(shape.id);
      expect(chat?.interactions[0]?.rows.length, shape.id).to.be.at.least(2);
    }
  });

  test("an unknown shape or a mix without weight is bad input naming the shape", () => {
    expect(() => chats(plan({ mix: { "no-such-flow": 1 } }))).to.throw(InputError, /no-such-flow/);
    expect(() => chats(plan({ mix: { "chat-routed-agent-replies": 0 } }))).to.throw(InputError, /above 0/);
  });

  test("the seeded random stream is stable across runs (a regression would change every seeded database)", () => {
    const r = new SeededRandom(seedFrom("1"));
    const first = [r.next(), r.next(), r.next()];
    const again = new SeededRandom(seedFrom("1"));
    expect([again.next(), again.next(), again.next()]).to.deep.equal(first);
    expect(first.every((x) => x >= 0 && x < 1)).to.equal(true);
  });
});

/** Every fact table's rows, ordered by key, as text: what "identical table contents" compares. */
async function dump(schema: TestSchema): Promise<string> {
  const tables: [string, string][] = [
    ["INTERACTION_FACT", "INTERACTION_ID"],
    ["INTERACTION_RESOURCE_FACT", "INTERACTION_RESOURCE_ID"],
    ["IRF_USER_DATA_KEYS", "INTERACTION_RESOURCE_ID"],
    ["MEDIATION_SEGMENT_FACT", "MEDIATION_SEGMENT_ID"],
    ["CHAT_SESSION_FACT", "MEDIA_SERVER_IXN_GUID"],
    ["TECHNICAL_DESCRIPTOR", "TECHNICAL_DESCRIPTOR_KEY"],
    ["RESOURCE_", "RESOURCE_KEY"],
    ["DATE_TIME", "DATE_TIME_KEY"],
  ];
  const parts: string[] = [];
  for (const [table, key] of tables) {
    const { rows } = await schema.writer.query(`SELECT * FROM ${table} ORDER BY ${key}`);
    parts.push(`${table} ${JSON.stringify(rows)}`);
  }
  return parts.join("\n");
}

describe("seed-db --volume on PostgreSQL", () => {
  const schemas: TestSchema[] = [];
  const fresh = async (prefix: string) => {
    const s = await testPostgres().freshSchema(prefix);
    schemas.push(s);
    return s;
  };
  after(async () => {
    for (const s of schemas) await s.drop();
  });

  pgTest("the same seed loads identical tables; another seed loads other ones", async () => {
    const [a, b, c] = [await fresh("vol_a"), await fresh("vol_b"), await fresh("vol_c")];
    const options = { volume: 300, days: 1, chunk: 70 };
    await seedVolume(databaseTarget(a.url, "--db"), { ...options, seed: "same" });
    await seedVolume(databaseTarget(b.url, "--db"), { ...options, seed: "same" });
    await seedVolume(databaseTarget(c.url, "--db"), { ...options, seed: "other" });
    const [da, db, dc] = [await dump(a), await dump(b), await dump(c)];
    expect(da).to.have.length.above(1000);
    expect(da === db, "same seed, same tables").to.equal(true);
    expect(da === dc, "another seed, other tables").to.equal(false);
  });

  pgTest(
    "the rows are the classifier's: per interaction, its IRFs' descriptors in order, counts as reported",
    async () => {
      const s = await fresh("vol_rows");
      const result = await seedVolume(databaseTarget(s.url, "--db"), {
        volume: 250,
        days: 1,
        seed: "rows",
        chunk: 100,
      });
      const count = async (table: string) =>
        Number((await s.writer.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0]?.n);
      expect(await count("INTERACTION_FACT")).to.equal(250);
      expect(await count("CHAT_SESSION_FACT")).to.equal(250);
      expect(await count("INTERACTION_RESOURCE_FACT")).to.equal(result.irfs);
      expect(await count("MEDIATION_SEGMENT_FACT")).to.equal(result.msfs);
      // The same plan regenerated: interaction k of the load is the k-th generated interaction.
      const generated = [
        ...new VolumeGenerator(
          volumeShapes(examples),
          {
            volume: 250,
            days: 1,
            fromMs: Date.parse("2026-03-02T00:00:00Z"),
            seed: seedFrom("rows"),
            mix: DEFAULT_MIX,
            agents: 300,
          },
          config,
        ).chats(),
      ].flatMap((c) => c.interactions);
      const { rows } = await s.writer.query<{ id: string; d: string | null }>(
        `SELECT F.INTERACTION_ID AS id,
              string_agg(R.RESOURCE_NAME || ':' || TD.RESOURCE_ROLE || '/' || TD.TECHNICAL_RESULT || '/' || TD.RESULT_REASON,
                         ' > ' ORDER BY IRF.START_TS, IRF.INTERACTION_RESOURCE_ID) AS d
         FROM INTERACTION_FACT F
         LEFT JOIN INTERACTION_RESOURCE_FACT IRF ON IRF.INTERACTION_ID = F.INTERACTION_ID
         LEFT JOIN TECHNICAL_DESCRIPTOR TD ON TD.TECHNICAL_DESCRIPTOR_KEY = IRF.TECHNICAL_DESCRIPTOR_KEY
         LEFT JOIN RESOURCE_ R ON R.RESOURCE_KEY = IRF.RESOURCE_KEY
        GROUP BY F.INTERACTION_ID ORDER BY F.INTERACTION_ID`,
      );
      expect(rows.map((r) => r.d ?? "")).to.deep.equal(
        generated.map((x) =>
          x.rows.map((r) => `${r.resource}:${r.role}/${r.result}/${r.reason}`).join(" > "),
        ),
      );
    },
  );

  pgTest("a database where GIM's own job ran is refused before anything is written", async () => {
    const s = await fresh("vol_guard");
    await s.writer.query(
      "CREATE TABLE CTL_TRANSFORM_HISTORY (JOB_ID varchar(64), JOB_VERSION varchar(64), AUDIT_KEY numeric(19))",
    );
    await s.writer.query("INSERT INTO CTL_TRANSFORM_HISTORY VALUES ('x', '8.5.116.13', 1)");
    try {
      let error: unknown;
      try {
        await seedVolume(databaseTarget(s.url, "--db"), { volume: 10 });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(InputError);
      expect(String(error)).to.match(/refusing to seed/);
      const { rows } = await s.writer.query("SELECT to_regclass('interaction_fact') AS t");
      expect(rows[0]?.t).to.equal(null);
    } finally {
      // seed-db's guard reads every schema: while this one looks real, every other seeding is refused.
      await s.drop();
    }
  });

  pgTest("planted chats carry the undocumented descriptor, exactly as many as asked", async () => {
    const s = await fresh("vol_plant");
    const target = databaseTarget(s.url, "--db");
    await seedVolume(target, { volume: 200, days: 1, seed: "base" });
    await plantUndocumented(target, { count: 7, days: 1 });
    const { rows } = await s.writer.query<{ n: string; ixns: string }>(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT IRF.INTERACTION_ID) AS ixns
         FROM INTERACTION_RESOURCE_FACT IRF
         JOIN TECHNICAL_DESCRIPTOR TD ON TD.TECHNICAL_DESCRIPTOR_KEY = IRF.TECHNICAL_DESCRIPTOR_KEY
        WHERE TD.TECHNICAL_RESULT = $1`,
      [UNDOCUMENTED_AGENT_END.result],
    );
    expect(Number(rows[0]?.n)).to.equal(7);
    expect(Number(rows[0]?.ixns)).to.equal(7);
    const total = await s.writer.query("SELECT COUNT(*) AS n FROM INTERACTION_FACT");
    expect(Number(total.rows[0]?.n)).to.equal(207);
  });

  pgTest(
    "through the command: progress on stderr, totals on stdout, bad --volume exits 2, the URL never printed",
    async () => {
      const s = await fresh("vol_cli");
      const ok = await runCli(["seed-db", "--db", s.url, "--volume", "120", "--days", "1", "--seed", "cli"]);
      expect(ok.code, ok.output).to.equal(0);
      expect(ok.stdout).to.match(/Seeded 120 synthetic chat interactions/);
      expect(ok.stderr).to.match(/100% 120\/120/);
      expect(ok.output).not.to.include(passwordOf(s.url));
      const bad = await runCli(["seed-db", "--db", s.url, "--volume", "-3"]);
      expect(bad.code).to.equal(2);
      expect(bad.stderr).to.match(/--volume/);
      const noManifest = await runCli(["seed-db", "--db", s.url]);
      expect(noManifest.code).to.equal(2);
      expect(noManifest.stderr).to.match(/--manifest/);
    },
  );
});
