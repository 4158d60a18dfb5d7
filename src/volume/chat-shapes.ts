/**
 * The shapes synthetic volume is made of: every documented flow, as its example event log
 * (examples/<@id>.jsonl, which a test holds to its feature's expected tables), and a few
 * compositions of documented flows that production shows and no single feature states (a chat
 * revoked from one agent and answered by the next, two transfers in a row, a consultation followed
 * by a transfer). A shape is a list of events with their offsets from its first event; generating
 * an interaction re-times and re-names it (volume-generator.ts).
 */

import type { ChatEvent } from "../eventlog/events";
import type { ExampleLog } from "../gimdb/example-logs";

/** An event without its time; `interaction` is the shape's own name for it. */
export type ShapeEvent = ChatEvent extends infer E ? (E extends ChatEvent ? Omit<E, "ts"> : never) : never;

export interface ChatShape {
  /** The example's @id, or the composition's name. */
  id: string;
  /** A documented flow (its example log) or a composition of documented flows. */
  kind: "flow" | "composition";
  /** In log order; offsets in ms from the first event. */
  events: readonly { offsetMs: number; event: ShapeEvent }[];
  /** Interactions the shape creates (flow 8 creates its internal invitation as well). */
  interactions: number;
}

export function shapesFromExamples(examples: readonly ExampleLog[]): ChatShape[] {
  return examples.map((log) => {
    const all = log.interactions.flatMap((x) => x.events).sort((a, b) => a.source.line - b.source.line);
    const first = all[0]?.time ?? 0;
    return {
      id: log.id,
      kind: "flow" as const,
      events: all.map((e) => {
        const { ts: _ts, ...event } = e.event;
        return { offsetMs: e.time - first, event: event as ShapeEvent };
      }),
      interactions: log.interactions.length,
    };
  });
}

const X = "composition";
const Q = "Chat_Inbound";
const S = "RouteInboundChat";
/** An event without its time and interaction, per event kind (Omit over the union would merge them). */
type StepEvent = ChatEvent extends infer E
  ? E extends ChatEvent
    ? Omit<E, "ts" | "interaction">
    : never
  : never;
type Step = readonly [seconds: number, event: StepEvent];

const arrival: Step[] = [
  [0, { event: "EventInteractionSubmitted", media: "chat", interactionType: "Inbound", queue: Q }],
  [0, { event: "EventPlacedInQueue", queue: Q }],
  [4, { event: "EventTakenFromQueue", queue: Q, strategy: S }],
  [5, { event: "EventAgentInvited", agent: "Agent1", purpose: "route" }],
];

function composition(id: string, steps: readonly Step[]): ChatShape {
  return {
    id,
    kind: "composition",
    events: steps.map(([s, e]) => ({ offsetMs: s * 1000, event: { ...e, interaction: X } as ShapeEvent })),
    interactions: 1,
  };
}

/** Compositions of documented flows: each step is one the flows document, in an order no feature states. */
export const COMPOSITIONS: readonly ChatShape[] = [
  // Flow 2 (invitation revoked, back in the queue) followed by flow 1 with the next agent.
  composition("revoked-then-answered", [
    ...arrival,
    [35, { event: "EventRevoked", agent: "Agent1", reason: "delivering-timeout" }],
    [35, { event: "EventPlacedInQueue", queue: Q }],
    [40, { event: "EventTakenFromQueue", queue: Q, strategy: S }],
    [41, { event: "EventAgentInvited", agent: "Agent2", purpose: "route" }],
    [48, { event: "EventPartyAdded", agent: "Agent2" }],
    [300, { event: "EventPartyRemoved", agent: "Agent2" }],
    [300, { event: "EventProcessingStopped", by: "agent", agent: "Agent2" }],
  ]),
  // Flow 3 twice: the receiving agent transfers again.
  composition("transfer-then-transfer", [
    ...arrival,
    [12, { event: "EventPartyAdded", agent: "Agent1" }],
    [60, { event: "EventAgentInvited", agent: "Agent2", purpose: "transfer", from: "Agent1" }],
    [66, { event: "EventPartyAdded", agent: "Agent2" }],
    [66, { event: "EventPartyRemoved", agent: "Agent1" }],
    [150, { event: "EventAgentInvited", agent: "Agent3", purpose: "transfer", from: "Agent2" }],
    [158, { event: "EventPartyAdded", agent: "Agent3" }],
    [158, { event: "EventPartyRemoved", agent: "Agent2" }],
    [320, { event: "EventPartyRemoved", agent: "Agent3" }],
    [320, { event: "EventProcessingStopped", by: "agent", agent: "Agent3" }],
  ]),
  // Flow 7 (a consultation) followed by flow 3 (a transfer to a third agent).
  composition("consult-then-transfer", [
    ...arrival,
    [12, { event: "EventPartyAdded", agent: "Agent1" }],
    [
      60,
      {
        event: "EventAgentInvited",
        agent: "Agent2",
        purpose: "consult",
        from: "Agent1",
        visibility: "consult",
      },
    ],
    [66, { event: "EventPartyAdded", agent: "Agent2" }],
    [120, { event: "EventPartyRemoved", agent: "Agent2" }],
    [130, { event: "EventAgentInvited", agent: "Agent3", purpose: "transfer", from: "Agent1" }],
    [137, { event: "EventPartyAdded", agent: "Agent3" }],
    [137, { event: "EventPartyRemoved", agent: "Agent1" }],
    [300, { event: "EventPartyRemoved", agent: "Agent3" }],
    [300, { event: "EventProcessingStopped", by: "agent", agent: "Agent3" }],
  ]),
];

/**
 * The default mix, in relative weights by shape id: most chats are answered by the first agent;
 * abandons, transfers and stop-queue endings follow; consultations, conferences and failed
 * attempts are rare. Shapes left out (the `-msf` examples, whose events repeat their base flow's)
 * get no interactions. HYPOTHESIS: no published chat traffic mix could be read; these are
 * plausible orders of magnitude for an inbound chat centre, not measurements.
 */
export const DEFAULT_MIX: Readonly<Record<string, number>> = {
  "chat-routed-agent-replies": 52,
  "chat-abandoned-in-queue": 8,
  "chat-stopped-in-stop-queue": 6,
  "chat-transfer-accepted": 6,
  "chat-invitation-revoked": 2,
  "chat-abandoned-during-alerting": 2,
  "chat-abandoned-during-routing": 2,
  "chat-conference-accepted": 3,
  "chat-consultation-completed": 3,
  "chat-transfer-revoked": 1.5,
  "chat-conference-revoked": 0.7,
  "chat-conference-revoked-visibility-unknown": 0.3,
  "chat-conference-through-queue": 1,
  "chat-two-step-transfer": 1,
  "chat-two-step-conference": 0.5,
  "revoked-then-answered": 3,
  "transfer-then-transfer": 1,
  "consult-then-transfer": 1,
};
