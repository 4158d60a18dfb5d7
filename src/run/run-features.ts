/**
 * Runs the features through cucumber-js's JavaScript API with the package's cucumber.js profile,
 * then overrides what must not depend on the working directory: the bundled step definitions,
 * the features to run, the Allure results folder and the system under test (world parameters).
 * The one module of src/ that loads cucumber: everything it decides from the run lives in the
 * cucumber-free message-collector and summary modules.
 */
import path from "node:path";
import { Writable } from "node:stream";
import type { IRunConfiguration } from "@cucumber/cucumber/api";
import { FORMATTER_LOG } from "../allure/results-dir";
import { HarnessError, InputError } from "../errors";
import { CODE_ROOT, COMPILED, PACKAGE_ROOT } from "../package-root";
import type { SutOptions } from "../sut/system-under-test";
import { type RunProblem, ScenarioCollector } from "./message-collector";
import { installNativeMatchIndices } from "./native-match-indices";
import type { ScenarioResult } from "./scenario-result";

export const ALLURE_FORMATTER = "allure-cucumberjs/reporter";

/**
 * Cucumber always starts a stdout formatter, and `run` discards its stdout (its own progress lines
 * and summary replace it). The profile's "progress" would still build a summary nobody reads, and
 * its first duration format initialises luxon's Intl locale: about 0.05 s of an 0.9 s run. "rerun"
 * writes only the failed scenarios' lines, into the same discard.
 */
export const DISCARDED_STDOUT_FORMATTER = "rerun";

/**
 * Cucumber's formatters that never show an attachment. When the run writes no Allure results and
 * every file formatter of the profile is one of these, the steps' evidence (the SVG comparisons
 * and timelines) would be drawn for nobody: the steps skip it (world parameter `evidence`).
 */
const ATTACHMENT_BLIND_FORMATTERS: ReadonlySet<string> = new Set([
  "junit",
  "progress",
  "progress-bar",
  "rerun",
  "snippets",
  "summary",
  "usage",
  "usage-json",
]);

export interface FeatureRunOptions {
  /** The package root: cucumber.js is found here (the steps: bundledSteps()). */
  packageRoot: string;
  /** The cucumber.js profile ("default", or "ci" for JUnit and message files). */
  profile: string;
  /** Absolute feature files or folders: literal paths (run's preflight expands the user's globs). */
  features: readonly string[];
  tags: string | undefined;
  sut: SutOptions;
  /** Whether a provisional scenario that differs from its hypothesis fails (summary.ts SummaryPolicy). */
  strictProvisional: boolean;
  allure:
    | {
        resultsDir: string;
        environmentInfo: Record<string, string>;
      }
    | undefined;
  /** Where relative formatter targets (reports/…) resolve. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Cucumber's logger (warnings, parse errors) writes here. */
  stderr: Writable;
  onScenario: (result: ScenarioResult) => void;
  /**
   * Called with the absolute paths the profile's file formatters will write (junit.xml, …) before
   * cucumber starts, so that the caller can lock their folders against a concurrent run.
   */
  beforeRun?: (formatterFiles: readonly string[]) => void;
}

export interface FeatureRunResult {
  results: ScenarioResult[];
  problems: RunProblem[];
  /** Every `@id` in the features, selected or not. */
  knownIds: ReadonlySet<string>;
}

export async function runFeatures(options: FeatureRunOptions): Promise<FeatureRunResult> {
  // Before cucumber (and its cucumber-expressions) loads: native-match-indices.ts says why.
  installNativeMatchIndices();
  const { loadConfiguration, runCucumber } = await import("@cucumber/cucumber/api");
  const environment = { cwd: options.cwd, env: options.env, stdout: discard(), stderr: options.stderr };
  let loaded: IRunConfiguration;
  try {
    const provided = options.tags === undefined ? {} : { tags: options.tags };
    // Cucumber joins the working directory and this path even when it is absolute: give it relative.
    const configFile = path.relative(options.cwd, path.join(options.packageRoot, "cucumber.js"));
    ({ runConfiguration: loaded } = await loadConfiguration(
      { file: configFile, profiles: [options.profile], provided },
      environment,
    ));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/profile/i.test(message)) throw new InputError("--profile", undefined, undefined, message);
    if (/tag expression/i.test(message)) throw new InputError("--tags", undefined, undefined, message);
    throw new HarnessError(`cannot load cucumber.js: ${message}`, { cause: error });
  }
  const collector = new ScenarioCollector(options.onScenario);
  const configuration = configure(loaded, options);
  options.beforeRun?.(
    Object.entries(configuration.formats.files)
      .filter(([, formatter]) => formatter !== ALLURE_FORMATTER)
      .map(([target]) => path.resolve(options.cwd, target)),
  );
  await runCucumber(configuration, environment, (envelope) => collector.accept(envelope));
  return { results: collector.results, problems: collector.problems, knownIds: collector.knownIds };
}

/** The profile's run configuration with the overrides of this run; exported for tests. */
export function configure(loaded: IRunConfiguration, options: FeatureRunOptions): IRunConfiguration {
  const files: Record<string, string> = {};
  for (const [target, formatter] of Object.entries(loaded.formats.files)) {
    if (formatter !== ALLURE_FORMATTER) files[target] = formatter;
  }
  const formatOptions = { ...loaded.formats.options };
  if (options.allure !== undefined) {
    // A file target, or cucumber drops the other stdout formatter (stack.md pitfall 2).
    // Inside the results folder: nothing may be written beside the paths the user gave.
    files[path.join(options.allure.resultsDir, FORMATTER_LOG)] = ALLURE_FORMATTER;
    formatOptions.resultsDir = options.allure.resultsDir;
    formatOptions.environmentInfo = options.allure.environmentInfo;
  }
  const allure = options.allure !== undefined;
  const evidence =
    allure || Object.values(files).some((formatter) => !ATTACHMENT_BLIND_FORMATTERS.has(formatter));
  return {
    ...loaded,
    // Cucumber globs every path again: a literal one with glob characters ("set[1]/a.feature")
    // would match nothing and its scenarios silently not run. Escaped in cucumber's own glob
    // syntax (it passes windowsPathsNoEscape, so brackets, not backslashes, escape).
    sources: { ...loaded.sources, paths: options.features.map(literalGlob) },
    support: {
      ...loaded.support,
      // The bundled steps in the same form as this code: compiled JavaScript under dist/ (no
      // TypeScript compiler loaded), or, running from the sources, the .ts files through the
      // ts-node that bin/gim-conformance.js registered already (a second registration would
      // compile twice). Never the profile's requireModule ts-node/register, which is for a bare
      // `npx cucumber-js` on the sources.
      requireModules: [],
      requirePaths: [bundledSteps(allure)],
      importPaths: [],
    },
    runtime: {
      ...loaded.runtime,
      strict: true,
      worldParameters: {
        ...loaded.runtime.worldParameters,
        ...worldParameters(options.sut),
        strictProvisional: options.strictProvisional,
        allure,
        evidence,
      },
    },
    // Our own progress lines and summary replace the profile's stdout formatter.
    formats: { ...loaded.formats, stdout: DISCARDED_STDOUT_FORMATTER, files, options: formatOptions },
  };
}

/**
 * The glob of the bundled step definitions, in the form this module itself was loaded in: all of
 * them, or, for a run that writes no Allure results, all but the Allure hooks
 * (steps/support/allure.ts), which would load allure-cucumberjs and allure-js-commons (about 30
 * modules) to send labels nowhere. One pattern (extglob), not a list: cucumber globs each path.
 */
export function bundledSteps(allure: boolean): string {
  const ext = COMPILED ? "js" : "ts";
  const steps = literalGlob(path.join(COMPILED ? CODE_ROOT : PACKAGE_ROOT, "steps"));
  return allure ? `${steps}/**/*.${ext}` : `${steps}/**/!(allure).${ext}`;
}

/** `file` as a glob pattern matching just itself, in the syntax cucumber-js globs with. */
function literalGlob(file: string): string {
  // cucumber-js's own glob package, resolved from cucumber's folder, so the escape is in the
  // dialect of the version that will read it.
  const glob: typeof import("glob") = require(
    require.resolve("glob", { paths: [path.dirname(require.resolve("@cucumber/cucumber"))] }),
  );
  return glob.escape(file, { windowsPathsNoEscape: true });
}

/** SutOptions as JSON (world parameters cannot carry undefined). */
function worldParameters(sut: SutOptions): Record<string, string> {
  const parameters: Record<string, string> = { sut: sut.sut };
  if (sut.exportFile !== undefined) parameters.exportFile = sut.exportFile;
  if (sut.msfExportFile !== undefined) parameters.msfExportFile = sut.msfExportFile;
  if (sut.manifest !== undefined) parameters.manifest = sut.manifest;
  if (sut.db !== undefined) parameters.db = sut.db;
  return parameters;
}

function discard(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}
