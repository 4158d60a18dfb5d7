/**
 * Matching and invariants against the bundled features: every documented scenario's tables, read
 * as a recorded pattern, are matched to that scenario (or to one stating the same tables, a tie),
 * keep every invariant, and one changed descriptor makes a near miss naming the difference.
 * Each invariant breaks on a pattern built to break it, so none is vacuous.
 */
import { join } from "node:path";
import { describe, test } from "node:test";
import { expect } from "chai";
import { type ExpectedPattern, readExpectedPatterns } from "../../src/census/expected-patterns";
import { INVARIANTS } from "../../src/census/invariants";
import { asRecord, matchPattern } from "../../src/census/match";
import { type ParsedPattern, parsePatternCodes, patternSignature } from "../../src/census/pattern-codes";
import { Vocabulary } from "../../src/domain/vocabulary";

const FEATURES = join(__dirname, "..", "..", "features");
const vocabulary = Vocabulary.standard();

function asRecorded(e: ExpectedPattern): ParsedPattern {
  return { irfs: e.irfs.map(asRecord), msfs: (e.msfs ?? []).map(asRecord) };
}

describe("census matching against the bundled features", () => {
  test("reads every scenario, and the internal invitation as <@id>-invite", async () => {
    const expected = await readExpectedPatterns([FEATURES, FEATURES], vocabulary);
    const flows = expected.map((e) => e.flow);
    expect(new Set(flows).size).to.equal(flows.length);
    expect(flows).to.include("chat-transfer-accepted");
    expect(flows).to.include("chat-conference-through-queue-invite");
    const transfer = expected.find((e) => e.flow === "chat-transfer-accepted") as ExpectedPattern;
    expect(patternSignature(asRecorded(transfer), vocabulary)).to.equal(
      "Agent1 RoutedTo/Transferred > Agent2 ReceivedTransfer/Completed | Queue1 Received/Diverted @IRF1",
    );
    const routing = expected.find((e) => e.flow === "chat-abandoned-during-routing") as ExpectedPattern;
    expect(routing.irfs[0]?.typeCode).to.equal("ROUTINGPOINT");
  });

  test("each scenario's own tables match it, or a scenario stating the same tables", async () => {
    const expected = await readExpectedPatterns([FEATURES], vocabulary);
    for (const e of expected) {
      const match = matchPattern(asRecorded(e), expected, vocabulary);
      expect([match.flow, ...match.ties], e.flow).to.include(e.flow);
      expect(match.nearMiss).to.equal(undefined);
    }
  });

  test("every documented scenario keeps every invariant", async () => {
    for (const e of await readExpectedPatterns([FEATURES], vocabulary)) {
      for (const invariant of INVARIANTS) {
        expect(invariant.broken(asRecorded(e)), `${e.flow} breaks ${invariant.id}`).to.equal(false);
      }
    }
  });

  test("one changed descriptor is undocumented, with the scenario it nearly is", async () => {
    const expected = await readExpectedPatterns([FEATURES], vocabulary);
    const recorded = parsePatternCodes(
      "I|AGENT|1|ROUTEDTO|TRANSFERRED|UNSPECIFIED|UNSPECIFIED|;I|AGENT|2|RECEIVEDTRANSFER|REDIRECTED|UNSPECIFIED|UNSPECIFIED|;M|QUEUE|1|RECEIVED|DIVERTED|UNSPECIFIED|UNSPECIFIED|1",
    );
    const match = matchPattern(recorded, expected, vocabulary);
    expect(match.flow).to.equal(null);
    expect(match.nearMiss?.flow).to.equal("chat-transfer-accepted");
    expect(match.nearMiss?.difference).to.equal(
      "IRF2 is Agent2 ReceivedTransfer/Redirected where the flow has Agent2 ReceivedTransfer/Completed (Agent2)",
    );
    const extra = parsePatternCodes(
      "I|AGENT|1|ROUTEDTO|TRANSFERRED|UNSPECIFIED|UNSPECIFIED|;I|AGENT|2|RECEIVEDTRANSFER|COMPLETED|UNSPECIFIED|UNSPECIFIED|;I|AGENT|3|INCONFERENCE|COMPLETED|UNSPECIFIED|UNSPECIFIED|;M|QUEUE|1|RECEIVED|DIVERTED|UNSPECIFIED|UNSPECIFIED|1",
    );
    expect(matchPattern(extra, expected, vocabulary).nearMiss).to.deep.equal({
      flow: "chat-transfer-accepted",
      difference: "one IRF more: IRF3 Agent3 InConference/Completed",
    });
  });

  test("a near miss with a differing record is named before one with a record more", async () => {
    const expected = await readExpectedPatterns([FEATURES], vocabulary);
    // Flow 1 (earlier) is one IRF fewer; flow 4 differs in IRF2's reason only.
    const recorded = parsePatternCodes(
      "I|AGENT|1|ROUTEDTO|COMPLETED|UNSPECIFIED|UNSPECIFIED|;I|AGENT|2|RECEIVEDTRANSFER|ABANDONED|ABANDONEDWHILEQUEUED|UNSPECIFIED|;M|QUEUE|1|RECEIVED|DIVERTED|UNSPECIFIED|UNSPECIFIED|1",
    );
    const flows = expected.map((e) => e.flow);
    expect(flows.indexOf("chat-routed-agent-replies")).to.be.below(flows.indexOf("chat-transfer-revoked"));
    expect(matchPattern(recorded, expected, vocabulary).nearMiss).to.deep.equal({
      flow: "chat-transfer-revoked",
      difference:
        "IRF2 is Agent2 ReceivedTransfer/Abandoned [AbandonedWhileQueued] where the flow has Agent2 ReceivedTransfer/Abandoned [Revoked] (Agent2)",
    });
  });

  test("an MSF table stated beats none: the more specific scenario wins", async () => {
    const expected = await readExpectedPatterns([FEATURES], vocabulary);
    const revoked = expected.find((e) => e.flow === "chat-invitation-revoked") as ExpectedPattern;
    const withMsf = expected.find((e) => e.flow === "chat-invitation-revoked-msf") as ExpectedPattern;
    expect(revoked.msfs).to.equal(undefined);
    expect(matchPattern(asRecorded(withMsf), expected, vocabulary).flow).to.equal(
      "chat-invitation-revoked-msf",
    );
    // Other MSFs than the hypothesis: only the scenario that does not state them matches.
    const otherMsf: ParsedPattern = { irfs: asRecorded(revoked).irfs, msfs: [] };
    expect(matchPattern(otherMsf, expected, vocabulary).flow).to.equal("chat-invitation-revoked");
  });
});

describe("census invariants", () => {
  const breaking: Record<string, string> = {
    "irf-present": "M|QUEUE|1|RECEIVED|CUSTOMERABANDONED|ABANDONEDWHILEQUEUED|UNSPECIFIED|",
    "transfer-received":
      "I|AGENT|1|ROUTEDTO|TRANSFERRED|UNSPECIFIED|UNSPECIFIED|;I|AGENT|1|RECEIVEDTRANSFER|COMPLETED|UNSPECIFIED|UNSPECIFIED|",
    "abandoned-while-queued-on-queue":
      "I|AGENT|1|ROUTEDTO|CUSTOMERABANDONED|ABANDONEDWHILEQUEUED|UNSPECIFIED|",
    "puller-on-strategy": "I|AGENT|1|PULLER|CUSTOMERABANDONED|UNSPECIFIED|UNSPECIFIED|",
    "msf-on-queue":
      "I|AGENT|1|ROUTEDTO|COMPLETED|UNSPECIFIED|UNSPECIFIED|;M|ROUTINGPOINT|1|RECEIVED|DIVERTED|UNSPECIFIED|UNSPECIFIED|1",
  };
  test("each invariant has a pattern that breaks it and only it", () => {
    expect(Object.keys(breaking)).to.have.members(INVARIANTS.map((i) => i.id));
    for (const [id, codes] of Object.entries(breaking)) {
      const broken = INVARIANTS.filter((i) => i.broken(parsePatternCodes(codes))).map((i) => i.id);
      expect(broken, codes).to.deep.equal([id]);
    }
  });
});
