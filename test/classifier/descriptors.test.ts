/**
 * One test per descriptor decision of the reference classifier: the seed's flows 1–6 and 9–11,
 * the provisional hypotheses for 7 and 8, and the undocumented endings it still has to decide.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import { classifyEvents, classifyFacts } from "../../src/classifier/classify";
import { formatDescriptor } from "../../src/domain/descriptor";
import { ChatLog } from "../support/chat-log";

/** "Agent1 RoutedTo/Completed" per IRF, in IRF order. */
function descriptors(log: ChatLog): string[] {
  return classifyEvents(log.events).map((r) => `${r.resource} ${formatDescriptor(r)}`);
}

const accepted = (agent = "Agent1") =>
  new ChatLog().submitted().routedTo(agent).add("EventPartyAdded", { agent });

describe("seed flows (verified)", () => {
  test("1.1 delivered and replied: RoutedTo/Completed", () => {
    const log = accepted()
      .add("EventPartyRemoved", { agent: "Agent1" }, 240)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
    expect(descriptors(log)).to.deep.equal(["Agent1 RoutedTo/Completed"]);
  });

  test("1.2 invitation revoked, chat back in the queue: RoutedTo/Redirected [Revoked]", () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventRevoked", { agent: "Agent1", reason: "delivering-timeout" }, 30)
      .add("EventPlacedInQueue", { queue: "Chat_Inbound" }, 0);
    expect(descriptors(log)).to.deep.equal(["Agent1 RoutedTo/Redirected [Revoked]"]);
  });

  test("1.3 transfer accepted: RoutedTo/Transferred then ReceivedTransfer/Completed", () => {
    const log = accepted()
      .add("EventAgentInvited", { agent: "Agent2", purpose: "transfer", from: "Agent1" }, 60)
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventPartyRemoved", { agent: "Agent1" }, 0)
      .add("EventPartyRemoved", { agent: "Agent2" }, 120)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent2" }, 0);
    expect(descriptors(log)).to.deep.equal([
      "Agent1 RoutedTo/Transferred",
      "Agent2 ReceivedTransfer/Completed",
    ]);
  });

  test("1.4 transfer not accepted: Agent1 completes, Agent2 ReceivedTransfer/Abandoned [Revoked]", () => {
    const log = accepted()
      .add("EventAgentInvited", { agent: "Agent2", purpose: "transfer", from: "Agent1" }, 60)
      .add("EventRevoked", { agent: "Agent2", reason: "delivering-timeout" }, 30)
      .add("EventPartyRemoved", { agent: "Agent1" }, 60)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
    expect(descriptors(log)).to.deep.equal([
      "Agent1 RoutedTo/Completed",
      "Agent2 ReceivedTransfer/Abandoned [Revoked]",
    ]);
  });

  test("1.5 conference accepted: RoutedTo/Completed and InConference/Completed", () => {
    const log = accepted()
      .add(
        "EventAgentInvited",
        { agent: "Agent2", purpose: "conference", from: "Agent1", visibility: "conference" },
        60,
      )
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventPartyRemoved", { agent: "Agent2" }, 60)
      .add("EventPartyRemoved", { agent: "Agent1" }, 60)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
    expect(descriptors(log)).to.deep.equal(["Agent1 RoutedTo/Completed", "Agent2 InConference/Completed"]);
  });

  test("1.6 conference not accepted, visibility known: InConference/Abandoned [Revoked]", () => {
    const log = accepted()
      .add(
        "EventAgentInvited",
        { agent: "Agent2", purpose: "conference", from: "Agent1", visibility: "conference" },
        60,
      )
      .add("EventRevoked", { agent: "Agent2", reason: "delivering-timeout" }, 30)
      .add("EventPartyRemoved", { agent: "Agent1" }, 60)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
    expect(descriptors(log)).to.deep.equal([
      "Agent1 RoutedTo/Completed",
      "Agent2 InConference/Abandoned [Revoked]",
    ]);
  });

  test("1.6 conference failed before the visibility mode was known: ReceivedConsult/Abandoned [Revoked]", () => {
    const log = accepted()
      .add("EventAgentInvited", { agent: "Agent2", purpose: "conference", from: "Agent1" }, 60)
      .add("EventRevoked", { agent: "Agent2", reason: "delivering-timeout" }, 30)
      .add("EventPartyRemoved", { agent: "Agent1" }, 60)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
    expect(descriptors(log)).to.deep.equal([
      "Agent1 RoutedTo/Completed",
      "Agent2 ReceivedConsult/Abandoned [Revoked]",
    ]);
  });

  test("1.9 customer abandons in the queue: the queue's Received/CustomerAbandoned [AbandonedWhileQueued]", () => {
    const log = new ChatLog().submitted().add("EventProcessingStopped", { by: "customer" }, 45);
    const rows = classifyEvents(log.events);
    expect(descriptors(log)).to.deep.equal([
      "Chat_Inbound Received/CustomerAbandoned [AbandonedWhileQueued]",
    ]);
    expect(rows[0]?.resourceType).to.equal("Queue");
    expect(rows[0]?.mediationMs).to.equal(45_000);
  });

  test("1.10 customer abandons during routing: the strategy's Puller/CustomerAbandoned", () => {
    const log = new ChatLog()
      .submitted()
      .add("EventTakenFromQueue", { queue: "Chat_Inbound", strategy: "RouteInboundChat" }, 5)
      .add("EventProcessingStopped", { by: "customer" }, 10);
    expect(descriptors(log)).to.deep.equal(["RouteInboundChat Puller/CustomerAbandoned"]);
    expect(classifyEvents(log.events)[0]?.resourceType).to.equal("Strategy");
  });

  test("1.11 customer abandons while the agent is alerted: RoutedTo/CustomerAbandoned [AbandonedWhileRinging]", () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventProcessingStopped", { by: "customer" }, 8);
    expect(descriptors(log)).to.deep.equal(["Agent1 RoutedTo/CustomerAbandoned [AbandonedWhileRinging]"]);
  });
});

describe("hypotheses (provisional flows and undocumented endings)", () => {
  test("1.7 consultation (hypothesis): ReceivedConsult/Completed for the consulted agent", () => {
    const log = accepted()
      .add(
        "EventAgentInvited",
        { agent: "Agent2", purpose: "consult", from: "Agent1", visibility: "consult" },
        60,
      )
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventPartyRemoved", { agent: "Agent2" }, 60)
      .add("EventPartyRemoved", { agent: "Agent1" }, 60)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
    expect(descriptors(log)).to.deep.equal(["Agent1 RoutedTo/Completed", "Agent2 ReceivedConsult/Completed"]);
  });

  test("1.8 conference through a queue (hypothesis): the internal invitation is an interaction of its own", () => {
    const log = accepted()
      .add(
        "EventAgentInvited",
        { agent: "Agent2", purpose: "conference", from: "Agent1", visibility: "conference" },
        70,
      )
      .add("EventPartyAdded", { agent: "Agent2" }, 0)
      .add("EventPartyRemoved", { agent: "Agent2" }, 60)
      .add("EventPartyRemoved", { agent: "Agent1" }, 60)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
    const invite = new ChatLog("chat-1-invite", Date.parse("2026-03-02T09:01:00.000Z"))
      .add("EventInteractionSubmitted", {
        media: "chat",
        interactionType: "Internal",
        queue: "Chat_Conference",
        subtype: "InternalConferenceInvite",
        parent: "chat-1",
        agent: "Agent1",
      })
      .add("EventPlacedInQueue", { queue: "Chat_Conference" }, 0)
      .routedTo("Agent2", "RouteConference", "Chat_Conference")
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventPartyRemoved", { agent: "Agent2" }, 0)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent2" }, 0);
    const events = [...log.events, ...invite.events].sort((x, y) => Date.parse(x.ts) - Date.parse(y.ts));
    const { irfs, msfs } = classifyFacts(events);
    const of = (id: string) =>
      irfs.filter((r) => r.interaction === id).map((r) => `${r.resource} ${formatDescriptor(r)}`);
    expect(of("chat-1")).to.deep.equal(["Agent1 RoutedTo/Completed", "Agent2 InConference/Completed"]);
    expect(of("chat-1-invite")).to.deep.equal(["Agent2 RoutedTo/Completed"]);
    // GIM writes an MSF for an inbound interaction's first queue only; the invitation is internal.
    expect(msfs.map((m) => `${m.interaction} ${m.resource}`)).to.deep.equal(["chat-1 Chat_Inbound"]);
    const populated = classifyFacts(events, "<events>", {
      populateMmIxnqueueFacts: true,
      stopIxnQueues: [],
      stopAbandonedInteraction: "noanswer",
    });
    expect(populated.msfs.map((m) => `${m.interaction} ${m.resource}`)).to.deep.equal([
      "chat-1 Chat_Inbound",
      "chat-1-invite Chat_Conference",
    ]);
  });

  test("an agent who places the chat in a queue while still in it is refused: Place Interaction in Queue has the agent leave", () => {
    const log = accepted().add("EventPlacedInQueue", { queue: "Chat_Conference", agent: "Agent1" }, 60);
    expect(() => classifyEvents(log.events)).to.throw(
      /<events>:\d+: field "agent": Agent1 places .* while still in it/,
    );
  });

  test("placing the chat in an ordinary queue (hypothesis): Transferred, and the next routed agent ReceivedTransfer", () => {
    const log = accepted()
      .add("EventPartyRemoved", { agent: "Agent1" }, 60)
      .add("EventPlacedInQueue", { queue: "Chat_Backoffice", agent: "Agent1" }, 0)
      .routedTo("Agent2", "RouteBackoffice", "Chat_Backoffice")
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventPartyRemoved", { agent: "Agent2" }, 60)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent2" }, 0);
    expect(descriptors(log)).to.deep.equal([
      "Agent1 RoutedTo/Transferred",
      "Agent2 ReceivedTransfer/Completed",
    ]);
  });

  test("placing the chat in a stop-ixn-queues queue: Completed, and nothing after it recorded", () => {
    const log = accepted()
      .add("EventPartyRemoved", { agent: "Agent1" }, 60)
      .add("EventPlacedInQueue", { queue: "Chat_Stop", agent: "Agent1" }, 0)
      .add("EventProcessingStopped", { by: "strategy" }, 0);
    const config = {
      populateMmIxnqueueFacts: true,
      stopIxnQueues: ["Chat_Stop"],
      stopAbandonedInteraction: "noanswer" as const,
    };
    const { irfs, msfs } = classifyFacts(log.events, "<events>", config);
    expect(irfs.map((r) => `${r.resource} ${formatDescriptor(r)}`)).to.deep.equal([
      "Agent1 RoutedTo/Completed",
    ]);
    expect(msfs.map((m) => m.resource)).to.deep.equal(["Chat_Inbound"]);
    // Without the queue in stop-ixn-queues it is an ordinary placement.
    expect(descriptors(log)).to.deep.equal(["Agent1 RoutedTo/Transferred", "Chat_Stop Received/Completed"]);
  });

  test("two-step conference (hypothesis): the consulted agent, completed as a conference, is InConference", () => {
    const log = accepted()
      .add(
        "EventAgentInvited",
        { agent: "Agent2", purpose: "consult", from: "Agent1", visibility: "consult" },
        60,
      )
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventVisibilityChanged", { agent: "Agent2", visibility: "conference", purpose: "conference" }, 60)
      .add("EventPartyRemoved", { agent: "Agent2" }, 60)
      .add("EventPartyRemoved", { agent: "Agent1" }, 0)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
    expect(descriptors(log)).to.deep.equal(["Agent1 RoutedTo/Completed", "Agent2 InConference/Completed"]);
  });

  test("two-step transfer (hypothesis): Agent1 Transferred, Agent2 ReceivedTransfer", () => {
    const log = accepted()
      .add(
        "EventAgentInvited",
        { agent: "Agent2", purpose: "consult", from: "Agent1", visibility: "consult" },
        60,
      )
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventVisibilityChanged", { agent: "Agent2", visibility: "conference", purpose: "transfer" }, 60)
      .add("EventPartyRemoved", { agent: "Agent1" }, 0)
      .add("EventPartyRemoved", { agent: "Agent2" }, 60)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent2" }, 0);
    expect(descriptors(log)).to.deep.equal([
      "Agent1 RoutedTo/Transferred",
      "Agent2 ReceivedTransfer/Completed",
    ]);
  });

  test("a visibility change for an agent who is not a joined consultation is bad input naming the line", () => {
    const log = accepted().add("EventVisibilityChanged", { agent: "Agent1", visibility: "conference" }, 60);
    expect(() => classifyEvents(log.events)).to.throw(
      /<events>:\d+: field "agent": Agent1 is not a consulted agent/,
    );
  });

  test("a rejected routing invitation is Redirected with no documented reason", () => {
    const log = new ChatLog().submitted().routedTo("Agent1").add("EventRejected", { agent: "Agent1" }, 3);
    expect(descriptors(log)).to.deep.equal(["Agent1 RoutedTo/Redirected"]);
  });

  test("a rejected transfer is Abandoned with no documented reason", () => {
    const log = accepted()
      .add("EventAgentInvited", { agent: "Agent2", purpose: "transfer", from: "Agent1" })
      .add("EventRejected", { agent: "Agent2" })
      .add("EventPartyRemoved", { agent: "Agent1" })
      .add("EventProcessingStopped", { by: "agent" }, 0);
    expect(descriptors(log)).to.deep.equal([
      "Agent1 RoutedTo/Completed",
      "Agent2 ReceivedTransfer/Abandoned",
    ]);
  });

  test("an agent ending the chat while a conference invitation is pending revokes it", () => {
    const log = accepted()
      .add("EventAgentInvited", {
        agent: "Agent2",
        purpose: "conference",
        from: "Agent1",
        visibility: "conference",
      })
      .add("EventPartyRemoved", { agent: "Agent1" })
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
    expect(descriptors(log)).to.deep.equal([
      "Agent1 RoutedTo/Completed",
      "Agent2 InConference/Abandoned [Revoked]",
    ]);
  });

  test("a joined agent revoked for handling-timeout is returned to the queue: Redirected [Revoked]", () => {
    const log = accepted()
      .add("EventRevoked", { agent: "Agent1", reason: "handling-timeout" })
      .add("EventPlacedInQueue", { queue: "Chat_Inbound" }, 0)
      .add("EventProcessingStopped", { by: "strategy" });
    expect(descriptors(log)).to.deep.equal([
      "Agent1 RoutedTo/Redirected [Revoked]",
      "Chat_Inbound Received/Completed",
    ]);
  });

  test("a strategy stopping a chat still in the queue completes it (Cleared is for virtual queues only)", () => {
    const log = new ChatLog().submitted().add("EventProcessingStopped", { by: "strategy" }, 10);
    expect(descriptors(log)).to.deep.equal(["Chat_Inbound Received/Completed"]);
  });

  test("the customer cannot stop a chat an agent joined (stop-abandoned-interaction=noanswer): bad input naming the line", () => {
    const log = accepted().add("EventProcessingStopped", { by: "customer" }, 60);
    expect(() => classifyEvents(log.events)).to.throw(
      /<events>:\d+: field "by": "customer" cannot stop interaction "chat-1": an agent has joined it/,
    );
  });

  test("media other than chat is not modelled: e-mail is refused, not given chat's abandons", () => {
    const log = new ChatLog().add(
      "EventInteractionSubmitted",
      { media: "email", interactionType: "Inbound", queue: "Mail_Inbound" },
      0,
    );
    expect(() => classifyEvents(log.events)).to.throw(/<events>:1: field "media": "email" is not modelled/);
  });

  test("a conference invitation accepted before the visibility is reported counts as InConference", () => {
    const log = accepted()
      .add("EventAgentInvited", { agent: "Agent2", purpose: "conference", from: "Agent1" })
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" });
    expect(descriptors(log)).to.deep.equal(["Agent1 RoutedTo/Completed", "Agent2 InConference/Completed"]);
  });
});

describe("row facts", () => {
  test("durations, times and the transferring IRF are recorded", () => {
    const log = accepted() // invited at +2 s, accepted at +3 s
      .add("EventAgentInvited", { agent: "Agent2", purpose: "transfer", from: "Agent1" }, 60)
      .add("EventPartyAdded", { agent: "Agent2" }, 7)
      .add("EventPartyRemoved", { agent: "Agent1" }, 0)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent2" }, 100);
    const [first, second] = classifyEvents(log.events);
    expect(first).to.include({
      irf: 1,
      alertingMs: 1000,
      handlingMs: 67_000,
      mediationMs: 0,
      receivedFrom: null,
    });
    expect(first).to.include({ start: "2026-03-02T09:00:02.000Z", end: "2026-03-02T09:01:10.000Z" });
    expect(second).to.include({
      irf: 2,
      alertingMs: 7000,
      handlingMs: 100_000,
      receivedFrom: 1,
      roleReason: "Unspecified",
    });
  });

  test("IRFs are numbered by start time, not by the order they end", () => {
    const log = accepted()
      .add("EventAgentInvited", {
        agent: "Agent2",
        purpose: "conference",
        from: "Agent1",
        visibility: "conference",
      })
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventPartyRemoved", { agent: "Agent1" })
      .add("EventPartyRemoved", { agent: "Agent2" })
      .add("EventProcessingStopped", { by: "agent", agent: "Agent2" });
    expect(classifyEvents(log.events).map((r) => [r.irf, r.resource])).to.deep.equal([
      [1, "Agent1"],
      [2, "Agent2"],
    ]);
  });

  test("a log that ends before the interaction stops reports only the attempts that ended", () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventRevoked", { agent: "Agent1", reason: "delivering-timeout" })
      .add("EventPlacedInQueue", { queue: "Chat_Inbound" })
      .routedTo("Agent2");
    expect(descriptors(log)).to.deep.equal(["Agent1 RoutedTo/Redirected [Revoked]"]);
  });
});

describe("a revoke that is part of the customer's stop", () => {
  test("EventRevoked at the instant the customer leaves is the stop's: CustomerAbandoned [AbandonedWhileRinging]", () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventRevoked", { agent: "Agent1" }, 8)
      .add("EventProcessingStopped", { by: "customer" }, 0);
    expect(descriptors(log)).to.deep.equal(["Agent1 RoutedTo/CustomerAbandoned [AbandonedWhileRinging]"]);
  });

  test("a delivering-timeout revoke at that instant stays a revoke; the strategy holding the chat gets the abandon", () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventRevoked", { agent: "Agent1", reason: "delivering-timeout" }, 30)
      .add("EventProcessingStopped", { by: "customer" }, 0);
    // The strategy's IRF starts when it pulled the chat, before the invitation: IRF1.
    expect(descriptors(log)).to.deep.equal([
      "RouteInboundChat Puller/CustomerAbandoned",
      "Agent1 RoutedTo/Redirected [Revoked]",
    ]);
  });

  test("a revoke earlier than the customer's stop stays a revoke", () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventRevoked", { agent: "Agent1" }, 8)
      .add("EventPlacedInQueue", { queue: "Chat_Inbound" }, 0)
      .add("EventProcessingStopped", { by: "customer" }, 5);
    expect(descriptors(log)).to.deep.equal([
      "Agent1 RoutedTo/Redirected [Revoked]",
      "Chat_Inbound Received/CustomerAbandoned [AbandonedWhileQueued]",
    ]);
  });
});

describe("a revoke at the instant of the stop, by reason and by who stops", () => {
  test('a "requested" revoke at the instant the customer leaves is the stop\'s too', () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventRevoked", { agent: "Agent1", reason: "requested" }, 8)
      .add("EventProcessingStopped", { by: "customer" }, 0);
    expect(descriptors(log)).to.deep.equal(["Agent1 RoutedTo/CustomerAbandoned [AbandonedWhileRinging]"]);
  });

  test("a revoke at the instant a strategy stops the chat stays a revoke; the strategy's IRF completes", () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventRevoked", { agent: "Agent1", reason: "requested" }, 8)
      .add("EventProcessingStopped", { by: "strategy" }, 0);
    expect(descriptors(log)).to.deep.equal([
      "RouteInboundChat Puller/Completed",
      "Agent1 RoutedTo/Redirected [Revoked]",
    ]);
  });
});

describe("a stop while the strategy routes, by who stops", () => {
  for (const by of ["agent", "strategy"] as const) {
    test(`a stop by the ${by} while routing completes the strategy's IRF (Puller/Completed)`, () => {
      const log = new ChatLog()
        .submitted()
        .add("EventTakenFromQueue", { queue: "Chat_Inbound", strategy: "RouteInboundChat" })
        .add("EventProcessingStopped", { by }, 4);
      const [row] = classifyEvents(log.events);
      expect(row && `${row.resource} ${formatDescriptor(row)} ${row.reason}`).to.equal(
        "RouteInboundChat Puller/Completed Unspecified",
      );
    });
  }

  test("the customer leaving while routing: Puller/CustomerAbandoned", () => {
    const log = new ChatLog()
      .submitted()
      .add("EventTakenFromQueue", { queue: "Chat_Inbound", strategy: "RouteInboundChat" })
      .add("EventProcessingStopped", { by: "customer" }, 4);
    expect(descriptors(log)).to.deep.equal(["RouteInboundChat Puller/CustomerAbandoned"]);
  });
});

describe("IRF order when attempts start in the same millisecond", () => {
  test("agents invited in the same millisecond are numbered in invitation order, not in the order they ended", () => {
    const log = new ChatLog()
      .submitted()
      .add("EventTakenFromQueue", { queue: "Chat_Inbound", strategy: "RouteInboundChat" })
      .add("EventAgentInvited", { agent: "Agent1", purpose: "route" })
      .add("EventAgentInvited", { agent: "Agent2", purpose: "route" }, 0)
      .add("EventRejected", { agent: "Agent2" }, 5)
      .add("EventRejected", { agent: "Agent1" }, 5)
      .add("EventProcessingStopped", { by: "customer" }, 5);
    const rows = classifyEvents(log.events);
    expect(rows.map((r) => `${r.irf} ${r.resource}`)).to.deep.equal([
      "1 RouteInboundChat",
      "2 Agent1",
      "3 Agent2",
    ]);
  });

  test("a strategy that pulls the chat and invites in the same millisecond is numbered before its agent", () => {
    const log = new ChatLog()
      .submitted()
      .add("EventTakenFromQueue", { queue: "Chat_Inbound", strategy: "RouteInboundChat" })
      .add("EventAgentInvited", { agent: "Agent1", purpose: "route" }, 0)
      .add("EventRejected", { agent: "Agent1" }, 5)
      .add("EventProcessingStopped", { by: "customer" }, 5);
    const rows = classifyEvents(log.events);
    expect(rows.map((r) => `${r.irf} ${r.resource} ${r.start}`)).to.deep.equal([
      "1 RouteInboundChat 2026-03-02T09:00:01.000Z",
      "2 Agent1 2026-03-02T09:00:01.000Z",
    ]);
  });
});
