/** Properties the reference classifier keeps for every valid chat, checked with fast-check. */
import { test } from "node:test";
import { expect } from "chai";
import fc from "fast-check";
import { classifyEvents } from "../../src/classifier/classify";
import { Vocabulary } from "../../src/domain/vocabulary";
import { interleave, walkChat } from "../support/random-chat";

const choices = fc.array(fc.nat({ max: 1000 }), { maxLength: 25 });
const START = Date.parse("2026-03-02T09:00:00.000Z");

test("every invitation of an agent gives that agent exactly one IRF", () => {
  fc.assert(
    fc.property(choices, (cs) => {
      const events = walkChat("ixn", START, cs);
      const invitations = events.filter((e) => e.event === "EventAgentInvited").length;
      const agentRows = classifyEvents(events).filter((r) => r.resourceType === "Agent").length;
      expect(agentRows).to.equal(invitations);
    }),
  );
});

test("IRFs are numbered 1..n by start time and never end before they start", () => {
  fc.assert(
    fc.property(choices, (cs) => {
      const rows = classifyEvents(walkChat("ixn", START, cs));
      expect(rows.map((r) => r.irf)).to.deep.equal(rows.map((_, i) => i + 1));
      for (const [i, r] of rows.entries()) {
        expect(Date.parse(r.end)).to.be.at.least(Date.parse(r.start));
        if (i > 0) expect(Date.parse(r.start)).to.be.at.least(Date.parse(rows[i - 1]?.start ?? ""));
        expect(r.alertingMs + r.handlingMs + r.mediationMs).to.equal(Date.parse(r.end) - Date.parse(r.start));
      }
    }),
  );
});

test("every descriptor the classifier writes is in the vocabulary", () => {
  const vocabulary = Vocabulary.standard();
  fc.assert(
    fc.property(choices, (cs) => {
      for (const r of classifyEvents(walkChat("ixn", START, cs))) {
        expect(vocabulary.has("role", r.role), r.role).to.equal(true);
        expect(vocabulary.has("result", r.result), r.result).to.equal(true);
        expect(vocabulary.has("reason", r.reason), r.reason).to.equal(true);
        expect(vocabulary.has("roleReason", r.roleReason), r.roleReason).to.equal(true);
      }
    }),
  );
});

test("interleaving independent interactions in one log changes nothing", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(choices, fc.nat({ max: 20 })), { minLength: 2, maxLength: 5 }),
      fc.array(fc.nat(), { maxLength: 50 }),
      (specs, order) => {
        const logs = specs.map(([cs, offset], i) => walkChat(`ixn-${i}`, START + offset * 1000, cs));
        const alone = logs.flatMap((log) => classifyEvents(log));
        const together = classifyEvents(interleave(logs, order));
        const byInteraction = (rows: typeof alone) =>
          [...rows].sort((a, b) => a.interaction.localeCompare(b.interaction) || a.irf - b.irf);
        expect(byInteraction(together)).to.deep.equal(byInteraction(alone));
      },
    ),
  );
});
