/**
 * The feature reader: the bundled flows read as a reviewer needs them (flow, title, narrative
 * without its citation, the scenario as written, the expected table), and bad features are
 * rejected with the file and line.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { InputError } from "../../src/errors";
import { readBookFeature, readFeatureBook } from "../../src/spec/feature-book";

const FEATURES = join(__dirname, "..", "..", "features");

describe("readFeatureBook on the bundled flows", () => {
  const book = readFeatureBook(FEATURES);

  test("thirteen flows in order (the Guide's eleven, the stop-queue and two-step flows), flow 6 with both its scenarios", () => {
    expect(book.map((f) => f.flow)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(book[5]?.scenarios.map((s) => s.id)).to.include.members([
      "chat-conference-revoked",
      "chat-conference-revoked-visibility-unknown",
    ]);
  });

  test("only flows 7, 8 and 13 are provisional flows; a verified flow's hypotheses are MSF scenarios of their own", () => {
    expect(book.filter((f) => f.provisional).map((f) => f.flow)).to.deep.equal([7, 8, 13]);
    for (const f of book) {
      for (const s of f.scenarios) {
        if (f.provisional) expect(s.provisional, s.id).to.equal(true);
        else if (s.provisional)
          expect(s.expectedMsfs, `${s.id}: a provisional scenario in a verified flow`).not.to.be.empty;
      }
    }
    expect(book.flatMap((f) => f.scenarios).filter((s) => s.expectedMsfs.length > 0)).not.to.be.empty;
  });

  test("the citation is the Source: line, and the narrative no longer holds it", () => {
    for (const f of book) {
      // Flow 12 is not one of the Guide's chat diagrams; it cites GIM's own documentation.
      expect(f.citation, `flow ${f.flow}`).to.match(
        f.flow === 12 ? /^Source: / : /^Source: Genesys Info Mart User's Guide, "Chat Interactions"/,
      );
      expect(f.description).not.to.match(/^Source:/m);
    }
    expect(book[0]?.description).to.match(/^> The diagram shows the outcome of a chat interaction/);
    expect(book[0]?.tags).to.deep.equal(["@chat", "@flow-1", "@verified"]);
    expect(book[0]?.title).to.equal("Strategy delivers chat to agent, and agent replies");
  });

  test("a scenario keeps its text as written, from its tags to its table", () => {
    const s = book[2]?.scenarios[0];
    expect(s?.source.split("\n")[0]).to.equal("@id:chat-transfer-accepted");
    expect(s?.source).to.include("Scenario: Agent2 accepts the transfer and completes the chat");
    expect(s?.source).to.include("  | 2   | Agent2   | ReceivedTransfer | Completed   |        |");
    expect(s?.source.endsWith("|")).to.equal(true);
    expect(s?.steps[0]).to.equal('Given a customer starts a chat in the interaction queue "Chat_Inbound"');
  });

  test("the expected table is read into IRF rows, an empty reason being Unspecified", () => {
    expect(book[3]?.scenarios[0]?.expected).to.deep.equal([
      { irf: 1, resource: "Agent1", role: "RoutedTo", result: "Completed", reason: "Unspecified" },
      { irf: 2, resource: "Agent2", role: "ReceivedTransfer", result: "Abandoned", reason: "Revoked" },
    ]);
  });

  test("a scenario's own description (flow 6's quote of the Guide) stays in its source", () => {
    expect(book[5]?.scenarios[1]?.source).to.include("> For a failed chat consultation attempt");
  });
});

describe("readFeatureBook rejects bad features", () => {
  const dir = mkdtempSync(join(tmpdir(), "gim-feature-book-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const feature = (body: string) => `@flow-1\nFeature: F\n\n  @id:a\n  Scenario: S\n${body}`;
  const table = "    | IRF | resource | role | result | reason |\n    | 1 | A | RoutedTo | Completed | |\n";

  test("not Gherkin: InputError with the file and line", () => {
    expect(() => readBookFeature("Feature: x\n  Scenario: y\n    Given z\n  Bogus line here\n", "x.feature"))
      .to.throw(InputError)
      .with.property("message")
      .that.matches(/^x\.feature:4: not valid Gherkin/);
  });

  test("no Then table: InputError naming the scenario", () => {
    expect(() => readBookFeature(feature("    Given something\n"), "f.feature")).to.throw(
      InputError,
      /no Then table/,
    );
  });

  test("the same @id twice across files", () => {
    const sub = join(dir, "dup");
    mkdirSync(sub);
    const text = feature(`    Given x\n    Then Info Mart records exactly these IRFs:\n${table}`);
    writeFileSync(join(sub, "a.feature"), text);
    writeFileSync(join(sub, "b.feature"), text);
    expect(() => readFeatureBook(sub)).to.throw(InputError, /@id:a is already used by/);
  });

  test("a missing folder, and a folder without features", () => {
    expect(() => readFeatureBook(join(dir, "nope"))).to.throw(InputError, /features folder not found/);
    const empty = join(dir, "empty");
    mkdirSync(empty);
    expect(() => readFeatureBook(empty)).to.throw(InputError, /no \.feature files/);
  });
});
