/** Logs that are valid line by line but inconsistent as a chat are rejected, naming line and field. */
import { test } from "node:test";
import { expect } from "chai";
import { classifyEvents } from "../../src/classifier/classify";
import { InputError } from "../../src/errors";
import type { ChatEvent } from "../../src/eventlog/events";
import { ChatLog } from "../support/chat-log";

function rejection(events: ChatEvent[]): InputError {
  try {
    classifyEvents(events, "chat.jsonl");
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("the log was accepted");
}

test("an event before the interaction was submitted", () => {
  const e = rejection(new ChatLog().add("EventPartyAdded", { agent: "Agent1" }).events);
  expect(e.message).to.match(
    /^chat\.jsonl:1: field "event": interaction "chat-1" starts with EventPartyAdded/,
  );
});

test("time going backwards within an interaction", () => {
  const events = new ChatLog().submitted().routedTo("Agent1").events;
  const late = { ...events[3], ts: "2026-03-02T08:59:00.000Z" } as ChatEvent;
  const e = rejection([...events.slice(0, 3), late]);
  expect([e.line, e.field]).to.deep.equal([4, "ts"]);
  expect(e.message).to.contain("earlier than the previous event");
});

test("an agent who was never invited accepts", () => {
  const e = rejection(
    new ChatLog().submitted().routedTo("Agent1").add("EventPartyAdded", { agent: "Agent9" }).events,
  );
  expect([e.line, e.field]).to.deep.equal([5, "agent"]);
  expect(e.message).to.contain("Agent9 was never invited");
});

test("an agent leaves without having joined", () => {
  const e = rejection(
    new ChatLog().submitted().routedTo("Agent1").add("EventPartyRemoved", { agent: "Agent1" }).events,
  );
  expect(e.field).to.equal("agent");
  expect(e.message).to.contain("without having joined");
});

test("a transfer from an agent who is not in the chat", () => {
  const log = new ChatLog()
    .submitted()
    .routedTo("Agent1")
    .add("EventAgentInvited", { agent: "Agent2", purpose: "transfer", from: "Agent1" });
  const e = rejection(log.events);
  expect([e.line, e.field]).to.deep.equal([5, "from"]);
});

test("taking the chat from a queue it is not in", () => {
  const e = rejection(
    new ChatLog().submitted().add("EventTakenFromQueue", { queue: "Other", strategy: "S" }).events,
  );
  expect([e.line, e.field]).to.deep.equal([3, "queue"]);
  expect(e.message).to.contain('it is in "Chat_Inbound"');
});

test("inviting an agent twice", () => {
  const e = rejection(
    new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventAgentInvited", { agent: "Agent1", purpose: "route" }).events,
  );
  expect(e.message).to.contain("already in interaction");
});

test("submitting the same interaction twice", () => {
  const e = rejection(new ChatLog().submitted().submitted().events);
  expect([e.line, e.field]).to.deep.equal([3, "event"]);
});

test("an event after the interaction stopped", () => {
  const log = new ChatLog()
    .submitted()
    .add("EventProcessingStopped", { by: "customer" })
    .add("EventPlacedInQueue", { queue: "Chat_Inbound" });
  const e = rejection(log.events);
  expect(e.line).to.equal(4);
  expect(e.message).to.contain("already stopped");
});

test("a second submission after the chat left its queue (the queue no longer tells)", () => {
  const log = new ChatLog()
    .submitted()
    .routedTo("Agent1")
    .add("EventInteractionSubmitted", { media: "chat", interactionType: "Inbound", queue: "Chat_Inbound" });
  const e = rejection(log.events);
  expect([e.line, e.field]).to.deep.equal([5, "event"]);
  expect(e.message).to.contain('interaction "chat-1" was already submitted');
});

test("a second submission while the chat still waits in its queue", () => {
  const log = new ChatLog()
    .submitted()
    .add("EventInteractionSubmitted", { media: "chat", interactionType: "Inbound", queue: "Chat_Inbound" });
  const e = rejection(log.events);
  expect([e.line, e.field]).to.deep.equal([3, "event"]);
});

test("an interaction id reused after that interaction stopped", () => {
  const log = new ChatLog()
    .submitted()
    .add("EventProcessingStopped", { by: "customer" })
    .submitted()
    .add("EventProcessingStopped", { by: "customer" });
  const e = rejection(log.events);
  expect([e.line, e.field]).to.deep.equal([4, "interaction"]);
  expect(e.message).to.equal(
    'chat.jsonl:4: field "interaction": interaction "chat-1" has already stopped; an interaction id names one interaction and is not reused',
  );
});

test("an interaction id reused after a stop is refused even when other interactions come between", () => {
  const first = new ChatLog("chat-1").submitted().add("EventProcessingStopped", { by: "customer" });
  const other = new ChatLog("chat-2", Date.parse("2026-03-02T09:00:05.000Z")).submitted();
  const again = new ChatLog("chat-1", Date.parse("2026-03-02T09:00:10.000Z")).submitted();
  const e = rejection([...first.events, ...other.events, ...again.events]);
  expect([e.line, e.field]).to.deep.equal([6, "interaction"]);
});

for (const action of [
  { event: "EventPartyAdded", verb: "accept" },
  { event: "EventRejected", verb: "reject" },
] as const) {
  test(`an agent who already joined cannot ${action.verb} the invitation again`, () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventPartyAdded", { agent: "Agent1" })
      .add(action.event, { agent: "Agent1" });
    const e = rejection(log.events);
    expect([e.line, e.field]).to.deep.equal([6, "agent"]);
    expect(e.message).to.contain(
      `Agent1 cannot ${action.verb} an invitation: already joined interaction "chat-1"`,
    );
  });
}

for (const reason of [undefined, "requested", "delivering-timeout"] as const) {
  test(`a joined agent's revoke ${reason === undefined ? "without reason" : `for ${reason}`} is refused: only handling-timeout takes a chat back`, () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventPartyAdded", { agent: "Agent1" })
      .add("EventRevoked", reason === undefined ? { agent: "Agent1" } : { agent: "Agent1", reason });
    const e = rejection(log.events);
    expect([e.line, e.field]).to.deep.equal([6, reason === undefined ? "agent" : "reason"]);
    expect(e.message).to.contain('Agent1 has already joined interaction "chat-1"');
    expect(e.message).to.contain(reason === undefined ? "not a revoke without reason" : `not "${reason}"`);
  });
}

test("an agent who left cannot be revoked", () => {
  const log = new ChatLog()
    .submitted()
    .routedTo("Agent1")
    .add("EventPartyAdded", { agent: "Agent1" })
    .add("EventPartyRemoved", { agent: "Agent1" })
    .add("EventRevoked", { agent: "Agent1", reason: "handling-timeout" });
  const e = rejection(log.events);
  expect([e.line, e.field]).to.deep.equal([7, "agent"]);
  expect(e.message).to.contain("Agent1 was never invited");
});

// The exact one-line messages, and the branch each check takes (mutants of interaction.ts survived
// with only the field and line asserted).

test("taking the chat from a queue after it already left every queue says it is in no queue", () => {
  const log = new ChatLog()
    .submitted()
    .routedTo("Agent1")
    .add("EventTakenFromQueue", { queue: "Chat_Inbound", strategy: "S" });
  const e = rejection(log.events);
  expect(e.message).to.equal(
    'chat.jsonl:5: field "queue": interaction "chat-1" is not in queue "Chat_Inbound" (it is in no queue)',
  );
});

test("an invitation from an agent who was invited but has not joined names the inviter", () => {
  const log = new ChatLog()
    .submitted()
    .routedTo("Agent1")
    .add("EventAgentInvited", { agent: "Agent2", purpose: "transfer", from: "Agent1" });
  expect(rejection(log.events).message).to.equal(
    'chat.jsonl:5: field "from": Agent1 has not joined interaction "chat-1" and cannot invite Agent2',
  );
});

test("inviting an agent already in the chat: the whole message", () => {
  const e = rejection(
    new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventAgentInvited", { agent: "Agent1", purpose: "route" }).events,
  );
  expect(e.message).to.equal('chat.jsonl:5: field "agent": Agent1 is already in interaction "chat-1"');
});

/** Agent1 joined; `then` adds what follows. */
function joined(): ChatLog {
  return new ChatLog().submitted().routedTo("Agent1").add("EventPartyAdded", { agent: "Agent1" });
}

for (const [name, log] of [
  [
    "a consulted agent still alerting",
    joined().add("EventAgentInvited", { agent: "Agent2", purpose: "consult", from: "Agent1" }),
  ],
  ["the routed agent", joined()],
  [
    "a joined conference invitee",
    joined()
      .add("EventAgentInvited", { agent: "Agent2", purpose: "conference", from: "Agent1" })
      .add("EventPartyAdded", { agent: "Agent2" }),
  ],
] as const) {
  test(`a visibility change for ${name} is refused: only a joined consultation can become a conference`, () => {
    const agent = name === "the routed agent" ? "Agent1" : "Agent2";
    const e = rejection(log.add("EventVisibilityChanged", { agent, visibility: "conference" }).events);
    expect(e.message).to.equal(
      `chat.jsonl:${log.events.length}: field "agent": ${agent} is not a consulted agent in interaction "chat-1"; only a joined consultation can be completed as a conference or a transfer`,
    );
  });
}

test("a joined consultation can become a conference (the positive case of the check above)", () => {
  const log = joined()
    .add("EventAgentInvited", { agent: "Agent2", purpose: "consult", from: "Agent1" })
    .add("EventPartyAdded", { agent: "Agent2" })
    .add("EventVisibilityChanged", { agent: "Agent2", visibility: "conference" })
    .add("EventPartyRemoved", { agent: "Agent2" })
    .add("EventPartyRemoved", { agent: "Agent1" })
    .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
  const rows = classifyEvents(log.events, "chat.jsonl");
  expect(rows.map((r) => [r.resource, r.role])).to.deep.equal([
    ["Agent1", "RoutedTo"],
    ["Agent2", "InConference"],
  ]);
});

for (const [reason, field, words] of [
  [undefined, "agent", "a revoke without reason"],
  ["requested", "reason", '"requested"'],
] as const) {
  test(`revoking a joined agent ${reason === undefined ? "without a reason" : `for "${reason}"`} is refused, naming the ${field}`, () => {
    const log = joined().add(
      "EventRevoked",
      reason === undefined ? { agent: "Agent1" } : { agent: "Agent1", reason },
    );
    expect(rejection(log.events).message).to.equal(
      `chat.jsonl:6: field "${field}": Agent1 has already joined interaction "chat-1": only a "handling-timeout" revoke can take it back from a joined agent, not ${words}`,
    );
  });
}
