/**
 * The expected-IRF table of a feature, `| IRF | resource | role | result | reason |` and an
 * optional `| role reason |`, read into IrfExpectation rows. The table is the complete outcome of
 * the scenario, so it must number its IRFs 1, 2, 3… in order; an empty reason cell means
 * Unspecified, as GIM writes it. An absent or blank role reason is not asserted (no source gives
 * ROLE_REASON values for most chat flows); a stated one is compared by code like the rest.
 */
import type { IrfExpectation } from "../domain/irf";
import { Vocabulary } from "../domain/vocabulary";
import { readFactTable } from "./fact-table";

/**
 * `rows` is the table as cells, header first (cucumber's `DataTable.raw()`, or gherkin's cells).
 * `where` names the table for messages, e.g. `features/chat/03-agent-transfers-chat.feature`.
 */
export function parseIrfTable(
  rows: readonly (readonly string[])[],
  where: string,
  vocabulary: Vocabulary = Vocabulary.standard(),
  /** The feature line of each row, header first, when known (cucumber's step hook gives them). */
  rowLines: readonly number[] = [],
): IrfExpectation[] {
  const spec = {
    table: "IRF",
    ordinal: "IRF",
    resource: "resource",
    required: ["IRF", "resource"],
    optional: [],
  } as const;
  return readFactTable(rows, where, spec, vocabulary, rowLines).map((r) => {
    const expectation: IrfExpectation = {
      irf: r.ordinal,
      resource: r.resource,
      role: r.role,
      result: r.result,
      reason: r.reason,
    };
    if (r.roleReason !== undefined) expectation.roleReason = r.roleReason;
    return expectation;
  });
}
