/**
 * seed-db against a real PostgreSQL server: the schema is created when absent, TECHNICAL_DESCRIPTOR
 * holds one row per distinct combination with GIM's codes, seeding again reuses the dimensions,
 * the manifest it writes reads back, and a database where GIM's own jobs ran is refused untouched.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe } from "node:test";
import { expect } from "chai";
import { InputError } from "../../src/errors";
import { databaseTarget } from "../../src/gimdb/database-target";
import { type ExampleInteraction, type ExampleLog, readExampleLogs } from "../../src/gimdb/example-logs";
import { type SeededInteraction, seedDatabase } from "../../src/gimdb/seed";
import { referenceDescriptors } from "../../src/gimdb/seed-descriptors";
import { LabManifest } from "../../src/sut/lab-manifest";
import { EXAMPLES, passwordOf, pgTest, type TestSchema, testPostgres } from "../support/postgres";
import { runCli } from "../support/run-cli";

let examplesRead: ExampleLog[] = [];

async function count(schema: TestSchema, table: string): Promise<number> {
  const { rows } = await schema.writer.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? -1;
}

/** The example interaction a seeded manifest entry stands for (its own, or one it created). */
function interactionOf(s: SeededInteraction): ExampleInteraction {
  const example = examplesRead.find((e) => e.id === (s.of ?? s.id));
  const x = example?.interactions.find((i) => `${example.id}${i.name.slice(example.name.length)}` === s.id);
  if (x === undefined) throw new Error(`no example interaction for ${s.id}`);
  return x;
}

async function refusal(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(InputError);
    return error as InputError;
  }
  throw new Error("seeding was not refused");
}

describe("seed-db against a real PostgreSQL server", () => {
  let examples: ExampleLog[];
  let dir: string;
  const schemas: TestSchema[] = [];
  const fresh = async (prefix: string) => {
    const schema = await testPostgres().freshSchema(prefix);
    schemas.push(schema);
    return schema;
  };
  /**
   * A schema made to look like a real Info Mart, dropped as soon as its test ends: seed-db's guard
   * reads the whole database, so while it exists every other test's seeding is (rightly) refused.
   */
  const realLooking = async (prefix: string, body: (schema: TestSchema) => Promise<void>) => {
    const schema = await testPostgres().freshSchema(prefix);
    try {
      await body(schema);
    } finally {
      await schema.drop();
    }
  };

  before(async () => {
    examples = await readExampleLogs(EXAMPLES);
    examplesRead = examples;
    dir = mkdtempSync(join(tmpdir(), "gim-seed-"));
  });
  after(async () => {
    for (const schema of schemas) await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  pgTest(
    "creates the schema, one INTERACTION_FACT per example and one descriptor row per distinct combination",
    async () => {
      const schema = await fresh("seed_rows");
      const seeded = await seedDatabase(databaseTarget(schema.url, "--db"), examples);
      expect(seeded.filter((s) => s.of === undefined).map((s) => s.id)).to.deep.equal(
        examples.map((e) => e.id),
      );
      const created = examples.flatMap((e) =>
        e.interactions.slice(1).map((x) => `${e.id}${x.name.slice(e.name.length)}`),
      );
      expect(created, "an example creates a second interaction").not.to.be.empty;
      expect(seeded.filter((s) => s.of !== undefined).map((s) => s.id)).to.deep.equal(created);
      expect(new Set(seeded.map((s) => s.guid)).size).to.equal(seeded.length);
      const all = examples.flatMap((e) => e.interactions);
      expect(all.length, "an example creates a second interaction").to.be.greaterThan(examples.length);
      expect(await count(schema, "INTERACTION_FACT")).to.equal(all.length);
      const irfs = all.reduce((n, e) => n + e.rows.length, 0);
      expect(await count(schema, "INTERACTION_RESOURCE_FACT")).to.equal(irfs);

      const combinations = new Set(
        all.flatMap((e) =>
          [...e.rows, ...e.msfs].map((r) => `${r.role}/${r.result}/${r.reason}/${r.roleReason}`),
        ),
      );
      for (const d of referenceDescriptors())
        combinations.add(`${d.role}/${d.result}/${d.reason}/${d.roleReason}`);
      const { rows } = await schema.writer.query(
        `SELECT RESOURCE_ROLE, RESOURCE_ROLE_CODE, TECHNICAL_RESULT, TECHNICAL_RESULT_CODE, RESULT_REASON, RESULT_REASON_CODE,
              ROLE_REASON, ROLE_REASON_CODE FROM TECHNICAL_DESCRIPTOR`,
      );
      // Pre-populated as GIM's initialisation does: the classifier's every combination, each once,
      // plus any an example produces (none today, but a new rule would add one when first used).
      expect(
        rows
          .map((r) => `${r.resource_role}/${r.technical_result}/${r.result_reason}/${r.role_reason}`)
          .sort(),
      ).to.deep.equal([...combinations].sort());
      expect(rows.length).to.be.greaterThan(
        new Set(examples.flatMap((e) => e.rows.map((r) => `${r.role}/${r.result}/${r.reason}`))).size,
      );
      for (const r of rows) {
        expect(r.resource_role_code).to.equal(r.resource_role.toUpperCase());
        expect(r.technical_result_code).to.equal(r.technical_result.toUpperCase());
        expect(r.result_reason_code).to.equal(r.result_reason.toUpperCase());
        expect([r.role_reason, r.role_reason_code]).to.deep.equal(["Unspecified", "UNSPECIFIED"]);
      }
      const media = await schema.writer.query(
        "SELECT MEDIA_NAME, MEDIA_NAME_CODE, IS_ONLINE FROM MEDIA_TYPE",
      );
      expect(media.rows).to.deep.equal([{ media_name: "Chat", media_name_code: "CHAT", is_online: "1" }]);
    },
  );

  pgTest("seeding again adds fresh interactions and reuses every dimension row", async () => {
    const schema = await fresh("seed_twice");
    const target = databaseTarget(schema.url, "--db");
    await seedDatabase(target, examples);
    const tables = [
      "TECHNICAL_DESCRIPTOR",
      "RESOURCE_",
      "MEDIA_TYPE",
      "INTERACTION_TYPE",
      "DATE_TIME",
      "ROUTING_TARGET",
      "INTERACTION_DESCRIPTOR",
      "ANCHOR_FLAGS",
      "CHAT_SESSION_DIM",
    ];
    const counts = async () => {
      const n: number[] = [];
      for (const t of tables) n.push(await count(schema, t));
      return n;
    };
    const dimensions = await counts();
    await seedDatabase(target, examples);
    expect(await counts()).to.deep.equal(dimensions);
    const all = examples.flatMap((e) => e.interactions);
    expect(await count(schema, "INTERACTION_FACT")).to.equal(2 * all.length);
    const msfs = all.reduce((n, e) => n + e.msfs.length, 0);
    expect(await count(schema, "MEDIATION_SEGMENT_FACT")).to.equal(2 * msfs);
    expect(await count(schema, "CHAT_SESSION_FACT")).to.equal(2 * all.length);
    const ids = await schema.writer.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM INTERACTION_RESOURCE_FACT IRF
         JOIN MEDIATION_SEGMENT_FACT MSF ON MSF.MEDIATION_SEGMENT_ID = IRF.INTERACTION_RESOURCE_ID`,
    );
    expect(ids.rows[0]?.n, "IRF and MSF ids share one number space").to.equal(0);
  });

  pgTest(
    "every time key has a DATE_TIME row with its UTC labels; facts point at the log's INTERACTION_TYPE row",
    async () => {
      const schema = await fresh("seed_dims");
      const seeded = await seedDatabase(databaseTarget(schema.url, "--db"), examples);
      const used = `SELECT START_DATE_TIME_KEY AS KEY FROM INTERACTION_FACT UNION SELECT END_DATE_TIME_KEY FROM INTERACTION_FACT
         UNION SELECT START_DATE_TIME_KEY FROM INTERACTION_RESOURCE_FACT UNION SELECT END_DATE_TIME_KEY FROM INTERACTION_RESOURCE_FACT
         UNION SELECT INTERACTION_SDT_KEY FROM INTERACTION_RESOURCE_FACT
         UNION SELECT MEDIATION_START_DATE_TIME_KEY FROM INTERACTION_RESOURCE_FACT
         UNION SELECT START_DATE_TIME_KEY FROM MEDIATION_SEGMENT_FACT UNION SELECT END_DATE_TIME_KEY FROM MEDIATION_SEGMENT_FACT
         UNION SELECT TARGET_IXN_RESOURCE_SDT_KEY FROM MEDIATION_SEGMENT_FACT
         UNION SELECT START_DATE_TIME_KEY FROM CHAT_SESSION_FACT UNION SELECT END_DATE_TIME_KEY FROM CHAT_SESSION_FACT`;
      const keys = await schema.writer.query<{ key: number }>(
        `SELECT K.KEY FROM (${used}) K
       WHERE K.KEY IS NOT NULL AND NOT EXISTS (SELECT 1 FROM DATE_TIME DT WHERE DT.DATE_TIME_KEY = K.KEY)`,
      );
      const distinct = await schema.writer.query<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM (${used}) K WHERE K.KEY IS NOT NULL`,
      );
      expect(keys.rows, "time keys without a DATE_TIME row").to.deep.equal([]);
      const dt = await schema.writer.query(
        "SELECT DATE_TIME_KEY, LABEL_YYYY, LABEL_YYYY_MM, LABEL_YYYY_MM_DD, LABEL_YYYY_MM_DD_HH24, LABEL_YYYY_MM_DD_HH24_MI, LABEL_HH24, to_char(CAL_DATE, 'YYYY-MM-DD') AS cal FROM DATE_TIME",
      );
      expect(dt.rows.length, "one DATE_TIME row per key used").to.equal(distinct.rows[0]?.n);
      expect(dt.rows.length).to.be.greaterThan(1);
      for (const r of dt.rows) {
        const key = Number(r.date_time_key);
        expect(key % 900, `${key} starts a 15-minute interval`).to.equal(0);
        const iso = new Date(key * 1000).toISOString();
        expect([r.label_yyyy, r.label_yyyy_mm, r.label_yyyy_mm_dd, r.cal]).to.deep.equal([
          iso.slice(0, 4),
          iso.slice(0, 7),
          iso.slice(0, 10),
          iso.slice(0, 10),
        ]);
        expect([r.label_yyyy_mm_dd_hh24, r.label_yyyy_mm_dd_hh24_mi, r.label_hh24]).to.deep.equal([
          iso.slice(0, 13).replace("T", " "),
          iso.slice(0, 16).replace("T", " "),
          iso.slice(11, 13),
        ]);
      }
      const types = await schema.writer.query(
        "SELECT INTERACTION_TYPE, INTERACTION_TYPE_CODE FROM INTERACTION_TYPE ORDER BY INTERACTION_TYPE_KEY",
      );
      expect(
        [...new Set(types.rows.map((r) => `${r.interaction_type}/${r.interaction_type_code}`))].sort(),
      ).to.deep.equal(["Inbound/INBOUND", "Internal/INTERNAL", "Outbound/OUTBOUND", "Unknown/UNKNOWN"]);
      // A subtype a log names (event log 1.1) gets its own row, name and code.
      const subtypes = await schema.writer.query(
        "SELECT INTERACTION_SUBTYPE, INTERACTION_SUBTYPE_CODE FROM INTERACTION_TYPE",
      );
      for (const r of subtypes.rows)
        expect(r.interaction_subtype_code).to.equal(r.interaction_subtype.toUpperCase());
      const named = examples
        .flatMap((e) => e.events)
        .flatMap((x) =>
          x.event.event === "EventInteractionSubmitted" && x.event.subtype ? [x.event.subtype] : [],
        );
      for (const sub of named) expect(subtypes.rows.map((r) => r.interaction_subtype)).to.include(sub);
      const byGuid = await schema.writer.query(
        `SELECT F.MEDIA_SERVER_IXN_GUID AS guid, T.INTERACTION_TYPE_CODE AS code,
              (SELECT COUNT(*)::int FROM INTERACTION_RESOURCE_FACT IRF WHERE IRF.INTERACTION_ID = F.INTERACTION_ID
                 AND IRF.INTERACTION_TYPE_KEY <> F.INTERACTION_TYPE_KEY) AS irf_other,
              (SELECT COUNT(*)::int FROM MEDIATION_SEGMENT_FACT M WHERE M.INTERACTION_ID = F.INTERACTION_ID
                 AND M.INTERACTION_TYPE_KEY <> F.INTERACTION_TYPE_KEY) AS msf_other
         FROM INTERACTION_FACT F JOIN INTERACTION_TYPE T ON T.INTERACTION_TYPE_KEY = F.INTERACTION_TYPE_KEY`,
      );
      const codeOfGuid = new Map(byGuid.rows.map((r) => [r.guid, r]));
      for (const s of seeded) {
        const example = interactionOf(s);
        const submitted = example?.events.find((e) => e.event.event === "EventInteractionSubmitted")?.event;
        const type = submitted?.event === "EventInteractionSubmitted" ? submitted.interactionType : "Unknown";
        expect(codeOfGuid.get(s.guid), s.id).to.deep.include({
          code: type.toUpperCase(),
          irf_other: 0,
          msf_other: 0,
        });
      }
      const special = await schema.writer.query(
        "SELECT RESOURCE_TYPE_CODE FROM RESOURCE_ WHERE RESOURCE_TYPE_CODE IN ('NONE', 'UNKNOWN') ORDER BY 1",
      );
      expect(special.rows.map((r) => r.resource_type_code)).to.deep.equal(["NONE", "UNKNOWN"]);
      const agents = await schema.writer.query(
        "SELECT RESOURCE_NAME, AGENT_NAME FROM RESOURCE_ WHERE RESOURCE_TYPE_CODE = 'AGENT'",
      );
      expect(agents.rows.length).to.be.greaterThan(0);
      for (const r of agents.rows) expect(r.agent_name).to.equal(r.resource_name);
    },
  );

  pgTest(
    "IRFs carry the classifier's times, counts and last queue; MSFs link to their IRFs; one CHAT_SESSION_FACT per chat",
    async () => {
      const schema = await fresh("seed_facts");
      const seeded = await seedDatabase(databaseTarget(schema.url, "--db"), examples);
      const irfs = await schema.writer.query(
        `SELECT F.MEDIA_SERVER_IXN_GUID AS guid, IRF.INTERACTION_RESOURCE_ORDINAL AS irf, IRF.RING_COUNT, IRF.RING_DURATION,
              IRF.TALK_COUNT, IRF.TALK_DURATION, IRF.HANDLE_COUNT, IRF.MEDIATION_COUNT, IRF.MEDIATION_DURATION,
              Q.RESOURCE_NAME AS last_queue, IRF.MEDIATION_SEGMENT_ID::text AS msf_id
         FROM INTERACTION_RESOURCE_FACT IRF
         JOIN INTERACTION_FACT F ON F.INTERACTION_ID = IRF.INTERACTION_ID
         JOIN RESOURCE_ Q ON Q.RESOURCE_KEY = IRF.LAST_VQUEUE_RESOURCE_KEY`,
      );
      const msfs = await schema.writer.query(
        `SELECT M.MEDIA_SERVER_IXN_GUID AS guid, M.MEDIATION_SEGMENT_ID::text AS id, R.RESOURCE_NAME AS queue,
              TD.RESOURCE_ROLE_CODE AS role, TD.TECHNICAL_RESULT_CODE AS result, TD.RESULT_REASON_CODE AS reason,
              M.MEDIATION_DURATION, M.START_TS, IRF.INTERACTION_RESOURCE_ORDINAL AS irf,
              M.IXN_RESOURCE_ID = M.TARGET_IXN_RESOURCE_ID AS same_link
         FROM MEDIATION_SEGMENT_FACT M
         JOIN RESOURCE_ R ON R.RESOURCE_KEY = M.RESOURCE_KEY
         JOIN TECHNICAL_DESCRIPTOR TD ON TD.TECHNICAL_DESCRIPTOR_KEY = M.TECHNICAL_DESCRIPTOR_KEY
         LEFT JOIN INTERACTION_RESOURCE_FACT IRF ON IRF.INTERACTION_RESOURCE_ID = M.TARGET_IXN_RESOURCE_ID
         ORDER BY M.MEDIATION_SEGMENT_ID`,
      );
      const sessions = await schema.writer.query(
        `SELECT C.MEDIA_SERVER_IXN_GUID AS guid, C.AGENTS_COUNT, C.SESSION_DURATION, C.UNTIL_FIRST_AGENT_DURATION,
              D.ENDED_BY, C.MSG_FROM_CUSTOMERS, C.MSG_FROM_AGENTS, C.UNTIL_FIRST_REPLY_DURATION
         FROM CHAT_SESSION_FACT C LEFT JOIN CHAT_SESSION_DIM D ON D.ID = C.CHAT_SESSION_DIM_KEY`,
      );
      const secs = (ms: number) => Math.round(ms / 1000);
      for (const s of seeded) {
        const e = interactionOf(s);
        for (const row of e.rows) {
          const agent = row.resourceType === "Agent";
          // A joined agent: the log has an EventPartyAdded for it within the attempt (an invitation
          // accepted and left at once has no handling time, but was handled).
          const until = row.end === "" ? Number.POSITIVE_INFINITY : Date.parse(row.end);
          const tookPart = e.events.some(
            (x) =>
              x.event.event === "EventPartyAdded" &&
              x.event.agent === row.resource &&
              x.time >= Date.parse(row.start) &&
              x.time <= until,
          );
          const linked = [...e.msfs].reverse().find((m) => m.irf === row.irf);
          const got = irfs.rows.find((r) => r.guid === s.guid && r.irf === row.irf);
          expect(got, `${s.id} IRF${row.irf}`).to.deep.include({
            ring_count: agent ? 1 : 0,
            ring_duration: agent ? secs(row.alertingMs) : 0,
            talk_count: agent && tookPart ? 1 : 0,
            handle_count: agent && tookPart ? 1 : 0,
            talk_duration: agent ? secs(row.handlingMs) : 0,
            mediation_count: agent ? 0 : 1,
            mediation_duration: agent ? 0 : secs(row.mediationMs),
            last_queue: linked?.resource ?? "NONE",
          });
          expect(got?.msf_id === null, `${s.id} IRF${row.irf} MEDIATION_SEGMENT_ID`).to.equal(
            linked === undefined,
          );
        }
        const mine = msfs.rows.filter((r) => r.guid === s.guid);
        expect(
          mine.map((r) => [r.queue, r.role, r.result, r.reason, r.mediation_duration, r.irf, r.same_link]),
          `${s.id} MSFs`,
        ).to.deep.equal(
          e.msfs.map((m) => [
            m.resource,
            m.role.toUpperCase(),
            m.result.toUpperCase(),
            m.reason.toUpperCase(),
            secs(m.durationMs),
            m.irf,
            m.irf === null ? null : true,
          ]),
        );
        const added = e.events.filter((x) => x.event.event === "EventPartyAdded");
        const agentsJoined = new Set(
          added.map((x) => (x.event.event === "EventPartyAdded" ? x.event.agent : "")),
        );
        const stop = e.events.find((x) => x.event.event === "EventProcessingStopped")?.event;
        expect(
          sessions.rows.find((r) => r.guid === s.guid),
          `${s.id} CHAT_SESSION_FACT`,
        ).to.deep.equal({
          guid: s.guid,
          agents_count: agentsJoined.size,
          session_duration: secs(e.lastMs - e.firstMs),
          until_first_agent_duration: added[0] === undefined ? null : secs(added[0].time - e.firstMs),
          ended_by: stop?.event === "EventProcessingStopped" ? stop.by.toUpperCase() : null,
          msg_from_customers: null,
          msg_from_agents: null,
          until_first_reply_duration: null,
        });
      }
      expect(msfs.rows.length).to.equal(
        examples.flatMap((e) => e.interactions).reduce((n, e) => n + e.msfs.length, 0),
      );
    },
  );

  pgTest("refuses, untouched, a database where GIM's transformation job has run", () =>
    realLooking("seed_real_gim", async (schema) => {
      await schema.writer.query(
        "CREATE TABLE CTL_TRANSFORM_HISTORY (JOB_ID varchar(64), JOB_VERSION varchar(64), HWM_VALUE numeric(19), CREATED_TS integer, AUDIT_KEY numeric(19))",
      );
      await schema.writer.query("INSERT INTO CTL_TRANSFORM_HISTORY VALUES ('j', '8.5.116.12', 1, 1, 1)");
      const e = await refusal(seedDatabase(databaseTarget(schema.url, "--db"), examples));
      expect(e.message).to.contain("looks like a real Info Mart").and.contain("transformation job has run");
      const tables = await schema.writer.query("SELECT to_regclass('interaction_fact') IS NULL AS absent");
      expect(tables.rows[0]?.absent, "no table was created").to.equal(true);
    }),
  );

  pgTest("refuses a database whose INTERACTION_FACT holds interactions no seeding wrote", () =>
    realLooking("seed_foreign_rows", async (schema) => {
      await schema.writer.query("CREATE TABLE INTERACTION_FACT (INTERACTION_ID numeric(19))");
      await schema.writer.query("INSERT INTO INTERACTION_FACT VALUES (1)");
      const e = await refusal(seedDatabase(databaseTarget(schema.url, "--db"), examples));
      expect(e.message).to.contain("INTERACTION_FACT holds interactions no seeding wrote");
    }),
  );

  pgTest("refuses a database whose real GIM tables sit in another schema, outside the search_path", () =>
    realLooking("seed_hidden_gim", async (hidden) => {
      await hidden.writer.query(
        "CREATE TABLE CTL_TRANSFORM_HISTORY (JOB_ID varchar(64), JOB_VERSION varchar(64), HWM_VALUE numeric(19), CREATED_TS integer, AUDIT_KEY numeric(19))",
      );
      await hidden.writer.query("INSERT INTO CTL_TRANSFORM_HISTORY VALUES ('j', '8.5.116.12', 1, 1, 1)");
      await hidden.writer.query("CREATE TABLE INTERACTION_FACT (INTERACTION_ID numeric(19))");
      await hidden.writer.query("INSERT INTO INTERACTION_FACT VALUES (1)");
      // The URL seed-db gets selects another, empty schema: the real tables are not on its search_path.
      const target = await fresh("seed_beside_hidden");
      const visible = await target.writer.query(
        "SELECT to_regclass('ctl_transform_history') IS NULL AS absent",
      );
      expect(visible.rows[0]?.absent, "the hidden schema is outside the search_path").to.equal(true);

      const e = await refusal(seedDatabase(databaseTarget(target.url, "--db"), examples));
      expect(e.message).to.contain("looks like a real Info Mart").and.contain(`in schema "${hidden.name}"`);
      const manifest = join(dir, "hidden.yaml");
      const ran = await runCli(["seed-db", "--db", target.url, "--manifest", manifest]);
      expect(ran.code, ran.output).to.equal(2);
      expect(ran.stderr.trim().split("\n")).to.have.length(1);
      expect(ran.stderr).to.contain(`GIM's transformation job has run there, in schema "${hidden.name}"`);
      expect(ran.output).not.to.contain(passwordOf(target.url));
      const created = await target.writer.query("SELECT to_regclass('interaction_fact') IS NULL AS absent");
      expect(created.rows[0]?.absent, "nothing was written").to.equal(true);
      expect(
        Number((await hidden.writer.query("SELECT COUNT(*) AS n FROM INTERACTION_FACT")).rows[0]?.n),
      ).to.equal(1);
    }),
  );

  pgTest(
    "the seed-db command writes the manifest of what it seeded; a refused database exits 2",
    async () => {
      const schema = await fresh("seed_cli");
      const manifest = join(dir, "seeded.yaml");
      const run = await runCli(["seed-db", "--db", schema.url, "--manifest", manifest]);
      expect(run.code, run.output).to.equal(0);
      expect(run.stdout).to.match(
        new RegExp(
          `Seeded ${examples.length} examples \\(${examples.flatMap((e) => e.interactions).length} interactions, \\d+ IRFs\\) into 127\\.0\\.0\\.1:\\d+/gim_test`,
        ),
      );
      expect(run.output).not.to.contain(passwordOf(schema.url));
      const read = LabManifest.read(manifest);
      const all = examples.flatMap((e) => e.interactions);
      expect(
        read
          .list()
          .filter((e) => !e.notes?.includes("created by"))
          .map((e) => e.id),
      ).to.deep.equal(examples.map((e) => e.id));
      expect(read.guids().size).to.equal(all.length);

      await schema.writer.query("UPDATE CTL_TRANSFORM_HISTORY SET JOB_VERSION = '8.5.116.12'");
      try {
        const refused = await runCli(["seed-db", "--db", schema.url, "--manifest", join(dir, "again.yaml")]);
        expect(refused.code, refused.output).to.equal(2);
        expect(refused.stderr).to.contain("refusing to seed");
      } finally {
        await schema.drop(); // it now looks real: every other test's seeding would be refused
      }
    },
  );

  pgTest("seed-db takes its database from --db only, never from GIM_DATABASE_URL", async () => {
    const schema = await fresh("seed_env");
    const run = await runCli(["seed-db", "--manifest", join(dir, "env.yaml")], {
      GIM_DATABASE_URL: schema.url,
    });
    expect(run.code, run.output).to.equal(2);
    expect(run.stderr).to.contain("--db");
    expect(
      await schema.writer.query("SELECT to_regclass('interaction_fact') IS NULL AS absent"),
    ).to.have.nested.property("rows[0].absent", true);
  });

  pgTest("a wrong password exits 3 naming the user, never the password", async () => {
    const url = testPostgres().url.replace(/^(postgres:\/\/gim:)[^@]*@/, "$1not-the-password@");
    const run = await runCli(["seed-db", "--db", url, "--manifest", join(dir, "never.yaml")]);
    expect(run.code, run.output).to.equal(3);
    expect(run.stderr).to.contain("authentication failed for user gim");
    expect(run.output).not.to.contain("not-the-password");
  });
});
