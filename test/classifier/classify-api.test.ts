/**
 * The classifier's entry points as their callers rely on them (classify.ts): the in-memory
 * classifyEvents/classifyFacts order rows by the interactions' first appearance whatever order
 * they stop in, and keep the source lines of LoggedEvents; the streaming classifyStream and
 * classifyBatches yield each interaction's rows as it stops, then the rows of interactions left
 * open, report the open ones once (and only when there are some), never yield an empty batch, and
 * deliver MSFs only when asked and never as an empty list. Written against mutants that survived
 * the other classifier tests (README "Mutation testing").
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import {
  ChatClassifier,
  CLASSIFIER_VERSION,
  classifyBatches,
  classifyEvents,
  classifyFacts,
  classifyStream,
  type OpenInteraction,
} from "../../src/classifier/classify";
import type { IrfRow } from "../../src/domain/irf";
import type { MsfRow } from "../../src/domain/msf";
import { InputError } from "../../src/errors";
import type { ChatEvent, LoggedEvent } from "../../src/eventlog/events";
import { ChatLog } from "../support/chat-log";

/** A chat routed to `agent`, who accepts, chats and ends it: one IRF (+ the queue's MSF). */
function answered(id: string, agent: string, startMinute: number): ChatLog {
  return new ChatLog(id, Date.parse(`2026-03-02T09:${String(startMinute).padStart(2, "0")}:00.000Z`))
    .submitted()
    .routedTo(agent)
    .add("EventPartyAdded", { agent })
    .add("EventPartyRemoved", { agent }, 30)
    .add("EventProcessingStopped", { by: "agent", agent }, 0);
}

/** A chat abandoned in the queue: no IRF for an agent, one MSF for the queue. */
function abandoned(id: string, startMinute: number): ChatLog {
  return new ChatLog(id, Date.parse(`2026-03-02T09:${String(startMinute).padStart(2, "0")}:00.000Z`))
    .submitted()
    .add("EventProcessingStopped", { by: "customer" }, 20);
}

/** A chat left open: Agent1 rejected it, Agent2 took it and is still chatting when the log ends. */
function openChat(id: string, startMinute = 5): ChatLog {
  return new ChatLog(id, Date.parse(`2026-03-02T09:${String(startMinute).padStart(2, "0")}:00.000Z`))
    .submitted()
    .routedTo("Agent1")
    .add("EventRejected", { agent: "Agent1" })
    .add("EventPlacedInQueue", { queue: "Chat_Inbound" })
    .routedTo("Agent2")
    .add("EventPartyAdded", { agent: "Agent2" });
}

function logged(events: readonly ChatEvent[], file = "log.jsonl", firstLine = 1): LoggedEvent[] {
  return events.map((event, i) => ({
    event,
    source: { file, line: firstLine + i },
    time: Date.parse(event.ts),
  }));
}

/** Events of several logs interleaved by time, as one log holds them. */
function interleave(...logs: ChatLog[]): ChatEvent[] {
  return logs.flatMap((l) => l.events).sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
}

async function* once<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

describe("classifyEvents and classifyFacts", () => {
  test("rows come grouped by interaction in first-appearance order, not in the order they stop", () => {
    // "second" starts later but stops first (its agent leaves after 30 s, the first's after 30 s
    // counted from a later acceptance).
    const first = new ChatLog("first", Date.parse("2026-03-02T09:00:00.000Z"))
      .submitted()
      .routedTo("Agent1")
      .add("EventPartyAdded", { agent: "Agent1" }, 60)
      .add("EventPartyRemoved", { agent: "Agent1" }, 300)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent1" }, 0);
    const second = answered("second", "Agent2", 1);
    const events = interleave(first, second);
    const stopOrder = events.filter((e) => e.event === "EventProcessingStopped").map((e) => e.interaction);
    expect(stopOrder).to.deep.equal(["second", "first"]);
    expect(classifyEvents(events).map((r) => r.interaction)).to.deep.equal(["first", "second"]);
    const facts = classifyFacts(events);
    expect([...new Set(facts.msfs.map((m) => m.interaction))]).to.deep.equal(["first", "second"]);
  });

  test("LoggedEvents keep their file and line in a rejection; plain events are numbered from 1 in the given file", () => {
    const log = answered("again", "Agent1", 0);
    // The id is reused after the interaction stopped: rejected at the second EventInteractionSubmitted.
    const reused = [...log.events, ...answered("again", "Agent1", 10).events];
    const fromLog = (() => {
      try {
        classifyEvents(logged(reused, "real.jsonl", 101));
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(fromLog).to.be.instanceOf(InputError);
    expect([fromLog?.file, fromLog?.line]).to.deep.equal(["real.jsonl", 101 + log.events.length]);
    const plain = (() => {
      try {
        classifyEvents(reused, "given.jsonl");
      } catch (e) {
        return e as InputError;
      }
    })();
    expect([plain?.file, plain?.line]).to.deep.equal(["given.jsonl", 1 + log.events.length]);
  });
});

describe("classifyEvents and classifyFacts without a file name", () => {
  // A log built in memory (the step definitions' logs, the reference back end's) is named
  // "<events>" in a rejection, so the message still reads as file:line.
  const reused = [...answered("again", "Agent1", 0).events, ...answered("again", "Agent1", 10).events];
  const where = (work: () => unknown): string => {
    try {
      work();
    } catch (e) {
      expect(e).to.be.instanceOf(InputError);
      return (e as InputError).message.slice(0, (e as InputError).message.indexOf(": field"));
    }
    throw new Error("the log was accepted");
  };

  test("a rejection names the log <events> and the event's position in it", () => {
    const line = answered("again", "Agent1", 0).events.length + 1;
    expect(where(() => classifyEvents(reused))).to.equal(`<events>:${line}`);
    expect(where(() => classifyFacts(reused))).to.equal(`<events>:${line}`);
  });
});

test("the classifier's version, written into snapshots and reports, is a semantic version", () => {
  expect(CLASSIFIER_VERSION).to.match(/^\d+\.\d+\.\d+$/);
});

describe("ChatClassifier", () => {
  test("MSFs reach onMsfs once per stopped interaction, in stopping order, each list its own", () => {
    const heard: MsfRow[][] = [];
    const classifier = new ChatClassifier({ onMsfs: (m) => heard.push(m) });
    for (const e of logged(interleave(abandoned("b", 1), answered("a", "Agent1", 0)))) classifier.push(e);
    expect(heard.map((m) => [...new Set(m.map((r) => r.interaction))])).to.deep.equal([["a"], ["b"]]);
    expect(classifier.finish()).to.deep.equal({ rows: [], msfs: [], open: [] });
  });

  test("finish names each interaction left open with its open attempts, and reports what ended in it", () => {
    const classifier = new ChatClassifier({ onMsfs: () => {} });
    for (const e of logged(openChat("open").events)) classifier.push(e);
    const end = classifier.finish();
    expect(end.open).to.deep.equal([{ interaction: "open", openAttempts: 1 }]);
    // Agent1 rejected: that attempt ended (RoutedTo/Redirected); Agent2's is still joined.
    expect(end.rows.map((r) => [r.resource, r.role, r.result])).to.deep.equal([
      ["Agent1", "RoutedTo", "Redirected"],
    ]);
    expect(end.msfs.map((m) => [m.resource, m.result])).to.deep.equal([["Chat_Inbound", "Redirected"]]);
    // Ending the log hands the open interactions over once: a second finish has nothing to add.
    expect(classifier.finish()).to.deep.equal({ rows: [], msfs: [], open: [] });
  });
});

describe("classifyStream and classifyBatches", () => {
  const events = logged(interleave(answered("a", "Agent1", 0), answered("b", "Agent2", 1)));
  const cutShort = logged(openChat("left-open").events, "log.jsonl", 100);

  test("classifyStream: each interaction's rows as it stops; onOpen only when one is left open", async () => {
    let heard: readonly OpenInteraction[] | undefined;
    const rows: IrfRow[] = [];
    for await (const row of classifyStream(once(events), (o) => (heard = o))) rows.push(row);
    expect(rows.map((r) => r.interaction)).to.deep.equal(["a", "b"]);
    expect(heard, "no interaction was left open").to.equal(undefined);

    const withOpen: IrfRow[] = [];
    for await (const row of classifyStream(once([...events, ...cutShort]), (o) => (heard = o)))
      withOpen.push(row);
    expect(withOpen.map((r) => r.interaction)).to.deep.equal(["a", "b", "left-open"]);
    expect(heard).to.deep.equal([{ interaction: "left-open", openAttempts: 1 }]);
  });

  test("classifyBatches: no empty batch, the open interactions' ended rows last, MSFs of the open ones too", async () => {
    let heard: readonly OpenInteraction[] | undefined;
    const msfs: MsfRow[] = [];
    const batches: IrfRow[][] = [];
    // One batch per event: most hold no stopped interaction and must not appear as [].
    const input = [...events, ...cutShort].map((e) => [e]);
    for await (const batch of classifyBatches(once(input), (o) => (heard = o), {
      onMsfs: (m) => msfs.push(...m),
    }))
      batches.push(batch);
    expect(
      batches.every((b) => b.length > 0),
      "an empty batch was yielded",
    ).to.equal(true);
    expect(batches.map((b) => b.map((r) => r.interaction))).to.deep.equal([["a"], ["b"], ["left-open"]]);
    expect(heard).to.deep.equal([{ interaction: "left-open", openAttempts: 1 }]);
    // The queue's first segment of the open interaction ended (Agent1 rejected): reported at the end.
    expect(msfs.map((m) => m.interaction)).to.deep.equal(["a", "b", "left-open"]);

    let quiet: readonly OpenInteraction[] | undefined;
    const noOpen: IrfRow[][] = [];
    for await (const batch of classifyBatches(once(events.map((e) => [e])), (o) => (quiet = o)))
      noOpen.push(batch);
    expect(quiet).to.equal(undefined);
    expect(noOpen.flat().map((r) => r.interaction)).to.deep.equal(["a", "b"]);
    // Nothing left open: no trailing empty batch, and onMsfs never hears an empty list at the end.
    expect(noOpen.every((b) => b.length > 0)).to.equal(true);
    const lists: MsfRow[][] = [];
    for await (const _ of classifyBatches(once([events]), undefined, { onMsfs: (m) => lists.push(m) })) {
      // draining
    }
    expect(lists.every((m) => m.length > 0)).to.equal(true);
  });

  test("without an onOpen listener, interactions left open are still reported as rows, not an error", async () => {
    const streamed: IrfRow[] = [];
    for await (const row of classifyStream(once([...events, ...cutShort]))) streamed.push(row);
    expect(streamed.map((r) => r.interaction)).to.deep.equal(["a", "b", "left-open"]);
    const batched: IrfRow[] = [];
    for await (const batch of classifyBatches(once([[...events, ...cutShort]]))) batched.push(...batch);
    expect(batched.map((r) => r.interaction)).to.deep.equal(["a", "b", "left-open"]);
  });
});
