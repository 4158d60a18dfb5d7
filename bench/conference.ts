/**
 * Benchmark (npm run bench:conference): one chat conferenced to N agents, classified in linear
 * time (issue 11). Times the classifier on one interaction of 10,000 and of 100,000 agents in the
 * same invocation and prints the ratio: about 10 means linear; a classifier that scans its open
 * attempts on every event gives about 100.
 *
 *   npm run bench:conference -- [--agents N] (default 10000; the second run has ten times as many)
 */

import { ChatClassifier } from "../src/classifier/classify";
import type { LoggedEvent } from "../src/eventlog/events";

const BASE = Date.parse("2026-03-02T13:00:00.000Z");

/** The conference's events: routed to Agent1, who conferences in every other agent; all leave. */
export function conferenceEvents(agents: number): LoggedEvent[] {
  const interaction = `conference-of-${agents}`;
  const out: LoggedEvent[] = [];
  let ms = 0;
  const push = (event: Record<string, unknown>) => {
    const time = BASE + ms++;
    const ts = new Date(time).toISOString();
    out.push({
      event: { ts, interaction, ...event } as unknown as LoggedEvent["event"],
      source: { file: "<bench>", line: out.length + 1 },
      time,
    });
  };
  push({
    event: "EventInteractionSubmitted",
    media: "chat",
    interactionType: "Inbound",
    queue: "Chat_Inbound",
  });
  push({ event: "EventPlacedInQueue", queue: "Chat_Inbound" });
  push({ event: "EventTakenFromQueue", queue: "Chat_Inbound", strategy: "RouteInboundChat" });
  push({ event: "EventAgentInvited", agent: "Agent1", purpose: "route" });
  push({ event: "EventPartyAdded", agent: "Agent1" });
  for (let i = 2; i <= agents; i++) {
    const agent = `Agent${i}`;
    push({
      event: "EventAgentInvited",
      agent,
      purpose: "conference",
      from: "Agent1",
      visibility: "conference",
    });
    push({ event: "EventPartyAdded", agent });
  }
  // Half the conferenced agents leave one by one; the stop ends the others' attempts.
  for (let i = 2; i <= agents; i += 2) push({ event: "EventPartyRemoved", agent: `Agent${i}` });
  push({ event: "EventProcessingStopped", by: "agent", agent: "Agent1" });
  return out;
}

/** Seconds to classify the events, and the number of IRF rows they gave. */
export function classifySeconds(events: readonly LoggedEvent[]): { seconds: number; rows: number } {
  const classifier = new ChatClassifier({ onMsfs: () => {} });
  const t0 = process.hrtime.bigint();
  let rows = 0;
  for (const e of events) rows += classifier.push(e)?.length ?? 0;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, rows };
}

function main(): void {
  const i = process.argv.indexOf("--agents");
  const small = i >= 0 ? Number(process.argv[i + 1]) : 10_000;
  if (!Number.isInteger(small) || small < 2) throw new Error("--agents must be an integer of at least 2");
  const large = small * 10;
  classifySeconds(conferenceEvents(1000)); // warm-up: compiled code for both measurements
  const a = classifySeconds(conferenceEvents(small));
  const b = classifySeconds(conferenceEvents(large));
  if (a.rows !== small || b.rows !== large)
    throw new Error(`expected one IRF per agent, got ${a.rows}, ${b.rows}`);
  const fmt = (n: number) => n.toLocaleString("en-US");
  process.stdout.write(
    `one conference of ${fmt(small)} agents: ${a.seconds.toFixed(3)} s\n` +
      `one conference of ${fmt(large)} agents: ${b.seconds.toFixed(3)} s\n` +
      `ratio ${(b.seconds / a.seconds).toFixed(1)} for 10x the agents (10 = linear, 100 = quadratic)\n`,
  );
}

if (require.main === module) main();
