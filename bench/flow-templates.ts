/**
 * The shapes of the chat flows (the eleven documented ones, both variants of flow 6, flows 12 and
 * 13), as event
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
  // Flow 8's customer chat: Agent2, routed through the queue by a separate internal invitation
  // interaction (not generated here: one interaction per template), joins by conference.
  [
    ...routed,
    [
      70,
      {
        event: "EventAgentInvited",
        agent: "Agent2",
        purpose: "conference",
        from: "Agent1",
        visibility: "conference",
      },
    ],
    [70, { event: "EventPartyAdded", agent: "Agent2" }],
    [150, { event: "EventPartyRemoved", agent: "Agent2" }],
    ...agent1Ends(240),
  ],
  [
    [0, { event: "EventInteractionSubmitted", media: "chat", interactionType: "Inbound", queue: Q }],
    [0, { event: "EventPlacedInQueue", queue: Q }],
    [45, { event: "EventProcessingStopped", by: "customer" }],
  ],
  // Flow 12: the agent ends the chat in a stop-interaction queue.
  [
    ...routed,
    [280, { event: "EventPartyRemoved", agent: "Agent1" }],
    [280, { event: "EventPlacedInQueue", queue: "Chat_Stop", agent: "Agent1" }],
    [280, { event: "EventProcessingStopped", by: "strategy" }],
  ],
  // Flow 13: a consultation completed as a transfer.
  [
    ...routed,
    ...invite2("consult", "consult"),
    [66, { event: "EventPartyAdded", agent: "Agent2" }],
    [
      120,
      { event: "EventVisibilityChanged", agent: "Agent2", visibility: "conference", purpose: "transfer" },
    ],
    [120, { event: "EventPartyRemoved", agent: "Agent1" }],
    [240, { event: "EventPartyRemoved", agent: "Agent2" }],
    [240, { event: "EventProcessingStopped", by: "agent", agent: "Agent2" }],
  ],
  [...start, [9, { event: "EventProcessingStopped", by: "customer" }]],
  [
    ...start,
    [5, { event: "EventAgentInvited", agent: "Agent1", purpose: "route" }],
    [11, { event: "EventProcessingStopped", by: "customer" }],
  ],
];
