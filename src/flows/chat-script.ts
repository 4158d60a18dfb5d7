/**
 * ChatScript: one chat interaction told in the User's Guide's business terms ("the strategy routes
 * the chat to Agent1", "Agent1 transfers the chat to Agent2"), written out as the Interaction
 * Server reporting events of the event-log contract (../shared/spec/event-log.md) following the
 * rules of domain.md §4. A simulated clock stamps every event, so a script always yields the same
 * log. Every action checks that the chat's state allows it and otherwise throws a FlowError that
 * says who cannot do what and why.
 *
 * It is what the Gherkin steps drive, but it knows nothing of cucumber.
 */
import type { AgentInvited, ChatEvent, InvitePurpose, Visibility } from "../eventlog/events";
import { FlowError } from "./flow-error";
import { SCRIPT_START, TIMINGS } from "./timings";

export type AgentName = string;
export type QueueName = string;
export type StrategyName = string;

/** Whether the conferenced agent's visibility mode was known when the invitation went out. */
export type VisibilityMode = "known" | "unknown";

/** Where the chat is when the customer leaves; stated by a step so the script can check it. */
export type CustomerLeavesWhile = { queued: true } | { routing: true } | { alerting: AgentName };

interface Invitation {
  purpose: InvitePurpose;
  from: AgentName | undefined;
  /** Epoch ms of EventAgentInvited, for the delivering timeout. */
  at: number;
  /** For a strategy's invitation: the queue the chat was taken from, where a revoke returns it. */
  takenFrom: QueueName | undefined;
}

type Party =
  | { state: "invited"; invitation: Invitation }
  | { state: "joined" }
  | { state: "declined"; invitation: Invitation }
  | { state: "left" };

interface Routing {
  strategy: StrategyName;
  queue: QueueName;
}

/**
 * The internal invitation interaction of a conference through a queue (event log 1.1): an agent
 * creates it (Genesys Web Services: InteractionSubtype InternalConferenceInvite, the target being
 * the queue), a strategy routes it, and the agent who accepts it joins the customer's chat.
 */
interface QueueInvitation {
  id: string;
  queue: QueueName;
  from: AgentName;
  /** The agent the strategy offered it to, once it did. */
  target: AgentName | undefined;
}

export class ChatScript {
  readonly interaction: string;
  private readonly log: ChatEvent[] = [];
  private clock: number;
  private chats = 0;
  private started = false;
  private ended = false;
  /** The interaction queue the chat waits in, if it waits in one. */
  private queued: { queue: QueueName } | undefined;
  /** The internal invitation interaction of a conference through a queue, while it is open. */
  private queueInvitation: QueueInvitation | undefined;
  /** The strategy that took the chat from a queue and has not yet invited anyone. */
  private routing: Routing | undefined;
  /** Where a revoked or rejected strategy invitation sends the chat back to. */
  private returnQueue: QueueName | undefined;
  private readonly parties = new Map<AgentName, Party>();
  /** Consulted agents who joined, and who consulted them (for a two-step completion). */
  private readonly consulted = new Map<AgentName, AgentName>();

  constructor(interaction: string, options: { start?: string } = {}) {
    if (interaction.trim() === "") throw new FlowError("A chat needs a non-empty interaction id");
    const start = Date.parse(options.start ?? SCRIPT_START);
    if (Number.isNaN(start))
      throw new FlowError(`"${options.start}" is not a timestamp to start the chat at`);
    this.interaction = interaction;
    this.clock = start;
  }

  /** The event log so far, in time order. */
  events(): ChatEvent[] {
    return this.log.map((event) => ({ ...event }));
  }

  /** The simulated clock, as an RFC 3339 timestamp. */
  now(): string {
    return new Date(this.clock).toISOString();
  }

  /** Lets time pass without anything happening. */
  after(seconds: number): this {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new FlowError(`Time can only move forward: ${seconds} is not a number of seconds`);
    }
    // A Date holds at most 8.64e15 ms since 1970; past it every timestamp would be invalid.
    if (this.clock + seconds * 1000 > MAX_DATE_MS) {
      throw new FlowError(
        `${seconds} seconds is too long for a chat: the clock would pass ${new Date(MAX_DATE_MS).toISOString()}`,
      );
    }
    this.advance(seconds);
    return this;
  }

  /** The customer opens a chat; Chat Server submits it to the inbound interaction queue. */
  customerStartsChat(queue: QueueName): this {
    if (this.started) throw new FlowError("The customer cannot start the chat: it has already started");
    requireName("queue", queue);
    this.started = true;
    this.emit({ event: "EventInteractionSubmitted", media: "chat", interactionType: "Inbound", queue });
    this.emit({ event: "EventPlacedInQueue", queue });
    this.queued = { queue };
    return this;
  }

  /** A routing strategy takes the waiting chat from its interaction queue to route it. */
  strategyPullsFromQueue(strategy: StrategyName): this {
    requireName("strategy", strategy);
    const cannot = `The strategy "${strategy}" cannot take the chat from a queue`;
    this.requireOngoing(cannot);
    if (!this.queued) throw new FlowError(`${cannot}: the chat is not waiting in an interaction queue`);
    const { queue } = this.queued;
    this.advance(TIMINGS.pull);
    this.emit({ event: "EventTakenFromQueue", queue, strategy });
    this.queued = undefined;
    this.routing = { strategy, queue };
    return this;
  }

  /**
   * The strategy routes the chat to an agent (taking it from its queue first if it still waits
   * there). While an internal invitation of a conference through a queue waits in its queue, it
   * is that invitation the strategy routes.
   */
  strategyRoutesTo(strategy: StrategyName, agent: AgentName): this {
    requireName("strategy", strategy);
    requireName("agent", agent);
    const cannot = `The strategy "${strategy}" cannot route the chat to ${agent}`;
    this.requireOngoing(cannot);
    const invitation = this.queueInvitation;
    if (invitation !== undefined && invitation.target === undefined && !this.queued && !this.routing) {
      this.requireInvitable(agent, cannot);
      this.advance(TIMINGS.pull);
      this.emitFor(invitation.id, { event: "EventTakenFromQueue", queue: invitation.queue, strategy });
      this.advance(TIMINGS.invite);
      this.emitFor(invitation.id, { event: "EventAgentInvited", agent, purpose: "route" });
      invitation.target = agent;
      this.invite(agent, "conference", invitation.from, undefined);
      return this;
    }
    if (this.queued && !this.routing) this.strategyPullsFromQueue(strategy);
    const routing = this.routing;
    if (!routing) throw new FlowError(`${cannot}: the chat is neither waiting in a queue nor being routed`);
    if (routing.strategy !== strategy) {
      throw new FlowError(`${cannot}: the strategy "${routing.strategy}" is routing it`);
    }
    this.requireInvitable(agent, cannot);
    this.advance(TIMINGS.invite);
    this.emit({ event: "EventAgentInvited", agent, purpose: "route" });
    this.invite(agent, "route", undefined, routing.queue);
    this.routing = undefined;
    return this;
  }

  /** The agent accepts the invitation and joins; an accepted transfer removes the transferring agent. */
  agentAccepts(agent: AgentName): this {
    const cannot = `${agent} cannot accept`;
    const invitation = this.pendingInvitation(agent, cannot);
    this.advanceWithinTimeout(agent, invitation, TIMINGS.accept, cannot);
    const through = this.queueInvitation;
    if (through !== undefined && through.target === agent) {
      // HYPOTHESIS (no document shows the events): the agent accepts the internal invitation, is
      // conferenced into the customer's chat by the inviting agent, and the invitation ends.
      this.emitFor(through.id, { event: "EventPartyAdded", agent });
      if (!this.isJoined(through.from)) {
        throw new FlowError(
          `${cannot}: ${through.from}, who invited ${agent} through the queue, has left the chat`,
        );
      }
      this.emit({
        event: "EventAgentInvited",
        agent,
        purpose: "conference",
        from: through.from,
        visibility: "conference",
      });
      this.emitFor(through.id, { event: "EventPartyRemoved", agent });
      this.emitFor(through.id, { event: "EventProcessingStopped", by: "agent", agent });
      this.queueInvitation = undefined;
    }
    this.emit({ event: "EventPartyAdded", agent });
    this.parties.set(agent, { state: "joined" });
    if (invitation.purpose === "consult" && invitation.from !== undefined)
      this.consulted.set(agent, invitation.from);
    if (invitation.purpose === "transfer" && invitation.from !== undefined) {
      // domain.md §4: an accepted transfer is EventPartyAdded for the target, then
      // EventPartyRemoved for the transferring agent.
      if (this.isJoined(invitation.from)) {
        this.emit({ event: "EventPartyRemoved", agent: invitation.from });
        this.parties.set(invitation.from, { state: "left" });
      }
    }
    return this;
  }

  /** The agent declines the invitation. */
  agentRejects(agent: AgentName): this {
    const cannot = `${agent} cannot reject the invitation`;
    const invitation = this.pendingInvitation(agent, cannot);
    this.advanceWithinTimeout(agent, invitation, TIMINGS.reject, cannot);
    this.emit({ event: "EventRejected", agent });
    this.decline(agent, invitation);
    return this;
  }

  /** Nobody answers: Interaction Server revokes the invitation when `delivering-timeout` expires. */
  agentDoesNotAcceptBeforeTimeout(agent: AgentName): this {
    const cannot = `${agent}'s invitation cannot time out`;
    const invitation = this.pendingInvitation(agent, cannot);
    const expiry = invitation.at + TIMINGS.deliveringTimeout * 1000;
    if (expiry < this.clock) {
      throw new FlowError(
        `${cannot}: it expired at ${iso(expiry)}, before the chat's last event at ${this.now()}; ` +
          "state the timeout before what happened after it",
      );
    }
    this.clock = expiry;
    this.emit({ event: "EventRevoked", agent, reason: "delivering-timeout" });
    this.decline(agent, invitation);
    return this;
  }

  /** After a strategy's invitation was revoked or rejected, the chat goes back to the queue it came from. */
  chatReturnsToQueue(queue: QueueName): this {
    requireName("queue", queue);
    const cannot = `The chat cannot return to the interaction queue "${queue}"`;
    this.requireOngoing(cannot);
    if (this.queued) throw new FlowError(`${cannot}: it already waits in "${this.queued.queue}"`);
    if (this.routing) throw new FlowError(`${cannot}: the strategy "${this.routing.strategy}" is routing it`);
    const pending = this.agentsIn("invited");
    if (pending.length > 0) throw new FlowError(`${cannot}: ${pending.join(", ")} is still being invited`);
    const joined = this.agentsIn("joined");
    if (joined.length > 0) throw new FlowError(`${cannot}: ${joined.join(", ")} is handling it`);
    if (this.returnQueue === undefined) {
      throw new FlowError(
        `${cannot}: only a revoked or rejected routing invitation sends a chat back to its queue`,
      );
    }
    if (this.returnQueue !== queue) {
      throw new FlowError(
        `${cannot}: a revoked chat returns to "${this.returnQueue}", the queue it was taken from`,
      );
    }
    this.emit({ event: "EventPlacedInQueue", queue });
    this.queued = { queue };
    this.returnQueue = undefined;
    return this;
  }

  /** The agent invites another agent to take the chat over. */
  agentTransfersTo(from: AgentName, to: AgentName): this {
    return this.agentInvites(from, to, "transfer", undefined, `${from} cannot transfer the chat to ${to}`);
  }

  /**
   * The agent invites another agent to join the chat with the customer. `unknown` visibility
   * models an attempt that fails before the visibility mode is known (the seed's flow 6 variant).
   */
  agentConferencesIn(from: AgentName, to: AgentName, visibility: VisibilityMode = "known"): this {
    const mode: Visibility | undefined = visibility === "known" ? "conference" : undefined;
    return this.agentInvites(from, to, "conference", mode, `${from} cannot conference in ${to}`);
  }

  /** The agent invites another agent into a consultation the customer does not see. */
  agentConsults(from: AgentName, to: AgentName): this {
    return this.agentInvites(from, to, "consult", "consult", `${from} cannot consult ${to}`);
  }

  /**
   * The consulting agent completes a joined consultation as a conference (both stay, the customer
   * now sees the consulted agent) or as a transfer (the consulting agent leaves): a two-step
   * conference or transfer (Workspace chat privileges "Can Two Step Conference / Transfer"),
   * reported as EventVisibilityChanged (event log 1.1).
   */
  agentCompletesConsultation(from: AgentName, to: AgentName, as: "conference" | "transfer"): this {
    const cannot = `${from} cannot complete the consultation with ${to} as a ${as}`;
    this.requireOngoing(cannot);
    this.requireJoined(from, cannot);
    this.requireJoined(to, cannot);
    const purpose = this.consulted.get(to);
    if (purpose !== from) throw new FlowError(`${cannot}: ${to} is not in a consultation with ${from}`);
    this.advance(TIMINGS.agentRequest);
    this.emit({ event: "EventVisibilityChanged", agent: to, visibility: "conference", purpose: as });
    this.consulted.delete(to);
    if (as === "transfer") {
      this.emit({ event: "EventPartyRemoved", agent: from });
      this.parties.set(from, { state: "left" });
    }
    return this;
  }

  /**
   * The agent conferences the chat through an interaction queue (the seed's flow 8). Genesys'
   * "Place Interaction in Queue" model has the agent leave the chat it places
   * (https://docs.genesys.com/Documentation/System/latest/GenEM/PlaceInteractioninQueue), so the
   * agent who stays in it creates a separate internal invitation interaction instead (Web
   * Services: InteractionSubtype InternalConferenceInvite, the target being the queue), which a
   * strategy then routes: `<chat id>-invite` in the log, linked by `parent`.
   */
  agentConferencesThroughQueue(agent: AgentName, queue: QueueName): this {
    requireName("queue", queue);
    const cannot = `${agent} cannot conference the chat through the interaction queue "${queue}"`;
    this.requireOngoing(cannot);
    this.requireJoined(agent, cannot);
    if (this.queueInvitation)
      throw new FlowError(`${cannot}: an invitation through "${this.queueInvitation.queue}" is open`);
    this.advance(TIMINGS.agentRequest);
    const id = `${this.interaction}-invite`;
    this.emitFor(id, {
      event: "EventInteractionSubmitted",
      media: "chat",
      interactionType: "Internal",
      queue,
      subtype: "InternalConferenceInvite",
      parent: this.interaction,
      agent,
    });
    this.emitFor(id, { event: "EventPlacedInQueue", queue });
    this.queueInvitation = { id, queue, from: agent, target: undefined };
    return this;
  }

  /**
   * The agent ends the chat by placing it in a stop-interaction queue (GIM's stop-ixn-queues): as
   * in Genesys' "Place Interaction in Queue" model the agent leaves (EventPartyRemoved +
   * EventPlacedInQueue), then the queue's strategy stops the interaction.
   */
  agentPlacesInStopQueue(agent: AgentName, queue: QueueName): this {
    requireName("queue", queue);
    const cannot = `${agent} cannot place the chat in the stop-interaction queue "${queue}"`;
    this.requireOngoing(cannot);
    this.requireJoined(agent, cannot);
    const others = [...this.agentsIn("joined"), ...this.agentsIn("invited")].filter((name) => name !== agent);
    if (others.length > 0) throw new FlowError(`${cannot}: ${others.join(", ")} is still in it`);
    this.advance(TIMINGS.agentRequest);
    this.emit({ event: "EventPartyRemoved", agent });
    this.parties.set(agent, { state: "left" });
    this.emit({ event: "EventPlacedInQueue", queue, agent });
    this.emit({ event: "EventProcessingStopped", by: "strategy" });
    this.ended = true;
    return this;
  }

  /** Time passes while the agent chats; nothing is reported. Defaults to a realistic 2–4.5 minutes. */
  agentChats(agent: AgentName, seconds?: number): this {
    const cannot = `${agent} cannot chat`;
    this.requireOngoing(cannot);
    this.requireJoined(agent, cannot);
    const period = seconds ?? TIMINGS.chatting[this.chats % TIMINGS.chatting.length] ?? 180;
    this.chats += 1;
    return this.after(period);
  }

  /** Time passes while two agents chat with each other, as in a consultation the customer does not see. */
  agentChatsWith(agent: AgentName, other: AgentName): this {
    const cannot = `${agent} cannot chat with ${other}`;
    this.requireOngoing(cannot);
    this.requireJoined(other, cannot);
    return this.agentChats(agent);
  }

  /** The agent leaves a chat that another agent stays in. */
  agentLeaves(agent: AgentName): this {
    const cannot = `${agent} cannot leave the chat`;
    this.requireOngoing(cannot);
    this.requireJoined(agent, cannot);
    const others = this.agentsIn("joined").filter((name) => name !== agent);
    if (others.length === 0) {
      throw new FlowError(
        `${cannot}: ${agent} is the last agent in it; say that ${agent} ends the chat instead`,
      );
    }
    this.emit({ event: "EventPartyRemoved", agent });
    this.parties.set(agent, { state: "left" });
    return this;
  }

  /** The agent ends the chat: every agent still in it is removed and processing stops. */
  agentEndsChat(agent: AgentName): this {
    const cannot = `${agent} cannot end the chat`;
    this.requireOngoing(cannot);
    this.requireJoined(agent, cannot);
    const pending = this.agentsIn("invited");
    if (pending.length > 0) {
      throw new FlowError(
        `${cannot}: ${pending.join(", ")} is still being invited; say how the invitation ends first`,
      );
    }
    if (this.queued)
      throw new FlowError(`${cannot}: it waits in the interaction queue "${this.queued.queue}"`);
    if (this.queueInvitation) {
      throw new FlowError(`${cannot}: the invitation through "${this.queueInvitation.queue}" is still open`);
    }
    if (this.routing) throw new FlowError(`${cannot}: the strategy "${this.routing.strategy}" is routing it`);
    for (const other of this.agentsIn("joined")) {
      if (other === agent) continue;
      this.emit({ event: "EventPartyRemoved", agent: other });
      this.parties.set(other, { state: "left" });
    }
    this.emit({ event: "EventPartyRemoved", agent });
    this.parties.set(agent, { state: "left" });
    this.emit({ event: "EventProcessingStopped", by: "agent", agent });
    this.ended = true;
    return this;
  }

  /**
   * The customer leaves a chat no agent has joined; Chat Server stops it
   * (`stop-abandoned-interaction=noanswer`, domain.md §4). `where` states where the chat is
   * believed to be, and is checked.
   */
  customerLeaves(where?: CustomerLeavesWhile): this {
    const cannot = "The customer cannot leave the chat";
    this.requireOngoing(cannot);
    const joined = this.agentsIn("joined");
    if (joined.length > 0) {
      throw new FlowError(
        `${cannot} here: ${joined.join(", ")} has joined it, and only a chat no agent joined is abandoned; ` +
          "say that the agent ends the chat instead",
      );
    }
    const pending = this.agentsIn("invited");
    if (where !== undefined) this.requireWhere(where, pending, cannot);
    if (this.queued) this.advance(TIMINGS.customerWaitsInQueue);
    else if (this.routing) this.advance(TIMINGS.customerWaitsForRouting);
    else if (pending.length > 0) this.advanceBeforeTimeouts(pending, cannot);
    else this.advance(TIMINGS.customerWaitsOtherwise);
    this.emit({ event: "EventProcessingStopped", by: "customer" });
    this.ended = true;
    return this;
  }

  private requireWhere(where: CustomerLeavesWhile, pending: readonly AgentName[], cannot: string): void {
    if ("queued" in where && !this.queued) {
      throw new FlowError(`${cannot} while it waits in an interaction queue: it is not waiting in one`);
    }
    if ("routing" in where && !this.routing) {
      throw new FlowError(`${cannot} while a strategy routes it: no strategy is routing it`);
    }
    if ("alerting" in where && !pending.includes(where.alerting)) {
      throw new FlowError(
        `${cannot} while ${where.alerting} is being alerted: ${where.alerting} is not being invited`,
      );
    }
  }

  /** The customer gives up a little after the latest invitation, always before any timeout fires. */
  private advanceBeforeTimeouts(pending: readonly AgentName[], cannot: string): void {
    const invitations = pending.map((agent) => this.invitationOf(agent));
    const latest = Math.max(...invitations.map((inv) => inv.at));
    const earliestExpiry = Math.min(...invitations.map((inv) => inv.at + TIMINGS.deliveringTimeout * 1000));
    const leaving = Math.max(this.clock, latest + TIMINGS.customerWaitsForAgent * 1000);
    if (leaving >= earliestExpiry) {
      throw new FlowError(
        `${cannot} while an agent is alerted: the delivering timeout expired at ${iso(earliestExpiry)}; ` +
          "state the timeout first",
      );
    }
    this.clock = leaving;
  }

  private agentInvites(
    from: AgentName,
    to: AgentName,
    purpose: "transfer" | "conference" | "consult",
    visibility: Visibility | undefined,
    cannot: string,
  ): this {
    requireName("agent", to);
    this.requireOngoing(cannot);
    this.requireJoined(from, cannot);
    if (from === to) throw new FlowError(`${cannot}: an agent cannot invite themself`);
    this.requireInvitable(to, cannot);
    this.advance(TIMINGS.agentRequest);
    const invited: Omit<AgentInvited, "ts" | "interaction"> = {
      event: "EventAgentInvited",
      agent: to,
      purpose,
      from,
    };
    if (visibility !== undefined) invited.visibility = visibility;
    this.emit(invited);
    this.invite(to, purpose, from, undefined);
    return this;
  }

  private invite(
    agent: AgentName,
    purpose: InvitePurpose,
    from: AgentName | undefined,
    takenFrom?: QueueName,
  ): void {
    this.parties.set(agent, { state: "invited", invitation: { purpose, from, at: this.clock, takenFrom } });
  }

  private decline(agent: AgentName, invitation: Invitation): void {
    this.parties.set(agent, { state: "declined", invitation });
    if (invitation.takenFrom !== undefined && this.agentsIn("joined").length === 0) {
      // domain.md §4: a revoked delivery goes back to the queue it was taken from.
      this.returnQueue = invitation.takenFrom;
    }
  }

  private pendingInvitation(agent: AgentName, cannot: string): Invitation {
    requireName("agent", agent);
    this.requireOngoing(cannot);
    const party = this.parties.get(agent);
    if (party === undefined) throw new FlowError(`${cannot}: ${agent} was never invited`);
    switch (party.state) {
      case "invited":
        return party.invitation;
      case "joined":
        throw new FlowError(`${cannot}: ${agent} has already joined the chat`);
      case "declined":
        throw new FlowError(`${cannot}: ${agent}'s invitation has already ended`);
      case "left":
        throw new FlowError(`${cannot}: ${agent} has left the chat and was not invited again`);
    }
  }

  private invitationOf(agent: AgentName): Invitation {
    const party = this.parties.get(agent);
    if (party?.state !== "invited") throw new FlowError(`${agent} is not being invited`);
    return party.invitation;
  }

  private advanceWithinTimeout(
    agent: AgentName,
    invitation: Invitation,
    seconds: number,
    cannot: string,
  ): void {
    const at = this.clock + seconds * 1000;
    const expiry = invitation.at + TIMINGS.deliveringTimeout * 1000;
    if (at >= expiry) {
      throw new FlowError(`${cannot}: ${agent}'s invitation expired at ${iso(expiry)} (delivering timeout)`);
    }
    this.clock = at;
  }

  private requireOngoing(cannot: string): void {
    if (!this.started)
      throw new FlowError(`${cannot}: the chat has not started; a customer must start it first`);
    if (this.ended) throw new FlowError(`${cannot}: the chat has already ended`);
  }

  private requireJoined(agent: AgentName, cannot: string): void {
    requireName("agent", agent);
    if (!this.isJoined(agent)) throw new FlowError(`${cannot}: ${agent} is not in the chat`);
  }

  private requireInvitable(agent: AgentName, cannot: string): void {
    const state = this.parties.get(agent)?.state;
    if (state === "invited") throw new FlowError(`${cannot}: ${agent} is already being invited`);
    if (state === "joined") throw new FlowError(`${cannot}: ${agent} is already in the chat`);
  }

  private isJoined(agent: AgentName): boolean {
    return this.parties.get(agent)?.state === "joined";
  }

  private agentsIn(state: Party["state"]): AgentName[] {
    return [...this.parties].filter(([, party]) => party.state === state).map(([name]) => name);
  }

  private advance(seconds: number): void {
    this.clock += seconds * 1000;
  }

  private emit(event: DistributiveOmit<ChatEvent, "ts" | "interaction">): void {
    this.emitFor(this.interaction, event);
  }

  /** An event of another interaction the chat's story involves (an internal invitation). */
  private emitFor(interaction: string, event: DistributiveOmit<ChatEvent, "ts" | "interaction">): void {
    this.log.push({ ts: this.now(), interaction, ...event });
  }
}

/** The latest instant a JavaScript Date (and so an RFC 3339 timestamp here) can hold. */
const MAX_DATE_MS = 8.64e15;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function requireName(what: string, name: string): void {
  if (name.trim() === "") throw new FlowError(`A ${what} needs a non-empty name`);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
