/**
 * Allure 2 draws its trend from the previous report: the report's `history/` folder must be
 * copied into the new results before generating (stack.md pitfall 4).
 */
import { cp, stat } from "node:fs/promises";
import path from "node:path";

/** Copies `<reportDir>/history` into `<resultsDir>/history`; returns whether there was one. */
export async function carryHistory(reportDir: string, resultsDir: string): Promise<boolean> {
  const from = path.join(reportDir, "history");
  try {
    if (!(await stat(from)).isDirectory()) return false;
  } catch {
    return false;
  }
  await cp(from, path.join(resultsDir, "history"), { recursive: true, force: true });
  return true;
}
