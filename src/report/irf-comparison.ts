/**
 * Expected IRFs against recorded IRFs, IRF by IRF. The expected table of a scenario is the
 * COMPLETE outcome of its interaction: an IRF recorded that no row expected is as much a
 * nonconformance as a wrong descriptor (a silently extra IRF skews every Info Mart report that
 * counts attempts), so missing and unexpected rows both make the comparison fail.
 */
import { formatDescriptor, UNSPECIFIED } from "../domain/descriptor";
import type { IrfExpectation, IrfRow } from "../domain/irf";
import { codeOf } from "../domain/vocabulary";
import { printable } from "./text-escape";

/**
 * The cells of an expected-IRF table row that are compared, in the order they are reported.
 * `roleReason` only when the expected row states one.
 */
export const COMPARED_FIELDS = ["resource", "role", "result", "reason", "roleReason"] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/**
 * - `match`: expected and recorded agree on every compared field;
 * - `mismatch`: both exist and `mismatched` names the fields that differ;
 * - `missing`: expected, not recorded;
 * - `unexpected`: recorded, not expected.
 */
export type ComparisonStatus = "match" | "mismatch" | "missing" | "unexpected";

export interface ComparisonLine {
  /** The IRF ordinal both sides were matched on. */
  irf: number;
  expected?: IrfExpectation;
  actual?: IrfRow;
  status: ComparisonStatus;
  /** Empty unless `status` is `mismatch`. */
  mismatched: ComparedField[];
}

export interface IrfComparison {
  conforms: boolean;
  /** One line per IRF ordinal present on either side, in ordinal order. */
  lines: ComparisonLine[];
}

/** A blank expected reason means "no reason applies", which Info Mart records as Unspecified. */
export function normalizedReason(reason: string): string {
  return reason.trim() === "" ? UNSPECIFIED : reason;
}

/**
 * Descriptors are compared by GIM's code, never by name: a dimension's name "can change with
 * localization" while its `_CODE` does not (PDM, Table-INTERACTION_TYPE; the same pattern in
 * Table-TECHNICAL_DESCRIPTOR). A real Info Mart's row carries the vocabulary's name for its code,
 * or the code itself when the vocabulary has none, which then differs from every expected name.
 */
export function sameDescriptorValue(expected: string, actual: string): boolean {
  return codeOf(normalizedReason(expected)) === codeOf(normalizedReason(actual));
}

function differingFields(expected: IrfExpectation, actual: IrfRow): ComparedField[] {
  return COMPARED_FIELDS.filter((field) => {
    if (field === "resource") return expected.resource !== actual.resource;
    if (field === "roleReason") {
      return (
        expected.roleReason !== undefined && !sameDescriptorValue(expected.roleReason, actual.roleReason)
      );
    }
    return !sameDescriptorValue(expected[field], actual[field]);
  });
}

/** Groups by ordinal, keeping input order inside a group (duplicated ordinals pair up in order). */
function byOrdinal<T>(items: readonly T[], ordinal: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(ordinal(item));
    if (group === undefined) groups.set(ordinal(item), [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * Pairs expected and recorded facts by ordinal (IRF or MSF number), in ordinal order. If an
 * ordinal appears twice on a side (a table typo, or rows of two interactions), the k-th expected
 * one is paired with the k-th recorded one and the surplus is left unpaired.
 */
export function pairByOrdinal<E, A>(
  expected: readonly E[],
  actual: readonly A[],
  ordinalOf: (item: E | A) => number,
): { ordinal: number; expected: E | undefined; actual: A | undefined }[] {
  const expectedBy = byOrdinal(expected, ordinalOf);
  const actualBy = byOrdinal(actual, ordinalOf);
  const ordinals = [...new Set([...expectedBy.keys(), ...actualBy.keys()])].sort((a, b) => a - b);
  const pairs: { ordinal: number; expected: E | undefined; actual: A | undefined }[] = [];
  for (const ordinal of ordinals) {
    const exp = expectedBy.get(ordinal) ?? [];
    const act = actualBy.get(ordinal) ?? [];
    for (let i = 0; i < Math.max(exp.length, act.length); i++) {
      pairs.push({ ordinal, expected: exp[i], actual: act[i] });
    }
  }
  return pairs;
}

/**
 * Matches rows by IRF ordinal. `actual` is meant to hold one interaction's rows (see pairByOrdinal
 * for duplicated ordinals).
 */
export function compareIrfs(expected: readonly IrfExpectation[], actual: readonly IrfRow[]): IrfComparison {
  const lines = pairByOrdinal(expected, actual, (r) => r.irf).map((p) =>
    compareOne(p.ordinal, p.expected, p.actual),
  );
  return { conforms: lines.every((l) => l.status === "match"), lines };
}

function compareOne(
  irf: number,
  expected: IrfExpectation | undefined,
  actual: IrfRow | undefined,
): ComparisonLine {
  if (expected === undefined) return { irf, actual, status: "unexpected", mismatched: [] };
  if (actual === undefined) return { irf, expected, status: "missing", mismatched: [] };
  const mismatched = differingFields(expected, actual);
  return { irf, expected, actual, status: mismatched.length === 0 ? "match" : "mismatch", mismatched };
}

/** `Agent3 RoutedTo/Completed` (a blank reason written as Unspecified, i.e. omitted). */
export function describeIrf(row: IrfExpectation): string {
  return `${printable(row.resource)} ${printable(formatDescriptor({ ...row, reason: normalizedReason(row.reason) }))}`;
}

/** A compared field's value as the summary shows it (blank reasons as Unspecified; an unstated role reason as blank). */
export function fieldValue(row: IrfExpectation, field: ComparedField): string {
  if (field === "roleReason") return row.roleReason === undefined ? "" : normalizedReason(row.roleReason);
  return field === "reason" ? normalizedReason(row.reason) : row[field];
}

/**
 * One line for an assertion message, e.g.
 * `IRF2: role expected InConference, got ReceivedConsult; IRF3 recorded but not expected (Agent3 RoutedTo/Completed)`.
 */
export function summarizeComparison(c: IrfComparison): string {
  if (c.conforms) {
    const n = c.lines.length;
    return n === 0 ? "no IRFs expected and none recorded" : `all ${n} IRF${n === 1 ? "" : "s"} as expected`;
  }
  const clauses: string[] = [];
  for (const line of c.lines) {
    const { expected, actual } = line;
    if (line.status === "missing" && expected) {
      clauses.push(`IRF${line.irf} expected but not recorded (${describeIrf(expected)})`);
    } else if (line.status === "unexpected" && actual) {
      clauses.push(`IRF${line.irf} recorded but not expected (${describeIrf(actual)})`);
    } else if (line.status === "mismatch" && expected && actual) {
      const diffs = line.mismatched.map(
        (f) => `${f} expected ${printable(fieldValue(expected, f))}, got ${printable(fieldValue(actual, f))}`,
      );
      clauses.push(`IRF${line.irf}: ${diffs.join("; ")}`);
    }
  }
  return clauses.join("; ");
}
