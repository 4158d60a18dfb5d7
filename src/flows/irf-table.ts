/**
 * The expected-IRF table of a feature, `| IRF | resource | role | result | reason |`, read into
 * IrfExpectation rows. The table is the complete outcome of the scenario, so it must number its
 * IRFs 1, 2, 3… in order; an empty reason cell means Unspecified, as GIM writes it.
 */
import { UNSPECIFIED } from "../domain/descriptor";
import type { IrfExpectation } from "../domain/irf";
import { COLUMN_LABELS, Vocabulary } from "../domain/vocabulary";
import { InputError } from "../errors";

export const IRF_TABLE_COLUMNS = ["IRF", "resource", "role", "result", "reason"] as const;
type Column = (typeof IRF_TABLE_COLUMNS)[number];

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * `rows` is the table as cells, header first (cucumber's `DataTable.raw()`, or gherkin's cells).
 * `where` names the table for messages, e.g. `features/chat/03-agent-transfers-chat.feature`.
 */
export function parseIrfTable(
  rows: readonly (readonly string[])[],
  where: string,
  vocabulary: Vocabulary = Vocabulary.standard(),
): IrfExpectation[] {
  const [header, ...body] = rows;
  if (header === undefined) throw new InputError(where, undefined, undefined, "the IRF table is empty");
  const index = columnIndex(header, where);
  return body.map((cells, i) => {
    const cell = (column: Column): string => (cells[index[column]] ?? "").trim();
    const row = `IRF table row ${i + 1}`;
    const irf = Number(cell("IRF"));
    if (!Number.isInteger(irf) || irf !== i + 1) {
      throw new InputError(where, undefined, "IRF", `${row} must be numbered ${i + 1}, not "${cell("IRF")}"`);
    }
    const resource = cell("resource");
    if (resource === "") throw new InputError(where, undefined, "resource", `${row} names no resource`);
    const reason = cell("reason") === "" ? UNSPECIFIED : cell("reason");
    for (const [column, value] of [
      ["role", cell("role")],
      ["result", cell("result")],
      ["reason", reason],
    ] as const) {
      if (!NAME.test(value)) {
        throw new InputError(
          where,
          undefined,
          column,
          `${row}: "${value}" is not a descriptor name like RoutedTo`,
        );
      }
      // An unknown name is most often a typo; a real but undocumented one goes in vocabulary.json.
      if (!vocabulary.has(column, value)) {
        throw new InputError(
          where,
          undefined,
          column,
          `${row}: unknown ${COLUMN_LABELS[column]} "${value}"; known: ${vocabulary.list(column).join(", ")} ` +
            "(add a real GIM name to vocabulary.json to extend the vocabulary)",
        );
      }
    }
    return { irf, resource, role: cell("role"), result: cell("result"), reason };
  });
}

function columnIndex(header: readonly string[], where: string): Record<Column, number> {
  const names = header.map((cell) => cell.trim());
  const index = {} as Record<Column, number>;
  for (const column of IRF_TABLE_COLUMNS) {
    const at = names.findIndex((name) => name.toLowerCase() === column.toLowerCase());
    if (at < 0) {
      throw new InputError(
        where,
        undefined,
        column,
        `the IRF table needs the columns ${IRF_TABLE_COLUMNS.join(" | ")}`,
      );
    }
    index[column] = at;
  }
  const unknown = names.filter(
    (name) => !IRF_TABLE_COLUMNS.some((c) => c.toLowerCase() === name.toLowerCase()),
  );
  if (unknown.length > 0) {
    throw new InputError(
      where,
      undefined,
      unknown[0],
      `unknown column; the IRF table has ${IRF_TABLE_COLUMNS.join(" | ")}`,
    );
  }
  return index;
}
