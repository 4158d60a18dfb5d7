/**
 * Allure 2 draws its trend from the previous report: the report's `history/` folder must be
 * copied into the new results before generating (stack.md pitfall 4). The copy is marked as the
 * tool's, so the next `run` may remove it, and only it (src/allure/results-dir.ts).
 */
import { cp, stat } from "node:fs/promises";
import path from "node:path";
import { writeMarker } from "../output/output-dir";

/** Copies `<reportDir>/history` into `<resultsDir>/history`; returns whether there was one. */
export async function carryHistory(reportDir: string, resultsDir: string): Promise<boolean> {
  const from = path.join(reportDir, "history");
  try {
    if (!(await stat(from)).isDirectory()) return false;
  } catch {
    return false;
  }
  const to = path.join(resultsDir, "history");
  await cp(from, to, { recursive: true, force: true });
  writeMarker(to, "allure-history", "--results");
  return true;
}
