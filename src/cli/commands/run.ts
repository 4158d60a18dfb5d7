/**
 * `run`: execute the flows against a system under test, print a line per scenario as it
 * finishes (stderr) and a per-flow summary (stdout), write Allure results, and exit with the
 * verdict: 0 conformant, 1 nonconformant, 2 bad input, 3 harness error (see src/run/summary.ts).
 */
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Command, Option } from "commander";
import { EXIT, InputError } from "../../errors";
import type { ExpectationsFile } from "../../expectations/expectation";
import type { GateReport } from "../../expectations/gate";
import type { RunLocks } from "../../output/run-lock";
import { printable } from "../../report/text-escape";
import type { ScenarioResult } from "../../run/scenario-result";
import { plural, type SummaryPolicy, summarize, type Verdict, verdict } from "../../run/summary";
import { detailLines, progressLine, summaryTable, totalsLine } from "../../run/summary-render";
import { SUT_KINDS, type SutDescription, type SutKind, type SutOptions } from "../../sut/system-under-test";
import type { CliContext } from "../context";
import { PACKAGE_ROOT, packageVersion } from "../package-info";
import { redactSecrets } from "../redact";

interface RunFlags {
  tags?: string;
  sut: SutKind;
  export?: string;
  msfExport?: string;
  manifest?: string;
  db?: string;
  features?: string[];
  results: string;
  allure: boolean;
  profile: string;
  strictProvisional?: boolean;
  vocabulary?: string;
  gimConfig?: string;
  snapshot?: string;
  expectations?: string;
  updateExpectations?: boolean;
  failOnStale?: boolean;
  junit?: string;
}

export const DEFAULT_RESULTS = "reports/allure-results";

export function registerRun(program: Command, context: CliContext): void {
  program
    .command("run")
    .description("run the flows against a system under test; print a per-flow summary; write Allure results")
    .option("--tags <expression>", 'cucumber tag expression selecting scenarios, e.g. "@flow-3 or @flow-4"')
    .addOption(
      new Option("--sut <kind>", "system under test")
        .choices([...SUT_KINDS])
        .default("reference" satisfies SutKind),
    )
    .option("--export <file>", "with --sut export: CSV or JSON Lines export of IRF rows (GIM column names)")
    .option(
      "--msf-export <file>",
      "with --sut export: CSV or JSON Lines export of MSF rows (sql/msf-descriptors.sql)",
    )
    .option("--manifest <file>", "with --sut export|postgres: scenario @id -> production interaction id")
    .option("--db <url>", "with --sut postgres: connection URL (default: $GIM_DATABASE_URL; never printed)")
    .option("--features <paths...>", "feature files, directories or globs (default: the bundled features/)")
    .option("--results <dir>", "Allure results folder (emptied first)", DEFAULT_RESULTS)
    .option("--no-allure", "write no Allure results")
    .option(
      "--vocabulary <file>",
      "JSON file of descriptor names to add to the vocabulary (default: ./vocabulary.json when present)",
    )
    .option(
      "--gim-config <file>",
      "YAML of the GIM and Chat Server options the Info Mart ran with (default: ./gim-config.yaml, else the lab kit's settings)",
    )
    .option(
      "--profile <name>",
      'cucumber.js profile; "ci" adds reports/junit.xml, reports/cucumber-messages.ndjson and cucumber\'s one-file HTML report reports/cucumber-report.html',
      "default",
    )
    .option(
      "--strict-provisional",
      "provisional scenarios must match their hypothesis too (the project's own tests)",
    )
    .option("--snapshot <file>", "write the run's results and recorded IRF rows as a versioned JSON snapshot")
    .option(
      "--expectations <file>",
      "YAML of known divergences (expected fail/skip per @id): only unexpected results fail the run",
    )
    .option(
      "--update-expectations",
      "rewrite the --expectations file so that this run's results are expected",
    )
    .option(
      "--junit <file>",
      "JUnit XML as the gate sees it: a test case per scenario named by flow and @id (replaces --profile ci's)",
    )
    .option(
      "--fail-on-stale",
      "with --expectations: an unexpected pass (stale expectation) fails the run too",
    )
    .addHelpText(
      "after",
      "\nProvisional scenarios (@provisional) encode unverified hypotheses: they are counted apart and,\n" +
        "unless --strict-provisional, a difference from the hypothesis does not fail the run. Scenarios the\n" +
        "system under test cannot answer are reported as not run, never as passed.\n" +
        "Exit codes: 0 every verified scenario conformed, 1 nonconformant, 2 bad input (undefined step,\n" +
        "bad option or file, nothing selected), 3 harness or environment error.",
    )
    .action(async (flags: RunFlags) => {
      context.setExitCode(await run(flags, context));
    });
}

async function run(flags: RunFlags, context: CliContext) {
  // Loaded here, not at the top, so that --version, validate and classify never load YAML, ajv or
  // Allure's code (TEAM-RULES 8; issue 14).
  const { claimResultsDir, clearResults, resultFiles } = await import("../../allure/results-dir");
  const { loadVocabulary, VOCABULARY_ENV } = await import("../../domain/vocabulary-file");
  const { describeGimConfig } = await import("../../gimconfig/gim-config");
  const { GIM_CONFIG_ENV, gimConfigFile, loadGimConfig } = await import("../../gimconfig/gim-config-file");
  const { RunLocks } = await import("../../output/run-lock");
  const { writeRunRecord } = await import("../../output/run-record");
  const cwd = process.cwd();
  const sutOptions = sutOptionsFrom(flags, context.env, cwd);
  if (flags.vocabulary !== undefined) {
    // The steps run in this process and read it from there (src/domain/vocabulary-file.ts).
    const file = checkedPath(flags.vocabulary, cwd, "--vocabulary");
    loadVocabulary(file); // a bad file is bad input before any scenario runs
    process.env[VOCABULARY_ENV] = file;
  }
  if (flags.gimConfig !== undefined) {
    // Like the vocabulary: the steps run in this process and read it from there.
    process.env[GIM_CONFIG_ENV] = checkedPath(flags.gimConfig, cwd, "--gim-config");
  }
  // Read before running: a malformed file is bad input before any scenario runs.
  const gimConfig = loadGimConfig(gimConfigFile());
  const gimConfigShown = {
    file: path.relative(cwd, gimConfig.file) || gimConfig.file,
    options: describeGimConfig(gimConfig.config),
  };
  if ((flags.updateExpectations || flags.failOnStale) && flags.expectations === undefined) {
    const option = flags.updateExpectations ? "--update-expectations" : "--fail-on-stale";
    throw new InputError(option, undefined, undefined, "needs --expectations FILE");
  }
  const expectationsPath =
    flags.expectations === undefined ? undefined : path.resolve(cwd, flags.expectations);
  // Read before running: a malformed file is bad input before any scenario runs (unless it is rewritten).
  const expectations =
    expectationsPath === undefined || (flags.updateExpectations && !existsSync(expectationsPath))
      ? undefined
      : // Loaded only now: it loads the YAML parser, which a run without --expectations never needs.
        (await import("../../expectations/expectations-file")).readExpectations(expectationsPath);
  const features = (flags.features ?? [path.join(PACKAGE_ROOT, "features")]).map((p) => checkedPath(p, cwd));
  if (flags.tags !== undefined) await checkTagExpression(flags.tags);
  // Before cucumber: a feature it would run wrongly (Latin-1, no scenario, no evidence tag) is bad input.
  const { preflightFeatures } = await import("../../run/feature-preflight");
  // cucumber is given the files checked here, not the folders: it would take a folder whose name
  // has a dot (mkdtemp's tmp.XXXX) for a file and fail with EISDIR.
  const { files: featureFiles, knownIds: featureIds } = preflightFeatures(features, cwd);
  if (sutOptions.sut !== "reference" && sutOptions.manifest !== undefined) {
    // A manifest key that is no scenario's @id would leave that scenario "not run" and the run green.
    const { LabManifest } = await import("../../sut/lab-manifest");
    LabManifest.read(sutOptions.manifest).checkIds(featureIds);
  }
  const description = await describeSut(sutOptions);
  const policy: SummaryPolicy = { strictProvisional: flags.strictProvisional === true };
  const resultsDir = path.resolve(cwd, flags.results);

  const locks = new RunLocks();
  const started = new Date().toISOString();
  // Only a run that wrote its own "running" record may mark it stopped: a run refused the folder
  // (foreign files, another run's lock) must leave it untouched.
  let recording = false;
  try {
    if (flags.allure) {
      // Claimed before the lock goes in (a lock file would make a fresh folder look foreign),
      // cleared only once the lock is held.
      claimResultsDir(resultsDir);
      locks.acquire(resultsDir, "--results");
      await clearResults(resultsDir);
      writeRunRecord(resultsDir, { state: "running", pid: process.pid, started });
      recording = true;
    }
    const code = await runLocked(flags, context, {
      cwd,
      sutOptions,
      description,
      policy,
      resultsDir,
      // cucumber is given the files preflight checked, not the folders (see above).
      features: featureFiles,
      gimConfigShown,
      gimConfig,
      expectationsPath,
      expectations,
      locks,
    });
    if (recording) {
      const results = (await resultFiles(resultsDir)).length;
      writeRunRecord(resultsDir, {
        state: "complete",
        pid: process.pid,
        started,
        finished: new Date().toISOString(),
        results,
      });
    }
    return code;
  } catch (error) {
    if (recording) {
      try {
        writeRunRecord(resultsDir, { state: "stopped", pid: process.pid, started });
      } catch {
        // the folder itself is the problem; the error below says so
      }
    }
    throw error;
  } finally {
    locks.release();
    // The steps' AfterAll closes it too; this covers a run that stopped before cucumber did.
    const { closeSharedSuts } = await import("../../sut/shared-sut");
    await closeSharedSuts();
  }
}

interface Prepared {
  cwd: string;
  sutOptions: SutOptions;
  description: SutDescription;
  policy: SummaryPolicy;
  resultsDir: string;
  features: string[];
  gimConfigShown: { file: string; options: Record<string, string> };
  gimConfig: { file: string };
  expectationsPath: string | undefined;
  expectations: ExpectationsFile | undefined;
  locks: RunLocks;
}

async function runLocked(flags: RunFlags, context: CliContext, prepared: Prepared) {
  const { cwd, sutOptions, description, policy, resultsDir, features, gimConfigShown, gimConfig } = prepared;
  const { expectationsPath, expectations } = prepared;
  // Loaded here, not at the top: cucumber costs a third of a second that validate and classify need not pay.
  const { runFeatures } = await import("../../run/run-features");
  const { environmentInfo } = await import("../../allure/environment");
  const { writeExecutor } = await import("../../allure/executor");
  const { touchUpResults } = await import("../../allure/results-dir");
  const { CLASSIFIER_VERSION } = await import("../../classifier/classify");
  const { judge } = await import("../../expectations/gate");
  const { asOutputError, refuseForeignFile, writeOutputFile, writeOwnOutputFile } = await import(
    "../../output/output-path"
  );
  const { JUNIT_MARK, renderJunit } = await import("../../report/junit-xml");
  const { buildSnapshot, isSnapshotText, writeSnapshot } = await import("../../snapshot/snapshot");
  // Before the scenarios run: a user's file given as --junit or --snapshot is refused, not replaced.
  const junitFile = flags.junit === undefined ? undefined : path.resolve(cwd, flags.junit);
  // The profile's own formatters (the ci profile's reports/junit.xml) write during the run: a
  // --junit naming one of them replaces what this run's cucumber wrote there, which is no user's.
  let profileFiles: readonly string[] = [];
  if (junitFile !== undefined) refuseForeignFile(junitFile, "--junit", JUNIT_MARK);
  if (flags.snapshot !== undefined)
    refuseForeignFile(path.resolve(cwd, flags.snapshot), "--snapshot", isSnapshotText);
  context.stderr.write(`gim-conformance run — system under test: ${description.name}\n`);
  context.stderr.write(
    `GIM configuration (${gimConfigShown.file.startsWith("..") ? gimConfig.file : gimConfigShown.file}): ${Object.entries(
      gimConfigShown.options,
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}\n`,
  );
  const debug = context.env.GIM_DEBUG === "1";
  const { results, problems, knownIds } = await runFeatures({
    packageRoot: PACKAGE_ROOT,
    profile: flags.profile,
    features,
    tags: flags.tags,
    sut: sutOptions,
    strictProvisional: policy.strictProvisional,
    allure: flags.allure
      ? {
          resultsDir,
          environmentInfo: environmentInfo({
            sut: { ...description, name: redactSecrets(description.name) },
            classifierVersion: CLASSIFIER_VERSION,
            harnessVersion: packageVersion() ?? "unknown",
            nodeVersion: process.version,
            cucumberVersion: packageVersion("@cucumber/cucumber"),
            gimConfig: gimConfigShown,
          }),
        }
      : undefined,
    cwd,
    env: context.env,
    stderr: context.stderr,
    onScenario: (result) => {
      // Each line escaped: a detail quotes recorded names and input, which may hold control characters.
      const lines = [progressLine(result, policy), ...detailLines(result, debug)];
      context.stderr.write(`${lines.map((l) => printable(redactSecrets(l))).join("\n")}\n`);
    },
    beforeRun: (files) => {
      profileFiles = files;
      for (const file of files) prepared.locks.acquire(path.dirname(file), `--profile ${flags.profile}`);
    },
  });
  for (const problem of problems) context.stderr.write(`${printable(redactSecrets(problem.message))}\n`);
  if (flags.allure) {
    await touchUpResults(resultsDir);
    await writeExecutor(resultsDir, context.env);
  }

  const summary = summarize(results, problems, policy);
  context.stdout.write(
    `\n${summaryTable(summary)}\n\n${totalsLine(summary.totals, description.name, policy)}\n`,
  );
  if (flags.snapshot !== undefined) {
    const file = path.resolve(cwd, flags.snapshot);
    const snapshot = buildSnapshot(results, {
      sut: { ...description, name: redactSecrets(description.name) },
      harnessVersion: packageVersion() ?? "unknown",
      classifierVersion: CLASSIFIER_VERSION,
      gimConfig: gimConfigShown.options,
    });
    refuseForeignFile(file, "--snapshot", isSnapshotText);
    await writeSnapshot(file, snapshot).catch((error: unknown) => {
      throw asOutputError(error, file, "--snapshot");
    });
    const relative = path.relative(cwd, file);
    context.stderr.write(`snapshot written to ${relative.startsWith("..") ? file : relative}\n`);
  }
  let { code, reason } = verdict(summary);
  let gateReport: GateReport | undefined;
  if (expectationsPath !== undefined) {
    ({
      verdict: { code, reason },
      report: gateReport,
    } = await gateVerdict({ code, reason }, results, knownIds, policy, {
      file: expectationsPath,
      shown: flags.expectations ?? expectationsPath,
      current: expectations,
      update: flags.updateExpectations === true,
      failOnStale: flags.failOnStale === true,
      sutName: redactSecrets(description.name),
      stderr: context.stderr,
      allureResults: flags.allure ? resultsDir : undefined,
    }));
  }
  if (flags.junit !== undefined) {
    const file = path.resolve(cwd, flags.junit);
    const junit = renderJunit(gateReport ?? judge(results, undefined, policy), {
      suiteName: `gim-conformance: ${redactSecrets(description.name)}`,
      failOnStale: flags.failOnStale === true,
      expectationsFile: flags.expectations,
    });
    if (profileFiles.includes(file)) writeOutputFile(file, junit, "--junit");
    else writeOwnOutputFile(file, junit, "--junit", JUNIT_MARK);
  }
  if (reason !== undefined) context.stderr.write(`${reason}\n`);
  if (flags.allure) {
    const shown = path.relative(cwd, resultsDir) || ".";
    // The hint must build the report from these results: name the folder unless it is the default.
    const resultsOption =
      resultsDir === path.resolve(cwd, DEFAULT_RESULTS) ? "" : ` --results ${shellWord(shown)}`;
    context.stderr.write(
      `Allure results in ${shown}; build the report with: gim-conformance report${resultsOption}\n`,
    );
  }
  return code;
}

interface GateOptions {
  file: string;
  /** As the user typed it, for messages. */
  shown: string;
  current: ExpectationsFile | undefined;
  update: boolean;
  failOnStale: boolean;
  sutName: string;
  stderr: NodeJS.WritableStream;
  /** Where to mark known divergences and stale expectations for Allure's categories. */
  allureResults: string | undefined;
}

/**
 * The verdict under an expectations file. A harness error (3) or bad input (2) stands: known
 * divergences never hide a broken run. Otherwise unexpected failures give 1, and stale
 * expectations give 1 only with --fail-on-stale.
 */
async function gateVerdict(
  base: Verdict,
  results: readonly ScenarioResult[],
  knownIds: ReadonlySet<string>,
  policy: SummaryPolicy,
  options: GateOptions,
): Promise<{ verdict: Verdict; report: GateReport }> {
  const report = await judgeAndMark(results, knownIds, policy, options);
  return { verdict: gateCode(base, report, options), report };
}

async function judgeAndMark(
  results: readonly ScenarioResult[],
  knownIds: ReadonlySet<string>,
  policy: SummaryPolicy,
  options: GateOptions,
): Promise<GateReport> {
  const { checkKnownIds, readExpectations } = await import("../../expectations/expectations-file");
  const { expectationsFromRun, gateLines, judge } = await import("../../expectations/gate");
  const { markGateResults } = await import("../../allure/gate-marks");
  let file = options.current;
  if (file !== undefined) checkKnownIds(file, knownIds);
  if (options.update) {
    writeFileSync(options.file, expectationsFromRun(results, file, policy, options.sutName));
    options.stderr.write(`expectations written to ${options.shown}\n`);
    file = readExpectations(options.file);
  }
  const report = judge(results, file, policy);
  options.stderr.write(`${gateLines(report, options.shown).join("\n")}\n`);
  if (options.allureResults !== undefined)
    await markGateResults(options.allureResults, report, options.shown);
  return report;
}

function gateCode(base: Verdict, report: GateReport, options: GateOptions): Verdict {
  if (base.code === EXIT.harness || base.code === EXIT.badInput) return base;
  const unexpected = report.unexpectedFailures.length;
  if (unexpected > 0) {
    return {
      code: EXIT.nonconformant,
      reason: `gate failed: ${unexpected} unexpected ${plural(unexpected, "failure")} not in ${options.shown}`,
    };
  }
  const stale = report.unexpectedPasses.length;
  if (stale > 0 && options.failOnStale) {
    return {
      code: EXIT.nonconformant,
      reason: `gate failed: ${stale} stale ${plural(stale, "expectation")} in ${options.shown} (--fail-on-stale)`,
    };
  }
  return { code: EXIT.ok, reason: undefined };
}

function sutOptionsFrom(flags: RunFlags, env: NodeJS.ProcessEnv, cwd: string): SutOptions {
  const options: SutOptions = { sut: flags.sut };
  if (flags.export !== undefined) options.exportFile = checkedPath(flags.export, cwd, "--export");
  if (flags.msfExport !== undefined)
    options.msfExportFile = checkedPath(flags.msfExport, cwd, "--msf-export");
  if (flags.manifest !== undefined) options.manifest = checkedPath(flags.manifest, cwd, "--manifest");
  const db = flags.db ?? env.GIM_DATABASE_URL;
  if (db !== undefined && db !== "") options.db = db;
  return options;
}

/** A path as one shell word, quoted only when it needs to be, control characters escaped. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${printable(text).replace(/'/g, "'\\''")}'`;
}

/** A tag expression cucumber cannot parse is a usage error, not cucumber's internal one. */
async function checkTagExpression(expression: string): Promise<void> {
  const { parse } = await import("@cucumber/tag-expressions");
  try {
    parse(expression);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n", 1)[0];
    throw new InputError("--tags", undefined, undefined, `not a tag expression: ${printable(reason ?? "")}`);
  }
}

/** Absolute path; a plain path (not a glob) must exist, else a one-line usage error. */
function checkedPath(given: string, cwd: string, option = "--features"): string {
  const absolute = path.resolve(cwd, given);
  if (!/[*?[{]/.test(given) && !existsSync(absolute)) {
    throw new InputError(given, undefined, undefined, `${option}: no such file or directory`);
  }
  return absolute;
}

/**
 * Describes the system under test before running, which reads its export or database (once: the
 * steps share the instance, src/sut/shared-sut.ts): a missing database or bad file fails fast,
 * and no scenario's step timeout bounds the read.
 */
async function describeSut(options: SutOptions): Promise<SutDescription> {
  const { sharedSut, closeSharedSuts } = await import("../../sut/shared-sut");
  try {
    return await sharedSut(options).describe();
  } catch (error) {
    await closeSharedSuts();
    throw error;
  }
}
