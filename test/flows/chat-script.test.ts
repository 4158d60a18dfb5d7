/**
 * ChatScript writes each business action as the contract's reporting events (event-log.md,
 * domain.md §4), on a deterministic clock, and refuses actions the chat's state does not allow.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import type { ChatEvent } from "../../src/eventlog/events";
import { formatEventLog, parseEventLog } from "../../src/eventlog/reader";
import { ChatScript } from "../../src/flows/chat-script";
import { FlowError } from "../../src/flows/flow-error";

/** "09:00:05 EventAgentInvited Agent1" per event: time of day, name and the agent or queue. */
function outline(events: readonly ChatEvent[]): string[] {
  return events.map((e) => {
    const who =
      "agent" in e && e.agent !== undefined
        ? e.agent
        : "queue" in e
          ? e.queue
          : e.event === "EventProcessingStopped"
            ? e.by
            : "";
    return `${e.ts.slice(11, 19)} ${e.event} ${who}`.trim();
  });
}

const routedAndAccepted = (id = "chat-test") =>
  new ChatScript(id)
    .customerStartsChat("Chat_Inbound")
    .strategyRoutesTo("RouteInboundChat", "Agent1")
    .agentAccepts("Agent1")
    .agentChats("Agent1");

describe("ChatScript events", () => {
  test("flow 1 reproduces the event-log contract's example exactly", () => {
    const events = routedAndAccepted("chat-0001").agentEndsChat("Agent1").events();
    expect(events).to.deep.equal([
      {
        ts: "2026-03-02T09:00:00.000Z",
        interaction: "chat-0001",
        event: "EventInteractionSubmitted",
        media: "chat",
        interactionType: "Inbound",
        queue: "Chat_Inbound",
      },
      {
        ts: "2026-03-02T09:00:00.000Z",
        interaction: "chat-0001",
        event: "EventPlacedInQueue",
        queue: "Chat_Inbound",
      },
      {
        ts: "2026-03-02T09:00:04.000Z",
        interaction: "chat-0001",
        event: "EventTakenFromQueue",
        queue: "Chat_Inbound",
        strategy: "RouteInboundChat",
      },
      {
        ts: "2026-03-02T09:00:05.000Z",
        interaction: "chat-0001",
        event: "EventAgentInvited",
        agent: "Agent1",
        purpose: "route",
      },
      { ts: "2026-03-02T09:00:12.000Z", interaction: "chat-0001", event: "EventPartyAdded", agent: "Agent1" },
      {
        ts: "2026-03-02T09:04:40.000Z",
        interaction: "chat-0001",
        event: "EventPartyRemoved",
        agent: "Agent1",
      },
      {
        ts: "2026-03-02T09:04:40.000Z",
        interaction: "chat-0001",
        event: "EventProcessingStopped",
        by: "agent",
        agent: "Agent1",
      },
    ]);
  });

  test("an accepted transfer adds the target, then removes the transferring agent", () => {
    const events = routedAndAccepted().agentTransfersTo("Agent1", "Agent2").agentAccepts("Agent2").events();
    expect(outline(events).slice(-3)).to.deep.equal([
      "09:04:43 EventAgentInvited Agent2",
      "09:04:50 EventPartyAdded Agent2",
      "09:04:50 EventPartyRemoved Agent1",
    ]);
    expect(events.at(-3)).to.include({ purpose: "transfer", from: "Agent1" });
  });

  test("an unanswered invitation is revoked when the 30 s delivering timeout expires", () => {
    const events = new ChatScript("chat-test")
      .customerStartsChat("Chat_Inbound")
      .strategyRoutesTo("RouteInboundChat", "Agent1")
      .agentDoesNotAcceptBeforeTimeout("Agent1")
      .chatReturnsToQueue("Chat_Inbound")
      .events();
    expect(outline(events).slice(-3)).to.deep.equal([
      "09:00:05 EventAgentInvited Agent1",
      "09:00:35 EventRevoked Agent1",
      "09:00:35 EventPlacedInQueue Chat_Inbound",
    ]);
    expect(events.at(-2)).to.include({ reason: "delivering-timeout" });
  });

  test("a conference invitation states its visibility only when it is known", () => {
    const known = routedAndAccepted().agentConferencesIn("Agent1", "Agent2").events().at(-1);
    const unknown = routedAndAccepted().agentConferencesIn("Agent1", "Agent2", "unknown").events().at(-1);
    expect(known).to.include({ purpose: "conference", from: "Agent1", visibility: "conference" });
    expect(unknown).to.include({ purpose: "conference", from: "Agent1" });
    expect(unknown).to.not.have.property("visibility");
  });

  test("a consultation is a consult invitation with consult visibility", () => {
    const invited = routedAndAccepted().agentConsults("Agent1", "Agent2").events().at(-1);
    expect(invited).to.include({
      event: "EventAgentInvited",
      purpose: "consult",
      from: "Agent1",
      visibility: "consult",
    });
  });

  test("a conference through a queue: an internal invitation interaction is routed, then Agent2 is conferenced into the chat", () => {
    const events = routedAndAccepted("chat-0001")
      .agentConferencesThroughQueue("Agent1", "Chat_Conference")
      .strategyRoutesTo("RouteConferenceChat", "Agent2")
      .agentAccepts("Agent2")
      .events();
    const invite = "chat-0001-invite";
    expect(events.filter((e) => e.interaction === invite).map((e) => e.event)).to.deep.equal([
      "EventInteractionSubmitted",
      "EventPlacedInQueue",
      "EventTakenFromQueue",
      "EventAgentInvited",
      "EventPartyAdded",
      "EventPartyRemoved",
      "EventProcessingStopped",
    ]);
    expect(events.find((e) => e.interaction === invite)).to.include({
      interactionType: "Internal",
      subtype: "InternalConferenceInvite",
      parent: "chat-0001",
      agent: "Agent1",
      queue: "Chat_Conference",
    });
    const mainInvite = events.find(
      (e) => e.interaction === "chat-0001" && e.event === "EventAgentInvited" && e.agent === "Agent2",
    );
    expect(mainInvite).to.include({ purpose: "conference", from: "Agent1", visibility: "conference" });
    // The agent who conferences through a queue stays in the customer's chat: no placement of it.
    expect(
      events.some(
        (e) => e.interaction === "chat-0001" && e.event === "EventPlacedInQueue" && e.agent !== undefined,
      ),
    ).to.equal(false);
  });

  test("a consultation completed as a transfer: a visibility change, then the consulting agent leaves", () => {
    const events = routedAndAccepted()
      .agentConsults("Agent1", "Agent2")
      .agentAccepts("Agent2")
      .agentCompletesConsultation("Agent1", "Agent2", "transfer")
      .events();
    expect(events.slice(-2)).to.deep.include.members([
      {
        ...events.at(-2),
        event: "EventVisibilityChanged",
        agent: "Agent2",
        visibility: "conference",
        purpose: "transfer",
      },
    ]);
    expect(events.at(-1)).to.include({ event: "EventPartyRemoved", agent: "Agent1" });
  });

  test("only a joined consultation can be completed, and only by the agent who consulted", () => {
    const conferenced = routedAndAccepted().agentConferencesIn("Agent1", "Agent2").agentAccepts("Agent2");
    expect(() => conferenced.agentCompletesConsultation("Agent1", "Agent2", "transfer")).to.throw(
      /Agent2 is not in a consultation with Agent1/,
    );
  });

  test("ending the chat in a stop-interaction queue: the agent leaves, the chat is placed there and stopped", () => {
    const events = routedAndAccepted().agentPlacesInStopQueue("Agent1", "Chat_Stop").events();
    expect(events.slice(-3).map((e) => e.event)).to.deep.equal([
      "EventPartyRemoved",
      "EventPlacedInQueue",
      "EventProcessingStopped",
    ]);
    expect(events.at(-2)).to.include({ queue: "Chat_Stop", agent: "Agent1" });
    expect(events.at(-1)).to.include({ by: "strategy" });
  });

  test("ending a chat removes every agent still in it, then stops processing", () => {
    const events = routedAndAccepted()
      .agentConferencesIn("Agent1", "Agent2")
      .agentAccepts("Agent2")
      .agentChats("Agent2")
      .agentEndsChat("Agent1")
      .events();
    expect(
      outline(events)
        .slice(-3)
        .map((line) => line.slice(9)),
    ).to.deep.equal([
      "EventPartyRemoved Agent2",
      "EventPartyRemoved Agent1",
      "EventProcessingStopped Agent1",
    ]);
  });

  test("the customer abandons: Chat Server stops the chat, by the customer", () => {
    const queued = new ChatScript("q").customerStartsChat("Chat_Inbound").customerLeaves({ queued: true });
    const routing = new ChatScript("r")
      .customerStartsChat("Chat_Inbound")
      .strategyPullsFromQueue("RouteInboundChat")
      .customerLeaves({ routing: true });
    const alerting = new ChatScript("a")
      .customerStartsChat("Chat_Inbound")
      .strategyRoutesTo("RouteInboundChat", "Agent1")
      .customerLeaves({ alerting: "Agent1" });
    expect(outline(queued.events()).at(-1)).to.equal("09:00:45 EventProcessingStopped customer");
    expect(outline(routing.events()).at(-1)).to.equal("09:00:07 EventProcessingStopped customer");
    expect(outline(alerting.events()).at(-1)).to.equal("09:00:17 EventProcessingStopped customer");
  });

  test("the clock is deterministic and after() moves it on", () => {
    const a = routedAndAccepted().after(90).agentEndsChat("Agent1").events();
    const b = routedAndAccepted().after(90).agentEndsChat("Agent1").events();
    expect(a).to.deep.equal(b);
    expect(a.at(-1)?.ts).to.equal("2026-03-02T09:06:10.000Z");
  });

  test("every action's log passes the shipped event-log schema", () => {
    const everything = routedAndAccepted()
      .agentTransfersTo("Agent1", "Agent2")
      .agentRejects("Agent2")
      .agentConferencesIn("Agent1", "Agent2", "unknown")
      .agentDoesNotAcceptBeforeTimeout("Agent2")
      .agentConsults("Agent1", "Agent3")
      .agentAccepts("Agent3")
      .agentChatsWith("Agent3", "Agent1")
      .agentLeaves("Agent3")
      .agentConferencesThroughQueue("Agent1", "Chat_Conference")
      .strategyRoutesTo("RouteConferenceChat", "Agent4")
      .agentAccepts("Agent4")
      .agentEndsChat("Agent1")
      .events();
    expect(parseEventLog(formatEventLog(everything), "built.jsonl")).to.have.length(everything.length);
  });

  test("a consulted agent chats with the consulting agent only while both are in the chat", () => {
    const consulting = routedAndAccepted().agentConsults("Agent1", "Agent2").agentAccepts("Agent2");
    expect(() => consulting.agentChatsWith("Agent2", "Agent1")).to.not.throw();
    expect(() => consulting.agentChatsWith("Agent2", "Agent9")).to.throw(
      FlowError,
      "Agent2 cannot chat with Agent9: Agent9 is not in the chat",
    );
  });

  test("every event carries the script's interaction id", () => {
    const events = routedAndAccepted("chat-transfer-accepted").agentEndsChat("Agent1").events();
    expect(new Set(events.map((e) => e.interaction))).to.deep.equal(new Set(["chat-transfer-accepted"]));
  });
});

describe("ChatScript refuses flows that cannot happen", () => {
  const refuses = (build: () => unknown, message: string | RegExp) =>
    expect(build).to.throw(FlowError, message);

  test("accepting without an invitation", () => {
    refuses(
      () => routedAndAccepted().agentAccepts("Agent2"),
      "Agent2 cannot accept: Agent2 was never invited",
    );
  });

  test("anything before the customer starts the chat", () => {
    refuses(
      () => new ChatScript("x").strategyRoutesTo("S", "Agent1"),
      /cannot route the chat to Agent1: the chat has not started/,
    );
  });

  test("anything after the chat ended", () => {
    refuses(() => routedAndAccepted().agentEndsChat("Agent1").agentEndsChat("Agent1"), /has already ended/);
  });

  test("accepting twice, or after the invitation ended", () => {
    refuses(() => routedAndAccepted().agentAccepts("Agent1"), /Agent1 has already joined/);
    refuses(
      () =>
        routedAndAccepted()
          .agentTransfersTo("Agent1", "Agent2")
          .agentRejects("Agent2")
          .agentAccepts("Agent2"),
      /Agent2's invitation has already ended/,
    );
  });

  test("accepting after the delivering timeout", () => {
    refuses(
      () =>
        new ChatScript("x")
          .customerStartsChat("Q")
          .strategyRoutesTo("S", "Agent1")
          .after(25)
          .agentAccepts("Agent1"),
      /invitation expired at 2026-03-02T09:00:35.000Z/,
    );
  });

  test("a timeout stated after later events", () => {
    refuses(
      () =>
        routedAndAccepted()
          .agentTransfersTo("Agent1", "Agent2")
          .after(60)
          .agentDoesNotAcceptBeforeTimeout("Agent2"),
      /expired at .* before the chat's last event/,
    );
  });

  test("transferring, conferencing or consulting by an agent not in the chat", () => {
    refuses(
      () => routedAndAccepted().agentTransfersTo("Agent2", "Agent3"),
      "Agent2 cannot transfer the chat to Agent3: Agent2 is not in the chat",
    );
    refuses(() => routedAndAccepted().agentConferencesIn("Agent1", "Agent1"), /cannot invite themself/);
    refuses(
      () => routedAndAccepted().agentConsults("Agent1", "Agent2").agentConsults("Agent1", "Agent2"),
      /Agent2 is already being invited/,
    );
  });

  test("returning to a queue other than the one the chat was taken from", () => {
    const revoked = () =>
      new ChatScript("x")
        .customerStartsChat("Chat_Inbound")
        .strategyRoutesTo("S", "Agent1")
        .agentRejects("Agent1");
    refuses(
      () => revoked().chatReturnsToQueue("Other"),
      /returns to "Chat_Inbound", the queue it was taken from/,
    );
    refuses(() => routedAndAccepted().chatReturnsToQueue("Chat_Inbound"), /Agent1 is handling it/);
  });

  test("a strategy routing a chat another strategy holds", () => {
    refuses(
      () =>
        new ChatScript("x")
          .customerStartsChat("Q")
          .strategyPullsFromQueue("A")
          .strategyRoutesTo("B", "Agent1"),
      /the strategy "A" is routing it/,
    );
  });

  test("the last agent leaving instead of ending the chat", () => {
    refuses(() => routedAndAccepted().agentLeaves("Agent1"), /Agent1 is the last agent in it/);
  });

  test("ending while an invitation is pending", () => {
    refuses(
      () => routedAndAccepted().agentTransfersTo("Agent1", "Agent2").agentEndsChat("Agent1"),
      /Agent2 is still being invited/,
    );
  });

  test("the customer abandoning a chat an agent joined, or from where the chat is not", () => {
    refuses(() => routedAndAccepted().customerLeaves(), /Agent1 has joined it/);
    refuses(
      () => new ChatScript("x").customerStartsChat("Q").customerLeaves({ routing: true }),
      /no strategy is routing it/,
    );
    refuses(
      () => new ChatScript("x").customerStartsChat("Q").customerLeaves({ alerting: "Agent1" }),
      /Agent1 is not being invited/,
    );
  });

  test("time going backwards, and empty names", () => {
    refuses(() => new ChatScript("x").after(-1), /Time can only move forward/);
    refuses(() => new ChatScript("x").customerStartsChat(" "), /queue needs a non-empty name/);
    refuses(() => new ChatScript(""), /non-empty interaction id/);
  });
});
