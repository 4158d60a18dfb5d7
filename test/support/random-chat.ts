/**
 * Random but valid chat interactions for property tests: a walk over the actions a chat can
 * take next (route, accept, revoke, transfer, conference, leave...), each step chosen by a
 * number that fast-check supplies and shrinks.
 */
import type { ChatEvent, InvitePurpose, StoppedBy } from "../../src/eventlog/events";
import { ChatLog } from "./chat-log";

const AGENTS = ["Agent1", "Agent2", "Agent3", "Agent4"];

type Where = "queue" | "strategy" | "agents";

/** Builds a whole interaction (always stopped) from a list of choices. */
export function walkChat(id: string, start: number, choices: readonly number[]): ChatEvent[] {
  const log = new ChatLog(id, start).submitted();
  const at: { where: Where } = { where: "queue" };
  const alerting = new Set<string>();
  const joined = new Set<string>();
  const pick = <T>(items: readonly T[], c: number): T => items[c % items.length] as T;
  const free = () => AGENTS.filter((a) => !alerting.has(a) && !joined.has(a));

  for (const c of choices) {
    const options: (() => void)[] = [];
    if (at.where === "queue") {
      options.push(() => {
        log.add("EventTakenFromQueue", { queue: "Chat_Inbound", strategy: "RouteInboundChat" }, 1 + (c % 5));
        at.where = "strategy";
      });
    }
    if (at.where === "strategy" && alerting.size === 0 && free().length > 0) {
      options.push(() => {
        const agent = pick(free(), c);
        log.add("EventAgentInvited", { agent, purpose: "route" }, 1);
        alerting.add(agent);
      });
    }
    for (const agent of alerting) {
      options.push(() => {
        log.add("EventPartyAdded", { agent }, 1 + (c % 9));
        alerting.delete(agent);
        joined.add(agent);
        at.where = "agents";
      });
      options.push(() => {
        log.add(c % 2 === 0 ? "EventRevoked" : "EventRejected", { agent }, 30);
        alerting.delete(agent);
        if (at.where === "strategy" && joined.size === 0) {
          log.add("EventPlacedInQueue", { queue: "Chat_Inbound" }, 0);
          at.where = "queue";
        }
      });
    }
    if (joined.size > 0 && free().length > 0) {
      const purposes: InvitePurpose[] = ["transfer", "conference", "consult"];
      options.push(() => {
        const from = pick([...joined], c);
        const agent = pick(free(), c >> 2);
        const purpose = pick(purposes, c >> 4);
        const visibility = c % 3 === 0 ? undefined : purpose === "conference" ? "conference" : "consult";
        log.add("EventAgentInvited", { agent, purpose, from, ...(visibility ? { visibility } : {}) }, 20);
        alerting.add(agent);
      });
    }
    if (joined.size > 1) {
      options.push(() => {
        const agent = pick([...joined], c);
        log.add("EventPartyRemoved", { agent }, 15);
        joined.delete(agent);
      });
    }
    if (options.length === 0) break;
    pick(options, c)();
  }
  const by: StoppedBy = joined.size > 0 ? "agent" : "customer";
  for (const agent of joined) log.add("EventPartyRemoved", { agent }, 10);
  return log.add("EventProcessingStopped", { by }, 0).events;
}

/** Merges several interactions' logs into one, by time, with `order` breaking ties. */
export function interleave(logs: readonly ChatEvent[][], order: readonly number[]): ChatEvent[] {
  const cursors = logs.map(() => 0);
  const merged: ChatEvent[] = [];
  let turn = 0;
  for (;;) {
    const ready = logs
      .map((log, i) => ({ i, e: log[cursors[i] ?? 0] }))
      .filter((x): x is { i: number; e: ChatEvent } => x.e !== undefined);
    if (ready.length === 0) return merged;
    const earliest = Math.min(...ready.map((x) => Date.parse(x.e.ts)));
    const tied = ready.filter((x) => Date.parse(x.e.ts) === earliest);
    const chosen = tied[(order[turn++ % Math.max(order.length, 1)] ?? 0) % tied.length] as {
      i: number;
      e: ChatEvent;
    };
    merged.push(chosen.e);
    cursors[chosen.i] = (cursors[chosen.i] ?? 0) + 1;
  }
}
