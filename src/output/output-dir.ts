/**
 * Output folders the tool owns. Every folder gim-conformance creates (or adopts while empty) gets
 * a marker file naming what it holds; the tool deletes or replaces files only in a folder marked
 * for that kind, and refuses (exit 2) a folder holding files it did not create: `report --output .`
 * once replaced the whole working directory.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { InputError } from "../errors";
import { printable } from "../report/text-escape";
import { asOutputError, makeDirs, shownPath } from "./output-path";

export const OUTPUT_MARKER = ".gim-conformance-output";

export type OutputKind = "allure-results" | "allure-report" | "allure-history" | "lab-kit";

export interface OutputDirRules {
  kind: OutputKind;
  /** The option that named the folder, for messages ("--results"). */
  option: string;
  /**
   * An unmarked folder whose entries are all of these is the tool's output from before folders
   * were marked (or from a bare cucumber-js run of the same profile): adopted, not refused.
   */
  recognised?: (entries: readonly string[], dir: string) => boolean;
}

/** Whether `dir` carries the marker of `kind`. */
export function isMarked(dir: string, kind: OutputKind): boolean {
  try {
    return markerKind(readFileSync(path.join(dir, OUTPUT_MARKER), "utf8")) === kind;
  } catch {
    return false;
  }
}

export function writeMarker(dir: string, kind: OutputKind, option: string): void {
  try {
    writeFileSync(
      path.join(dir, OUTPUT_MARKER),
      `gim-conformance ${kind}\n# Written by gim-conformance: this folder is its output, replaced by its next run.\n`,
    );
  } catch (error) {
    throw asOutputError(error, dir, option);
  }
}

function markerKind(text: string): string | undefined {
  return /^gim-conformance (\S+)/.exec(text)?.[1];
}

/**
 * Makes `dir` the tool's output folder of `rules.kind`: created and marked when absent, marked
 * when empty or recognised, accepted when already marked; otherwise an InputError naming the
 * folder and one of the files that are not the tool's.
 */
export function claimOutputDir(dir: string, rules: OutputDirRules): void {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) {
      throw new InputError(shownPath(dir), undefined, undefined, `${rules.option}: is a file, not a folder`);
    }
    entries = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw asOutputError(error, dir, rules.option);
    makeDirs(dir, rules.option);
    writeMarker(dir, rules.kind, rules.option);
    return;
  }
  if (entries.includes(OUTPUT_MARKER)) {
    const kind = markerKind(readFileSync(path.join(dir, OUTPUT_MARKER), "utf8"));
    if (kind === rules.kind) return;
    throw new InputError(
      shownPath(dir),
      undefined,
      undefined,
      `${rules.option}: this folder holds gim-conformance's ${printable(kind ?? "?")} output, not ${rules.kind}; give another folder`,
    );
  }
  if (entries.length === 0 || rules.recognised?.(entries, dir) === true) {
    writeMarker(dir, rules.kind, rules.option);
    return;
  }
  const foreign = [...entries].sort()[0] ?? "?";
  throw new InputError(
    shownPath(dir),
    undefined,
    undefined,
    `${rules.option}: this folder holds files gim-conformance did not create (such as "${printable(foreign)}"), ` +
      "which it would delete or overwrite; give a new or empty folder",
  );
}

/** Whether `inner` is `outer` or inside it. */
export function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(path.resolve(outer), path.resolve(inner));
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}
