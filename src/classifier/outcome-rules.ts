/**
 * The rules that decide an attempt's TECHNICAL_RESULT and RESULT_REASON: one function per way
 * an attempt can end, each citing the seed sentence or documented fact behind it. Rules marked
 * HYPOTHESIS cover endings no reachable Genesys document describes; no verified scenario relies
 * on them, and they are listed in docs so a user with the real behaviour can correct them.
 */
import type { StoppedBy } from "../eventlog/events";
import type { AgentRole } from "./role-rule";

export interface Outcome {
  result: string;
  reason: string;
}

const outcome = (result: string, reason = "Unspecified"): Outcome => ({ result, reason });

/**
 * An agent who joined leaves after a transfer they started was accepted.
 * Seed 1.3: "Agent 1 then transfers the chat interaction to Agent 2, who accepts" -> IRF1
 * RoutedTo/Transferred.
 */
export function transferredAway(): Outcome {
  return outcome("Transferred");
}

/**
 * An agent who joined leaves, or is still in the chat when it ends.
 * Seed 1.1 (agent replies: RoutedTo/Completed), 1.3 (Agent 2 ReceivedTransfer/Completed),
 * 1.4 and 1.6 ("Agent 1 remains ... and completes the chat": RoutedTo/Completed),
 * 1.5 (InConference/Completed). Doc (stop-ixn-queues): a handler who places the interaction in
 * a queue that stops it also gets Completed.
 */
export function completed(): Outcome {
  return outcome("Completed");
}

/**
 * Interaction Server revokes an invitation (EventRevoked, e.g. delivering-timeout).
 * Seed 1.2: a routed agent who does not accept -> RoutedTo/Redirected [Revoked]; doc (Deliver
 * Interaction to Agent): the interaction goes back to the queue it was taken from, hence
 * "Redirected". Seed 1.4 and 1.6: an invited transfer or conference target who does not accept
 * -> Abandoned [Revoked]; the chat stays with Agent 1, so nothing is redirected.
 */
export function invitationRevoked(role: AgentRole): Outcome {
  return role === "RoutedTo" ? outcome("Redirected", "Revoked") : outcome("Abandoned", "Revoked");
}

/**
 * The agent declines the invitation (EventRejected).
 * HYPOTHESIS: no document gives the descriptor. Doc (Deliver Interaction to Agent) says a
 * rejected chat goes back to its queue like a revoked one, so the result follows the revoke
 * rule; the reason stays Unspecified because no reason value for a rejection is documented.
 */
export function invitationRejected(role: AgentRole): Outcome {
  return role === "RoutedTo" ? outcome("Redirected") : outcome("Abandoned");
}

/**
 * The interaction stops while the agent is still being alerted.
 * Seed 1.11: the customer abandons "before the agent accepts the invitation" ->
 * RoutedTo/CustomerAbandoned [AbandonedWhileRinging]; the same reason is given to any role.
 * HYPOTHESIS for a stop by an agent or a strategy: doc ("Stop ... if an agent held it,
 * EventRevoked") makes it a revoke of an invitation that is not redirected: Abandoned [Revoked].
 */
export function stoppedWhileAlerting(by: StoppedBy): Outcome {
  return by === "customer"
    ? outcome("CustomerAbandoned", "AbandonedWhileRinging")
    : outcome("Abandoned", "Revoked");
}

/**
 * A joined agent's participation is revoked (handling-timeout on an idle desktop). Doc: the
 * interaction "is revoked and returned to the queue"
 * (https://docs.genesys.com/Documentation/PSAAS/latest/RPRT/GIMTechDescr), and the only documented
 * descriptor for a chat revoked and returned to its queue is Redirected [Revoked] (seed 1.2).
 * HYPOTHESIS that GIM gives a handled chat the same; no page shows it for a joined agent.
 */
export function revokedWhileHandling(): Outcome {
  return outcome("Redirected", "Revoked");
}

/**
 * A joined agent places the chat in an ordinary interaction queue (EventPartyRemoved +
 * EventPlacedInQueue, GenEM "Place Interaction in Queue") and leaves it to the next agent.
 * HYPOTHESIS: the stop-ixn-queues option exists so that such a placement gives COMPLETED only for
 * the listed queues (GIMMMIxnFlow), which implies an ordinary one gives something else; the
 * nearest documented behaviour is voice's mute transfer to an ACD queue, where the transferring
 * agent's IRF is Transferred and the agent who gets the call is ReceivedTransfer/Completed
 * (https://docs.genesys.com/Documentation/GIM/Current/User/GIMVoxIxnFlow-FWKInternal).
 */
export function placedInQueue(): Outcome {
  return outcome("Transferred");
}

/** HYPOTHESIS, with placedInQueue: the agent routed the chat another agent placed in a queue. */
export function routedAfterPlacement(): "ReceivedTransfer" {
  return "ReceivedTransfer";
}

/**
 * The interaction stops in an interaction queue with no agent engaged: the queue's attempt is
 * the IRF (mediation resources get an IRF only when it ends in mediation, doc IRF table).
 * Seed 1.9: abandoned by the customer in the queue -> Received/CustomerAbandoned
 * [AbandonedWhileQueued]. HYPOTHESIS for a stop by a strategy or an agent: Completed. "Cleared"
 * is documented for virtual queues only (https://docs.genesys.com/Documentation/PSAAS/latest/RPRT/GIMPopMSF),
 * not for interaction queues; a stop ends the chat's processing, and a stop through a stop queue
 * is recorded as COMPLETED (stop-ixn-queues, GIMMMIxnFlow).
 */
export function stoppedInQueue(by: StoppedBy): Outcome {
  return by === "customer" ? outcome("CustomerAbandoned", "AbandonedWhileQueued") : outcome("Completed");
}

/**
 * The interaction stops while a routing strategy holds it (pulled from the queue, no agent
 * being alerted). Seed 1.10: "The resource role of Puller is used because the strategy pulled
 * the interaction from the interaction queue" -> Puller/CustomerAbandoned.
 * HYPOTHESIS for a stop by the strategy itself or an agent: Completed (not Cleared, which is
 * documented for virtual queues only; see stoppedInQueue).
 */
export function stoppedWhileRouting(by: StoppedBy): Outcome {
  return by === "customer" ? outcome("CustomerAbandoned") : outcome("Completed");
}

/** Seed 1.9: the queue's attempt has the role Received. */
export const QUEUE_ROLE = "Received";
/** Seed 1.10: the strategy that pulled the interaction has the role Puller. */
export const STRATEGY_ROLE = "Puller";
