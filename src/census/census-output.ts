/**
 * Writing `--json` and `--html`: users' files are sacred, so an existing file is replaced only
 * when a census wrote it (a census JSON, or a page carrying the census generator mark); anything
 * else is refused as bad input, before the census runs.
 */
import { writeFile } from "node:fs/promises";
import { refuseForeignFile } from "../output/output-path";

export const HTML_MARK = '<meta name="generator" content="gim-conformance census">';

/** A census JSON this tool wrote: any format version, with the census's own top-level fields. */
function isCensusJson(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return (
      typeof value === "object" &&
      value !== null &&
      "formatVersion" in value &&
      "patterns" in value &&
      "invariantBreaks" in value
    );
  } catch {
    return false;
  }
}

/** Throws InputError when `file` exists and no census wrote it (output-path.ts refuseForeignFile). */
export function assertReplaceable(file: string, option: string, kind: "json" | "html"): void {
  refuseForeignFile(file, option, kind === "html" ? HTML_MARK : isCensusJson, "gim-conformance census");
}

export async function writeOutput(file: string, text: string): Promise<void> {
  await writeFile(file, text, "utf8");
}
