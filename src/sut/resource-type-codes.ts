/**
 * GIM's RESOURCE_.RESOURCE_TYPE_CODE to the harness's resource types. Matching ignores case.
 *
 * - `AGENT` and `QUEUE`: practitioners' GIM SQL filters RESOURCE_ on them.
 * - `ROUTINGPOINT`: practitioners' SQL shows RESOURCE_TYPE `RoutingPoint` / code `ROUTINGPOINT`
 *   for the resource a routing strategy runs on, which the harness calls a strategy.
 * - `NONE` and `UNKNOWN`: GIM's placeholder rows, which every Info Mart has (an IRF can point at
 *   them); accepted as `Other` and shown with their code, since the comparison does not use the
 *   resource type.
 *
 * Any other code is rejected rather than guessed: a wrong type would silently mislabel an IRF.
 * HYPOTHESIS: GIM's full list of RESOURCE_TYPE_CODE values could not be read in its docs; add a
 * code here when a source shows it.
 */
import type { ResourceType } from "../domain/irf";

export const RESOURCE_TYPE_CODES: Readonly<Record<string, ResourceType>> = {
  AGENT: "Agent",
  QUEUE: "Queue",
  ROUTINGPOINT: "Strategy",
  NONE: "Other",
  UNKNOWN: "Other",
};

export function resourceTypeOf(code: string): ResourceType | undefined {
  return RESOURCE_TYPE_CODES[code.trim().toUpperCase()];
}

/**
 * How `seed-db` writes each resource type into RESOURCE_ (RESOURCE_TYPE, RESOURCE_TYPE_CODE,
 * RESOURCE_SUBTYPE), following practitioners' SQL for agents, queues and routing points.
 * `Other` is GIM's own placeholder: the reference never produces it, so seeding never writes it.
 */
export const SEEDED_RESOURCE_TYPES: Readonly<
  Record<ResourceType, { type: string; code: string; subtype: string }>
> = {
  Agent: { type: "Agent", code: "AGENT", subtype: "Agent" },
  Queue: { type: "Queue", code: "QUEUE", subtype: "InteractionQueue" },
  Strategy: { type: "RoutingPoint", code: "ROUTINGPOINT", subtype: "RoutingStrategy" },
  Other: { type: "Unknown", code: "UNKNOWN", subtype: "Unknown" },
};
