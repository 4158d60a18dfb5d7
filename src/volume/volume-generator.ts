/**
 * Generates synthetic chat interactions as event logs and classifies each with the reference
 * classifier, so every row seeded from them is what the spec says GIM records for those events.
 * Deterministic: the same plan (volume, days, start, seed, mix) gives the same interactions, in the
 * same order, with the same times and agents. Lazy: one interaction's events at a time, so memory
 * does not grow with the volume.
 */
import { classifyFacts } from "../classifier/classify";
import { InputError } from "../errors";
import type { LoggedEvent } from "../eventlog/events";
import type { GimConfig } from "../gimconfig/gim-config";
import type { ExampleInteraction } from "../gimdb/example-logs";
import type { ChatShape } from "./chat-shapes";
import { SeededRandom } from "./rng";

export interface VolumePlan {
  /** Interactions to generate (INTERACTION_FACT rows; flow 8 makes two). */
  volume: number;
  /** Spread over this many days from `fromMs`. */
  days: number;
  fromMs: number;
  seed: number;
  /** Relative weights by shape id. */
  mix: Readonly<Record<string, number>>;
  /** Size of the agent pool the shapes' agents are drawn from. */
  agents: number;
}

/** One generated chat: the shape's interactions, its own first, each with its events and facts. */
export interface GeneratedChat {
  shape: string;
  interactions: ExampleInteraction[];
}

/** The pool's agent names, as RESOURCE_NAME. */
export function agentName(n: number): string {
  return `Agent${String(n + 1).padStart(4, "0")}`;
}

/** Offset of the shape's last EventInteractionSubmitted (re-timing stretches it at most twice). */
function lastSubmitOffset(shape: ChatShape): number {
  let last = 0;
  for (const e of shape.events) if (e.event.event === "EventInteractionSubmitted") last = e.offsetMs;
  return last;
}

export function checkMix(mix: Readonly<Record<string, number>>, shapes: readonly ChatShape[]): void {
  const known = new Set(shapes.map((s) => s.id));
  for (const [id, weight] of Object.entries(mix)) {
    if (!known.has(id))
      throw new InputError("mix", undefined, id, `no such shape; known: ${[...known].sort().join(", ")}`);
    if (!Number.isFinite(weight) || weight < 0)
      throw new InputError("mix", undefined, id, `weight must be a number >= 0, not ${weight}`);
  }
  if (!Object.values(mix).some((w) => w > 0))
    throw new InputError("mix", undefined, undefined, "at least one shape needs a weight above 0");
}

export class VolumeGenerator {
  private readonly picks: { shape: ChatShape; upTo: number }[] = [];
  private readonly total: number;
  private readonly fallback: ChatShape;

  constructor(
    shapes: readonly ChatShape[],
    private readonly plan: VolumePlan,
    private readonly config: GimConfig,
  ) {
    checkMix(plan.mix, shapes);
    let sum = 0;
    for (const shape of shapes) {
      const w = plan.mix[shape.id] ?? 0;
      if (w <= 0) continue;
      sum += w;
      this.picks.push({ shape, upTo: sum });
    }
    this.total = sum;
    // A shape of one interaction for the last slot when the drawn one would overshoot the volume.
    const single = this.picks.find((p) => p.shape.interactions === 1)?.shape;
    if (single === undefined)
      throw new InputError("mix", undefined, undefined, "needs at least one shape of a single interaction");
    this.fallback = single;
  }

  *chats(): Generator<GeneratedChat> {
    const { volume, days, fromMs, seed } = this.plan;
    const rng = new SeededRandom(seed);
    const spanMs = days * 86_400_000;
    let made = 0;
    let n = 0;
    while (made < volume) {
      let shape = this.pick(rng.next());
      if (made + shape.interactions > volume) shape = this.fallback;
      // Arrivals spread evenly over the span, each at a random point within its own slot.
      let startMs = Math.floor(fromMs + ((made + rng.next()) * spanMs) / volume);
      // A chat that creates a second interaction (flow 8's invitation) starts it later; keep that
      // start inside the window too, so a census of the window counts exactly `volume`.
      const latest = startMs + 2 * lastSubmitOffset(shape);
      if (latest >= fromMs + spanMs) startMs = Math.max(fromMs, startMs - (latest - (fromMs + spanMs)) - 1);
      const chat = this.generate(shape, startMs, rng, n++);
      made += chat.interactions.length;
      yield chat;
    }
  }

  private pick(u: number): ChatShape {
    const x = u * this.total;
    for (const p of this.picks) if (x < p.upTo) return p.shape;
    return (this.picks[this.picks.length - 1] as { shape: ChatShape }).shape;
  }

  /** The shape re-timed (each gap between distinct times scaled by 0.4–2.0) and re-named. */
  generate(shape: ChatShape, startMs: number, rng: SeededRandom, n: number): GeneratedChat {
    const agents = new Map<string, string>();
    const used = new Set<string>();
    const agentOf = (name: string): string => {
      let mapped = agents.get(name);
      if (mapped === undefined) {
        // Distinct agents within one chat, as the flows' Agent1 and Agent2 are different people.
        do mapped = agentName(rng.below(this.plan.agents));
        while (used.has(mapped) && used.size < this.plan.agents);
        used.add(mapped);
        agents.set(name, mapped);
      }
      return mapped;
    };
    const own = shape.events[0]?.event.interaction ?? "";
    const ixnName = (name: string): string => (name === own ? `v${n}` : `v${n}${name.slice(own.length)}`);
    const logged: LoggedEvent[] = [];
    let lastOffset = 0;
    let time = startMs;
    shape.events.forEach(({ offsetMs, event }, i) => {
      if (offsetMs !== lastOffset) {
        time += Math.max(1, Math.round((offsetMs - lastOffset) * rng.between(0.4, 2)));
        lastOffset = offsetMs;
      }
      // One copy per event, fields renamed in place: spreading twice made generation GC-bound.
      const copy = { ...event } as Record<string, unknown>;
      copy.interaction = ixnName(event.interaction);
      if (typeof copy.agent === "string") copy.agent = agentOf(copy.agent);
      if (typeof copy.from === "string") copy.from = agentOf(copy.from);
      if (typeof copy.parent === "string") copy.parent = ixnName(copy.parent);
      copy.ts = new Date(time).toISOString();
      logged.push({
        event: copy as unknown as LoggedEvent["event"],
        source: { file: `<synthetic ${shape.id}>`, line: i + 1 },
        time,
      });
    });
    const facts = classifyFacts(logged, `<synthetic ${shape.id}>`, this.config);
    const names = [...new Set(logged.map((e) => e.event.interaction))];
    return {
      shape: shape.id,
      interactions: names.map((name) => {
        const events = logged.filter((e) => e.event.interaction === name);
        const submitted = events[0]?.event;
        const parent = submitted?.event === "EventInteractionSubmitted" ? submitted.parent : undefined;
        return {
          name,
          rows: facts.irfs.filter((r) => r.interaction === name),
          msfs: facts.msfs.filter((m) => m.interaction === name),
          events,
          firstMs: events[0]?.time ?? startMs,
          lastMs: events[events.length - 1]?.time ?? startMs,
          ...(parent === undefined ? {} : { parent }),
        };
      }),
    };
  }
}
