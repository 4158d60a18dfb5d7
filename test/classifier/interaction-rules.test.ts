/**
 * The rules of one interaction's state (src/classifier/interaction.ts) that the descriptor tests
 * do not reach: whole rows and segments (every field) for the corner cases of queues, placements,
 * revokes at the stop, logs cut short, and the exact messages inconsistent logs are refused
 * with. Written against mutants that survived the other classifier tests (README "Mutation
 * testing"); each test says which rule it pins.
 *
 * ChatLog's clock: submitted() puts the chat in Chat_Inbound at 09:00:00; routedTo() has the
 * strategy take it 1 s later and invite the agent 1 s after that; add() moves 1 s unless told.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import { InteractionState } from "../../src/classifier/interaction";
import { DOCUMENTED_DEFAULTS } from "../../src/gimconfig/gim-config";
import { ChatLog } from "../support/chat-log";
import {
  classifyLog,
  irfLine,
  irfLines,
  LOG_FILE,
  msfLine,
  msfLines,
  rejectionOf,
} from "../support/classify-log";

/** Agent1 routed (invited at 09:00:02) and joined at 09:00:03. */
const joined = (id = "chat-1") =>
  new ChatLog(id).submitted().routedTo("Agent1").add("EventPartyAdded", { agent: "Agent1" });

describe("the queue an interaction waits in", () => {
  test("placed again in the queue it waits in: the queue's IRF and MSF still run from the first entry", () => {
    const log = new ChatLog()
      .submitted()
      .add("EventPlacedInQueue", { queue: "Chat_Inbound" }, 5)
      .add("EventProcessingStopped", { by: "customer" }, 5);
    expect(irfLines(log)).to.deep.equal([
      "1 Chat_Inbound Queue Received/CustomerAbandoned [AbandonedWhileQueued] 09:00:00.000-09:00:10.000 a0 h0 m10000 from-",
    ]);
    expect(msfLines(log)).to.deep.equal([
      "1 Chat_Inbound Received/CustomerAbandoned [AbandonedWhileQueued] 09:00:00.000-09:00:10.000 d10000 irf1",
    ]);
  });

  test("moved to another queue: the stop is the new queue's, from when the chat entered it", () => {
    const log = new ChatLog()
      .submitted()
      .add("EventPlacedInQueue", { queue: "Chat_Overflow" }, 5)
      .add("EventProcessingStopped", { by: "customer" }, 5);
    expect(irfLines(log)).to.deep.equal([
      "1 Chat_Overflow Queue Received/CustomerAbandoned [AbandonedWhileQueued] 09:00:05.000-09:00:10.000 a0 h0 m5000 from-",
    ]);
    // The first queue's segment ended unanswered when the chat left it; the second is an MSF only
    // with populate-mm-ixnqueue-facts, and links the queue's IRF.
    expect(msfLines(log, { populateMmIxnqueueFacts: true })).to.deep.equal([
      "1 Chat_Inbound Received/Redirected [Unspecified] 09:00:00.000-09:00:05.000 d5000 irf-",
      "2 Chat_Overflow Received/CustomerAbandoned [AbandonedWhileQueued] 09:00:05.000-09:00:10.000 d5000 irf1",
    ]);
  });

  test("a strategy's chat put back in the queue is the queue's again: the stop records the queue, not the strategy", () => {
    const log = new ChatLog()
      .submitted()
      .add("EventTakenFromQueue", { queue: "Chat_Inbound", strategy: "RouteInboundChat" }, 2)
      .add("EventPlacedInQueue", { queue: "Chat_Inbound" }, 3)
      .add("EventProcessingStopped", { by: "strategy" }, 4);
    expect(irfLines(log)).to.deep.equal([
      "1 Chat_Inbound Queue Received/Completed [Unspecified] 09:00:05.000-09:00:09.000 a0 h0 m4000 from-",
    ]);
    // The chat never left the first segment's queue for an agent: one segment, the whole wait.
    expect(msfLines(log)).to.deep.equal([
      "1 Chat_Inbound Received/Completed [Unspecified] 09:00:00.000-09:00:09.000 d9000 irf1",
    ]);
  });

  test("placed in the queue while the distributed target is still alerted: that segment ends Redirected, the next target is the new segment's", () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventPlacedInQueue", { queue: "Chat_Inbound" }, 2)
      .routedTo("Agent2")
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventRevoked", { agent: "Agent1", reason: "delivering-timeout" }, 20)
      .add("EventPartyRemoved", { agent: "Agent2" })
      .add("EventProcessingStopped", { by: "agent", agent: "Agent2" }, 0);
    expect(msfLines(log, { populateMmIxnqueueFacts: true })).to.deep.equal([
      "1 Chat_Inbound Received/Redirected [Unspecified] 09:00:00.000-09:00:04.000 d4000 irf1",
      "2 Chat_Inbound Received/Diverted [Unspecified] 09:00:04.000-09:00:07.000 d3000 irf2",
    ]);
    expect(irfLines(log)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/Redirected [Revoked] 09:00:02.000-09:00:27.000 a25000 h0 m0 from-",
      "2 Agent2 Agent RoutedTo/Completed [Unspecified] 09:00:06.000-09:00:28.000 a1000 h21000 m0 from-",
    ]);
  });
});

describe("an agent who places the chat in a queue", () => {
  test("a placement naming an agent who declined (never joined) is refused: only a party can place the chat", () => {
    // Agent1 rejected at the instant of the placement: never joined, so cannot have placed it.
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventRejected", { agent: "Agent1" }, 3)
      .add("EventPlacedInQueue", { queue: "Chat_Inbound", agent: "Agent1" }, 0)
      .add("EventProcessingStopped", { by: "customer" }, 4);
    expect(rejectionOf(log)).to.equal(
      'chat.jsonl:6: field "agent": Agent1 places interaction "chat-1" in "Chat_Inbound" but did not join it (the last invitation ended unanswered); only an agent in the chat can place it in a queue (omit "agent" when a strategy placed it)',
    );
    // The same log without the name: the chat went back to the queue, Agent1 Redirected.
    const plain = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventRejected", { agent: "Agent1" }, 3)
      .add("EventPlacedInQueue", { queue: "Chat_Inbound" }, 0)
      .add("EventProcessingStopped", { by: "customer" }, 4);
    expect(irfLines(plain)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/Redirected [Unspecified] 09:00:02.000-09:00:05.000 a3000 h0 m0 from-",
      "2 Chat_Inbound Queue Received/CustomerAbandoned [AbandonedWhileQueued] 09:00:05.000-09:00:09.000 a0 h0 m4000 from-",
    ]);
  });

  test("a placement naming an agent who was never in the chat is refused (a typo would pass as the queue's own)", () => {
    const log = new ChatLog()
      .submitted()
      .add("EventTakenFromQueue", { queue: "Chat_Inbound", strategy: "RouteInboundChat" }, 2)
      .add("EventPlacedInQueue", { queue: "Chat_Overflow", agent: "Agent9" })
      .routedTo("Agent1", "RouteOverflow", "Chat_Overflow")
      .add("EventPartyAdded", { agent: "Agent1" })
      .add("EventPartyRemoved", { agent: "Agent1" })
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
    expect(rejectionOf(log)).to.equal(
      'chat.jsonl:4: field "agent": Agent9 places interaction "chat-1" in "Chat_Overflow" but was never in it; only an agent in the chat can place it in a queue (omit "agent" when a strategy placed it)',
    );
  });

  test("an agent who left earlier is not the one who placed the chat: the next routed agent is RoutedTo", () => {
    const log = joined()
      .add("EventPartyRemoved", { agent: "Agent1" }, 10)
      .add("EventPlacedInQueue", { queue: "Chat_Inbound", agent: "Agent1" }, 2)
      .routedTo("Agent2")
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventPartyRemoved", { agent: "Agent2" })
      .add("EventProcessingStopped", { by: "agent", agent: "Agent2" }, 0);
    expect(irfLines(log)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/Completed [Unspecified] 09:00:02.000-09:00:13.000 a1000 h10000 m0 from-",
      "2 Agent2 Agent RoutedTo/Completed [Unspecified] 09:00:17.000-09:00:19.000 a1000 h1000 m0 from-",
    ]);
  });

  test("the agent who placed it: Transferred, and the next routed agent received the transfer from that IRF", () => {
    const log = joined()
      .add("EventPartyRemoved", { agent: "Agent1" }, 10)
      .add("EventPlacedInQueue", { queue: "Chat_Inbound", agent: "Agent1" }, 0)
      .routedTo("Agent2")
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventPartyRemoved", { agent: "Agent2" })
      .add("EventProcessingStopped", { by: "agent", agent: "Agent2" }, 0);
    expect(irfLines(log)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/Transferred [Unspecified] 09:00:02.000-09:00:13.000 a1000 h10000 m0 from-",
      "2 Agent2 Agent ReceivedTransfer/Completed [Unspecified] 09:00:15.000-09:00:17.000 a1000 h1000 m0 from1",
    ]);
  });

  test("the agent routed the placed chat who does not answer: ReceivedTransfer, Redirected as any routed invitation (the chat goes back to the queue)", () => {
    const log = joined()
      .add("EventPartyRemoved", { agent: "Agent1" }, 10)
      .add("EventPlacedInQueue", { queue: "Chat_Inbound", agent: "Agent1" }, 0)
      .routedTo("Agent2")
      .add("EventRejected", { agent: "Agent2" })
      .add("EventPlacedInQueue", { queue: "Chat_Inbound" }, 0)
      .routedTo("Agent3")
      .add("EventRevoked", { agent: "Agent3", reason: "delivering-timeout" }, 30)
      .add("EventPlacedInQueue", { queue: "Chat_Inbound" }, 0)
      .add("EventProcessingStopped", { by: "strategy" }, 0);
    // Only the first agent routed after the placement received it from Agent1.
    expect(irfLines(log)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/Transferred [Unspecified] 09:00:02.000-09:00:13.000 a1000 h10000 m0 from-",
      "2 Agent2 Agent ReceivedTransfer/Redirected [Unspecified] 09:00:15.000-09:00:16.000 a1000 h0 m0 from1",
      "3 Agent3 Agent RoutedTo/Redirected [Revoked] 09:00:18.000-09:00:48.000 a30000 h0 m0 from-",
      "4 Chat_Inbound Queue Received/Completed [Unspecified] 09:00:48.000-09:00:48.000 a0 h0 m0 from-",
    ]);
  });

  test("placed by one of two agents: the other's invitations are not the placed chat's delivery, and the waiting segment is not theirs", () => {
    // Agent1 and Agent2 in a conference; Agent1 places the chat in the queue and leaves it to
    // Agent2, who consults Agent3. Only a routed invitation receives the placed chat (and is
    // the queue's distribution); a consultation from Agent2 is neither.
    const log = joined()
      .add("EventAgentInvited", {
        agent: "Agent2",
        purpose: "conference",
        from: "Agent1",
        visibility: "conference",
      })
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventPartyRemoved", { agent: "Agent1" }, 5)
      .add("EventPlacedInQueue", { queue: "Chat_Inbound", agent: "Agent1" }, 0)
      .add("EventAgentInvited", {
        agent: "Agent3",
        purpose: "consult",
        from: "Agent2",
        visibility: "consult",
      })
      .add("EventPartyAdded", { agent: "Agent3" })
      .add("EventPartyRemoved", { agent: "Agent3" })
      .add("EventProcessingStopped", { by: "agent", agent: "Agent2" });
    expect(irfLines(log)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/Transferred [Unspecified] 09:00:02.000-09:00:10.000 a1000 h7000 m0 from-",
      "2 Agent2 Agent InConference/Completed [Unspecified] 09:00:04.000-09:00:14.000 a1000 h9000 m0 from1",
      "3 Agent3 Agent ReceivedConsult/Completed [Unspecified] 09:00:11.000-09:00:13.000 a1000 h1000 m0 from2",
    ]);
    // The segment the placement opened waits until Agent2 ends the chat: nobody was routed from it.
    expect(msfLines(log, { populateMmIxnqueueFacts: true })).to.deep.equal([
      "1 Chat_Inbound Received/Diverted [Unspecified] 09:00:00.000-09:00:03.000 d3000 irf1",
      "2 Chat_Inbound Received/Completed [Unspecified] 09:00:10.000-09:00:14.000 d4000 irf-",
    ]);
  });

  test("placed in a stop-ixn-queues queue: Completed, and neither the stop queue nor the strategy is recorded", () => {
    const log = joined()
      .add("EventPartyRemoved", { agent: "Agent1" }, 10)
      .add("EventPlacedInQueue", { queue: "Chat_Stop", agent: "Agent1" }, 0)
      .add("EventTakenFromQueue", { queue: "Chat_Stop", strategy: "StopChat" })
      .add("EventProcessingStopped", { by: "strategy" });
    const facts = classifyLog(log, { stopIxnQueues: ["Chat_Stop"], populateMmIxnqueueFacts: true });
    expect(facts.irfs.map(irfLine)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/Completed [Unspecified] 09:00:02.000-09:00:13.000 a1000 h10000 m0 from-",
    ]);
    // The first queue's segment was answered; the stop queue's is not a segment at all.
    expect(facts.msfs.map((m) => `${m.msf} ${m.resource} ${m.result} irf${m.irf}`)).to.deep.equal([
      "1 Chat_Inbound Diverted irf1",
    ]);
  });
});

describe("a log cut short", () => {
  test("an ended attempt whose inviter is still in the chat was received from no numbered IRF yet; a segment linked to an open attempt links none", () => {
    const log = joined()
      .add("EventAgentInvited", { agent: "Agent2", purpose: "transfer", from: "Agent1" })
      .add("EventRejected", { agent: "Agent2" }, 4);
    const facts = classifyLog(log);
    expect(facts.irfs.map(irfLine)).to.deep.equal([
      "1 Agent2 Agent ReceivedTransfer/Abandoned [Unspecified] 09:00:04.000-09:00:08.000 a4000 h0 m0 from-",
    ]);
    // The queue's segment ended when Agent1 answered; Agent1's IRF is not written yet.
    expect(facts.msfs.map((m) => `${m.msf} ${m.result} d${m.durationMs} irf${m.irf}`)).to.deep.equal([
      "1 Diverted d3000 irfnull",
    ]);
    expect(facts.open).to.deep.equal(["chat-1 open 1"]);
  });
});

describe("inconsistent logs are refused with one whole line", () => {
  test("an interaction whose first event is not its submission (or that already stopped)", () => {
    expect(rejectionOf(new ChatLog().add("EventPartyAdded", { agent: "Agent1" }))).to.equal(
      'chat.jsonl:1: field "event": interaction "chat-1" starts with EventPartyAdded; its first event must be EventInteractionSubmitted (or the interaction was already stopped)',
    );
  });

  test("a medium other than chat, its name quoted with control characters escaped", () => {
    const log = new ChatLog().add(
      "EventInteractionSubmitted",
      { media: 'e"mail\n', interactionType: "Inbound", queue: "Chat_Inbound" },
      0,
    );
    expect(rejectionOf(log)).to.equal(
      'chat.jsonl:1: field "media": "e\\"mail\\n" is not modelled: the reference classifier models chat only (asynchronous media such as e-mail are not abandoned, and GIM treats new media types as offline)',
    );
  });

  test("time going backwards within an interaction names the event's time", () => {
    const log = new ChatLog()
      .submitted()
      .add("EventTakenFromQueue", { queue: "Chat_Inbound", strategy: "S" }, -1);
    expect(rejectionOf(log)).to.equal(
      'chat.jsonl:3: field "ts": 2026-03-02T08:59:59.000Z is earlier than the previous event of interaction "chat-1"; events must be in time order within an interaction',
    );
  });

  test("events of one interaction in the same millisecond are in order", () => {
    const log = new ChatLog()
      .submitted()
      .add("EventTakenFromQueue", { queue: "Chat_Inbound", strategy: "S" }, 0)
      .add("EventProcessingStopped", { by: "customer" }, 0);
    expect(irfLines(log)).to.deep.equal([
      "1 S Strategy Puller/CustomerAbandoned [Unspecified] 09:00:00.000-09:00:00.000 a0 h0 m0 from-",
    ]);
  });

  test("a second submission", () => {
    expect(rejectionOf(new ChatLog().submitted().submitted())).to.equal(
      'chat.jsonl:3: field "event": interaction "chat-1" was already submitted',
    );
  });

  test("taking the chat from a queue other than the one it waits in names that queue", () => {
    const log = new ChatLog().submitted().add("EventTakenFromQueue", { queue: "Other", strategy: "S" });
    expect(rejectionOf(log)).to.equal(
      'chat.jsonl:3: field "queue": interaction "chat-1" is not in queue "Other" (it is in "Chat_Inbound")',
    );
  });

  test("an agent who was never invited (or has left)", () => {
    const log = new ChatLog().submitted().routedTo("Agent1").add("EventRejected", { agent: "Agent9" });
    expect(rejectionOf(log)).to.equal(
      'chat.jsonl:5: field "agent": Agent9 was never invited into interaction "chat-1" (or has already left it)',
    );
  });

  test("leaving without having joined", () => {
    const log = new ChatLog().submitted().routedTo("Agent1").add("EventPartyRemoved", { agent: "Agent1" });
    expect(rejectionOf(log)).to.equal(
      'chat.jsonl:5: field "agent": Agent1 leaves interaction "chat-1" without having joined it',
    );
  });

  test("placing the chat in a queue while still in it", () => {
    const log = joined().add("EventPlacedInQueue", { queue: "Chat_Overflow", agent: "Agent1" });
    expect(rejectionOf(log)).to.equal(
      'chat.jsonl:6: field "agent": Agent1 places interaction "chat-1" in "Chat_Overflow" while still in it; an agent who places a chat in a queue leaves it (Place Interaction in Queue: EventPartyRemoved, then EventPlacedInQueue). To conference or consult through a queue, log the internal invitation interaction (subtype InternalConferenceInvite)',
    );
  });

  test("the customer stopping a chat an agent joined", () => {
    const log = joined()
      .add("EventPartyRemoved", { agent: "Agent1" })
      .add("EventProcessingStopped", { by: "customer" });
    expect(rejectionOf(log)).to.equal(
      'chat.jsonl:7: field "by": "customer" cannot stop interaction "chat-1": an agent has joined it, and Chat Server stops a chat for the customer only if no agent ever joined (stop-abandoned-interaction=noanswer); the agent ends it (by "agent")',
    );
  });

  test("a joined consultation completed by a visibility change for an agent invited with no inviter is refused", () => {
    // A consult invitation without `from` has nobody to complete it with.
    const log = joined()
      .add("EventAgentInvited", { agent: "Agent2", purpose: "consult" })
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventVisibilityChanged", { agent: "Agent2", visibility: "conference" });
    expect(rejectionOf(log)).to.equal(
      'chat.jsonl:8: field "agent": Agent2 is not a consulted agent in interaction "chat-1"; only a joined consultation can be completed as a conference or a transfer',
    );
  });
});

describe("the stop, and the revokes that are part of it", () => {
  test("a revoke at the instant the customer leaves: the agent's IRF and the queue's segment both end as abandoned while alerting", () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventRevoked", { agent: "Agent1" }, 8)
      .add("EventProcessingStopped", { by: "customer" }, 0);
    expect(irfLines(log)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/CustomerAbandoned [AbandonedWhileRinging] 09:00:02.000-09:00:10.000 a8000 h0 m0 from-",
    ]);
    expect(msfLines(log)).to.deep.equal([
      "1 Chat_Inbound Received/Diverted [AbandonedWhileRinging] 09:00:00.000-09:00:10.000 d10000 irf1",
    ]);
  });

  test("a segment that ended before the stop keeps its ending even when its target's revoke is the stop's", () => {
    // Agent1 is still alerted when the chat is placed back in the queue (the segment ends there,
    // Redirected); Agent1's revoke comes with the customer's stop, later.
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventPlacedInQueue", { queue: "Chat_Inbound" }, 2)
      .add("EventRevoked", { agent: "Agent1", reason: "requested" }, 5)
      .add("EventProcessingStopped", { by: "customer" }, 0);
    expect(irfLines(log)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/CustomerAbandoned [AbandonedWhileRinging] 09:00:02.000-09:00:09.000 a7000 h0 m0 from-",
    ]);
    expect(msfLines(log, { populateMmIxnqueueFacts: true })).to.deep.equal([
      "1 Chat_Inbound Received/Redirected [Unspecified] 09:00:00.000-09:00:04.000 d4000 irf1",
      "2 Chat_Inbound Received/CustomerAbandoned [AbandonedWhileQueued] 09:00:04.000-09:00:09.000 d5000 irf-",
    ]);
  });

  test("a strategy stopping the chat while the agent is alerted: the invitation is revoked, the segment Completed", () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventProcessingStopped", { by: "strategy" }, 6);
    expect(irfLines(log)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/Abandoned [Revoked] 09:00:02.000-09:00:08.000 a6000 h0 m0 from-",
    ]);
    expect(msfLines(log)).to.deep.equal([
      "1 Chat_Inbound Received/Completed [Unspecified] 09:00:00.000-09:00:08.000 d8000 irf1",
    ]);
  });

  test("a rejection at the instant the customer leaves stays a rejection; the strategy gets the abandon, the segment stays the agent's", () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventRejected", { agent: "Agent1" }, 3)
      .add("EventProcessingStopped", { by: "customer" }, 0);
    expect(irfLines(log)).to.deep.equal([
      "1 RouteInboundChat Strategy Puller/CustomerAbandoned [Unspecified] 09:00:01.000-09:00:05.000 a0 h0 m4000 from-",
      "2 Agent1 Agent RoutedTo/Redirected [Unspecified] 09:00:02.000-09:00:05.000 a3000 h0 m0 from-",
    ]);
    expect(msfLines(log)).to.deep.equal([
      "1 Chat_Inbound Received/Redirected [Unspecified] 09:00:00.000-09:00:05.000 d5000 irf2",
    ]);
  });

  test("a joined agent's handling-timeout revoke: Redirected [Revoked], the chat back in the queue for the next agent", () => {
    const log = joined()
      .add("EventRevoked", { agent: "Agent1", reason: "handling-timeout" }, 60)
      .add("EventPlacedInQueue", { queue: "Chat_Inbound" }, 0)
      .routedTo("Agent2")
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventPartyRemoved", { agent: "Agent2" })
      .add("EventProcessingStopped", { by: "agent", agent: "Agent2" }, 0);
    expect(irfLines(log)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/Redirected [Revoked] 09:00:02.000-09:01:03.000 a1000 h60000 m0 from-",
      "2 Agent2 Agent RoutedTo/Completed [Unspecified] 09:01:05.000-09:01:07.000 a1000 h1000 m0 from-",
    ]);
  });

  test("a joined conference party's handling-timeout revoke: Redirected [Revoked] as for a routed agent, not an unanswered invitation's Abandoned", () => {
    const log = joined()
      .add("EventAgentInvited", { agent: "Agent2", purpose: "conference", from: "Agent1" })
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventRevoked", { agent: "Agent2", reason: "handling-timeout" }, 60)
      .add("EventPartyRemoved", { agent: "Agent1" })
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
    expect(irfLines(log)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/Completed [Unspecified] 09:00:02.000-09:01:06.000 a1000 h63000 m0 from-",
      "2 Agent2 Agent InConference/Redirected [Revoked] 09:00:04.000-09:01:05.000 a1000 h60000 m0 from1",
    ]);
  });

  test("the agent ending the chat closes every attempt still open, in invitation order", () => {
    const log = joined()
      .add("EventAgentInvited", {
        agent: "Agent2",
        purpose: "conference",
        from: "Agent1",
        visibility: "conference",
      })
      .add("EventAgentInvited", { agent: "Agent3", purpose: "consult", from: "Agent1" })
      .add("EventPartyAdded", { agent: "Agent3" })
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 5);
    expect(irfLines(log)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/Completed [Unspecified] 09:00:02.000-09:00:11.000 a1000 h8000 m0 from-",
      "2 Agent2 Agent InConference/Abandoned [Revoked] 09:00:04.000-09:00:11.000 a7000 h0 m0 from1",
      "3 Agent3 Agent ReceivedConsult/Completed [Unspecified] 09:00:05.000-09:00:11.000 a1000 h5000 m0 from1",
    ]);
  });
});

describe("invitations", () => {
  test("two agents routed at once: the queue's segment is distributed to the first, and ends when that one declines", () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventAgentInvited", { agent: "Agent2", purpose: "route" }, 0)
      .add("EventRejected", { agent: "Agent2" }, 3)
      .add("EventRejected", { agent: "Agent1" }, 4)
      .add("EventProcessingStopped", { by: "strategy" }, 0);
    expect(msfLines(log)).to.deep.equal([
      "1 Chat_Inbound Received/Redirected [Unspecified] 09:00:00.000-09:00:09.000 d9000 irf2",
    ]);
  });

  test("an invitation from an agent who was never in the chat names the inviter", () => {
    const log = joined().add("EventAgentInvited", { agent: "Agent2", purpose: "transfer", from: "Agent7" });
    expect(rejectionOf(log)).to.equal(
      'chat.jsonl:6: field "from": Agent7 has not joined interaction "chat-1" and cannot invite Agent2',
    );
  });

  test("a routed invitation once the chat was answered belongs to no queue stay: the answered segment stays as it was", () => {
    const log = joined()
      .add("EventAgentInvited", { agent: "Agent2", purpose: "route" })
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventPartyRemoved", { agent: "Agent2" })
      .add("EventPartyRemoved", { agent: "Agent1" })
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
    expect(msfLines(log)).to.deep.equal([
      "1 Chat_Inbound Received/Diverted [Unspecified] 09:00:00.000-09:00:03.000 d3000 irf1",
    ]);
    expect(irfLines(log)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/Completed [Unspecified] 09:00:02.000-09:00:07.000 a1000 h4000 m0 from-",
      "2 Agent2 Agent RoutedTo/Completed [Unspecified] 09:00:04.000-09:00:06.000 a1000 h1000 m0 from-",
    ]);
  });

  test("a transfer invitation that names no inviter is ReceivedTransfer from no IRF, and transfers nobody's attempt", () => {
    const log = joined()
      .add("EventAgentInvited", { agent: "Agent2", purpose: "transfer" })
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventPartyRemoved", { agent: "Agent1" })
      .add("EventPartyRemoved", { agent: "Agent2" })
      .add("EventProcessingStopped", { by: "agent", agent: "Agent2" }, 0);
    expect(irfLines(log)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/Completed [Unspecified] 09:00:02.000-09:00:06.000 a1000 h3000 m0 from-",
      "2 Agent2 Agent ReceivedTransfer/Completed [Unspecified] 09:00:04.000-09:00:07.000 a1000 h2000 m0 from-",
    ]);
  });

  test("an agent invited again after leaving has a second IRF of its own", () => {
    const log = joined()
      .add("EventPartyRemoved", { agent: "Agent1" }, 5)
      .add("EventPlacedInQueue", { queue: "Chat_Inbound" }, 0)
      .routedTo("Agent1")
      .add("EventPartyAdded", { agent: "Agent1" })
      .add("EventPartyRemoved", { agent: "Agent1" })
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
    expect(irfLines(log)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/Completed [Unspecified] 09:00:02.000-09:00:08.000 a1000 h5000 m0 from-",
      "2 Agent1 Agent RoutedTo/Completed [Unspecified] 09:00:10.000-09:00:12.000 a1000 h1000 m0 from-",
    ]);
  });

  test("a consultation completed as a transfer: the consulting agent Transferred, the consulted ReceivedTransfer", () => {
    const log = joined()
      .add("EventAgentInvited", {
        agent: "Agent2",
        purpose: "consult",
        from: "Agent1",
        visibility: "consult",
      })
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventVisibilityChanged", { agent: "Agent2", visibility: "conference", purpose: "transfer" })
      .add("EventPartyRemoved", { agent: "Agent1" }, 0)
      .add("EventPartyRemoved", { agent: "Agent2" })
      .add("EventProcessingStopped", { by: "agent", agent: "Agent2" }, 0);
    expect(irfLines(log)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/Transferred [Unspecified] 09:00:02.000-09:00:06.000 a1000 h3000 m0 from-",
      "2 Agent2 Agent ReceivedTransfer/Completed [Unspecified] 09:00:04.000-09:00:07.000 a1000 h2000 m0 from1",
    ]);
  });
});

describe("a stopped interaction's state", () => {
  test("hands its facts over once and holds none after: its ended IRFs and MSFs are gone with the stop", () => {
    const [first, ...rest] = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventRejected", { agent: "Agent1" })
      .add("EventProcessingStopped", { by: "customer" }).events;
    const stop = rest.pop();
    if (first === undefined || stop === undefined) throw new Error("the log is too short");
    const source = { file: LOG_FILE, line: 1 };
    const heard: string[] = [];
    const state = new InteractionState(first, source, DOCUMENTED_DEFAULTS, (m) =>
      heard.push(...m.map(msfLine)),
    );
    for (const e of [first, ...rest]) expect(state.apply(e, Date.parse(e.ts), source)).to.equal(undefined);
    // Before the stop, a log cut short here would report the rejection and its segment.
    expect(state.endedRows().map(irfLine)).to.deep.equal([
      "1 Agent1 Agent RoutedTo/Redirected [Unspecified] 09:00:02.000-09:00:03.000 a1000 h0 m0 from-",
    ]);
    expect(state.endedMsfs()).to.have.length(1);
    expect(state.apply(stop, Date.parse(stop.ts), source)?.map(irfLine)).to.deep.equal([
      "1 RouteInboundChat Strategy Puller/CustomerAbandoned [Unspecified] 09:00:01.000-09:00:04.000 a0 h0 m3000 from-",
      "2 Agent1 Agent RoutedTo/Redirected [Unspecified] 09:00:02.000-09:00:03.000 a1000 h0 m0 from-",
    ]);
    expect(heard).to.deep.equal([
      "1 Chat_Inbound Received/Redirected [Unspecified] 09:00:00.000-09:00:03.000 d3000 irf2",
    ]);
    expect([state.endedRows(), state.endedMsfs(), state.openAttempts]).to.deep.equal([[], [], 0]);
  });
});
