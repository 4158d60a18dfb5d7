/**
 * The TECHNICAL_DESCRIPTOR combinations seed-db writes before any fact, as GIM's initialisation
 * populates the table ("Some tables, such as TECHNICAL_DESCRIPTOR, are populated with data upon
 * Info Mart initialization", https://docs.genesys.com/Documentation/GIM/latest/PDMPostgre/InfoMartTables):
 * every combination the reference classifier's rules can give an IRF or an MSF, so a report that
 * lists descriptors sees them all, used or not. Built from the rule functions themselves, so a rule
 * change changes this list. GIM's own list is longer (voice, outbound, ...); it could not be read.
 * A combination an example produces that is not here is still added when first used.
 */
import * as msfRules from "../classifier/msf-rules";
import type { Outcome } from "../classifier/outcome-rules";
import * as irfRules from "../classifier/outcome-rules";
import type { AgentRole } from "../classifier/role-rule";
import type { StoppedBy } from "../eventlog/events";
import type { DescriptorNames } from "./descriptor-keys";

const AGENT_ROLES: readonly AgentRole[] = ["RoutedTo", "ReceivedTransfer", "InConference", "ReceivedConsult"];
const STOPPERS: readonly StoppedBy[] = ["agent", "customer", "strategy"];

/** ROLE_REASON: the classifier gives none but Unspecified. */
const ROLE_REASON = "Unspecified";

function named(role: string, outcomes: readonly Outcome[]): DescriptorNames[] {
  return outcomes.map((o) => ({ role, result: o.result, reason: o.reason, roleReason: ROLE_REASON }));
}

export function referenceDescriptors(): DescriptorNames[] {
  const all: DescriptorNames[] = [];
  for (const role of AGENT_ROLES) {
    all.push(
      ...named(role, [
        irfRules.transferredAway(),
        irfRules.placedInQueue(),
        irfRules.completed(),
        irfRules.invitationRevoked(role),
        irfRules.invitationRejected(role),
        irfRules.revokedWhileHandling(),
        ...STOPPERS.map((by) => irfRules.stoppedWhileAlerting(by)),
      ]),
    );
  }
  // The agent routed a chat another agent placed in a queue takes the role routedAfterPlacement()
  // with a routed invitation's outcomes (that role's own are an invited transfer target's):
  // ReceivedTransfer/Redirected [Revoked] exists only this way.
  all.push(
    ...named(irfRules.routedAfterPlacement(), [
      irfRules.invitationRevoked("RoutedTo"),
      irfRules.invitationRejected("RoutedTo"),
    ]),
  );
  all.push(
    ...named(
      irfRules.QUEUE_ROLE,
      STOPPERS.map((by) => irfRules.stoppedInQueue(by)),
    ),
  );
  all.push(
    ...named(
      irfRules.STRATEGY_ROLE,
      STOPPERS.map((by) => irfRules.stoppedWhileRouting(by)),
    ),
  );
  all.push(
    ...named(msfRules.MSF_ROLE, [
      msfRules.distributed(),
      msfRules.abandonedInQueue(),
      msfRules.abandonedWhileAlerting(),
      msfRules.notAnswered(true),
      msfRules.notAnswered(false),
      ...STOPPERS.map((by) => msfRules.stoppedInQueue(by)),
    ]),
  );
  const seen = new Set<string>();
  return all.filter((d) => {
    const id = [d.role, d.result, d.reason, d.roleReason].join("\u0000");
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
