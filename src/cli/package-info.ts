/** Where the package lives and its version, whatever the working directory. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../package-root";

export { PACKAGE_ROOT };

export function packageVersion(name = "."): string | undefined {
  try {
    const file =
      name === "." ? path.join(PACKAGE_ROOT, "package.json") : require.resolve(`${name}/package.json`);
    const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      "version" in parsed &&
      typeof parsed.version === "string"
    ) {
      return parsed.version;
    }
  } catch {
    // An unreadable version is not worth failing a run for.
  }
  return undefined;
}
