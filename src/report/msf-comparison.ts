/**
 * Expected mediation segments (a feature's "Info Mart records these mediation segments" table)
 * against recorded MSFs, segment by segment. Like the IRF table, the MSF table is the complete
 * set for the interaction: a queue-abandon report counts MSFs, so an extra or a missing one is a
 * nonconformance. Descriptors are compared by GIM code (see irf-comparison.ts).
 */
import { formatDescriptor } from "../domain/descriptor";
import type { MsfExpectation, MsfRow } from "../domain/msf";
import { normalizedReason, pairByOrdinal, sameDescriptorValue } from "./irf-comparison";
import { printable } from "./text-escape";

export const MSF_COMPARED_FIELDS = ["resource", "role", "result", "reason", "roleReason", "irf"] as const;
export type MsfComparedField = (typeof MSF_COMPARED_FIELDS)[number];

export interface MsfComparisonLine {
  msf: number;
  expected?: MsfExpectation;
  actual?: MsfRow;
  status: "match" | "mismatch" | "missing" | "unexpected";
  mismatched: MsfComparedField[];
}

export interface MsfComparison {
  conforms: boolean;
  lines: MsfComparisonLine[];
}

function differing(expected: MsfExpectation, actual: MsfRow): MsfComparedField[] {
  return MSF_COMPARED_FIELDS.filter((field) => {
    switch (field) {
      case "resource":
        return expected.resource !== actual.resource;
      case "irf":
        return expected.irf !== undefined && expected.irf !== actual.irf;
      case "roleReason":
        return (
          expected.roleReason !== undefined && !sameDescriptorValue(expected.roleReason, actual.roleReason)
        );
      default:
        return !sameDescriptorValue(expected[field], actual[field]);
    }
  });
}

export function compareMsfs(expected: readonly MsfExpectation[], actual: readonly MsfRow[]): MsfComparison {
  const lines = pairByOrdinal(expected, actual, (m) => m.msf).map(({ ordinal, expected: e, actual: a }) => {
    const line: MsfComparisonLine = { msf: ordinal, status: "match", mismatched: [] };
    if (e !== undefined) line.expected = e;
    if (a !== undefined) line.actual = a;
    if (e === undefined) line.status = "unexpected";
    else if (a === undefined) line.status = "missing";
    else {
      line.mismatched = differing(e, a);
      if (line.mismatched.length > 0) line.status = "mismatch";
    }
    return line;
  });
  return { conforms: lines.every((l) => l.status === "match"), lines };
}

/** `Chat_Inbound Received/Diverted → IRF1`. */
export function describeMsf(m: MsfExpectation | MsfRow): string {
  const link = m.irf === undefined ? "" : m.irf === null ? " → no IRF" : ` → IRF${m.irf}`;
  return `${printable(m.resource)} ${printable(formatDescriptor({ ...m, reason: normalizedReason(m.reason) }))}${link}`;
}

function shownValue(m: MsfExpectation | MsfRow, field: MsfComparedField): string {
  if (field === "irf") return m.irf === null ? "none" : m.irf === undefined ? "" : `IRF${m.irf}`;
  if (field === "roleReason") return m.roleReason === undefined ? "" : normalizedReason(m.roleReason);
  if (field === "reason") return normalizedReason(m.reason);
  return m[field];
}

/** One line for an assertion message, as summarizeComparison gives for IRFs. */
export function summarizeMsfComparison(c: MsfComparison): string {
  if (c.conforms) {
    const n = c.lines.length;
    return n === 0 ? "no MSFs expected and none recorded" : `all ${n} MSF${n === 1 ? "" : "s"} as expected`;
  }
  const clauses: string[] = [];
  for (const line of c.lines) {
    const { expected, actual } = line;
    if (line.status === "missing" && expected)
      clauses.push(`MSF${line.msf} expected but not recorded (${describeMsf(expected)})`);
    else if (line.status === "unexpected" && actual)
      clauses.push(`MSF${line.msf} recorded but not expected (${describeMsf(actual)})`);
    else if (line.status === "mismatch" && expected && actual) {
      const diffs = line.mismatched.map(
        (f) => `${f} expected ${printable(shownValue(expected, f))}, got ${printable(shownValue(actual, f))}`,
      );
      clauses.push(`MSF${line.msf}: ${diffs.join("; ")}`);
    }
  }
  return clauses.join("; ");
}

/** The text table moved to msf-comparison-render.ts with its HTML and Markdown siblings; kept importable from here. */
export { renderMsfComparisonText } from "./msf-comparison-render";
