/**
 * After a run with an expectations file, the Allure results say what the gate decided, so the
 * Categories tab keeps regressions (Nonconformance), known divergences and stale expectations
 * apart (category-definitions.json matches the message prefixes written here). Provisional
 * results keep their own prefix and category: a known provisional difference is still a hypothesis.
 */
import { writeFile } from "node:fs/promises";
import type { GateReport, JudgedResult } from "../expectations/gate";
import { KNOWN_DIVERGENCE_PREFIX, STALE_EXPECTATION_PREFIX } from "./categories";
import { type AllureResult, readResultFile, resultFiles } from "./results-dir";

export { KNOWN_DIVERGENCE_PREFIX, STALE_EXPECTATION_PREFIX };

interface Located extends AllureResult {
  testCaseId?: string;
}

function idOf(result: Located): string | undefined {
  const tag = result.labels?.find((l) => l.name === "tag" && l.value.startsWith("@id:"));
  return tag?.value.slice("@id:".length) ?? result.testCaseId;
}

/** The result as the gate marks it, or undefined when the gate has nothing to add. */
export function markResult(
  result: Located,
  judged: JudgedResult | undefined,
  file: string,
): Located | undefined {
  const expectation = judged?.expectation;
  if (judged === undefined || expectation === undefined) return undefined;
  const where = expectation.line === undefined ? file : `${file}:${expectation.line}`;
  const link = expectation.link === undefined ? "" : ` ${expectation.link}`;
  const message = result.statusDetails?.message ?? "";
  if (
    judged.judgement === "known-divergence" &&
    result.status === "failed" &&
    judged.result.evidence === "verified" &&
    !message.startsWith(KNOWN_DIVERGENCE_PREFIX)
  ) {
    return {
      ...result,
      statusDetails: {
        ...result.statusDetails,
        message: `${KNOWN_DIVERGENCE_PREFIX}${expectation.reason}${link} (${where}) — ${message}`,
      },
    };
  }
  if (judged.judgement === "unexpected-pass" && !message.startsWith(STALE_EXPECTATION_PREFIX)) {
    return {
      ...result,
      statusDetails: {
        ...result.statusDetails,
        message: `${STALE_EXPECTATION_PREFIX}${where} expects ${expectation.status} (${expectation.reason}), but the scenario passed: remove the entry`,
      },
    };
  }
  return undefined;
}

export async function markGateResults(resultsDir: string, report: GateReport, file: string): Promise<void> {
  const byId = new Map(report.judged.map((j) => [j.result.id, j]));
  for (const path of await resultFiles(resultsDir)) {
    const parsed: unknown = await readResultFile(path);
    if (typeof parsed !== "object" || parsed === null) continue;
    const result = parsed as Located;
    const id = idOf(result);
    const marked = markResult(result, id === undefined ? undefined : byId.get(id), file);
    if (marked !== undefined) await writeFile(path, JSON.stringify(marked));
  }
}
