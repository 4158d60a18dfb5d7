/** The descriptor vocabulary: GIM's names and codes, and its extension from a user's file. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { expect } from "chai";
import { codeOf, Vocabulary } from "../../src/domain/vocabulary";
import { loadVocabulary, vocabularyFile } from "../../src/domain/vocabulary-file";
import { InputError } from "../../src/errors";
import { parseIrfTable } from "../../src/flows/irf-table";

const HEADER = ["IRF", "resource", "role", "result", "reason"];

function file(text: string): string {
  const f = path.join(mkdtempSync(path.join(tmpdir(), "gim-vocab-")), "vocabulary.json");
  writeFileSync(f, text);
  return f;
}

test("codes are the names upper-cased, as GIM keys them", () => {
  expect(codeOf("RoutedTo")).to.equal("ROUTEDTO");
  expect(codeOf("AbandonedWhileRinging")).to.equal("ABANDONEDWHILERINGING");
});

test("the standard vocabulary holds every descriptor name of the seed", () => {
  const v = Vocabulary.standard();
  for (const role of [
    "RoutedTo",
    "ReceivedTransfer",
    "InConference",
    "ReceivedConsult",
    "Received",
    "Puller",
  ]) {
    expect(v.has("role", role), role).to.equal(true);
  }
  for (const reason of ["Revoked", "AbandonedWhileQueued", "AbandonedWhileRinging", "Unspecified"]) {
    expect(v.has("reason", reason), reason).to.equal(true);
  }
  expect(v.has("result", "Finished")).to.equal(false);
});

test("RESULT_REASON holds the documented CallbackAccepted and the AnsweredByAgent of real Info Mart SQL, with their codes", () => {
  const v = Vocabulary.standard();
  expect(v.nameOfCode("reason", "CALLBACKACCEPTED")).to.equal("CallbackAccepted");
  expect(v.nameOfCode("reason", "ANSWEREDBYAGENT")).to.equal("AnsweredByAgent");
  // The earlier names stay: a release that drops one would break existing expected tables.
  for (const kept of [
    "Unspecified",
    "Revoked",
    "AbandonedWhileQueued",
    "AbandonedWhileRinging",
    "AbandonedFromHold",
  ]) {
    expect(v.has("reason", kept), kept).to.equal(true);
  }
  // Reasons only: neither name is a role or a result.
  expect(v.has("result", "AnsweredByAgent")).to.equal(false);
  expect(v.has("role", "CallbackAccepted")).to.equal(false);
  const rows = [HEADER, ["1", "Chat_Inbound", "Received", "Diverted", "AnsweredByAgent"]];
  expect(parseIrfTable(rows, "my.feature")[0]?.reason).to.equal("AnsweredByAgent");
});

test("an expected table naming an unknown descriptor is bad input naming the column and the name", () => {
  const rows = [HEADER, ["1", "Agent1", "RoutedTo", "Finished", ""]];
  expect(() => parseIrfTable(rows, "my.feature")).to.throw(
    InputError,
    /field "result".*unknown TECHNICAL_RESULT "Finished"/,
  );
});

test("a vocabulary file extends the names a table may use, without a code change", () => {
  const v = loadVocabulary(file('{"result": ["Finished"], "roleReason": ["ConferenceInitiator"]}'));
  const rows = [HEADER, ["1", "Agent1", "RoutedTo", "Finished", ""]];
  expect(parseIrfTable(rows, "my.feature", v)[0]?.result).to.equal("Finished");
  expect(v.has("roleReason", "ConferenceInitiator")).to.equal(true);
  expect(v.has("result", "Completed")).to.equal(true);
});

test("a bad vocabulary file is bad input naming the file and field", () => {
  expect(() => loadVocabulary(file('{"results": ["X"]}'))).to.throw(
    InputError,
    /vocabulary\.json: field "results": unknown field/,
  );
  expect(() => loadVocabulary(file('{"result": "X"}'))).to.throw(
    InputError,
    /field "result": expected a list of names/,
  );
  expect(() => loadVocabulary(file('{"result": ["two words"]}'))).to.throw(InputError, /letters and digits/);
  expect(() => loadVocabulary(file("{"))).to.throw(InputError, /not valid JSON/);
  expect(() => loadVocabulary("/no/such/vocabulary.json")).to.throw(
    InputError,
    /vocabulary\.json: no such file/,
  );
});

test("the vocabulary file is the one GIM_VOCABULARY names", () => {
  expect(vocabularyFile({ GIM_VOCABULARY: "/x/v.json" })).to.equal("/x/v.json");
});
