/**
 * Expected and recorded mediation segments (MSFs) side by side, in the same three forms and the
 * same look as the IRF comparison (irf-comparison-render.ts): a fixed-width table for terminals
 * and assertion messages, an HTML fragment for the `<id>-msf-comparison.html` attachment, and
 * Markdown. Exactly the differing cells are marked: the queue, the descriptor (role, result or
 * reason), the role reason (always shown as recorded, marked only when the table asserts one),
 * and the linked IRF.
 */
import { formatDescriptor, UNSPECIFIED } from "../domain/descriptor";
import type { MsfExpectation, MsfRow } from "../domain/msf";
import {
  ABSENT,
  type Cell,
  NOT_STATED,
  recordedNamesNote,
  renderSideBySideHtml,
  renderSideBySideMarkdown,
  renderSideBySideText,
  roleReasonText,
  type SideBySide,
} from "./irf-comparison-render";
import type { MsfComparison, MsfComparisonLine } from "./msf-comparison";
import { printable } from "./text-escape";

const blankAsUnspecified = (value: string): string => (value.trim() === "" ? UNSPECIFIED : value);

/** `IRF2`, `none` (linked to no IRF), or NOT_STATED for an expectation that does not assert the link. */
function linkText(irf: number | null | undefined): string {
  if (irf === undefined) return NOT_STATED;
  return irf === null ? "none" : `IRF${irf}`;
}

function statusText(line: MsfComparisonLine): string {
  if (line.status === "match") return "✓ match";
  if (line.status === "mismatch") return `✗ ${line.mismatched.join(", ")}`;
  return `✗ ${line.status}`;
}

function expectedCells(e: MsfExpectation, d: Differs): Cell[] {
  return [
    { text: printable(e.resource), differs: d.queue },
    {
      text: printable(formatDescriptor({ ...e, reason: blankAsUnspecified(e.reason) })),
      differs: d.descriptor,
    },
    {
      text: e.roleReason === undefined ? NOT_STATED : printable(blankAsUnspecified(e.roleReason)),
      differs: d.roleReason,
    },
    { text: linkText(e.irf), differs: d.irf },
  ];
}

function recordedCells(a: MsfRow, d: Differs): Cell[] {
  const descriptor = formatDescriptor({ ...a, reason: blankAsUnspecified(a.reason) });
  return [
    { text: printable(a.resource), differs: d.queue },
    { text: printable(descriptor + recordedNamesNote(a, a.recordedNames)), differs: d.descriptor },
    { text: printable(roleReasonText(a.roleReason, a.recordedNames?.roleReason)), differs: d.roleReason },
    { text: linkText(a.irf), differs: d.irf },
  ];
}

interface Differs {
  queue: boolean;
  descriptor: boolean;
  roleReason: boolean;
  irf: boolean;
}

const absent = (text: string): Cell[] => [
  { text, differs: false },
  { text: "", differs: false },
  { text: "", differs: false },
  { text: "", differs: false },
];

export function msfSideBySide(c: MsfComparison): SideBySide {
  return {
    subject: "MSFs",
    ordinal: "MSF",
    columns: ["queue", "descriptor", "role reason", "IRF"],
    conforms: c.conforms,
    htmlClass: "gim-msf-comparison",
    rows: c.lines.map((line) => {
      const m = line.mismatched;
      const d: Differs = {
        queue: m.includes("resource"),
        descriptor: m.some((f) => f === "role" || f === "result" || f === "reason"),
        roleReason: m.includes("roleReason"),
        irf: m.includes("irf"),
      };
      return {
        ordinal: String(line.msf),
        expected: line.expected === undefined ? absent(ABSENT.expected) : expectedCells(line.expected, d),
        actual: line.actual === undefined ? absent(ABSENT.actual) : recordedCells(line.actual, d),
        expectedAbsent: line.expected === undefined,
        actualAbsent: line.actual === undefined,
        status: statusText(line),
        ok: line.status === "match",
      };
    }),
  };
}

/** A fixed-width side-by-side table of the MSFs, for terminals and the assertion message. */
export function renderMsfComparisonText(c: MsfComparison): string {
  return renderSideBySideText(msfSideBySide(c));
}

/** A self-contained HTML fragment (inline styles only) for the `<id>-msf-comparison.html` attachment. */
export function renderMsfComparisonHtml(c: MsfComparison): string {
  return renderSideBySideHtml(msfSideBySide(c));
}

/** A GFM table with the differing cells in bold between » «. */
export function renderMsfComparisonMarkdown(c: MsfComparison): string {
  return renderSideBySideMarkdown(msfSideBySide(c));
}
