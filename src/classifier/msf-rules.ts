/**
 * The rules that decide a mediation segment's (MSF's) technical descriptor, one function per way
 * a chat leaves an interaction queue. GIMPopMSF: the grain "spans the time from when the
 * interaction entered the mediation DN to the time that the interaction was abandoned in the
 * mediation DN, cleared from the mediation DN (virtual queue only), or distributed from the
 * mediation DN, including the time that it takes the interaction to be answered by the target
 * resource or to be abandoned while alerting at the target resource"
 * (https://docs.genesys.com/Documentation/PSAAS/latest/RPRT/GIMPopMSF).
 *
 * The pages that list the roles and results of MSFs could not be read beyond their opening, so
 * only what a readable sentence says is marked [doc]; the rest is HYPOTHESIS, and every feature
 * that states such an MSF is provisional.
 */
import type { StoppedBy } from "../eventlog/events";
import type { Outcome } from "./outcome-rules";

const outcome = (result: string, reason = "Unspecified"): Outcome => ({ result, reason });

/**
 * [doc] The queue's role. The TECHNICAL_DESCRIPTOR page's own example of a row: "a queue resource
 * received an interaction and diverted to another resource"
 * (https://docs.genesys.com/Documentation/GIM/8.5.0/PDMOra/Table-TECHNICAL_DESCRIPTOR), and the
 * seed gives a queue's IRF the role Received (section 1.9).
 */
export const MSF_ROLE = "Received";

/**
 * [doc] The chat was distributed from the queue and the target answered: Received/Diverted, the
 * TECHNICAL_DESCRIPTOR page's example ("received an interaction and diverted to another
 * resource"). The segment ends when the target answers, as the grain includes "the time that it
 * takes the interaction to be answered by the target resource".
 */
export function distributed(): Outcome {
  return outcome("Diverted");
}

/**
 * HYPOTHESIS: the customer left while the chat waited in the queue (or while a strategy that had
 * taken it from the queue was still choosing a target). "Abandoned in the mediation DN" is [doc];
 * the descriptor follows the seed's IRF for the same ending (1.9:
 * CustomerAbandoned [AbandonedWhileQueued]); no page gives the MSF's own.
 */
export function abandonedInQueue(): Outcome {
  return outcome("CustomerAbandoned", "AbandonedWhileQueued");
}

/**
 * HYPOTHESIS: the customer left while the target was alerted. The grain counts this as part of
 * the distribution, including the time "to be abandoned while alerting at the target resource"
 * [doc], so the segment was diverted; [practice] Info Mart users' report SQL counts "abandoned
 * while ringing" from MSFs with TECHNICAL_RESULT 'Diverted' and RESULT_REASON
 * 'AbandonedWhileRinging' (a virtual queue's, for voice). No page gives it for chat.
 */
export function abandonedWhileAlerting(): Outcome {
  return outcome("Diverted", "AbandonedWhileRinging");
}

/**
 * HYPOTHESIS: the target did not answer (revoked, or declined) and the chat went back to the
 * queue. The segment ends there; the descriptor follows the target's IRF (seed 1.2:
 * Redirected [Revoked]); a declined invitation has no documented reason.
 */
export function notAnswered(revoked: boolean): Outcome {
  return revoked ? outcome("Redirected", "Revoked") : outcome("Redirected");
}

/**
 * HYPOTHESIS: the chat was stopped in the queue by a strategy or an agent (not the customer).
 * "Cleared" is documented for virtual queues only (GIMPopMSF), so it is not used; the stop ends
 * the handling of the interaction, so Completed.
 */
export function stoppedInQueue(by: StoppedBy): Outcome {
  return by === "customer" ? abandonedInQueue() : outcome("Completed");
}
