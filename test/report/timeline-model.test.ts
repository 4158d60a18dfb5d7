/** How the timeline reads an event log: lanes, who sent each arrow, where each stay in a queue ends. */
import { describe, test } from "node:test";
import { expect } from "chai";
import type { ChatEvent } from "../../src/eventlog/events";
import { buildTimeline } from "../../src/report/timeline-model";
import { flow3, flow9 } from "./timeline-fixtures";

/** An event without its time and interaction (distributed over the union, so fields are checked). */
type Body<E = ChatEvent> = E extends ChatEvent ? Omit<E, "ts" | "interaction"> : never;

/** Events of interaction chat-1, each at the second given with it. */
function log(...events: [number, Body][]): ChatEvent[] {
  return events.map(
    ([second, e]) =>
      ({
        ts: new Date(Date.parse("2026-03-02T09:00:00.000Z") + second * 1000).toISOString(),
        interaction: "chat-1",
        ...e,
      }) as ChatEvent,
  );
}

const routedToAgent1 = [
  [
    0,
    { event: "EventInteractionSubmitted", media: "chat", interactionType: "Inbound", queue: "Chat_Inbound" },
  ],
  [0, { event: "EventPlacedInQueue", queue: "Chat_Inbound" }],
  [4, { event: "EventTakenFromQueue", queue: "Chat_Inbound", strategy: "RouteInboundChat" }],
  [5, { event: "EventAgentInvited", agent: "Agent1", purpose: "route" }],
] as const satisfies [number, Body][];

describe("buildTimeline", () => {
  test("flow 3: lanes by kind, a route arrow from the strategy and a transfer arrow between agents", () => {
    const m = buildTimeline(flow3().events, flow3().rows);
    expect(m.lanes.map((l) => `${l.kind}:${l.name}`)).to.deep.equal([
      "customer:Customer",
      "queue:Chat_Inbound",
      "strategy:RouteInboundChat",
      "agent:Agent1",
      "agent:Agent2",
    ]);
    expect(m.links.map((l) => [l.kind, l.from, l.to])).to.deep.equal([
      ["pull", 1, 2],
      ["route", 2, 3],
      ["transfer", 3, 4],
    ]);
    expect(m.spans.filter((s) => s.kind === "queue").map((s) => [s.lane, s.end - s.start])).to.deep.equal([
      [1, 4000],
    ]);
    expect(m.media).to.equal("chat");
  });

  test("flow 9: the customer's stop is on the Customer lane and ends the stay in the queue", () => {
    const m = buildTimeline(flow9().events, flow9().rows);
    const stop = m.marks.find((k) => k.kind === "stopped");
    expect(stop?.lane).to.equal(0);
    const stay = m.spans.find((s) => s.kind === "queue");
    expect(stay?.end).to.equal(stop?.time);
    expect(m.spans.find((s) => s.kind === "irf")).to.deep.include({ lane: 1, resourceType: "Queue", irf: 1 });
  });

  test("a revoked chat back in the queue starts a second stay; a stay still open at the end is flagged", () => {
    const events = log(
      ...routedToAgent1,
      [35, { event: "EventRevoked", agent: "Agent1", reason: "delivering-timeout" }],
      [35, { event: "EventPlacedInQueue", queue: "Chat_Inbound" }],
    );
    const m = buildTimeline(events, []);
    expect(m.spans.filter((s) => s.kind === "queue").map((s) => s.open ?? false)).to.deep.equal([
      false,
      true,
    ]);
    expect(m.marks.map((k) => k.kind)).to.deep.equal([
      "submitted",
      "placed",
      "taken",
      "pulled",
      "invited",
      "revoked",
      "placed",
    ]);
  });

  test("an agent placing the chat in a queue is an arrow from the agent to the queue", () => {
    const events = log(
      ...routedToAgent1,
      [8, { event: "EventPartyAdded", agent: "Agent1" }],
      [20, { event: "EventPartyRemoved", agent: "Agent1" }],
      [20, { event: "EventPlacedInQueue", queue: "Chat_Supervisors", agent: "Agent1" }],
    );
    const m = buildTimeline(events, []);
    expect(m.lanes.map((l) => l.name)).to.deep.equal([
      "Customer",
      "Chat_Inbound",
      "Chat_Supervisors",
      "RouteInboundChat",
      "Agent1",
    ]);
    expect(m.links.at(-1)).to.deep.include({ kind: "place", from: 4, to: 2 });
  });
});
