/** Where the package lives and its version, whatever the working directory. */
import { readFileSync } from "node:fs";
import path from "node:path";

/** src/cli/ → the package root (cucumber.js, features/, steps/). */
export const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");

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
