/**
 * The embedded default system under test: the reference classifier applied to the scenario's
 * own event log. It answers every scenario, so it never reports "not run".
 */
import { CLASSIFIER_VERSION, classifyEvents } from "../classifier/classify";
import type { ScenarioRef, SutAnswer, SutDescription, SystemUnderTest } from "./system-under-test";

export class ReferenceSut implements SystemUnderTest {
  readonly kind = "reference" as const;

  async describe(): Promise<SutDescription> {
    return {
      kind: this.kind,
      name: `reference classifier ${CLASSIFIER_VERSION}`,
      details: { classifier: CLASSIFIER_VERSION },
    };
  }

  async irfsFor(scenario: ScenarioRef): Promise<SutAnswer> {
    const rows = classifyEvents(scenario.events).filter((row) => row.interaction === scenario.interaction);
    return { kind: "rows", rows };
  }

  async close(): Promise<void> {}
}
