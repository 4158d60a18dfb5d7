/**
 * A terse builder of raw event-log lines for classifier tests: each call appends one event of
 * interaction `id`, one second after the previous, so tests state the events and nothing else.
 */
import type { ChatEvent } from "../../src/eventlog/events";

type Fields<E extends ChatEvent["event"]> = Omit<
  Extract<ChatEvent, { event: E }>,
  "ts" | "interaction" | "event"
>;

export class ChatLog {
  readonly events: ChatEvent[] = [];
  private clock: number;

  constructor(
    readonly id = "chat-1",
    start = Date.parse("2026-03-02T09:00:00.000Z"),
  ) {
    this.clock = start;
  }

  add<E extends ChatEvent["event"]>(event: E, fields: Fields<E>, afterSeconds = 1): this {
    this.clock += afterSeconds * 1000;
    const ts = new Date(this.clock).toISOString();
    this.events.push({ ts, interaction: this.id, event, ...fields } as Extract<ChatEvent, { event: E }>);
    return this;
  }

  submitted(queue = "Chat_Inbound"): this {
    return this.add("EventInteractionSubmitted", { media: "chat", interactionType: "Inbound", queue }, 0).add(
      "EventPlacedInQueue",
      { queue },
      0,
    );
  }

  routedTo(agent: string, strategy = "RouteInboundChat", queue = "Chat_Inbound"): this {
    return this.add("EventTakenFromQueue", { queue, strategy }).add("EventAgentInvited", {
      agent,
      purpose: "route",
    });
  }
}
