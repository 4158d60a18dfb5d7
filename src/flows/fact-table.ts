/**
 * What the expected-fact tables of a feature (IRFs, and MSFs) share: a header naming required and
 * optional columns, rows numbered 1, 2, 3… in order, a resource, and a descriptor whose names must
 * be in the vocabulary (an empty reason meaning Unspecified, a blank role reason not asserted).
 */
import { UNSPECIFIED } from "../domain/descriptor";
import { COLUMN_LABELS, type DescriptorColumn, type Vocabulary } from "../domain/vocabulary";
import { InputError } from "../errors";
import { nearestName } from "../nearest-name";

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

export interface FactTableSpec<R extends string, O extends string> {
  /** "IRF" or "MSF", for messages. */
  table: string;
  /** The numbering column and the resource column (each one of `required`). */
  ordinal: R;
  resource: R;
  /** Besides role, result and reason, which every fact table has. */
  required: readonly R[];
  optional: readonly O[];
}

/** One body row, read and checked: its number, resource, descriptor, and any other cell. */
export interface FactRow<C extends string> {
  ordinal: number;
  resource: string;
  role: string;
  result: string;
  reason: string;
  /** Present only when the table states one. */
  roleReason?: string;
  /** `IRF table row 2`, for messages about the other cells. */
  label: string;
  cell(column: C): string;
}

const DESCRIPTOR_COLUMNS = ["role", "result", "reason"] as const;
const ROLE_REASON_COLUMN = "role reason";

export function readFactTable<R extends string, O extends string>(
  rows: readonly (readonly string[])[],
  where: string,
  spec: FactTableSpec<R, O>,
  vocabulary: Vocabulary,
  /** The feature line of each row, header first, when known: rejections then name the line. */
  rowLines: readonly number[] = [],
): FactRow<R | O | (typeof DESCRIPTOR_COLUMNS)[number] | typeof ROLE_REASON_COLUMN>[] {
  type C = R | O | (typeof DESCRIPTOR_COLUMNS)[number] | typeof ROLE_REASON_COLUMN;
  const [header, ...body] = rows;
  if (header === undefined)
    throw new InputError(where, rowLines[0], undefined, `the ${spec.table} table is empty`);
  const required: readonly (R | (typeof DESCRIPTOR_COLUMNS)[number])[] = [
    ...spec.required,
    ...DESCRIPTOR_COLUMNS,
  ];
  const optional: readonly (O | typeof ROLE_REASON_COLUMN)[] = [...spec.optional, ROLE_REASON_COLUMN];
  const index: Partial<Record<C, number>> = columnIndex(
    header,
    where,
    required,
    optional,
    spec.table,
    rowLines[0],
  );
  return body.map((cells, i) => {
    const line = rowLines[i + 1];
    const cell = (column: C): string => {
      const at = index[column];
      return at === undefined ? "" : (cells[at] ?? "").trim();
    };
    const label = `${spec.table} table row ${i + 1}`;
    const ordinal = Number(cell(spec.ordinal));
    if (!Number.isInteger(ordinal) || ordinal !== i + 1) {
      throw new InputError(
        where,
        line,
        spec.ordinal,
        `${label} must be numbered ${i + 1}, not "${cell(spec.ordinal)}"`,
      );
    }
    const resource = cell(spec.resource);
    if (resource === "")
      throw new InputError(where, line, spec.resource, `${label} names no ${spec.resource}`);
    const reason = cell("reason") === "" ? UNSPECIFIED : cell("reason");
    checkDescriptorNames(
      [
        ["role", cell("role")],
        ["result", cell("result")],
        ["reason", reason],
      ],
      where,
      label,
      vocabulary,
      line,
    );
    const read: FactRow<C> = {
      ordinal,
      resource,
      role: cell("role"),
      result: cell("result"),
      reason,
      label,
      cell,
    };
    const roleReason = cell(ROLE_REASON_COLUMN);
    if (roleReason !== "") {
      checkDescriptorNames([["roleReason", roleReason]], where, label, vocabulary, line);
      read.roleReason = roleReason;
    }
    return read;
  });
}

/** Each name must look like a descriptor name and be in the vocabulary; a typo is bad input. */
function checkDescriptorNames(
  cells: readonly (readonly [DescriptorColumn, string])[],
  where: string,
  row: string,
  vocabulary: Vocabulary,
  line?: number,
): void {
  for (const [column, value] of cells) {
    if (!NAME.test(value)) {
      throw new InputError(where, line, column, `${row}: "${value}" is not a descriptor name like RoutedTo`);
    }
    // An unknown name is most often a typo; a real but undocumented one goes in vocabulary.json.
    if (!vocabulary.has(column, value)) {
      throw new InputError(
        where,
        line,
        column,
        `${row}: unknown ${COLUMN_LABELS[column]} "${value}"${didYouMean(value, vocabulary.list(column))}; known: ${vocabulary.list(column).join(", ")} ` +
          "(add a real GIM name to vocabulary.json to extend the vocabulary)",
      );
    }
  }
}

/**
 * Where each column is in the header row: every required column must be there, optional ones
 * may be, and any other column is an error (most often a typo of one that then reads as blank).
 */
function columnIndex<R extends string, O extends string>(
  header: readonly string[],
  where: string,
  required: readonly R[],
  optional: readonly O[],
  table: string,
  line?: number,
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
        line,
        column,
        `the ${table} table needs the columns ${required.join(" | ")}`,
      );
    }
  }
  const unknown = header
    .map((c) => c.trim())
    .filter((name) => ![...required, ...optional].some((c) => c.toLowerCase() === name.toLowerCase()));
  if (unknown.length > 0) {
    throw new InputError(where, line, unknown[0], `unknown column; the ${table} table has ${all}`);
  }
  return index as Record<R, number> & Partial<Record<O, number>>;
}

/** ` (did you mean "Completed"?)` when a known name is a plausible typo of `value`, else nothing. */
function didYouMean(value: string, known: readonly string[]): string {
  const nearest = nearestName(value, known);
  return nearest === undefined ? "" : ` (did you mean "${nearest}"?)`;
}
