/**
 * What a scenario's outcome check found: the system under test either could not answer for the
 * scenario (reported as not run, never as passed) or recorded rows that are compared with the
 * scenario's expected table. Kept free of cucumber so the steps, the CLI and tests share it.
 */
import type { IrfExpectation, IrfRow } from "../domain/irf";
import type { MsfRow } from "../domain/msf";
import type { ChatEvent } from "../eventlog/events";
import { type GimConfig, OPTION_NAMES } from "../gimconfig/gim-config";
import { compareIrfs, type IrfComparison } from "../report/irf-comparison";
import type { ScenarioRef, SystemUnderTest } from "../sut/system-under-test";

export type ScenarioOutcome =
  | { kind: "not-run"; reason: string }
  | { kind: "checked"; rows: IrfRow[]; msfs: MsfRow[] | undefined; comparison: IrfComparison };

export async function checkScenario(
  sut: SystemUnderTest,
  scenario: ScenarioRef,
  expected: readonly IrfExpectation[],
): Promise<ScenarioOutcome> {
  const answer = await sut.irfsFor(scenario);
  if (answer.kind === "not-run") return answer;
  return {
    kind: "checked",
    rows: answer.rows,
    msfs: answer.msfs,
    comparison: compareIrfs(expected, answer.rows),
  };
}

/**
 * A scenario the Info Mart under test cannot produce with its configuration: a chat the customer
 * leaves is stopped, and so reported as abandoned, only when Chat Server's
 * stop-abandoned-interaction is noanswer (or always); with the default `never` the chat is not
 * stopped at all (https://docs.genesys.com/Documentation/ESChat/8.5.3/Admin/ChatReporting).
 * Such a scenario is not run, so a lab set up otherwise fails for configuration, never for
 * nonconformance.
 */
export function configurationGap(
  scenario: Pick<ScenarioRef, "events">,
  config: GimConfig | undefined,
): { kind: "not-run"; reason: string } | undefined {
  if (config === undefined) return undefined;
  const stopQueue = stopQueuePlacement(scenario.events);
  if (stopQueue !== undefined && !config.stopIxnQueues.includes(stopQueue)) {
    return {
      kind: "not-run",
      reason:
        `the agent ends the chat in the stop-interaction queue "${stopQueue}", which the Info Mart's configuration does not list in ` +
        `${OPTION_NAMES.stopIxnQueues} (${config.stopIxnQueues.join(", ") || "none"}); add it to gim.${OPTION_NAMES.stopIxnQueues} in the GIM configuration file`,
    };
  }
  if (config.stopAbandonedInteraction !== "never") return undefined;
  const customerStop = scenario.events.some(
    (e) => e.event === "EventProcessingStopped" && e.by === "customer",
  );
  if (!customerStop) return undefined;
  return {
    kind: "not-run",
    reason:
      `the customer leaves the chat, which Chat Server stops only with ${OPTION_NAMES.stopAbandonedInteraction}=noanswer; ` +
      `the Info Mart's configuration says never (set chat-server ${OPTION_NAMES.stopAbandonedInteraction} in the GIM configuration file)`,
  };
}

/**
 * The queue of a stop-interaction placement: an agent's EventPlacedInQueue followed at once by the
 * strategy's stop (what ChatScript.agentPlacesInStopQueue writes), or undefined.
 */
function stopQueuePlacement(events: readonly ChatEvent[]): string | undefined {
  for (let i = 0; i + 1 < events.length; i++) {
    const e = events[i];
    const next = events[i + 1];
    if (
      e?.event === "EventPlacedInQueue" &&
      e.agent !== undefined &&
      next?.event === "EventProcessingStopped" &&
      next.by === "strategy" &&
      next.ts === e.ts
    ) {
      return e.queue;
    }
  }
  return undefined;
}
