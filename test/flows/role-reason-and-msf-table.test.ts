/**
 * The optional `role reason` column of the IRF table, the mediation-segment table, and how both
 * compare: by GIM code, a role reason only where the table states one, an MSF by its queue,
 * descriptor and linked IRF.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import type { IrfRow } from "../../src/domain/irf";
import type { MsfRow } from "../../src/domain/msf";
import { Vocabulary } from "../../src/domain/vocabulary";
import { parseIrfTable } from "../../src/flows/irf-table";
import { parseMsfTable } from "../../src/flows/msf-table";
import { compareIrfs } from "../../src/report/irf-comparison";
import { compareMsfs, summarizeMsfComparison } from "../../src/report/msf-comparison";

const row = (over: Partial<IrfRow>): IrfRow => ({
  interaction: "chat-1",
  irf: 1,
  resource: "Agent1",
  resourceType: "Agent",
  role: "RoutedTo",
  result: "Completed",
  reason: "Unspecified",
  roleReason: "Unspecified",
  start: "2026-03-02T09:00:00.000Z",
  end: "2026-03-02T09:01:00.000Z",
  alertingMs: 0,
  handlingMs: 0,
  mediationMs: 0,
  receivedFrom: null,
  ...over,
});

const msf = (over: Partial<MsfRow>): MsfRow => ({
  interaction: "chat-1",
  msf: 1,
  resource: "Chat_Inbound",
  role: "Received",
  result: "Diverted",
  reason: "Unspecified",
  roleReason: "Unspecified",
  start: "2026-03-02T09:00:00.000Z",
  end: "2026-03-02T09:00:10.000Z",
  durationMs: 10_000,
  irf: 1,
  ...over,
});

describe("the role reason column", () => {
  const vocabulary = Vocabulary.standard().extend({ roleReason: ["ConferenceInitiator"] });
  const header = ["IRF", "resource", "role", "result", "reason", "role reason"];

  test("a stated role reason is read; a blank one is not asserted", () => {
    const rows = parseIrfTable(
      [
        header,
        ["1", "Agent1", "RoutedTo", "Completed", "", "ConferenceInitiator"],
        ["2", "Agent2", "InConference", "Completed", "", ""],
      ],
      "f.feature",
      vocabulary,
    );
    expect(rows[0]?.roleReason).to.equal("ConferenceInitiator");
    expect(rows[1]).to.not.have.property("roleReason");
  });

  test("an unknown role reason is bad input listing the known ones", () => {
    expect(() =>
      parseIrfTable([header, ["1", "Agent1", "RoutedTo", "Completed", "", "Initiatr"]], "f.feature"),
    ).to.throw(
      /f\.feature: field "roleReason": IRF table row 1: unknown ROLE_REASON "Initiatr"; known: Unspecified/,
    );
  });

  test("compared by code only when stated: a recorded role reason differs only from a stated one", () => {
    const [stated] = parseIrfTable(
      [header, ["1", "Agent1", "RoutedTo", "Completed", "", "ConferenceInitiator"]],
      "f",
      vocabulary,
    );
    const [unstated] = parseIrfTable(
      [header, ["1", "Agent1", "RoutedTo", "Completed", "", ""]],
      "f",
      vocabulary,
    );
    const recorded = [row({ roleReason: "Unspecified" })];
    expect(compareIrfs(stated ? [stated] : [], recorded).lines[0]?.mismatched).to.deep.equal(["roleReason"]);
    expect(compareIrfs(unstated ? [unstated] : [], recorded).conforms).to.equal(true);
    // A code read from an Info Mart (upper case) matches the name it is the code of.
    expect(
      compareIrfs(stated ? [stated] : [], [row({ roleReason: "CONFERENCEINITIATOR" })]).conforms,
    ).to.equal(true);
  });
});

describe("the mediation-segment table", () => {
  const header = ["MSF", "queue", "role", "result", "reason", "IRF"];

  test("reads the queue, the descriptor and the link: IRFn, a number, none, or blank (not asserted)", () => {
    const rows = parseMsfTable(
      [
        header,
        ["1", "Chat_Inbound", "Received", "Diverted", "", "IRF1"],
        ["2", "Chat_Backoffice", "Received", "CustomerAbandoned", "AbandonedWhileQueued", "none"],
        ["3", "Chat_Other", "Received", "Diverted", "", ""],
        ["4", "Chat_Last", "Received", "Diverted", "", "2"],
      ],
      "f.feature",
    );
    expect(rows.map((r) => r.irf)).to.deep.equal([1, null, undefined, 2]);
    expect(rows[1]).to.include({ resource: "Chat_Backoffice", reason: "AbandonedWhileQueued" });
  });

  test("a misnumbered row, a bad link and an unknown result are bad input naming the field", () => {
    expect(() => parseMsfTable([header, ["2", "Q", "Received", "Diverted", "", ""]], "f")).to.throw(
      /field "MSF": MSF table row 1 must be numbered 1/,
    );
    expect(() => parseMsfTable([header, ["1", "Q", "Received", "Diverted", "", "IRF one"]], "f")).to.throw(
      /field "IRF": MSF table row 1: "IRF one" is not an IRF/,
    );
    expect(() => parseMsfTable([header, ["1", "Q", "Received", "Divert", "", ""]], "f")).to.throw(
      /field "result".*unknown TECHNICAL_RESULT "Divert"/,
    );
    expect(() =>
      parseMsfTable(
        [
          ["MSF", "queue", "role", "result"],
          ["1", "Q", "Received", "Diverted"],
        ],
        "f",
      ),
    ).to.throw(/field "reason": the MSF table needs the columns/);
  });

  test("the complete set: a different descriptor, link, a missing and an extra MSF all fail", () => {
    const expected = parseMsfTable([header, ["1", "Chat_Inbound", "Received", "Diverted", "", "IRF1"]], "f");
    expect(compareMsfs(expected, [msf({})]).conforms).to.equal(true);
    expect(compareMsfs(expected, [msf({ result: "DIVERTED" })]).conforms, "by code").to.equal(true);
    const other = compareMsfs(expected, [msf({ result: "Redirected", irf: null })]);
    expect(other.lines[0]?.mismatched).to.deep.equal(["result", "irf"]);
    expect(summarizeMsfComparison(other)).to.equal(
      "MSF1: result expected Diverted, got Redirected; irf expected IRF1, got none",
    );
    expect(compareMsfs(expected, []).lines[0]?.status).to.equal("missing");
    expect(
      compareMsfs(expected, [msf({}), msf({ msf: 2, resource: "Chat_Later" })]).lines[1]?.status,
    ).to.equal("unexpected");
  });
});
