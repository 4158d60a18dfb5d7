/**
 * A census pattern as the census query spells it (PATTERN_CODES, sql/census-postgresql.sql): the
 * interaction's records separated by `;`, each `KIND|TYPE|N|ROLE|RESULT|REASON|ROLE_REASON|LINK`
 * in GIM's codes. Parsed into records, and spelled back as the readable signature of
 * census-types.ts (names from the vocabulary, by code, as `run` reads a real Info Mart).
 */
import { UNSPECIFIED } from "../domain/descriptor";
import type { Vocabulary } from "../domain/vocabulary";

export interface PatternRecord {
  kind: "IRF" | "MSF";
  /** RESOURCE_TYPE_CODE, upper-cased (`?` when the resource key was dangling). */
  typeCode: string;
  /**
   * The resource's rank among the interaction's resources of that type, by first appearance.
   * The query's N may be any number naming the resource (the PostgreSQL query gives the position
   * of its first record); parsePatternCodes renumbers it into this rank.
   */
  rank: number;
  /** Codes, upper-cased; reasons UNSPECIFIED when GIM wrote none. */
  role: string;
  result: string;
  reason: string;
  roleReason: string;
  /** For an MSF: the position (1-based) of the IRF it is linked to; null when none. */
  link: number | null;
}

export interface ParsedPattern {
  irfs: PatternRecord[];
  msfs: PatternRecord[];
}

/** Why a PATTERN_CODES text cannot be read (the caller names file, line and field). */
export class PatternSyntaxError extends Error {}

const UNSPECIFIED_CODE = UNSPECIFIED.toUpperCase();

export function parsePatternCodes(codes: string): ParsedPattern {
  const pattern: ParsedPattern = { irfs: [], msfs: [] };
  if (codes.trim() === "") return pattern;
  codes.split(";").forEach((text, index) => {
    const fields = text.split("|");
    const where = `record ${index + 1}`;
    if (fields.length !== 8) {
      throw new PatternSyntaxError(
        `${where} has ${fields.length} fields, expected 8 (KIND|TYPE|N|ROLE|RESULT|REASON|ROLE_REASON|LINK)`,
      );
    }
    const [kind, type, rank, role, result, reason, roleReason, link] = fields.map((f) => f.trim()) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (kind !== "I" && kind !== "M")
      throw new PatternSyntaxError(`${where}: KIND must be I or M, not "${kind}"`);
    if (!/^[1-9]\d*$/.test(rank))
      throw new PatternSyntaxError(`${where}: N must be a positive whole number, not "${rank}"`);
    if (role === "" || result === "")
      throw new PatternSyntaxError(`${where}: ROLE and RESULT codes are required`);
    if (link !== "" && !/^[1-9]\d*$/.test(link)) {
      throw new PatternSyntaxError(`${where}: LINK must be empty or an IRF position, not "${link}"`);
    }
    const record: PatternRecord = {
      kind: kind === "I" ? "IRF" : "MSF",
      typeCode: type === "" ? "?" : type.toUpperCase(),
      rank: Number(rank),
      role: role.toUpperCase(),
      result: result.toUpperCase(),
      reason: reason === "" ? UNSPECIFIED_CODE : reason.toUpperCase(),
      roleReason: roleReason === "" ? UNSPECIFIED_CODE : roleReason.toUpperCase(),
      link: kind === "M" && link !== "" ? Number(link) : null,
    };
    if (record.kind === "IRF") {
      if (pattern.msfs.length > 0) throw new PatternSyntaxError(`${where}: an IRF after the MSFs`);
      pattern.irfs.push(record);
    } else {
      pattern.msfs.push(record);
    }
  });
  renumberByFirstAppearance([...pattern.irfs, ...pattern.msfs]);
  return pattern;
}

/**
 * N as a rank: within each resource type, the resources numbered 1, 2, … in the order of their
 * first records. A pattern whose N already is that rank (sql/census-sqlserver.sql, an export of
 * it) is left as it is; one whose N is the position of the first record (census-postgresql.sql)
 * becomes the same pattern, so both read alike and group together.
 */
function renumberByFirstAppearance(records: PatternRecord[]): void {
  const ranks = new Map<string, Map<number, number>>();
  for (const record of records) {
    let ofType = ranks.get(record.typeCode);
    if (ofType === undefined) {
      ofType = new Map();
      ranks.set(record.typeCode, ofType);
    }
    let rank = ofType.get(record.rank);
    if (rank === undefined) {
      rank = ofType.size + 1;
      ofType.set(record.rank, rank);
    }
    record.rank = rank;
  }
}

/** The readable label of a RESOURCE_TYPE_CODE in signatures: the harness's names for the known ones. */
const TYPE_LABELS: Readonly<Record<string, string>> = {
  AGENT: "Agent",
  QUEUE: "Queue",
  ROUTINGPOINT: "Strategy",
};

export function typeLabel(typeCode: string): string {
  return TYPE_LABELS[typeCode] ?? typeCode;
}

/** `Agent2 ReceivedTransfer/Abandoned [Revoked]`, an MSF with ` @IRF1`. */
export function recordSignature(record: PatternRecord, vocabulary: Vocabulary): string {
  const name = (column: "role" | "result" | "reason" | "roleReason", code: string) =>
    vocabulary.nameOfCode(column, code) ?? code;
  let text = `${typeLabel(record.typeCode)}${record.rank} ${name("role", record.role)}/${name("result", record.result)}`;
  if (record.reason !== UNSPECIFIED_CODE) text += ` [${name("reason", record.reason)}]`;
  if (record.roleReason !== UNSPECIFIED_CODE) text += ` {${name("roleReason", record.roleReason)}}`;
  if (record.kind === "MSF") text += record.link === null ? " @-" : ` @IRF${record.link}`;
  return text;
}

/** The readable signature of census-types.ts; `(no IRFs)` for an interaction without any record. */
export function patternSignature(pattern: ParsedPattern, vocabulary: Vocabulary): string {
  const irfs = pattern.irfs.map((r) => recordSignature(r, vocabulary)).join(" > ");
  const msfs = pattern.msfs.map((r) => recordSignature(r, vocabulary)).join(", ");
  if (msfs === "") return irfs === "" ? "(no IRFs)" : irfs;
  return `${irfs === "" ? "(no IRFs)" : irfs} | ${msfs}`;
}
