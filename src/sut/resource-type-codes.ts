/**
 * GIM's RESOURCE_.RESOURCE_TYPE_CODE to the harness's three resource types. Practitioners' SQL
 * shows `AGENT` and `QUEUE`; the codes GIM gives routing points and strategies could not be read,
 * so both the underscored and the run-together spellings are accepted. Matching ignores case.
 * An unknown code is an error, not a guess: a wrong type would silently mislabel an IRF.
 */
import type { ResourceType } from "../domain/irf";

export const RESOURCE_TYPE_CODES: Readonly<Record<string, ResourceType>> = {
  AGENT: "Agent",
  QUEUE: "Queue",
  INTERACTION_QUEUE: "Queue",
  INTERACTIONQUEUE: "Queue",
  ROUTING_POINT: "Strategy",
  ROUTINGPOINT: "Strategy",
  STRATEGY: "Strategy",
  ROUTING_STRATEGY: "Strategy",
  ROUTINGSTRATEGY: "Strategy",
};

export function resourceTypeOf(code: string): ResourceType | undefined {
  return RESOURCE_TYPE_CODES[code.trim().toUpperCase()];
}

/**
 * How `seed-db` writes each resource type into RESOURCE_ (RESOURCE_TYPE, RESOURCE_TYPE_CODE,
 * RESOURCE_SUBTYPE). Agent and queue follow practitioners' SQL; the strategy row is a hypothesis.
 */
export const SEEDED_RESOURCE_TYPES: Readonly<
  Record<ResourceType, { type: string; code: string; subtype: string }>
> = {
  Agent: { type: "Agent", code: "AGENT", subtype: "Agent" },
  Queue: { type: "Queue", code: "QUEUE", subtype: "InteractionQueue" },
  Strategy: { type: "RoutingPoint", code: "ROUTINGPOINT", subtype: "RoutingStrategy" },
};
