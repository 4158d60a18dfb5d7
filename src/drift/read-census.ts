/**
 * Reading a census JSON for drift: only the fields drift uses are required, each checked so that a
 * bad file is one line naming the file and the field (exit 2), never a crash half-way.
 */
import { readFileSync } from "node:fs";
import type { CensusPattern } from "../census/census-types";
import { InputError } from "../errors";
import { printable } from "../report/text-escape";

export interface DriftCensus {
  file: string;
  interactions: number;
  window: { from: string | null; to: string | null };
  source: string;
  gimVersion: string | null;
  patterns: Pick<CensusPattern, "signature" | "flow" | "interactions" | "samples">[];
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

export function readCensusForDrift(file: string): DriftCensus {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      file,
      undefined,
      undefined,
      code === "ENOENT" ? "no such file" : `cannot be read (${code})`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, undefined, undefined, `is not JSON (${printable((error as Error).message)})`);
  }
  const bad = (field: string, problem: string): never => {
    throw new InputError(file, undefined, field, problem);
  };
  if (typeof value !== "object" || value === null || Array.isArray(value))
    bad("(top level)", "a census is a JSON object, as census --json writes it");
  const census = value as Record<string, unknown>;
  if (census.formatVersion !== 1)
    bad(
      "formatVersion",
      `must be 1 (a census --json file), not ${printable(JSON.stringify(census.formatVersion) ?? "absent")}`,
    );
  if (!isCount(census.interactions)) bad("interactions", "must be a whole number >= 0");
  if (!Array.isArray(census.patterns)) bad("patterns", "must be an array of patterns");
  const seen = new Set<string>();
  let sum = 0;
  const patterns = (census.patterns as unknown[]).map((p, i) => {
    const at = `patterns[${i}]`;
    if (typeof p !== "object" || p === null) return bad(at, "must be an object");
    const r = p as Record<string, unknown>;
    if (typeof r.signature !== "string") return bad(`${at}.signature`, "must be a string");
    if (seen.has(r.signature))
      bad(`${at}.signature`, `repeats "${printable(r.signature)}"; signatures are unique in a census`);
    seen.add(r.signature);
    if (r.flow !== null && typeof r.flow !== "string") bad(`${at}.flow`, "must be a scenario @id or null");
    if (!isCount(r.interactions)) bad(`${at}.interactions`, "must be a whole number >= 0");
    if (!Array.isArray(r.samples) || !r.samples.every((s) => typeof s === "string"))
      bad(`${at}.samples`, "must be an array of GUID strings");
    sum += r.interactions as number;
    return {
      signature: r.signature,
      flow: r.flow as string | null,
      interactions: r.interactions as number,
      samples: r.samples as string[],
    };
  });
  if (sum !== census.interactions)
    bad("interactions", `is ${census.interactions} but the patterns count ${sum}`);
  if (sum === 0) bad("interactions", "the census counts no interactions: there is no mix to compare");
  const window = (census.window ?? {}) as Record<string, unknown>;
  const source = (census.source ?? {}) as Record<string, unknown>;
  return {
    file,
    interactions: sum,
    window: {
      from: typeof window.from === "string" ? window.from : null,
      to: typeof window.to === "string" ? window.to : null,
    },
    source: typeof source.name === "string" ? source.name : "",
    gimVersion: typeof census.gimVersion === "string" ? census.gimVersion : null,
    patterns,
  };
}
