/**
 * The example reports in sql/reports/, run UNCHANGED on a database seed-db filled from the bundled
 * examples, return what the example flows imply. Every expected number is computed here from the
 * example logs (their events) and the reference classifier's facts for them, never written down,
 * so a change to a flow, a rule or the seeding shows up as a difference.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, describe } from "node:test";
import { expect } from "chai";
import type { IrfRow } from "../../src/domain/irf";
import type { ExampleInteraction } from "../../src/gimdb/example-logs";
import { pgTest, postgresUnavailable, type SeededSchema, seededSchema } from "../support/postgres";

const REPORTS = resolve(__dirname, "..", "..", "sql", "reports");
const unavailable = postgresUnavailable();

type Row = Record<string, string | number | null>;

/** Numbers as numbers (PostgreSQL returns COUNT and SUM of integers as text), rows in one order. */
function normalized(rows: readonly Row[]): Row[] {
  const out = rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v]),
    ),
  );
  return out.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const secs = (ms: number): number => Math.round(ms / 1000);

/** An agent took part: the log has an EventPartyAdded for it within the attempt. */
function tookPart(row: IrfRow, example: ExampleInteraction): boolean {
  const from = Date.parse(row.start);
  const to = row.end === "" ? Number.POSITIVE_INFINITY : Date.parse(row.end);
  return example.events.some(
    (e) =>
      e.event.event === "EventPartyAdded" && e.event.agent === row.resource && e.time >= from && e.time <= to,
  );
}

function tally<T extends Row>(entries: readonly T[], keyOf: (e: T) => string, merge: (a: T, b: T) => T): T[] {
  const byKey = new Map<string, T>();
  for (const e of entries) {
    const k = keyOf(e);
    const seen = byKey.get(k);
    byKey.set(k, seen === undefined ? e : merge(seen, e));
  }
  return [...byKey.values()];
}

describe("example reports (sql/reports/) on the seeded Info Mart", () => {
  let seeded: SeededSchema;
  /** Every interaction the examples hold (an example may create a second one), keyed uniquely. */
  let examples: (ExampleInteraction & { id: string })[];
  const run = async (file: string): Promise<Row[]> => {
    const { rows } = await seeded.schema.writer.query<Row>(readFileSync(join(REPORTS, file), "utf8"));
    return normalized(rows);
  };

  before(async () => {
    if (unavailable !== undefined) return;
    seeded = await seededSchema("reports");
    examples = [...seeded.examples.values()].flatMap((e) =>
      e.interactions.map((x) => ({ ...x, id: `${e.id}/${x.name}` })),
    );
  });
  after(async () => {
    await seeded?.schema.drop();
  });

  pgTest("missed chats per day and queue: the examples whose chat the customer abandoned", async () => {
    const missed: Row[] = [];
    for (const e of examples) {
      for (const row of e.rows.filter((r) => r.result === "CustomerAbandoned")) {
        const queue = [...e.msfs].reverse().find((m) => m.irf === row.irf)?.resource ?? "NONE";
        missed.push({ day: day(Date.parse(row.start)), queue, ids: e.id });
      }
    }
    const perKey = new Map<string, Set<string>>();
    for (const m of missed) {
      const k = `${m.day}\u0000${m.queue}`;
      perKey.set(k, (perKey.get(k) ?? new Set()).add(String(m.ids)));
    }
    const expected = [...perKey].map(([k, ids]) => {
      const [d, q] = k.split("\u0000");
      return { day: d ?? "", queue: q ?? "", missed_chats: ids.size };
    });
    expect(expected, "the examples include abandoned chats").not.to.be.empty;
    expect(await run("missed-chats-per-day-and-queue.sql")).to.deep.equal(normalized(expected));
  });

  pgTest("transfers per day: Transferred attempts and the transfers an agent took", async () => {
    const agentRows = examples.flatMap((e) =>
      e.rows.filter((r) => r.resourceType === "Agent").map((r) => ({ r, e })),
    );
    const expected = tally(
      agentRows.map(({ r, e }) => ({
        day: day(Date.parse(r.start)),
        transfers: r.result === "Transferred" ? 1 : 0,
        transfers_accepted: r.role === "ReceivedTransfer" && tookPart(r, e) ? 1 : 0,
      })),
      (x) => x.day,
      (a, b) => ({
        day: a.day,
        transfers: a.transfers + b.transfers,
        transfers_accepted: a.transfers_accepted + b.transfers_accepted,
      }),
    );
    expect(
      expected.reduce((n, x) => n + x.transfers, 0),
      "the examples include a transfer",
    ).to.be.greaterThan(0);
    expect(await run("transfers-per-day.sql")).to.deep.equal(normalized(expected));
  });

  pgTest(
    "queue abandons by result reason: the classifier's MSFs abandoned in queue or while ringing",
    async () => {
      const reasons = new Set(["AbandonedWhileQueued", "AbandonedWhileRinging"]);
      const expected = tally(
        examples.flatMap((e) =>
          e.msfs
            .filter((m) => reasons.has(m.reason))
            .map((m) => ({
              day: day(Date.parse(m.start)),
              queue: m.resource,
              result_reason_code: m.reason.toUpperCase(),
              abandons: 1,
              mediation_seconds: secs(m.durationMs),
            })),
        ),
        (x) => `${x.day}/${x.queue}/${x.result_reason_code}`,
        (a, b) => ({
          ...a,
          abandons: a.abandons + b.abandons,
          mediation_seconds: a.mediation_seconds + b.mediation_seconds,
        }),
      );
      expect(new Set(expected.map((x) => x.result_reason_code)).size, "both reasons occur").to.equal(2);
      expect(await run("queue-abandons-by-reason.sql")).to.deep.equal(normalized(expected));
    },
  );

  pgTest("handled chats per agent: the chats each agent joined, with its talk time", async () => {
    const perAgent = new Map<string, { chats: Set<string>; talk: number }>();
    for (const e of examples) {
      for (const r of e.rows.filter((x) => x.resourceType === "Agent" && tookPart(x, e))) {
        const a = perAgent.get(r.resource) ?? { chats: new Set<string>(), talk: 0 };
        a.chats.add(e.id);
        a.talk += secs(r.handlingMs);
        perAgent.set(r.resource, a);
      }
    }
    const expected = [...perAgent].map(([agent, a]) => ({
      agent_name: agent,
      handled_chats: a.chats.size,
      talk_seconds: a.talk,
    }));
    expect(expected.length, "more than one agent handled chats").to.be.greaterThan(1);
    expect(await run("handled-chats-per-agent.sql")).to.deep.equal(normalized(expected));
  });

  pgTest("chat wait times per day: sessions, answered ones, wait until the first agent joined", async () => {
    const expected = tally(
      examples.map((e) => {
        const firstJoin = e.events.find((x) => x.event.event === "EventPartyAdded");
        const wait = firstJoin === undefined ? null : secs(firstJoin.time - e.firstMs);
        return {
          day: day(e.firstMs),
          sessions: 1,
          answered: firstJoin === undefined ? 0 : 1,
          max_wait_seconds: wait,
          total_wait_seconds: wait,
          session_seconds: secs(e.lastMs - e.firstMs),
        };
      }),
      (x) => x.day,
      (a, b) => {
        const waits = [a.max_wait_seconds, b.max_wait_seconds].filter((w): w is number => w !== null);
        const totals = [a.total_wait_seconds, b.total_wait_seconds].filter((w): w is number => w !== null);
        return {
          day: a.day,
          sessions: a.sessions + b.sessions,
          answered: a.answered + b.answered,
          max_wait_seconds: waits.length === 0 ? null : Math.max(...waits),
          total_wait_seconds: totals.length === 0 ? null : totals.reduce((n, w) => n + w, 0),
          session_seconds: a.session_seconds + b.session_seconds,
        };
      },
    );
    const answered = expected.reduce((n, x) => n + x.answered, 0);
    expect(answered, "some chats answered, some not").to.be.greaterThan(0).and.lessThan(examples.length);
    expect(await run("chat-wait-times.sql")).to.deep.equal(normalized(expected));
  });
});
