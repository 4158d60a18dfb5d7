/**
 * seed-db writes TECHNICAL_DESCRIPTOR before any fact, as GIM's initialisation does, with "every
 * combination the reference classifier's rules can give" (src/gimdb/seed-descriptors.ts). Checked
 * here against what the classifier really gives: random valid chats, and the placements the random
 * walk does not make (an agent placing the chat in a queue for the next one).
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import fc from "fast-check";
import { ChatClassifier } from "../../src/classifier/classify";
import type { ChatEvent } from "../../src/eventlog/events";
import { BUNDLED_GIM_CONFIG, DOCUMENTED_DEFAULTS } from "../../src/gimconfig/gim-config";
import { referenceDescriptors } from "../../src/gimdb/seed-descriptors";
import { ChatLog } from "../support/chat-log";
import { walkChat } from "../support/random-chat";

const START = Date.parse("2026-03-02T09:00:00.000Z");
const seeded = new Set(
  referenceDescriptors().map((d) => `${d.role}/${d.result} [${d.reason}] ${d.roleReason}`),
);

/** Every IRF and MSF descriptor classifying `events` gives, as seeded's keys. */
function descriptorsOf(events: readonly ChatEvent[], config = DOCUMENTED_DEFAULTS): string[] {
  const facts: { role: string; result: string; reason: string; roleReason: string }[] = [];
  const classifier = new ChatClassifier({ config, onMsfs: (m) => facts.push(...m) });
  events.forEach((event, i) => {
    facts.push(
      ...(classifier.push({ event, source: { file: "log", line: i + 1 }, time: Date.parse(event.ts) }) ?? []),
    );
  });
  const end = classifier.finish();
  facts.push(...end.rows, ...end.msfs);
  return facts.map((d) => `${d.role}/${d.result} [${d.reason}] ${d.roleReason}`);
}

const joined = () =>
  new ChatLog("chat-1", START).submitted().routedTo("Agent1").add("EventPartyAdded", { agent: "Agent1" });

describe("the descriptors seed-db writes before any fact", () => {
  test("hold every descriptor a random valid chat gives, under either GIM configuration", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { maxLength: 25 }), fc.boolean(), (choices, bundled) => {
        const events = walkChat("ixn", START, choices);
        for (const d of descriptorsOf(events, bundled ? BUNDLED_GIM_CONFIG : DOCUMENTED_DEFAULTS))
          expect(seeded.has(d), d).to.equal(true);
      }),
    );
  });

  test("hold those of a chat an agent placed in the queue: the next agents rejecting, revoked, alerted at the stop, or answering", () => {
    const placed = () =>
      joined()
        .add("EventPartyRemoved", { agent: "Agent1" }, 10)
        .add("EventPlacedInQueue", { queue: "Chat_Inbound", agent: "Agent1" }, 0)
        .routedTo("Agent2");
    const logs = [
      placed().add("EventRejected", { agent: "Agent2" }).add("EventProcessingStopped", { by: "strategy" }, 0),
      placed()
        .add("EventRevoked", { agent: "Agent2", reason: "delivering-timeout" }, 30)
        .add("EventProcessingStopped", { by: "strategy" }, 0),
      placed().add("EventProcessingStopped", { by: "strategy" }, 1),
      placed()
        .add("EventPartyAdded", { agent: "Agent2" })
        .add("EventPartyRemoved", { agent: "Agent2" })
        .add("EventProcessingStopped", { by: "agent", agent: "Agent2" }, 0),
    ];
    const given = new Set(logs.flatMap((log) => descriptorsOf(log.events)));
    // The walk above never places a chat: these are the placement's own descriptors.
    expect([...given]).to.include.members([
      "RoutedTo/Transferred [Unspecified] Unspecified",
      "ReceivedTransfer/Redirected [Unspecified] Unspecified",
      "ReceivedTransfer/Redirected [Revoked] Unspecified",
      "ReceivedTransfer/Completed [Unspecified] Unspecified",
    ]);
    for (const d of given) expect(seeded.has(d), d).to.equal(true);
  });
});
