/** The outcome: the IRFs Info Mart records for the scenario's interaction, as a complete table. */
import { type DataTable, Then } from "@cucumber/cucumber";
import { parseIrfTable } from "../src/flows/irf-table";
import { expectIrfs } from "./support/outcome";
import type { ChatWorld } from "./support/world";

Then("Info Mart records exactly these IRFs:", function (this: ChatWorld, table: DataTable) {
  return expectIrfs(this, parseIrfTable(table.raw(), this.scenario.uri));
});
