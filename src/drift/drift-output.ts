/**
 * Users' files are sacred: drift writes --markdown and --html only to a new file or over one drift
 * itself wrote (it carries drift's mark); anything else is refused as bad input before any work.
 */
import { existsSync, readFileSync } from "node:fs";
import { InputError } from "../errors";
import { HTML_MARK, MARKDOWN_MARK } from "./drift-render";

export function assertDriftOutputReplaceable(file: string, option: "--markdown" | "--html"): void {
  if (!existsSync(file)) return;
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    // A directory or an unreadable file: not ours either.
  }
  const mark = option === "--html" ? HTML_MARK : MARKDOWN_MARK;
  if (!text.includes(mark))
    throw new InputError(
      file,
      undefined,
      option,
      "exists and was not written by gim-conformance drift; refusing to overwrite it (name a new file)",
    );
}
