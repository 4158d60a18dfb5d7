/**
 * Users' files are sacred: drift writes --markdown and --html only to a new file or over one drift
 * itself wrote (it carries drift's mark); anything else is refused as bad input before any work.
 */
import { refuseForeignFile } from "../output/output-path";
import { HTML_MARK, MARKDOWN_MARK } from "./drift-render";

export function assertDriftOutputReplaceable(file: string, option: "--markdown" | "--html"): void {
  refuseForeignFile(file, option, option === "--html" ? HTML_MARK : MARKDOWN_MARK, "gim-conformance drift");
}
