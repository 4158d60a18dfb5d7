/**
 * The Allure results folder between a run and a report: emptied before a run (allure-cucumberjs
 * only adds files, and stale results would show as retries), and touched up after it so that the
 * categories can tell provisional differences and undefined steps from nonconformance.
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors";
import { printable } from "../report/text-escape";
import { PROVISIONAL_FAILURE_PREFIX } from "./categories";

/** The files an Allure 2 results folder holds; nothing else in the folder is ever deleted. */
const RESULT_FILE =
  /(-result\.json|-container\.json|-attachment(\.\w+)?|^environment\.properties|^categories\.json|^executor\.json)$/;

export async function clearResults(resultsDir: string): Promise<void> {
  await mkdir(resultsDir, { recursive: true });
  const names = await readdir(resultsDir);
  await Promise.all(
    names
      .filter((name) => RESULT_FILE.test(name) || name === "history")
      .map((name) => rm(path.join(resultsDir, name), { recursive: true, force: true })),
  );
}

export async function resultFiles(resultsDir: string): Promise<string[]> {
  try {
    const names = await readdir(resultsDir);
    return names.filter((name) => name.endsWith("-result.json")).map((name) => path.join(resultsDir, name));
  } catch {
    return [];
  }
}

interface StatusDetails {
  message?: string;
  trace?: string;
}
interface ResultStep {
  name?: string;
  status?: string;
  statusDetails?: StatusDetails;
}
export interface AllureResult {
  name?: string;
  status?: string;
  statusDetails?: StatusDetails;
  labels?: { name: string; value: string }[];
  steps?: ResultStep[];
}

/** allure-cucumberjs's message on a step that has no definition. */
const NO_IMPLEMENTATION = "The step doesn't have an implementation.";

/**
 * Returns the result as the report should show it, or undefined when it is right as written:
 * - a provisional failure's message gets PROVISIONAL_FAILURE_PREFIX (category "Differs from hypothesis");
 * - a scenario with an undefined step becomes broken (allure-cucumberjs reports it as skipped or
 *   even passed, which would hide that the feature cannot run as written).
 * Idempotent, so `report` may apply it again to results a bare cucumber-js run wrote.
 */
export function touchUp(result: AllureResult): AllureResult | undefined {
  const provisional = result.labels?.some((l) => l.name === "provisional" && l.value === "true") ?? false;
  const undefinedStep = result.steps?.find(
    (s) => s.status === undefined && s.statusDetails?.message === NO_IMPLEMENTATION,
  );
  if (undefinedStep !== undefined && result.status !== "broken") {
    return {
      ...result,
      status: "broken",
      statusDetails: { message: `Undefined step: "${undefinedStep.name ?? "?"}" has no step definition` },
    };
  }
  const message = result.statusDetails?.message ?? "";
  if (provisional && result.status === "failed" && !message.startsWith(PROVISIONAL_FAILURE_PREFIX)) {
    return {
      ...result,
      statusDetails: { ...result.statusDetails, message: `${PROVISIONAL_FAILURE_PREFIX}${message}` },
    };
  }
  return undefined;
}

/**
 * One Allure result file's JSON. A truncated or foreign file (a run killed while writing, a file
 * copied in by hand) is bad input naming it, not a crash.
 */
export async function readResultFile(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(
      file,
      undefined,
      undefined,
      `not an Allure result: ${printable((error as Error).message)}`,
    );
  }
}

export async function touchUpResults(resultsDir: string): Promise<void> {
  for (const file of await resultFiles(resultsDir)) {
    const parsed: unknown = await readResultFile(file);
    if (typeof parsed !== "object" || parsed === null) continue;
    const changed = touchUp(parsed as AllureResult);
    if (changed !== undefined) await writeFile(file, JSON.stringify(changed));
  }
}
