/**
 * The outcome check behind "Info Mart records exactly these IRFs": asks the system under test,
 * attaches the evidence to the report (event log, recorded rows, side-by-side comparison, SVG
 * timeline) and fails with the side-by-side table when the rows differ.
 */
import { AssertionError } from "chai";
import { PROVISIONAL_DIFFERS_PREFIX, PROVISIONAL_MATCH_PREFIX } from "../../src/allure/categories";
import { type Finding, scenarioDescriptionHtml } from "../../src/allure/description-html";
import { OUTCOME_LABEL, type ScenarioVerdict, VERDICT_LABEL } from "../../src/allure/verdict-labels";
import type { IrfExpectation } from "../../src/domain/irf";
import type { MsfExpectation } from "../../src/domain/msf";
import { InputError } from "../../src/errors";
import { formatEventLog } from "../../src/eventlog/reader";
import { checkScenario, configurationGap } from "../../src/flows/scenario-outcome";
import { summarizeComparison } from "../../src/report/irf-comparison";
import { irfSideBySide, renderComparisonText } from "../../src/report/irf-comparison-render";
import {
  compareMsfs,
  renderMsfComparisonText,
  summarizeMsfComparison,
} from "../../src/report/msf-comparison";
import { msfSideBySide } from "../../src/report/msf-comparison-render";
import type { ScenarioRef } from "../../src/sut/system-under-test";
import { allureApi } from "./allure-api";
import { sutFor } from "./sut-registry";
import type { ChatWorld } from "./world";

/**
 * Which interaction of the scenario a table is about: the customer's chat, or the internal
 * invitation interaction of a conference through a queue (`<id>-invite`, event log 1.1), which a
 * real Info Mart records as an interaction of its own, with its own GUID in the lab's manifest.
 */
export type ScenarioPart = "chat" | "invite";

function partOf(world: ChatWorld, part: ScenarioPart): ScenarioRef {
  const ref = world.scenarioRef();
  if (part === "chat") return ref;
  const interaction = `${ref.interaction}-invite`;
  if (!ref.events.some((e) => e.interaction === interaction)) {
    throw new InputError(
      world.scenario.uri,
      undefined,
      undefined,
      `scenario "${ref.name}" has no internal invitation interaction; only a chat conferenced through a queue has one`,
    );
  }
  return { ...ref, id: `${ref.id}-invite`, interaction, name: `${ref.name} (internal invitation)` };
}

/** Returns "skipped" when the system under test cannot answer for this scenario. */
export async function expectIrfs(
  world: ChatWorld,
  expected: readonly IrfExpectation[],
  part: ScenarioPart = "chat",
): Promise<"skipped" | undefined> {
  world.outcomeChecked = true;
  const scenario = partOf(world, part);
  const id = scenario.id;
  // JSON Lines has no registered media type; Allure and cucumber's HTML report show text/plain inline.
  // Evidence only: no report of a run that shows no attachments would ever show it.
  if (part === "chat" && world.evidence) {
    world.attach(formatEventLog(scenario.events), { mediaType: "text/plain", fileName: `${id}.jsonl` });
  }

  const options = world.sutOptions;
  const gap = configurationGap(scenario, options.gimConfig);
  const outcome = gap ?? (await checkScenario(sutFor(options), scenario, expected));
  if (outcome.kind === "not-run") {
    world.attach(`Not run: ${outcome.reason}`, { mediaType: "text/plain", fileName: `${id}-not-run.txt` });
    await verdictLabels(world, "not-run", outcome.reason);
    return "skipped";
  }

  const { rows, msfs, comparison } = outcome;
  world.recorded[part] = { msfs };
  world.attach(JSON.stringify(rows, null, 2), { mediaType: "application/json", fileName: `${id}-irfs.json` });
  if (msfs !== undefined) {
    world.attach(JSON.stringify(msfs, null, 2), {
      mediaType: "application/json",
      fileName: `${id}-msfs.json`,
    });
  }
  if (world.evidence) {
    // Loaded here: a run whose reports show no attachment neither draws nor loads them (issue 14).
    const { renderComparisonSvg } = await import("../../src/report/comparison-svg");
    const { renderTimelineSvg } = await import("../../src/report/timeline-svg");
    // An image, not text/html: cucumber's one-file HTML report shows HTML as its source, but draws
    // an SVG (from a Buffer, stack.md pitfall 6); Allure draws it too.
    world.attach(Buffer.from(renderComparisonSvg(irfSideBySide(comparison)), "utf8"), {
      mediaType: "image/svg+xml",
      fileName: `${id}-comparison.svg`,
    });
    // Cucumber's HTML report shows SVG only from a Buffer (stack.md pitfall 6).
    const events = scenario.events.filter((e) => e.interaction === scenario.interaction);
    const svg = renderTimelineSvg({ events, rows, msfs, title: scenario.name, comparison });
    world.attach(Buffer.from(svg, "utf8"), { mediaType: "image/svg+xml", fileName: `${id}-timeline.svg` });
  }

  if (!comparison.conforms) {
    await differs(world, {
      title: part === "chat" ? "IRFs" : "IRFs of the internal invitation",
      verdict: summarizeComparison(comparison),
      table: irfSideBySide(comparison),
      text: renderComparisonText(comparison),
      what: "IRFs",
    });
  }
  return undefined;
}

/**
 * The mediation-segment check behind "Info Mart records these mediation segments": compares the
 * MSFs the IRF step received. A back end that has no MSF data (an export without its MSF file)
 * cannot confirm them: the scenario is not run, never passed.
 */
export async function expectMsfs(
  world: ChatWorld,
  expected: readonly MsfExpectation[],
  part: ScenarioPart = "chat",
): Promise<"skipped" | undefined> {
  const id = part === "chat" ? world.scenario.id : `${world.scenario.id}-invite`;
  const recorded = world.recorded[part];
  if (recorded === undefined) {
    throw new Error('internal: "Info Mart records these mediation segments" needs the IRF step before it');
  }
  if (recorded.msfs === undefined) {
    const reason =
      "the system under test gave no mediation segments (MEDIATION_SEGMENT_FACT), so the MSF table was not checked; " +
      "with --sut export, export them with sql/msf-descriptors.sql and pass --msf-export FILE";
    world.attach(`Not run: ${reason}`, { mediaType: "text/plain", fileName: `${id}-not-run.txt` });
    await verdictLabels(world, "not-run", reason);
    return "skipped";
  }
  const comparison = compareMsfs(expected, recorded.msfs);
  if (world.evidence) {
    const { renderComparisonSvg } = await import("../../src/report/comparison-svg");
    world.attach(Buffer.from(renderComparisonSvg(msfSideBySide(comparison)), "utf8"), {
      mediaType: "image/svg+xml",
      fileName: `${id}-msf-comparison.svg`,
    });
  }
  if (!comparison.conforms) {
    await differs(world, {
      title: part === "chat" ? "Mediation segments" : "Mediation segments of the internal invitation",
      verdict: summarizeMsfComparison(comparison),
      table: msfSideBySide(comparison),
      text: renderMsfComparisonText(comparison),
      what: "mediation segments",
    });
  }
  return undefined;
}

/** A comparison that did not conform, with its text table for the terminal and the word for its rows. */
interface Difference extends Finding {
  text: string;
  what: "IRFs" | "mediation segments";
}

/** One call, one runtime message: cucumber's HTML report lists each as a "Download attachment" link. */
async function verdictLabels(world: ChatWorld, verdict: ScenarioVerdict, line: string): Promise<void> {
  await (await allureApi(world))?.labels(
    { name: OUTCOME_LABEL, value: verdict },
    { name: VERDICT_LABEL, value: line },
  );
}

/**
 * The report opens with every comparison that did not conform. A verified scenario (or a
 * provisional one under --strict-provisional) then fails, with the text table in the message
 * for the terminal; a provisional one goes on to its other tables, and concludeProvisional
 * gives its verdict after the last step.
 */
async function differs(world: ChatWorld, difference: Difference): Promise<void> {
  world.findings.push(difference);
  await (await allureApi(world))?.descriptionHtml(
    scenarioDescriptionHtml({
      provisional: world.scenario.provisional,
      narrative: world.narrative,
      findings: world.findings,
    }),
  );
  if (world.scenario.provisional && !world.strictProvisional) return;
  await verdictLabels(
    world,
    world.scenario.provisional ? "differs-from-hypothesis" : "nonconformance",
    difference.verdict,
  );
  // An AssertionError (not a plain Error) so Allure files it as a failure, not a broken test.
  throw new AssertionError(
    `Info Mart did not record the expected ${difference.what}: ${difference.verdict}\n\n${difference.text}`,
  );
}

const MATCH_NOTE = "the recorded IRFs match the hypothesis, which the User's Guide does not document";

/**
 * A provisional scenario that ran to its end (called by the last step's hook). Unless the run is
 * --strict-provisional, its result is neither a pass nor a failure: it logs the verdict, which
 * the run's summary reads (src/run/scenario-result.ts), and ends "skipped", so cucumber's HTML
 * report and JUnit count it apart from verified passes and failures, as the terminal does.
 */
export async function concludeProvisional(world: ChatWorld): Promise<"skipped" | undefined> {
  if (!world.scenario.provisional) return undefined;
  const findings = world.findings as Difference[];
  if (findings.length === 0) {
    await verdictLabels(world, "matches-hypothesis", MATCH_NOTE);
    if (world.strictProvisional) return undefined;
    world.log(`${PROVISIONAL_MATCH_PREFIX}${MATCH_NOTE}`);
    return "skipped";
  }
  if (world.strictProvisional) return undefined; // differs() failed the step already
  const verdict = findings.map((f) => f.verdict).join("; ");
  await verdictLabels(world, "differs-from-hypothesis", verdict);
  world.log(`${PROVISIONAL_DIFFERS_PREFIX}${verdict}\n\n${findings.map((f) => f.text).join("\n\n")}`);
  return "skipped";
}
