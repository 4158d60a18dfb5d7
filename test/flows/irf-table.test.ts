/** The expected-IRF table of a feature and the scenario @id tag, read strictly. */
import { describe, test } from "node:test";
import { expect } from "chai";
import { InputError } from "../../src/errors";
import { parseIrfTable } from "../../src/flows/irf-table";
import { scenarioIdOf } from "../../src/flows/scenario-id";

const HEADER = ["IRF", "resource", "role", "result", "reason"];

describe("parseIrfTable", () => {
  test("reads rows, an empty reason meaning Unspecified", () => {
    const rows = parseIrfTable(
      [
        HEADER,
        ["1", "Agent1", "RoutedTo", "Transferred", ""],
        ["2", "Agent2", "ReceivedTransfer", "Abandoned", "Revoked"],
      ],
      "f.feature",
    );
    expect(rows).to.deep.equal([
      { irf: 1, resource: "Agent1", role: "RoutedTo", result: "Transferred", reason: "Unspecified" },
      { irf: 2, resource: "Agent2", role: "ReceivedTransfer", result: "Abandoned", reason: "Revoked" },
    ]);
  });

  test("takes the columns in any order and case", () => {
    const rows = parseIrfTable(
      [
        ["irf", "Role", "Result", "Reason", "Resource"],
        ["1", "Received", "CustomerAbandoned", "AbandonedWhileQueued", "Chat_Inbound"],
      ],
      "f",
    );
    expect(rows[0]).to.deep.include({
      resource: "Chat_Inbound",
      role: "Received",
      reason: "AbandonedWhileQueued",
    });
  });

  test("rejects a missing or unknown column, naming it", () => {
    expect(() => parseIrfTable([["IRF", "resource", "role", "result"]], "f.feature")).to.throw(
      InputError,
      /f\.feature: field "reason": the IRF table needs the columns IRF \| resource/,
    );
    expect(() => parseIrfTable([[...HEADER, "start"]], "f")).to.throw(
      InputError,
      /field "start": unknown column/,
    );
  });

  test("rejects IRFs not numbered 1, 2, 3 in order", () => {
    expect(() => parseIrfTable([HEADER, ["2", "Agent1", "RoutedTo", "Completed", ""]], "f")).to.throw(
      InputError,
      /IRF table row 1 must be numbered 1, not "2"/,
    );
  });

  test("rejects an empty resource and a descriptor that is not a name", () => {
    expect(() => parseIrfTable([HEADER, ["1", "", "RoutedTo", "Completed", ""]], "f")).to.throw(
      /names no resource/,
    );
    expect(() => parseIrfTable([HEADER, ["1", "Agent1", "RoutedTo/Completed", "", ""]], "f")).to.throw(
      /field "role": IRF table row 1: "RoutedTo\/Completed" is not a descriptor name/,
    );
  });

  test("an empty table is an error; a header alone means no IRF", () => {
    expect(() => parseIrfTable([], "f")).to.throw(/the IRF table is empty/);
    expect(parseIrfTable([HEADER], "f")).to.deep.equal([]);
  });
});

describe("scenarioIdOf", () => {
  test("finds the one @id among the pickle's tags", () => {
    expect(scenarioIdOf(["@chat", "@flow-3", "@verified", "@id:chat-transfer-accepted"], "s", "f")).to.equal(
      "chat-transfer-accepted",
    );
  });

  test("rejects a missing, doubled or malformed id", () => {
    expect(() => scenarioIdOf(["@chat"], "My flow", "f")).to.throw(
      InputError,
      /scenario "My flow" has no @id:<slug> tag/,
    );
    expect(() => scenarioIdOf(["@id:a", "@id:b"], "s", "f")).to.throw(/has 2 @id tags \(a, b\)/);
    expect(() => scenarioIdOf(["@id:Chat_Transfer"], "s", "f")).to.throw(
      /lowercase letters, digits and single hyphens/,
    );
    expect(() => scenarioIdOf(["@id:chat--x"], "s", "f")).to.throw(/single hyphens/);
  });
});
