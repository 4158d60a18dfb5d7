/**
 * Version 1.1 of the chat event log: the classifier's public input contract
 * (../shared/spec/event-log.md). Extend it with new optional fields or events; never rename
 * or re-mean what is here.
 */

export const EVENT_LOG_VERSION = 1;

export const EVENT_NAMES = [
  "EventInteractionSubmitted",
  "EventPlacedInQueue",
  "EventTakenFromQueue",
  "EventAgentInvited",
  "EventPartyAdded",
  "EventRejected",
  "EventRevoked",
  "EventPartyRemoved",
  "EventProcessingStopped",
  "EventVisibilityChanged",
] as const;

export type EventName = (typeof EVENT_NAMES)[number];

export type InteractionType = "Inbound" | "Outbound" | "Internal";
export type InvitePurpose = "route" | "transfer" | "conference" | "consult";
export type Visibility = "conference" | "consult";
export type RevokeReason = "delivering-timeout" | "handling-timeout" | "requested";
export type StoppedBy = "agent" | "customer" | "strategy";

interface EventBase {
  /** RFC 3339 UTC timestamp with milliseconds, e.g. 2026-03-02T09:00:00.000Z. */
  ts: string;
  interaction: string;
}

export interface InteractionSubmitted extends EventBase {
  event: "EventInteractionSubmitted";
  media: string;
  interactionType: InteractionType;
  queue: string;
  /**
   * Since 1.1: the interaction's subtype. `InternalConferenceInvite` marks the separate internal
   * invitation interaction an agent creates to conference (or consult) through a queue
   * (Genesys Web Services: InteractionSubtype InternalConferenceInvite).
   */
  subtype?: string;
  /** Since 1.1: for an internal invitation, the customer interaction it invites into. */
  parent?: string;
  /** Since 1.1: the agent who created the interaction (an internal invitation's inviter). */
  agent?: string;
}

export interface PlacedInQueue extends EventBase {
  event: "EventPlacedInQueue";
  queue: string;
  agent?: string;
}

export interface TakenFromQueue extends EventBase {
  event: "EventTakenFromQueue";
  queue: string;
  strategy: string;
}

export interface AgentInvited extends EventBase {
  event: "EventAgentInvited";
  agent: string;
  purpose: InvitePurpose;
  from?: string;
  /** Absent while the visibility mode is not yet known. */
  visibility?: Visibility;
}

export interface PartyAdded extends EventBase {
  event: "EventPartyAdded";
  agent: string;
}

export interface Rejected extends EventBase {
  event: "EventRejected";
  agent: string;
}

export interface Revoked extends EventBase {
  event: "EventRevoked";
  agent: string;
  reason?: RevokeReason;
}

export interface PartyRemoved extends EventBase {
  event: "EventPartyRemoved";
  agent: string;
}

export interface ProcessingStopped extends EventBase {
  event: "EventProcessingStopped";
  by: StoppedBy;
  agent?: string;
}

/**
 * Since 1.1: a joined agent's visibility mode changed. An agent who consulted another may complete
 * the consultation as a conference (the customer now sees the consulted agent) or as a transfer
 * (`purpose: "transfer"`; the consulting agent then leaves): Workspace's chat privileges "Can Two
 * Step Transfer" and "Can Two Step Conference".
 */
export interface VisibilityChanged extends EventBase {
  event: "EventVisibilityChanged";
  agent: string;
  visibility: "conference";
  purpose?: "transfer" | "conference";
}

export type ChatEvent =
  | InteractionSubmitted
  | PlacedInQueue
  | TakenFromQueue
  | AgentInvited
  | PartyAdded
  | Rejected
  | Revoked
  | PartyRemoved
  | ProcessingStopped
  | VisibilityChanged;

/** Where an event came from, so that every rejection can name the file and line. */
export interface EventSource {
  file: string;
  line: number;
}

/** An event as the reader yields it: validated, with its source and its time in epoch ms. */
export interface LoggedEvent {
  event: ChatEvent;
  source: EventSource;
  /** `Date.parse(event.ts)`, computed once by the reader. */
  time: number;
}
