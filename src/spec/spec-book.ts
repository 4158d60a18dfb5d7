/**
 * Builds the spec book from disk: the features, the last run's results, and one flow diagram
 * per scenario drawn from its example event log (examples/<id>.jsonl) by the reference
 * classifier (IRFs and MSFs, under the GIM configuration the flows assume) and the timeline
 * renderer the Allure attachment uses. Writes index.html and coverage.csv side by side.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { classifyFacts } from "../classifier/classify";
import { parseEventLog } from "../eventlog/reader";
import { describeGimConfig } from "../gimconfig/gim-config";
import { loadGimConfig } from "../gimconfig/gim-config-file";
import { refuseForeignFile, writeOwnOutputFile } from "../output/output-path";
import { PACKAGE_ROOT } from "../package-root";
import { renderTimelineSvg } from "../report/timeline-svg";
import { domainSections } from "./citation-links";
import { buildCoverage, COVERAGE_CSV_MARK, type CoverageEntry, coverageCsv } from "./coverage";
import { type BookFeature, readFeatureBook } from "./feature-book";
import { readLastResults, readRunContext, resultKey } from "./run-status";
import { renderSpecPage, SPEC_HTML_MARK } from "./spec-page";

export interface SpecBookOptions {
  featuresDir: string;
  resultsDir: string;
  examplesDir: string;
  /** The page to write; coverage.csv goes next to it. */
  outFile: string;
  /** How to name the results folder on the page (a path relative to where the user ran). */
  resultsLabel?: string;
  /** The GIM configuration file the flows assume; by default the one `run` would use (gimConfigFile()). */
  gimConfigFile?: string;
  /** How to name the features folder on the page; by default the folder itself. */
  featuresLabel?: string;
  /** The repository's docs/ (for the links to domain.md); by default the package's own. */
  docsDir?: string;
}

/** The package's docs/, beside src/. */
const PACKAGE_DOCS = join(PACKAGE_ROOT, "docs");

export interface SpecBook {
  features: BookFeature[];
  coverage: CoverageEntry[];
  html: string;
  /** Scenario ids that had no example log, so no diagram. */
  missingDiagrams: string[];
  /** Results of these features' scenarios (results of other feature files are not counted). */
  resultsFound: number;
}

/** The page is written to `outFile` (its links are relative to it); without one, to the working directory. */
export function buildSpecBook(options: Omit<SpecBookOptions, "outFile"> & { outFile?: string }): SpecBook {
  const features = readFeatureBook(options.featuresDir);
  const results = readLastResults(options.resultsDir);
  const gim = loadGimConfig(options.gimConfigFile);
  const diagrams = new Map<string, string>();
  const missingDiagrams: string[] = [];
  for (const feature of features) {
    for (const scenario of feature.scenarios) {
      const file = join(options.examplesDir, `${scenario.id}.jsonl`);
      if (!existsSync(file)) {
        missingDiagrams.push(scenario.id);
        continue;
      }
      const logged = parseEventLog(readFileSync(file, "utf8"), file);
      const label = feature.flow === undefined ? feature.title : `Flow ${feature.flow}`;
      const facts = classifyFacts(logged, file, gim.config);
      diagrams.set(
        scenario.id,
        renderTimelineSvg({
          events: logged.map((l) => l.event),
          rows: facts.irfs,
          msfs: facts.msfs,
          title: `${label}: ${scenario.name}`,
        }),
      );
    }
  }
  const coverage = buildCoverage(features);
  const html = renderSpecPage({
    features,
    results,
    diagrams,
    coverage,
    resultsSource: options.resultsLabel ?? options.resultsDir,
    runContext: readRunContext(options.resultsDir),
    featuresSource: options.featuresLabel ?? shownPath(options.featuresDir),
    ...domainDoc(options.docsDir ?? PACKAGE_DOCS, options.outFile),
    gimConfig: { file: shownPath(gim.file), options: describeGimConfig(gim.config) },
  });
  const keys = new Set(features.flatMap((f) => f.scenarios.map((s) => resultKey(s.id, s.fingerprint))));
  const resultsFound = [...results.keys()].filter((k) => keys.has(k)).length;
  return { features, coverage, html, missingDiagrams, resultsFound };
}

/** The link from the page to docs/domain.md and its sections; nothing when the notes are not there. */
function domainDoc(docsDir: string, outFile: string | undefined) {
  const file = join(docsDir, "domain.md");
  if (!existsSync(file)) return {};
  const from = outFile === undefined ? process.cwd() : dirname(outFile);
  const href = relative(from, file).split(sep).map(encodeURIComponent).join("/");
  return { domainDoc: { href, sections: domainSections(file) } };
}

/** A path under the working directory as relative (what a reader recognises), any other as is. */
function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === "" || rel.startsWith("..") ? file : rel;
}

export function writeSpecBook(options: SpecBookOptions): SpecBook & { csvFile: string } {
  const book = buildSpecBook(options);
  // makeDirs, not mkdirSync's recursive mode, which never returns under /proc.
  const csvFile = join(dirname(options.outFile), "coverage.csv");
  // Both checked before either is written: a refusal leaves neither half-replaced.
  refuseForeignFile(options.outFile, "--out", SPEC_HTML_MARK);
  refuseForeignFile(csvFile, "--out", COVERAGE_CSV_MARK);
  writeOwnOutputFile(options.outFile, book.html, "--out", SPEC_HTML_MARK);
  writeOwnOutputFile(csvFile, coverageCsv(book.coverage), "--out", COVERAGE_CSV_MARK);
  return { ...book, csvFile };
}
