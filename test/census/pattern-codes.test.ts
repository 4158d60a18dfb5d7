/** The census pattern codes: parsed strictly, spelled back readably, by code and unknown codes as recorded. */
import { describe, test } from "node:test";
import { expect } from "chai";
import { PatternSyntaxError, parsePatternCodes, patternSignature } from "../../src/census/pattern-codes";
import { Vocabulary } from "../../src/domain/vocabulary";

const vocabulary = Vocabulary.standard();

describe("census pattern codes", () => {
  test("spell IRFs, reasons, role reasons and MSF links by name", () => {
    const p = parsePatternCodes(
      "I|ROUTINGPOINT|1|PULLER|CUSTOMERABANDONED||UNSPECIFIED|;I|agent|2|routedto|redirected|revoked|MYROLEREASON|;M|QUEUE|1|RECEIVED|CUSTOMERABANDONED|ABANDONEDWHILEQUEUED|UNSPECIFIED|;M|QUEUE|2|RECEIVED|DIVERTED|UNSPECIFIED|UNSPECIFIED|2",
    );
    expect(patternSignature(p, vocabulary)).to.equal(
      "Strategy1 Puller/CustomerAbandoned > Agent1 RoutedTo/Redirected [Revoked] {MYROLEREASON} | " +
        "Queue1 Received/CustomerAbandoned [AbandonedWhileQueued] @-, Queue2 Received/Diverted @IRF2",
    );
  });

  test("N names a resource by any number: it reads as the rank by first appearance within its type", () => {
    // The PostgreSQL query's N: the position of the resource's first record (queue at 1, agents at 2 and 3).
    const byPosition = parsePatternCodes(
      "I|QUEUE|1|RECEIVED|DIVERTED|||;I|AGENT|2|ROUTEDTO|TRANSFERRED|||;I|AGENT|3|RECEIVEDTRANSFER|COMPLETED|||;M|AGENT|3|ROUTEDTO|COMPLETED|||3",
    );
    // SQL Server's and Oracle's N: the rank itself, left as it is.
    const byRank = parsePatternCodes(
      "I|QUEUE|1|RECEIVED|DIVERTED|||;I|AGENT|1|ROUTEDTO|TRANSFERRED|||;I|AGENT|2|RECEIVEDTRANSFER|COMPLETED|||;M|AGENT|2|ROUTEDTO|COMPLETED|||3",
    );
    expect(byPosition).to.deep.equal(byRank);
    expect([...byRank.irfs, ...byRank.msfs].map((r) => `${r.typeCode}${r.rank}`)).to.deep.equal([
      "QUEUE1",
      "AGENT1",
      "AGENT2",
      "AGENT2",
    ]);
  });

  test("an interaction without records reads as (no IRFs)", () => {
    expect(patternSignature(parsePatternCodes(""), vocabulary)).to.equal("(no IRFs)");
  });

  for (const [codes, message] of [
    ["I|AGENT|1|ROUTEDTO|COMPLETED", /has 5 fields, expected 8/],
    ["X|AGENT|1|ROUTEDTO|COMPLETED|||", /KIND must be I or M/],
    ["I|AGENT|0|ROUTEDTO|COMPLETED|||", /N must be a positive whole number/],
    ["I|AGENT|1||COMPLETED|||", /ROLE and RESULT codes are required/],
    ["M|QUEUE|1|RECEIVED|DIVERTED|||x", /LINK must be empty or an IRF position/],
    ["M|QUEUE|1|RECEIVED|DIVERTED|||;I|AGENT|1|ROUTEDTO|COMPLETED|||", /record 2: an IRF after the MSFs/],
  ] as const) {
    test(`refuses ${codes}`, () => {
      expect(() => parsePatternCodes(codes)).to.throw(PatternSyntaxError, message);
    });
  }
});
