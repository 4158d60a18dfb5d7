/**
 * `run`'s look at the features before cucumber runs them: cucumber would run a Latin-1 file with
 * mangled names, a feature with no scenario as zero scenarios, and fail on a file that is not a
 * .feature with an internal error. Each of these is bad input (exit 2) named here with its file
 * and line, before any scenario runs. It also collects every scenario's @id, selected by --tags
 * or not, which the manifest's keys are checked against.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { compile } from "@cucumber/gherkin";
import { InputError } from "../errors";
import { checkFeatureRules } from "../flows/feature-rules";
import { ID_TAG_PREFIX } from "../flows/scenario-id";
import { asInputError, filesUnder } from "../input-file";
import { parseGherkin } from "../spec/gherkin-source";
import { decodeUtf8File } from "../strict-utf8";

export interface PreflightResult {
  /** Every .feature file the paths name, sorted per path. */
  files: string[];
  /** Every scenario @id in those files. */
  knownIds: Set<string>;
}

const GLOB = /[*?[{]/;

/** `paths` are absolute files, folders or globs (as `run --features` takes them); `cwd` shortens names. */
export function preflightFeatures(paths: readonly string[], cwd: string): PreflightResult {
  const files = [...new Set(paths.flatMap((p) => featureFilesOf(p, cwd)))];
  if (files.length === 0) {
    // Never hand cucumber an empty list: it would fall back to features/ in the working directory.
    throw new InputError(
      paths.map((p) => shown(p, cwd)).join(" "),
      undefined,
      "--features",
      "no .feature files found",
    );
  }
  const knownIds = new Set<string>();
  for (const file of files) {
    for (const id of checkFeature(file, shown(file, cwd))) knownIds.add(id);
  }
  return { files, knownIds };
}

function featureFilesOf(given: string, cwd: string): string[] {
  if (GLOB.test(given)) {
    // cucumber-js expands --features globs with this same package, so both read the same files.
    const { globSync }: typeof import("glob") = require("glob");
    return globSync(given, { absolute: true, nodir: true })
      .filter((f) => f.endsWith(".feature"))
      .sort();
  }
  let directory: boolean;
  try {
    directory = statSync(given).isDirectory();
  } catch (error) {
    throw asInputError(error, shown(given, cwd), { what: "feature file" });
  }
  if (directory) return filesUnder(given, ".feature", { what: "features folder" });
  if (!given.endsWith(".feature")) {
    throw new InputError(
      shown(given, cwd),
      undefined,
      "--features",
      "is not a .feature file; give feature files or folders holding them",
    );
  }
  return [given];
}

/** The @ids of one feature file, after checking its encoding, syntax and the flow rules. */
function checkFeature(file: string, uri: string): string[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw asInputError(error, uri, { what: "feature file" });
  }
  const text = decodeUtf8File(bytes, uri, "feature file");
  const { document, newId } = parseGherkin(text, uri);
  const pickles = compile(document, uri, newId);
  checkFeatureRules(document, text, uri, pickles.length);
  return pickles.flatMap((pickle) =>
    pickle.tags
      .filter((t) => t.name.startsWith(ID_TAG_PREFIX))
      .map((t) => t.name.slice(ID_TAG_PREFIX.length)),
  );
}

/** As cucumber names a feature: relative to the working directory when under it. */
function shown(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative === "" || relative.startsWith("..") ? file : relative;
}
