/**
 * Mediation segments (MSFs) of the queue, field by field, for the endings msf-rules.ts states
 * (each a HYPOTHESIS there, cited in its comment) and for GIM's populate-mm-ixnqueue-facts option
 * (gim-config.ts): which segments are written, in what order and numbering, their duration and
 * the IRF each links to. The features assert some of this through their MSF tables; these pin
 * the rest, against mutants that survived the other classifier tests (README "Mutation testing").
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import { ChatClassifier } from "../../src/classifier/classify";
import type { IrfRow } from "../../src/domain/irf";
import type { MsfRow } from "../../src/domain/msf";
import { DOCUMENTED_DEFAULTS } from "../../src/gimconfig/gim-config";
import { ChatLog } from "../support/chat-log";

interface Facts {
  irfs: IrfRow[];
  msfs: MsfRow[];
  /** How often onMsfs was called with an empty list (it must never be). */
  emptyCalls: number;
}

function classify(log: ChatLog, populateMmIxnqueueFacts = false): Facts {
  const msfs: MsfRow[] = [];
  let emptyCalls = 0;
  const classifier = new ChatClassifier({
    config: { ...DOCUMENTED_DEFAULTS, populateMmIxnqueueFacts },
    onMsfs: (m) => {
      if (m.length === 0) emptyCalls++;
      msfs.push(...m);
    },
  });
  const irfs: IrfRow[] = [];
  log.events.forEach((event, i) => {
    const rows = classifier.push({
      event,
      source: { file: "x.jsonl", line: i + 1 },
      time: Date.parse(event.ts),
    });
    if (rows !== undefined) irfs.push(...rows);
  });
  const end = classifier.finish();
  irfs.push(...end.rows);
  msfs.push(...end.msfs);
  return { irfs, msfs, emptyCalls };
}

/** [msf, queue, result, reason, durationMs, linked IRF] */
const segments = (f: Facts) =>
  f.msfs.map((m) => [m.msf, m.resource, m.result, m.reason, m.durationMs, m.irf]);
const irfs = (f: Facts) => f.irfs.map((r) => [r.irf, r.resource, r.role, r.result, r.reason]);

/** Rejected by Agent1, back in the queue, then answered by Agent2: two queue segments. */
function requeued(): ChatLog {
  return new ChatLog("requeued")
    .submitted()
    .routedTo("Agent1")
    .add("EventRejected", { agent: "Agent1" })
    .add("EventPlacedInQueue", { queue: "Chat_Inbound" })
    .routedTo("Agent2")
    .add("EventPartyAdded", { agent: "Agent2" }, 3)
    .add("EventPartyRemoved", { agent: "Agent2" }, 10)
    .add("EventProcessingStopped", { by: "agent", agent: "Agent2" }, 0);
}

describe("mediation segments of the queue", () => {
  test("stopped in the queue by a strategy or an agent: Completed, the whole wait, linked to the queue's IRF", () => {
    for (const by of ["strategy", "agent"] as const) {
      const log = new ChatLog(by).submitted();
      log.add("EventProcessingStopped", by === "agent" ? { by, agent: "Agent1" } : { by }, 5);
      const f = classify(log);
      expect(segments(f), by).to.deep.equal([[1, "Chat_Inbound", "Completed", "Unspecified", 5000, 1]]);
      expect(irfs(f), by).to.deep.equal([[1, "Chat_Inbound", "Received", "Completed", "Unspecified"]]);
    }
  });

  test("the customer leaves while the agent is alerted: Diverted [AbandonedWhileRinging], linked to the agent's IRF", () => {
    const f = classify(
      new ChatLog("ringing")
        .submitted()
        .routedTo("Agent1")
        .add("EventProcessingStopped", { by: "customer" }, 4),
    );
    expect(segments(f)).to.deep.equal([[1, "Chat_Inbound", "Diverted", "AbandonedWhileRinging", 6000, 1]]);
    expect(irfs(f)).to.deep.equal([[1, "Agent1", "RoutedTo", "CustomerAbandoned", "AbandonedWhileRinging"]]);
  });

  test("by default only the first inbound queue segment is an MSF; with populate-mm-ixnqueue-facts every one, in start order", () => {
    const only = classify(requeued());
    expect(segments(only)).to.deep.equal([[1, "Chat_Inbound", "Redirected", "Unspecified", 3000, 1]]);
    const all = classify(requeued(), true);
    // The second segment runs from the re-queueing (t=4 s) to Agent2's answer (t=9 s).
    expect(segments(all)).to.deep.equal([
      [1, "Chat_Inbound", "Redirected", "Unspecified", 3000, 1],
      [2, "Chat_Inbound", "Diverted", "Unspecified", 5000, 2],
    ]);
    expect(irfs(all)).to.deep.equal([
      [1, "Agent1", "RoutedTo", "Redirected", "Unspecified"],
      [2, "Agent2", "RoutedTo", "Completed", "Unspecified"],
    ]);
  });

  test("a revoked invitation ends its segment Redirected [Revoked]; the customer then leaving the queue ends the next", () => {
    const f = classify(
      new ChatLog("revoked")
        .submitted()
        .routedTo("Agent1")
        .add("EventRevoked", { agent: "Agent1" }, 15)
        .add("EventPlacedInQueue", { queue: "Chat_Inbound" })
        .add("EventProcessingStopped", { by: "customer" }, 7),
      true,
    );
    expect(segments(f)).to.deep.equal([
      [1, "Chat_Inbound", "Redirected", "Revoked", 17000, 1],
      [2, "Chat_Inbound", "CustomerAbandoned", "AbandonedWhileQueued", 7000, 2],
    ]);
    expect(f.msfs.map((m) => [m.role, m.roleReason])).to.deep.equal([
      ["Received", "Unspecified"],
      ["Received", "Unspecified"],
    ]);
  });

  test("an interaction GIM writes no MSF for (not inbound, option off) never reaches onMsfs, not even as an empty list", () => {
    const internal = new ChatLog("internal")
      .add(
        "EventInteractionSubmitted",
        { media: "chat", interactionType: "Internal", queue: "Chat_Inbound" },
        0,
      )
      .add("EventPlacedInQueue", { queue: "Chat_Inbound" }, 0)
      .routedTo("Agent1")
      .add("EventPartyAdded", { agent: "Agent1" })
      .add("EventPartyRemoved", { agent: "Agent1" }, 10)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
    const f = classify(internal);
    expect(f.msfs).to.deep.equal([]);
    expect(f.emptyCalls).to.equal(0);
    expect(irfs(f)).to.deep.equal([[1, "Agent1", "RoutedTo", "Completed", "Unspecified"]]);
    // With the option on, the same queue segment is written.
    expect(segments(classify(internal, true))).to.have.length(1);
  });
});
