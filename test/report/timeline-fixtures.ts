/**
 * Hand-built event logs and their IRF rows for the timeline tests, written out in full (not
 * produced by the classifier) so the renderer is tested on its own.
 */
import type { IrfRow } from "../../src/domain/irf";
import type { ChatEvent } from "../../src/eventlog/events";

const at = (second: number): string =>
  new Date(Date.parse("2026-03-02T09:00:00.000Z") + second * 1000).toISOString();

function row(
  fields: Partial<IrfRow> & Pick<IrfRow, "irf" | "resource" | "role" | "result" | "start" | "end">,
): IrfRow {
  return {
    interaction: "chat-0003",
    resourceType: "Agent",
    reason: "Unspecified",
    roleReason: "Unspecified",
    alertingMs: 0,
    handlingMs: 0,
    mediationMs: 0,
    receivedFrom: null,
    ...fields,
  };
}

/** Flow 3: routed to Agent1, who accepts and transfers to Agent2; Agent2 accepts and ends it. */
export function flow3(agent1 = "Agent1", agent2 = "Agent2"): { events: ChatEvent[]; rows: IrfRow[] } {
  const id = "chat-0003";
  const events: ChatEvent[] = [
    {
      ts: at(0),
      interaction: id,
      event: "EventInteractionSubmitted",
      media: "chat",
      interactionType: "Inbound",
      queue: "Chat_Inbound",
    },
    { ts: at(0), interaction: id, event: "EventPlacedInQueue", queue: "Chat_Inbound" },
    {
      ts: at(4),
      interaction: id,
      event: "EventTakenFromQueue",
      queue: "Chat_Inbound",
      strategy: "RouteInboundChat",
    },
    { ts: at(5), interaction: id, event: "EventAgentInvited", agent: agent1, purpose: "route" },
    { ts: at(12), interaction: id, event: "EventPartyAdded", agent: agent1 },
    {
      ts: at(95),
      interaction: id,
      event: "EventAgentInvited",
      agent: agent2,
      purpose: "transfer",
      from: agent1,
    },
    { ts: at(101), interaction: id, event: "EventPartyAdded", agent: agent2 },
    { ts: at(101), interaction: id, event: "EventPartyRemoved", agent: agent1 },
    { ts: at(280), interaction: id, event: "EventPartyRemoved", agent: agent2 },
    { ts: at(280), interaction: id, event: "EventProcessingStopped", by: "agent", agent: agent2 },
  ];
  const rows = [
    row({ irf: 1, resource: agent1, role: "RoutedTo", result: "Transferred", start: at(5), end: at(101) }),
    row({
      irf: 2,
      resource: agent2,
      role: "ReceivedTransfer",
      result: "Completed",
      start: at(95),
      end: at(280),
      receivedFrom: 1,
    }),
  ];
  return { events, rows };
}

/** Flow 9: the customer leaves while the chat waits in the queue; the queue's IRF records it. */
export function flow9(): { events: ChatEvent[]; rows: IrfRow[] } {
  const id = "chat-0009";
  const events: ChatEvent[] = [
    {
      ts: at(0),
      interaction: id,
      event: "EventInteractionSubmitted",
      media: "chat",
      interactionType: "Inbound",
      queue: "Chat_Inbound",
    },
    { ts: at(0), interaction: id, event: "EventPlacedInQueue", queue: "Chat_Inbound" },
    { ts: at(48), interaction: id, event: "EventProcessingStopped", by: "customer" },
  ];
  const rows = [
    row({
      interaction: id,
      irf: 1,
      resource: "Chat_Inbound",
      resourceType: "Queue",
      role: "Received",
      result: "CustomerAbandoned",
      reason: "AbandonedWhileQueued",
      start: at(0),
      end: at(48),
      mediationMs: 48000,
    }),
  ];
  return { events, rows };
}
