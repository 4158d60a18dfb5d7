/**
 * The role rule (role-rule.ts) over every invitation it can be asked about: purpose, visibility
 * mode (known or not) and whether the agent accepted. The table is the seed's rule written out
 * (1.1–1.6), so a change to any cell of the rule fails here, not only where a flow reaches it.
 */
import { test } from "node:test";
import { expect } from "chai";
import { roleOf } from "../../src/classifier/role-rule";
import type { InvitePurpose, Visibility } from "../../src/eventlog/events";

/** [purpose, visibility, joined] -> role */
const TABLE: readonly [InvitePurpose, Visibility | undefined, boolean, string][] = [
  // Seed 1.1/1.2 and 1.3: route and transfer do not depend on visibility or acceptance.
  ["route", undefined, false, "RoutedTo"],
  ["route", "conference", true, "RoutedTo"],
  ["transfer", undefined, true, "ReceivedTransfer"],
  ["transfer", "consult", false, "ReceivedTransfer"],
  // Seed 1.6: a known visibility mode decides, accepted or not.
  ["conference", "conference", false, "InConference"],
  ["conference", "conference", true, "InConference"],
  ["conference", "consult", true, "ReceivedConsult"],
  ["consult", "conference", false, "InConference"],
  ["consult", "consult", true, "ReceivedConsult"],
  ["consult", "consult", false, "ReceivedConsult"],
  // Not yet known: a failed invitation is ReceivedConsult; an accepted one is what it was for.
  ["conference", undefined, false, "ReceivedConsult"],
  ["conference", undefined, true, "InConference"],
  ["consult", undefined, false, "ReceivedConsult"],
  ["consult", undefined, true, "ReceivedConsult"],
];

for (const [purpose, visibility, joined, role] of TABLE) {
  test(`${purpose} invitation, visibility ${visibility ?? "not known"}, ${joined ? "accepted" : "not accepted"}: ${role}`, () => {
    expect(roleOf({ purpose, visibility }, joined)).to.equal(role);
  });
}
