/**
 * The shapes of the eleven documented chat flows (and both variants of flow 6), as event
 * templates with time offsets, for generating large benchmark logs quickly.
 */
import type { ChatEvent } from "../src/eventlog/events";

/** An event without its time and interaction, kept per event kind (Omit over a union would merge them). */
type EventFields = ChatEvent extends infer E
  ? E extends ChatEvent
    ? Omit<E, "ts" | "interaction">
    : never
  : never;
type Template = readonly (readonly [offsetSeconds: number, fields: EventFields])[];

const Q = "Chat_Inbound";
const S = "RouteInboundChat";
const start: Template = [
  [0, { event: "EventInteractionSubmitted", media: "chat", interactionType: "Inbound", queue: Q }],
  [0, { event: "EventPlacedInQueue", queue: Q }],
  [4, { event: "EventTakenFromQueue", queue: Q, strategy: S }],
];
const routed: Template = [
  ...start,
  [5, { event: "EventAgentInvited", agent: "Agent1", purpose: "route" }],
  [12, { event: "EventPartyAdded", agent: "Agent1" }],
];
const agent1Ends = (at: number): Template => [
  [at, { event: "EventPartyRemoved", agent: "Agent1" }],
  [at, { event: "EventProcessingStopped", by: "agent", agent: "Agent1" }],
];
const invite2 = (
  purpose: "transfer" | "conference" | "consult",
  visibility?: "conference" | "consult",
): Template => [
  [
    60,
    {
      event: "EventAgentInvited",
      agent: "Agent2",
      purpose,
      from: "Agent1",
      ...(visibility ? { visibility } : {}),
    },
  ],
];

export const FLOW_TEMPLATES: readonly Template[] = [
  [...routed, ...agent1Ends(280)],
  [
    ...start,
    [5, { event: "EventAgentInvited", agent: "Agent1", purpose: "route" }],
    [35, { event: "EventRevoked", agent: "Agent1", reason: "delivering-timeout" }],
    [35, { event: "EventPlacedInQueue", queue: Q }],
    [50, { event: "EventProcessingStopped", by: "customer" }],
  ],
  [
    ...routed,
    ...invite2("transfer"),
    [66, { event: "EventPartyAdded", agent: "Agent2" }],
    [66, { event: "EventPartyRemoved", agent: "Agent1" }],
    [200, { event: "EventPartyRemoved", agent: "Agent2" }],
    [200, { event: "EventProcessingStopped", by: "agent", agent: "Agent2" }],
  ],
  [
    ...routed,
    ...invite2("transfer"),
    [90, { event: "EventRevoked", agent: "Agent2", reason: "delivering-timeout" }],
    ...agent1Ends(240),
  ],
  [
    ...routed,
    ...invite2("conference", "conference"),
    [66, { event: "EventPartyAdded", agent: "Agent2" }],
    [150, { event: "EventPartyRemoved", agent: "Agent2" }],
    ...agent1Ends(240),
  ],
  [
    ...routed,
    ...invite2("conference", "conference"),
    [90, { event: "EventRevoked", agent: "Agent2", reason: "delivering-timeout" }],
    ...agent1Ends(240),
  ],
  [
    ...routed,
    ...invite2("conference"),
    [90, { event: "EventRevoked", agent: "Agent2", reason: "delivering-timeout" }],
    ...agent1Ends(240),
  ],
  [
    ...routed,
    ...invite2("consult", "consult"),
    [66, { event: "EventPartyAdded", agent: "Agent2" }],
    [120, { event: "EventPartyRemoved", agent: "Agent2" }],
    ...agent1Ends(240),
  ],
  [
    ...routed,
    [60, { event: "EventPlacedInQueue", queue: "Chat_Conference", agent: "Agent1" }],
    [64, { event: "EventTakenFromQueue", queue: "Chat_Conference", strategy: "RouteConference" }],
    [65, { event: "EventAgentInvited", agent: "Agent2", purpose: "conference", visibility: "conference" }],
    [70, { event: "EventPartyAdded", agent: "Agent2" }],
    [150, { event: "EventPartyRemoved", agent: "Agent2" }],
    ...agent1Ends(240),
  ],
  [
    [0, { event: "EventInteractionSubmitted", media: "chat", interactionType: "Inbound", queue: Q }],
    [0, { event: "EventPlacedInQueue", queue: Q }],
    [45, { event: "EventProcessingStopped", by: "customer" }],
  ],
  [...start, [9, { event: "EventProcessingStopped", by: "customer" }]],
  [
    ...start,
    [5, { event: "EventAgentInvited", agent: "Agent1", purpose: "route" }],
    [11, { event: "EventProcessingStopped", by: "customer" }],
  ],
];
