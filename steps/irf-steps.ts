/** The outcome: the IRFs Info Mart records for the scenario's interaction, as a complete table. */
import { type DataTable, Then } from "@cucumber/cucumber";
import type { Vocabulary } from "../src/domain/vocabulary";
import { loadVocabulary, vocabularyFile } from "../src/domain/vocabulary-file";
import { parseIrfTable } from "../src/flows/irf-table";
import { parseMsfTable } from "../src/flows/msf-table";
import { expectIrfs, expectMsfs } from "./support/outcome";
import type { ChatWorld } from "./support/world";

/** Loaded once per run, on first use, so a bad vocabulary file fails the first outcome step. */
let vocabulary: Vocabulary | undefined;

Then("Info Mart records exactly these IRFs:", function (this: ChatWorld, table: DataTable) {
  vocabulary ??= loadVocabulary(vocabularyFile());
  return expectIrfs(this, parseIrfTable(table.raw(), this.scenario.uri, vocabulary, this.tableLines));
});

Then("Info Mart records these mediation segments:", function (this: ChatWorld, table: DataTable) {
  vocabulary ??= loadVocabulary(vocabularyFile());
  return expectMsfs(this, parseMsfTable(table.raw(), this.scenario.uri, vocabulary, this.tableLines));
});

// A conference through a queue also creates an internal invitation interaction (event log 1.1),
// which Info Mart records as an interaction of its own.
Then(
  "for the internal invitation, Info Mart records exactly these IRFs:",
  function (this: ChatWorld, table: DataTable) {
    vocabulary ??= loadVocabulary(vocabularyFile());
    return expectIrfs(
      this,
      parseIrfTable(table.raw(), this.scenario.uri, vocabulary, this.tableLines),
      "invite",
    );
  },
);

Then(
  "for the internal invitation, Info Mart records these mediation segments:",
  function (this: ChatWorld, table: DataTable) {
    vocabulary ??= loadVocabulary(vocabularyFile());
    return expectMsfs(
      this,
      parseMsfTable(table.raw(), this.scenario.uri, vocabulary, this.tableLines),
      "invite",
    );
  },
);
