/**
 * The outcome check behind "Info Mart records exactly these IRFs": asks the system under test,
 * attaches the evidence to the report (event log, recorded rows, side-by-side comparison, SVG
 * timeline) and fails with the side-by-side table when the rows differ.
 */
import { AssertionError } from "chai";
import type { IrfExpectation } from "../../src/domain/irf";
import { formatEventLog } from "../../src/eventlog/reader";
import { checkScenario } from "../../src/flows/scenario-outcome";
import { summarizeComparison } from "../../src/report/irf-comparison";
import { renderComparisonHtml, renderComparisonText } from "../../src/report/irf-comparison-render";
import { renderTimelineSvg } from "../../src/report/timeline-svg";
import { sutFor } from "./sut-registry";
import type { ChatWorld } from "./world";

/** Returns "skipped" when the system under test cannot answer for this scenario. */
export async function expectIrfs(
  world: ChatWorld,
  expected: readonly IrfExpectation[],
): Promise<"skipped" | undefined> {
  world.outcomeChecked = true;
  const scenario = world.scenarioRef();
  const id = scenario.id;
  // JSON Lines has no registered media type; Allure and cucumber's HTML report show text/plain inline.
  world.attach(formatEventLog(scenario.events), { mediaType: "text/plain", fileName: `${id}.jsonl` });

  const outcome = await checkScenario(sutFor(world.sutOptions), scenario, expected);
  if (outcome.kind === "not-run") {
    world.attach(`Not run: ${outcome.reason}`, { mediaType: "text/plain", fileName: `${id}-not-run.txt` });
    return "skipped";
  }

  const { rows, comparison } = outcome;
  world.attach(JSON.stringify(rows, null, 2), { mediaType: "application/json", fileName: `${id}-irfs.json` });
  world.attach(renderComparisonHtml(comparison), {
    mediaType: "text/html",
    fileName: `${id}-comparison.html`,
  });
  // Cucumber's HTML report shows SVG only from a Buffer (stack.md pitfall 6).
  const svg = renderTimelineSvg({ events: scenario.events, rows, title: scenario.name });
  world.attach(Buffer.from(svg, "utf8"), { mediaType: "image/svg+xml", fileName: `${id}-timeline.svg` });

  if (!comparison.conforms) {
    // An AssertionError (not a plain Error) so Allure files it as a failure, not a broken test;
    // the message carries the whole side-by-side table because cucumber prints only the message.
    throw new AssertionError(
      `Info Mart did not record the expected IRFs: ${summarizeComparison(comparison)}\n\n${renderComparisonText(comparison)}`,
    );
  }
  return undefined;
}
