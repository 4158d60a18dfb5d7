/**
 * The expected-IRF table of a feature, `| IRF | resource | role | result | reason |` and an
 * optional `| role reason |`, read into IrfExpectation rows. The table is the complete outcome of
 * the scenario, so it must number its IRFs 1, 2, 3… in order; an empty reason cell means
 * Unspecified, as GIM writes it. An absent or blank role reason is not asserted (no source gives
 * ROLE_REASON values for most chat flows); a stated one is compared by code like the rest.
 */
import { UNSPECIFIED } from "../domain/descriptor";
import type { IrfExpectation } from "../domain/irf";
import { COLUMN_LABELS, type DescriptorColumn, Vocabulary } from "../domain/vocabulary";
import { InputError } from "../errors";

export const IRF_TABLE_COLUMNS = ["IRF", "resource", "role", "result", "reason"] as const;
export const IRF_TABLE_OPTIONAL_COLUMNS = ["role reason"] as const;
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
  const index = columnIndex(header, where, IRF_TABLE_COLUMNS, IRF_TABLE_OPTIONAL_COLUMNS, "IRF");
  return body.map((cells, i) => {
    const cell = (column: Column | "role reason"): string => {
      const at = index[column];
      return at === undefined ? "" : (cells[at] ?? "").trim();
    };
    const row = `IRF table row ${i + 1}`;
    const irf = Number(cell("IRF"));
    if (!Number.isInteger(irf) || irf !== i + 1) {
      throw new InputError(where, undefined, "IRF", `${row} must be numbered ${i + 1}, not "${cell("IRF")}"`);
    }
    const resource = cell("resource");
    if (resource === "") throw new InputError(where, undefined, "resource", `${row} names no resource`);
    const reason = cell("reason") === "" ? UNSPECIFIED : cell("reason");
    checkDescriptorNames(
      [
        ["role", cell("role")],
        ["result", cell("result")],
        ["reason", reason],
      ],
      where,
      row,
      vocabulary,
    );
    const expectation: IrfExpectation = { irf, resource, role: cell("role"), result: cell("result"), reason };
    const roleReason = cell("role reason");
    if (roleReason !== "") {
      checkDescriptorNames([["roleReason", roleReason]], where, row, vocabulary);
      expectation.roleReason = roleReason;
    }
    return expectation;
  });
}

/** Each name must look like a descriptor name and be in the vocabulary; a typo is bad input. */
export function checkDescriptorNames(
  cells: readonly (readonly [DescriptorColumn, string])[],
  where: string,
  row: string,
  vocabulary: Vocabulary,
): void {
  for (const [column, value] of cells) {
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
}

/**
 * Where each column is in the header row: every required column must be there, optional ones
 * may be, and any other column is an error (most often a typo of one that then reads as blank).
 */
export function columnIndex<R extends string, O extends string>(
  header: readonly string[],
  where: string,
  required: readonly R[],
  optional: readonly O[],
  table: string,
): Record<R, number> & Partial<Record<O, number>> {
  const names = header.map((cell) => cell.trim().toLowerCase());
  const all = `${[...required, ...optional].join(" | ")}`;
  const index: Partial<Record<R | O, number>> = {};
  for (const column of [...required, ...optional]) {
    const at = names.indexOf(column.toLowerCase());
    if (at >= 0) index[column] = at;
    else if ((required as readonly string[]).includes(column)) {
      throw new InputError(
        where,
        undefined,
        column,
        `the ${table} table needs the columns ${required.join(" | ")}`,
      );
    }
  }
  const unknown = header
    .map((c) => c.trim())
    .filter((name) => ![...required, ...optional].some((c) => c.toLowerCase() === name.toLowerCase()));
  if (unknown.length > 0) {
    throw new InputError(where, undefined, unknown[0], `unknown column; the ${table} table has ${all}`);
  }
  return index as Record<R, number> & Partial<Record<O, number>>;
}
