/**
 * Writing `--json` and `--html`: users' files are sacred, so an existing file is replaced only
 * when a census wrote it (a census JSON, or a page carrying the census generator mark); anything
 * else is refused as bad input, before the census runs.
 */
import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { InputError } from "../errors";

export const HTML_MARK = '<meta name="generator" content="gim-conformance census">';

function writtenByCensus(file: string, kind: "json" | "html"): boolean {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return false;
  }
  if (kind === "html") return text.includes(HTML_MARK);
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

/** Throws InputError when `file` exists and no census wrote it. */
export function assertReplaceable(file: string, option: string, kind: "json" | "html"): void {
  if (existsSync(file) && !writtenByCensus(file, kind)) {
    throw new InputError(
      file,
      undefined,
      option,
      "exists and was not written by gim-conformance census; refusing to overwrite it (name a new file)",
    );
  }
}

export async function writeOutput(file: string, text: string): Promise<void> {
  await writeFile(file, text, "utf8");
}
