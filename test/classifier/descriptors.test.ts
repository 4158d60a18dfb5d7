/**
 * One test per descriptor decision of the reference classifier: the seed's flows 1–6 and 9–11,
 * the provisional hypotheses for 7 and 8, and the undocumented endings it still has to decide.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import { classifyEvents } from "../../src/classifier/classify";
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

  test("1.8 conference through a queue (hypothesis): no queue IRF while Agent1 stays", () => {
    const log = accepted()
      .add("EventPlacedInQueue", { queue: "Chat_Conference", agent: "Agent1" }, 60)
      .add("EventTakenFromQueue", { queue: "Chat_Conference", strategy: "RouteConference" }, 5)
      .add("EventAgentInvited", { agent: "Agent2", purpose: "conference", visibility: "conference" })
      .add("EventPartyAdded", { agent: "Agent2" }, 6)
      .add("EventPartyRemoved", { agent: "Agent2" }, 60)
      .add("EventPartyRemoved", { agent: "Agent1" }, 60)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
    expect(descriptors(log)).to.deep.equal(["Agent1 RoutedTo/Completed", "Agent2 InConference/Completed"]);
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

  test("a joined agent revoked for handling-timeout handled the chat: Completed", () => {
    const log = accepted()
      .add("EventRevoked", { agent: "Agent1", reason: "handling-timeout" })
      .add("EventProcessingStopped", { by: "strategy" });
    expect(descriptors(log)).to.deep.equal(["Agent1 RoutedTo/Completed"]);
  });

  test("a strategy stopping a chat still in the queue clears it", () => {
    const log = new ChatLog().submitted().add("EventProcessingStopped", { by: "strategy" }, 10);
    expect(descriptors(log)).to.deep.equal(["Chat_Inbound Received/Cleared"]);
  });

  test("the customer leaving after an agent joined is a completed chat, not an abandon", () => {
    const log = accepted().add("EventProcessingStopped", { by: "customer" }, 60);
    expect(descriptors(log)).to.deep.equal(["Agent1 RoutedTo/Completed"]);
  });

  test("a conference invitation accepted before the visibility is reported counts as InConference", () => {
    const log = accepted()
      .add("EventAgentInvited", { agent: "Agent2", purpose: "conference", from: "Agent1" })
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventProcessingStopped", { by: "customer" });
    expect(descriptors(log)).to.deep.equal(["Agent1 RoutedTo/Completed", "Agent2 InConference/Completed"]);
  });
});

describe("row facts", () => {
  test("durations, times and the transferring IRF are recorded", () => {
    const log = accepted() // invited at +2 s, accepted at +3 s
      .add("EventAgentInvited", { agent: "Agent2", purpose: "transfer", from: "Agent1" }, 60)
      .add("EventPartyAdded", { agent: "Agent2" }, 7)
      .add("EventPartyRemoved", { agent: "Agent1" }, 0)
      .add("EventProcessingStopped", { by: "customer" }, 100);
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
