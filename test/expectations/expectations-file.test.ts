/** The expectations file: what it accepts, and each rejection naming its line (exit 2). */
import { describe, test } from "node:test";
import { expect } from "chai";
import { InputError } from "../../src/errors";
import { checkKnownIds, parseExpectations } from "../../src/expectations/expectations-file";
import { expectationsFromRun, judge } from "../../src/expectations/gate";
import type { ScenarioResult } from "../../src/run/scenario-result";

const rejection = (text: string): string => {
  try {
    parseExpectations(text, "e.yaml");
  } catch (error) {
    expect(error).to.be.instanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error("accepted");
};

describe("expectations file", () => {
  test("reads status, reason, link and accepted rows; an empty list is allowed", () => {
    const file = parseExpectations(
      `version: 1
expectations:
  a:
    status: fail
    reason: GIM 8.5.2 records Completed
    link: https://tickets.example/GIM-1
    rows:
      - { irf: 1, resource: Agent1, role: RoutedTo, result: Completed, reason: Unspecified }
  "@id:b": { status: skip, reason: no lab interaction }
`,
      "e.yaml",
    );
    expect(file.expectations.get("a")).to.deep.include({
      status: "fail",
      link: "https://tickets.example/GIM-1",
      line: 3,
    });
    expect(file.expectations.get("a")?.rows?.[0]).to.deep.equal({
      irf: 1,
      resource: "Agent1",
      role: "RoutedTo",
      result: "Completed",
      reason: "Unspecified",
    });
    expect(file.expectations.get("b")?.status).to.equal("skip");
    expect(parseExpectations("version: 1\nexpectations:\n", "e.yaml").expectations.size).to.equal(0);
  });

  test("each malformed entry is rejected with its line", () => {
    expect(rejection("version: 2\nexpectations: {}\n")).to.match(/^e\.yaml:1: field "version": expected 1/);
    expect(rejection("version: 1\nexpectations:\n  a:\n    status: fail\n")).to.match(
      /^e\.yaml:3: field "reason"/,
    );
    expect(
      rejection("version: 1\nexpectations:\n  a:\n    status: fail\n    reason: x\n    colour: red\n"),
    ).to.match(/^e\.yaml:6: field "colour": unknown key/);
    expect(
      rejection(
        "version: 1\nexpectations:\n  a: { status: fail, reason: x }\n  a: { status: skip, reason: y }\n",
      ),
    ).to.match(/^e\.yaml:4: duplicated key/);
    expect(
      rejection("version: 1\nexpectations:\n  a:\n    status: skip\n    reason: x\n    rows: []\n"),
    ).to.match(/^e\.yaml:6: field "rows": accepted rows belong to a status: fail entry/);
    expect(
      rejection("version: 1\nexpectations:\n  a:\n    status: fail\n    reason: x\n    link: not a url\n"),
    ).to.match(/^e\.yaml:6: field "link"/);
    expect(rejection("version: 1\nexpectations:\n  a: [\n")).to.match(/^e\.yaml:\d+: /);
  });

  test("an @id no feature holds is bad input naming its line", () => {
    const file = parseExpectations("version: 1\nexpectations:\n  a: { status: skip, reason: x }\n", "e.yaml");
    expect(() => checkKnownIds(file, new Set(["b"]))).to.throw(
      InputError,
      /^e\.yaml:3: unknown scenario @id:a$/,
    );
  });
});

describe("judging a run against expectations", () => {
  const result = (id: string, outcome: ScenarioResult["outcome"], provisional = false): ScenarioResult => ({
    id,
    name: id,
    uri: "f",
    line: 1,
    feature: "F",
    flow: 1,
    evidence: provisional ? "provisional" : "verified",
    outcome,
    detail: undefined,
  });
  const file = parseExpectations(
    "version: 1\nexpectations:\n  f: { status: fail, reason: x }\n  s: { status: skip, reason: x }\n  p: { status: fail, reason: x }\n",
    "e.yaml",
  );
  const policy = { strictProvisional: false };

  test("expected failures and skips are known; a pass under an expectation is stale; the rest as the run says", () => {
    const report = judge(
      [
        result("f", "mismatch"),
        result("s", "not-run"),
        result("p", "passed"),
        result("x", "mismatch"),
        result("y", "mismatch", true),
        result("z", "passed"),
      ],
      file,
      policy,
    );
    expect(report.judged.map((j) => `${j.result.id}:${j.judgement}`)).to.deep.equal([
      "f:known-divergence",
      "s:known-divergence",
      "p:unexpected-pass",
      "x:unexpected-failure",
      "y:as-specified",
      "z:as-specified",
    ]);
  });

  test("a skip expectation does not excuse a failure", () => {
    const report = judge([result("s", "mismatch")], file, policy);
    expect(report.unexpectedFailures.map((j) => j.note)).to.deep.equal(["expected to be skipped"]);
  });

  test("--update-expectations: failures become fail entries with their rows, old reasons stay, unselected entries stay", () => {
    const rows = [
      {
        interaction: "i",
        irf: 1,
        resource: "Agent1",
        resourceType: "Agent" as const,
        role: "RoutedTo",
        result: "Completed",
        reason: "Unspecified",
        roleReason: "Unspecified",
        start: "",
        end: "",
        alertingMs: 0,
        handlingMs: 0,
        mediationMs: 0,
        receivedFrom: null,
      },
    ];
    const previous = parseExpectations(
      "version: 1\nexpectations:\n  f: { status: fail, reason: kept, link: https://t/1 }\n  other: { status: skip, reason: not selected }\n",
      "e.yaml",
    );
    const text = expectationsFromRun(
      [{ ...result("f", "mismatch"), rows }, result("s", "not-run"), result("p", "passed")],
      previous,
      policy,
      "export x",
    );
    const written = parseExpectations(text, "e.yaml").expectations;
    expect([...written.keys()]).to.deep.equal(["f", "s", "other"]);
    expect(written.get("f")).to.deep.include({ status: "fail", reason: "kept", link: "https://t/1" });
    expect(written.get("f")?.rows?.[0]).to.deep.equal({
      irf: 1,
      resource: "Agent1",
      role: "RoutedTo",
      result: "Completed",
      reason: "Unspecified",
    });
    expect(written.get("s")?.reason).to.match(/^recorded on export x; TODO/);
    expect(written.get("other")?.reason).to.equal("not selected");
  });
});
