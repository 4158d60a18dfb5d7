/** Secrets never reach output: database URLs and key/value strings lose their passwords. */
import { describe, test } from "node:test";
import { expect } from "chai";
import { irfRowJson } from "../../src/cli/commands/classify";
import { redactSecrets, redactUrl } from "../../src/cli/redact";

describe("redaction", () => {
  test("redactUrl keeps user, host and database, masks the password", () => {
    expect(redactUrl("postgres://gim:s3cret@db.example:5432/gim")).to.equal(
      "postgres://gim:***@db.example:5432/gim",
    );
    expect(redactUrl("postgres://gim@db.example/gim")).to.equal("postgres://gim@db.example/gim");
  });

  test("redactSecrets masks passwords inside any text", () => {
    expect(redactSecrets("connect postgresql://u:p%40ss@h/db failed; password=hunter2 host=h")).to.equal(
      "connect postgresql://u:***@h/db failed; password=*** host=h",
    );
    expect(redactSecrets("no secret here: 09:00:05")).to.equal("no secret here: 09:00:05");
  });
});

describe("irfRowJson", () => {
  test("writes the contract's fields first, in the contract's order, then the extra ones in a fixed order", () => {
    const json = irfRowJson({
      receivedFrom: null,
      mediationMs: 0,
      handlingMs: 1,
      alertingMs: 2,
      roleReason: "Unspecified",
      end: "e",
      start: "s",
      reason: "Unspecified",
      result: "Completed",
      role: "RoutedTo",
      resourceType: "Agent",
      resource: "Agent1",
      irf: 1,
      interaction: "chat-1",
    });
    expect(Object.keys(JSON.parse(json))).to.deep.equal([
      "interaction",
      "irf",
      "resource",
      "resourceType",
      "role",
      "result",
      "reason",
      "start",
      "end",
      "roleReason",
      "alertingMs",
      "handlingMs",
      "mediationMs",
      "receivedFrom",
    ]);
  });
});
