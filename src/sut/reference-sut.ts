/**
 * The embedded default system under test: the reference classifier applied to the scenario's
 * own event log, under the run's GIM configuration (populate-mm-ixnqueue-facts decides which
 * queues get an MSF; stop-ixn-queues changes IRFs). It answers every scenario, IRFs and MSFs,
 * so it never reports "not run".
 */
import { CLASSIFIER_VERSION, classifyFacts } from "../classifier/classify";
import type { GimConfig } from "../gimconfig/gim-config";
import type { ScenarioRef, SutAnswer, SutDescription, SystemUnderTest } from "./system-under-test";

export class ReferenceSut implements SystemUnderTest {
  readonly kind = "reference" as const;

  /** `config` undefined: the classifier's own defaults (GIM's documented ones). */
  constructor(readonly config?: GimConfig) {}

  async describe(): Promise<SutDescription> {
    return {
      kind: this.kind,
      name: `reference classifier ${CLASSIFIER_VERSION}`,
      details: { classifier: CLASSIFIER_VERSION },
    };
  }

  async irfsFor(scenario: ScenarioRef): Promise<SutAnswer> {
    const { irfs, msfs } = classifyFacts(scenario.events, undefined, this.config);
    const mine = <R extends { interaction: string }>(row: R) => row.interaction === scenario.interaction;
    return { kind: "rows", rows: irfs.filter(mine), msfs: msfs.filter(mine) };
  }

  async close(): Promise<void> {}
}
