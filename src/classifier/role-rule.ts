/**
 * The one place that decides an agent attempt's RESOURCE_ROLE.
 */
import type { AgentInvited } from "../eventlog/events";

export type AgentRole = "RoutedTo" | "ReceivedTransfer" | "InConference" | "ReceivedConsult";

/**
 * Seed 1.1/1.2: a chat a routing strategy delivers makes the agent `RoutedTo`.
 * Seed 1.3: the agent a chat is transferred to is `ReceivedTransfer`.
 * Seed 1.5: an agent conferenced in is `InConference`.
 * Seed 1.6: "the resource role for the receiving agent (Agent 2) will be either InConference
 * ... or else ReceivedConsult, depending on ... whether the scenario had advanced far enough for
 * the visibility mode to be known." So for conference and consultation invitations the role
 * follows the visibility mode: `conference` -> InConference, `consult` -> ReceivedConsult.
 * While it is not yet known, an attempt that fails is ReceivedConsult (seed 1.6); one that the
 * agent accepted has advanced past that point, so its purpose stands for the mode.
 * HYPOTHESIS (two-step transfer and conference, event log 1.1 EventVisibilityChanged): a
 * consultation the consulting agent completes as a conference or a transfer is classified by
 * what it became, InConference or ReceivedTransfer, as the seed's visibility rule (1.6) suggests;
 * no page gives the descriptors of a two-step completion for chat.
 */
export function roleOf(invite: Pick<AgentInvited, "purpose" | "visibility">, joined: boolean): AgentRole {
  switch (invite.purpose) {
    case "route":
      return "RoutedTo";
    case "transfer":
      return "ReceivedTransfer";
    case "conference":
    case "consult": {
      // The visibility mode when known; else the purpose of an accepted invitation stands for it,
      // and one that failed is a consultation.
      const conference =
        invite.visibility === undefined
          ? joined && invite.purpose === "conference"
          : invite.visibility === "conference";
      return conference ? "InConference" : "ReceivedConsult";
    }
  }
}
