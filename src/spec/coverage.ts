/**
 * The descriptor coverage matrix: every role × result × reason combination that a feature's
 * expected table uses or the User's Guide documents, which flows exercise it, and whether only
 * provisional flows do. Deliberately not the cartesian product of the vocabulary: which
 * combinations GIM can record lives in a Guide page that could not be read (domain.md §5), so
 * listing every product as if valid would invent a spec.
 */
import { formatDescriptor, UNSPECIFIED } from "../domain/descriptor";
import type { BookFeature } from "./feature-book";

/** A descriptor the User's Guide's chat page names, and the sections that illustrate it. */
export interface DocumentedDescriptor {
  role: string;
  result: string;
  reason: string;
  sections: readonly string[];
}

const d = (role: string, result: string, reason: string, ...sections: string[]): DocumentedDescriptor => ({
  role,
  result,
  reason,
  sections,
});

/**
 * The seed's "Technical Descriptors illustrated" per flow (and section 1.6's note naming
 * ReceivedConsult). Flows 7 and 8 document none. Kept here, not derived from the features, so a
 * feature that drops a documented descriptor shows up as a gap instead of silently shrinking the list.
 */
export const SEED_DESCRIPTORS: readonly DocumentedDescriptor[] = [
  d("RoutedTo", "Completed", UNSPECIFIED, "1.1", "1.4", "1.5", "1.6"),
  d("RoutedTo", "Redirected", "Revoked", "1.2"),
  d("RoutedTo", "Transferred", UNSPECIFIED, "1.3"),
  d("ReceivedTransfer", "Completed", UNSPECIFIED, "1.3"),
  d("ReceivedTransfer", "Abandoned", "Revoked", "1.4"),
  d("InConference", "Completed", UNSPECIFIED, "1.5"),
  d("InConference", "Abandoned", "Revoked", "1.6"),
  d("ReceivedConsult", "Abandoned", "Revoked", "1.6"),
  d("Received", "CustomerAbandoned", "AbandonedWhileQueued", "1.9"),
  d("Puller", "CustomerAbandoned", UNSPECIFIED, "1.10"),
  d("RoutedTo", "CustomerAbandoned", "AbandonedWhileRinging", "1.11"),
];

export interface CoverageUse {
  flow: number | undefined;
  scenarioId: string;
  provisional: boolean;
}

export type CoverageState = "verified" | "provisional only" | "not covered";

export interface CoverageEntry {
  role: string;
  result: string;
  reason: string;
  /** `Role/Result [Reason]`, the Guide's way. */
  descriptor: string;
  /** Seed sections naming it; empty when only a feature uses it. */
  documentedIn: readonly string[];
  uses: CoverageUse[];
  /** "verified" when a verified flow exercises it; "provisional only" when only hypotheses do. */
  state: CoverageState;
}

const keyOf = (role: string, result: string, reason: string) => `${role}\u0000${result}\u0000${reason}`;

/** Documented descriptors first (in the seed's order), then ones only features use, by name. */
export function buildCoverage(
  features: readonly BookFeature[],
  documented: readonly DocumentedDescriptor[] = SEED_DESCRIPTORS,
): CoverageEntry[] {
  const entries = new Map<string, CoverageEntry>();
  const entry = (role: string, result: string, reason: string): CoverageEntry => {
    const key = keyOf(role, result, reason);
    let e = entries.get(key);
    if (e === undefined) {
      e = {
        role,
        result,
        reason,
        descriptor: formatDescriptor({ role, result, reason }),
        documentedIn: [],
        uses: [],
        state: "not covered",
      };
      entries.set(key, e);
    }
    return e;
  };
  for (const doc of documented) entry(doc.role, doc.result, doc.reason).documentedIn = doc.sections;
  const featureOnly: CoverageEntry[] = [];
  for (const feature of features) {
    for (const scenario of feature.scenarios) {
      for (const row of scenario.expected) {
        const known = entries.has(keyOf(row.role, row.result, row.reason));
        const e = entry(row.role, row.result, row.reason);
        if (!known && e.documentedIn.length === 0) featureOnly.push(e);
        if (e.uses.some((u) => u.scenarioId === scenario.id)) continue;
        e.uses.push({ flow: feature.flow, scenarioId: scenario.id, provisional: scenario.provisional });
      }
    }
  }
  for (const e of entries.values()) {
    e.state =
      e.uses.length === 0
        ? "not covered"
        : e.uses.some((u) => !u.provisional)
          ? "verified"
          : "provisional only";
  }
  const documentedEntries = documented.map((doc) => entries.get(keyOf(doc.role, doc.result, doc.reason)));
  const rest = featureOnly.sort((a, b) => a.descriptor.localeCompare(b.descriptor));
  return [...new Set([...documentedEntries, ...rest])].filter((e): e is CoverageEntry => e !== undefined);
}

/** Flows as "1, 4, 6 (2 scenarios)"-free plain numbers, de-duplicated, in order. */
export function flowsOf(entry: CoverageEntry): number[] {
  const flows = entry.uses.map((u) => u.flow).filter((f): f is number => f !== undefined);
  return [...new Set(flows)].sort((a, b) => a - b);
}

/** RFC 4180 CSV: one row per combination, with the flows and scenarios that exercise it. */
/** The CSV's columns; its header line is also how an existing coverage.csv is known as ours. */
const COVERAGE_COLUMNS = [
  "resource_role",
  "technical_result",
  "result_reason",
  "descriptor",
  "documented_in_sections",
  "flows",
  "verified_scenarios",
  "provisional_scenarios",
  "coverage",
] as const;
export const COVERAGE_CSV_MARK = COVERAGE_COLUMNS.join(",");

export function coverageCsv(entries: readonly CoverageEntry[]): string {
  const header = [...COVERAGE_COLUMNS];
  const rows = entries.map((e) => [
    e.role,
    e.result,
    e.reason,
    e.descriptor,
    e.documentedIn.join(" "),
    flowsOf(e).join(" "),
    e.uses
      .filter((u) => !u.provisional)
      .map((u) => u.scenarioId)
      .join(" "),
    e.uses
      .filter((u) => u.provisional)
      .map((u) => u.scenarioId)
      .join(" "),
    e.state,
  ]);
  return `${[header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

function csvCell(value: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet; names here never start so, but resources are user input.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
