/**
 * One interaction's state while its events stream by. It keeps only what is still open (the
 * current queue or strategy, each agent's current attempt) plus the attempts that have ended,
 * which become IRF rows when the interaction stops. Inconsistent logs (an agent who was never
 * invited, time going backwards) are rejected here, naming the line and field.
 */
import type { IrfRow, ResourceType } from "../domain/irf";
import type { MsfRow } from "../domain/msf";
import { InputError } from "../errors";
import type {
  AgentInvited,
  ChatEvent,
  EventSource,
  InvitePurpose,
  StoppedBy,
  Visibility,
} from "../eventlog/events";
import type { GimConfig } from "../gimconfig/gim-config";
import * as msfRules from "./msf-rules";
import * as rules from "./outcome-rules";
import { roleOf } from "./role-rule";

/** One resource's attempt: an IRF in the making. */
interface Attempt {
  /** Order of creation, to break ties between attempts that start at the same instant. */
  seq: number;
  resource: string;
  resourceType: ResourceType;
  startTs: string;
  start: number;
  /**
   * The invitation's purpose and visibility mode (agents only): all the role rule needs of it.
   * Copied rather than the event kept, so an open interaction holds no parsed line.
   */
  purpose: InvitePurpose | undefined;
  visibility: Visibility | undefined;
  /** The attempt of the agent who invited this one (transfer, conference, consultation). */
  invitedBy: AgentAttempt | undefined;
  joined: number | undefined;
  /** Set when a transfer this agent started has been accepted by its target. */
  transferAccepted: boolean;
  /** A routed agent who receives a chat another agent placed in the queue (rules.routedAfterPlacement). */
  placedTransfer: boolean;
  /**
   * Set when the invitation was revoked with no timeout as the reason: if the customer's stop
   * comes at the same instant, the revoke was Interaction Server's half of that stop.
   */
  revokedWithoutTimeout: boolean;
  role: string;
  result: string;
  reason: string;
  endTs: string;
  end: number;
  ordinal: number;
}

/** An agent's attempt: it has an invitation, which a queue's or a strategy's IRF has not. */
type AgentAttempt = Attempt & { purpose: InvitePurpose };

interface Location {
  /** Order of creation, shared with attempts: the mediation IRF made at the stop sorts by it. */
  seq: number;
  name: string;
  sinceTs: string;
  since: number;
}

/** A stay in an interaction queue while it lasts: an MSF in the making (msf-rules.ts). */
interface OpenSegment {
  queue: string;
  startTs: string;
  start: number;
  /** GIM writes an MSF for the first interaction queue an inbound interaction enters (GIMMMIxnFlow). */
  first: boolean;
  /** The agent attempt the queue's chat was distributed to, while it is alerted. */
  target: AgentAttempt | undefined;
}

/** A stay that has ended, and how. */
interface Segment extends OpenSegment {
  /** The attempt the segment is linked to: the target, or the queue's or strategy's own IRF. */
  linked: Attempt | undefined;
  result: string;
  reason: string;
  endTs: string;
  end: number;
}

export class InteractionState {
  readonly id: string;
  private lastTime = Number.NEGATIVE_INFINITY;
  private queue: Location | undefined;
  private strategy: Location | undefined;
  /**
   * Each agent's open attempt (alerting or joined) by agent, in invitation order (a Map keeps
   * insertion order). Looked up by key, never scanned: a conference of 100,000 agents must
   * classify in linear time (issue 11).
   */
  private readonly agents = new Map<string, AgentAttempt>();
  private readonly ended: Attempt[] = [];
  /** Each agent's last ended attempt: placed() looks for the agent who just left. */
  private readonly lastEnded = new Map<string, AgentAttempt>();
  private seq = 0;
  /** EventInteractionSubmitted has been applied: a second one is refused. */
  private submitted = false;
  /** The interaction queue stay still open (waiting, being routed, or alerting its target). */
  private segment: OpenSegment | undefined;
  private readonly segments: Segment[] = [];
  /**
   * GIM "always creates an MSF record for the first Interaction Queue that an inbound interaction
   * enters" (GIMMMIxnFlow): only an inbound interaction's first queue is written without
   * populate-mm-ixnqueue-facts, so an internal invitation interaction's queue is not.
   */
  private readonly inbound: boolean;
  /** Set once any agent has joined: Chat Server then no longer stops the chat for the customer. */
  private everJoined = false;
  /**
   * The agent attempt that left by placing the chat in the queue it now waits in (Place
   * Interaction in Queue), so the next agent routed from it receives a transfer.
   */
  private placedBy: AgentAttempt | undefined;
  /** Placed in a stop-ixn-queues queue: GIM excludes the interaction from further processing. */
  private stoppedInStopQueue = false;

  constructor(
    first: ChatEvent,
    source: EventSource,
    private readonly config: GimConfig,
    /**
     * Hears the interaction's MSFs when it stops, if it has any; without a listener they are not
     * built (a hot path on big logs).
     */
    private readonly onMsfs: ((msfs: MsfRow[]) => void) | undefined,
  ) {
    this.id = first.interaction;
    if (first.event !== "EventInteractionSubmitted") {
      throw new InputError(
        source.file,
        source.line,
        "event",
        `interaction "${first.interaction}" starts with ${first.event}; its first event must be EventInteractionSubmitted (or the interaction was already stopped)`,
      );
    }
    // The rules below are chat's. "Abandonment applies only to synchronous interaction types such
    // as telephone calls or web chat. It does not apply to asynchronous interaction types such as
    // e-mail" (Genesys glossary, Abandonment), and GIM transforms a new media type as an offline
    // interaction by default (https://docs.genesys.com/Documentation/PSAAS/latest/RPRT/GIMPopIxn):
    // CustomerAbandoned or AbandonedWhile* would be wrong for them, so they are refused, not guessed.
    if (first.media !== CHAT_MEDIA) {
      throw new InputError(
        source.file,
        source.line,
        "media",
        `"${printableName(first.media)}" is not modelled: the reference classifier models chat only (asynchronous media such as e-mail are not abandoned, and GIM treats new media types as offline)`,
      );
    }
    this.inbound = first.interactionType === "Inbound";
  }

  /** The number of agent attempts still open (alerting or joined). */
  get openAttempts(): number {
    return this.agents.size;
  }

  /** Applies one event; returns the interaction's IRFs when this event stopped it. */
  apply(e: ChatEvent, time: number, source: EventSource): IrfRow[] | undefined {
    if (time < this.lastTime) {
      throw new InputError(
        source.file,
        source.line,
        "ts",
        `${e.ts} is earlier than the previous event of interaction "${this.id}"; events must be in time order within an interaction`,
      );
    }
    this.lastTime = time;
    switch (e.event) {
      case "EventInteractionSubmitted":
        if (this.submitted) {
          throw new InputError(
            source.file,
            source.line,
            "event",
            `interaction "${this.id}" was already submitted`,
          );
        }
        this.submitted = true;
        // The contract: "the media server created the interaction and submitted it to queue".
        this.queue = this.location(e.queue, e.ts, time);
        this.openSegment(e.queue, e.ts, time);
        return undefined;
      case "EventPlacedInQueue":
        // Re-entering the queue it is already in (submission is followed by this event) keeps
        // the original entry time: the MSF runs from the first entry.
        if (this.queue?.name !== e.queue) this.queue = this.location(e.queue, e.ts, time);
        if (this.segment?.queue !== e.queue || this.segment.target !== undefined) {
          this.endSegment(msfRules.notAnswered(false), e.ts, time);
          this.openSegment(e.queue, e.ts, time);
        }
        this.strategy = undefined;
        if (e.agent !== undefined) this.placed(e.agent, e.queue, time, source);
        return undefined;
      case "EventTakenFromQueue":
        if (this.queue?.name !== e.queue) {
          const where = this.queue ? `it is in "${this.queue.name}"` : "it is in no queue";
          throw new InputError(
            source.file,
            source.line,
            "queue",
            `interaction "${this.id}" is not in queue "${e.queue}" (${where})`,
          );
        }
        this.queue = undefined;
        this.strategy = this.location(e.strategy, e.ts, time);
        return undefined;
      case "EventAgentInvited":
        this.invite(e, time, source);
        return undefined;
      case "EventPartyAdded":
        this.join(e.agent, e.ts, time, source);
        return undefined;
      case "EventRejected": {
        const a = this.alerting(e.agent, source, "reject");
        this.close(a, rules.invitationRejected(roleOf(a, false)), e.ts, time);
        this.targetEnded(a, msfRules.notAnswered(false), e.ts, time);
        return undefined;
      }
      case "EventRevoked": {
        const a = this.attempt(e.agent, source);
        if (a.joined !== undefined && e.reason !== "handling-timeout") {
          // Once an agent has joined, the invitation is answered: what Interaction Server can still
          // take back is the interaction itself, from an idle desktop, when handling-timeout expires
          // (domain.md §4). Any other revoke of a joined agent is an inconsistent log.
          throw new InputError(
            source.file,
            source.line,
            e.reason === undefined ? "agent" : "reason",
            `${e.agent} has already joined interaction "${this.id}": only a "handling-timeout" revoke can take it back from a joined agent, not ${e.reason === undefined ? "a revoke without reason" : `"${e.reason}"`}`,
          );
        }
        if (a.joined === undefined) {
          a.revokedWithoutTimeout = e.reason === undefined || e.reason === "requested";
          this.close(a, rules.invitationRevoked(roleOf(a, false)), e.ts, time);
          this.targetEnded(a, msfRules.notAnswered(true), e.ts, time);
        } else this.close(a, rules.revokedWhileHandling(), e.ts, time);
        // GIMTechDescr: a handling-timeout revoke returns the chat "to the queue"; the log says
        // which one with the EventPlacedInQueue that follows.
        return undefined;
      }
      case "EventPartyRemoved": {
        const a = this.attempt(e.agent, source);
        if (a.joined === undefined) {
          throw new InputError(
            source.file,
            source.line,
            "agent",
            `${e.agent} leaves interaction "${this.id}" without having joined it`,
          );
        }
        this.close(a, a.transferAccepted ? rules.transferredAway() : rules.completed(), e.ts, time);
        return undefined;
      }
      case "EventVisibilityChanged": {
        const a = this.attempt(e.agent, source);
        if (a.joined === undefined || a.purpose !== "consult" || a.invitedBy === undefined) {
          throw new InputError(
            source.file,
            source.line,
            "agent",
            `${e.agent} is not a consulted agent in interaction "${this.id}"; only a joined consultation can be completed as a conference or a transfer`,
          );
        }
        // HYPOTHESIS (role-rule.ts): the consultation completed as a conference makes
        // the consulted agent a conference party; completed as a transfer, a transfer target.
        a.visibility = e.visibility;
        if (e.purpose === "transfer") {
          a.purpose = "transfer";
          a.invitedBy.transferAccepted = true;
        } else a.purpose = "conference";
        return undefined;
      }
      case "EventProcessingStopped":
        if (e.by === "customer" && this.everJoined) {
          // Chat Server's stop-abandoned-interaction=noanswer, the setting Genesys recommends "to
          // enable accurate reporting of abandoned chats", stops a chat for the customer only if no
          // agent ever joined it (https://docs.genesys.com/Documentation/ESChat/8.5.3/Admin/ChatReporting).
          // A customer who leaves a chat an agent joined leaves it to the agent, who ends it.
          throw new InputError(
            source.file,
            source.line,
            "by",
            `"customer" cannot stop interaction "${this.id}": an agent has joined it, and Chat Server stops a chat for the customer only if no agent ever joined (stop-abandoned-interaction=noanswer); the agent ends it (by "agent")`,
          );
        }
        return this.stop(e.by, e.ts, time);
    }
  }

  /** The IRFs that have ended so far, for a log that ends before the interaction does. */
  endedRows(): IrfRow[] {
    return this.toRows(this.ended);
  }

  /** The MSFs that have ended so far, for a log that ends before the interaction does. */
  endedMsfs(): MsfRow[] {
    return this.toMsfs();
  }

  /**
   * An agent placed the chat in a queue. Place Interaction in Queue reports EventPartyRemoved +
   * EventPlacedInQueue even when the agent desktop asks
   * (https://docs.genesys.com/Documentation/System/latest/GenEM/PlaceInteractioninQueue): the agent
   * has left at that instant; a placement by an agent still in the chat is refused.
   */
  private placed(agent: string, queue: string, time: number, source: EventSource): void {
    if (this.openAttemptOf(agent) !== undefined) {
      throw new InputError(
        source.file,
        source.line,
        "agent",
        `${agent} places interaction "${this.id}" in "${queue}" while still in it; an agent who places a chat in a queue leaves it (Place Interaction in Queue: EventPartyRemoved, then EventPlacedInQueue). To conference or consult through a queue, log the internal invitation interaction (subtype InternalConferenceInvite)`,
      );
    }
    // The agent's last attempt, if it ended now having joined: the EventPartyRemoved just before.
    const left = this.lastEnded.get(agent);
    if (left?.joined === undefined) {
      // Only a party can place the chat (it leaves as it does): a name never in the chat is a typo
      // or a log of another chat, which would otherwise pass as the queue's own placement.
      const why =
        left === undefined ? "was never in it" : "did not join it (the last invitation ended unanswered)";
      throw new InputError(
        source.file,
        source.line,
        "agent",
        `${agent} places interaction "${this.id}" in "${queue}" but ${why}; only an agent in the chat can place it in a queue (omit "agent" when a strategy placed it)`,
      );
    }
    if (left.end !== time) return;
    if (this.config.stopIxnQueues.includes(queue)) {
      // stop-ixn-queues (GIMMMIxnFlow): "COMPLETED/UNSPECIFIED in the IRF of the handling resource
      // that placed the interaction in the queue", and the interaction is excluded from further
      // processing: nothing of the stop queue or the stopping strategy is recorded.
      const o = rules.completed();
      left.result = o.result;
      left.reason = o.reason;
      this.stoppedInStopQueue = true;
      this.segment = undefined;
      return;
    }
    const o = rules.placedInQueue();
    left.result = o.result;
    left.reason = o.reason;
    this.placedBy = left;
  }

  private location(name: string, sinceTs: string, since: number): Location {
    return { seq: this.seq++, name, sinceTs, since };
  }

  /** Opens the next segment; the one before it, if any, has ended (one is open at a time). */
  private openSegment(queue: string, ts: string, time: number): void {
    this.segment = { queue, startTs: ts, start: time, first: this.segments.length === 0, target: undefined };
  }

  /** Closes the open segment, if any, with the given outcome, linked to its target unless told. */
  private endSegment(o: rules.Outcome, ts: string, time: number, linked?: Attempt): void {
    const s = this.segment;
    if (s === undefined) return;
    // Field by field, not {...s, linked, …}: with the spread, classifying a big log took twice as
    // long (measured on bench/generate-log's 100,000 interactions).
    this.segments.push({
      queue: s.queue,
      startTs: s.startTs,
      start: s.start,
      first: s.first,
      target: s.target,
      linked: linked ?? s.target,
      result: o.result,
      reason: o.reason,
      endTs: ts,
      end: time,
    });
    this.segment = undefined;
  }

  /** The target of the open segment stopped being alerted without answering. */
  private targetEnded(a: AgentAttempt, o: rules.Outcome, ts: string, time: number): void {
    if (this.segment?.target === a) this.endSegment(o, ts, time);
  }

  private invite(e: AgentInvited, time: number, source: EventSource): void {
    if (this.openAttemptOf(e.agent) !== undefined) {
      throw new InputError(
        source.file,
        source.line,
        "agent",
        `${e.agent} is already in interaction "${this.id}"`,
      );
    }
    const a = this.newAttempt(e.agent, "Agent", e.ts, time, e.purpose, e.visibility);
    if (e.from !== undefined) {
      a.invitedBy = this.openAttemptOf(e.from);
      if (a.invitedBy?.joined === undefined) {
        throw new InputError(
          source.file,
          source.line,
          "from",
          `${e.from} has not joined interaction "${this.id}" and cannot invite ${e.agent}`,
        );
      }
    }
    this.agents.set(e.agent, a);
    if (e.purpose === "route" && this.placedBy !== undefined) {
      // HYPOTHESIS (rules.routedAfterPlacement): the chat an agent placed in a queue reaches the
      // next agent as a transfer, as a mute transfer through an ACD queue does for voice.
      a.invitedBy = this.placedBy;
      a.placedTransfer = true;
      this.placedBy = undefined;
    }
    // A strategy's delivery is the queue's distribution: the segment runs on until it is answered.
    if (e.purpose === "route" && this.segment !== undefined && this.segment.target === undefined) {
      this.segment.target = a;
    }
  }

  private join(agent: string, ts: string, time: number, source: EventSource): void {
    const a = this.alerting(agent, source, "accept");
    a.joined = time;
    this.everJoined = true;
    if (this.segment?.target === a) this.endSegment(msfRules.distributed(), ts, time);
    // Once an agent accepts, the strategy that delivered the invitation is done routing.
    this.strategy = undefined;
    // Seed 1.3: the transferring agent's IRF becomes Transferred once the target accepts.
    if (a.purpose === "transfer" && a.invitedBy !== undefined) a.invitedBy.transferAccepted = true;
  }

  private stop(by: StoppedBy, ts: string, time: number): IrfRow[] {
    // Doc (domain.md §4, "Stop"): Interaction Server revokes the invitation of an agent still
    // being alerted when the interaction stops, so a log may report EventRevoked just before the
    // customer's EventProcessingStopped, at the same instant. That revoke is part of the stop:
    // the attempt ends as the stop decides (seed 1.11), not as a revoked invitation (seed 1.2).
    let engaged = this.agents.size > 0;
    // Typed to be asked about a segment's target, which may be missing; it only ever holds attempts.
    const revokedByStop = new Set<Attempt | undefined>();
    for (const a of this.ended) {
      if (a.revokedWithoutTimeout && a.end === time && by === "customer") {
        const o = rules.stoppedWhileAlerting(by);
        a.result = o.result;
        a.reason = o.reason;
        engaged = true;
        revokedByStop.add(a);
      }
    }
    // One pass over the segments for all those attempts, not one per attempt (linear time). A
    // segment that ended earlier (the chat placed in a queue while its target was still alerted)
    // keeps its ending.
    for (const s of this.segments) {
      if (revokedByStop.has(s.target) && s.end === time) {
        const m = msfRules.abandonedWhileAlerting();
        s.result = m.result;
        s.reason = m.reason;
      }
    }
    // In invitation order; close takes each off the map (deleting the entry being visited is safe).
    for (const a of this.agents.values()) {
      this.close(a, a.joined === undefined ? rules.stoppedWhileAlerting(by) : rules.completed(), ts, time);
    }
    // Mediation resources get an IRF only when the interaction ends in mediation.
    let mediation: Attempt | undefined;
    if (this.stoppedInStopQueue) {
      // Nothing after the placement is represented (see placed()).
    } else if (!engaged && this.strategy !== undefined) {
      mediation = this.mediation(
        this.strategy,
        "Strategy",
        rules.STRATEGY_ROLE,
        rules.stoppedWhileRouting(by),
        ts,
        time,
      );
    } else if (!engaged && this.queue !== undefined) {
      mediation = this.mediation(this.queue, "Queue", rules.QUEUE_ROLE, rules.stoppedInQueue(by), ts, time);
    }
    // The queue's segment ends with the interaction: abandoned or stopped while alerting its
    // target (an open segment's target has not answered: answering ends the segment), or while
    // waiting or being routed with nobody alerted. Nobody alerted, the interaction ended in
    // mediation, and the segment is linked to the mediation resource's own IRF.
    this.endSegment(
      this.segment?.target !== undefined && by === "customer"
        ? msfRules.abandonedWhileAlerting()
        : msfRules.stoppedInQueue(by),
      ts,
      time,
      mediation,
    );
    const rows = this.toRows(this.ended);
    // After toRows: an MSF names its IRF's ordinal.
    if (this.onMsfs !== undefined) {
      const msfs = this.toMsfs();
      if (msfs.length > 0) this.onMsfs(msfs);
    }
    // A stopped interaction lets go of what it held. A state that lived through a young-generation
    // collection waits in the old generation, dead, for the next full one; meanwhile everything
    // young it still pointed to would be kept and promoted too (measured: GC time nearly tripled).
    this.ended.length = 0;
    this.lastEnded.clear();
    this.segments.length = 0;
    this.queue = undefined;
    this.strategy = undefined;
    return rows;
  }

  private mediation(
    at: Location,
    type: ResourceType,
    role: string,
    o: rules.Outcome,
    ts: string,
    time: number,
  ): Attempt {
    const a = this.newAttempt(at.name, type, at.sinceTs, at.since, undefined, undefined);
    // Ordered by when the log put the chat there, not by when the stop made this IRF.
    a.seq = at.seq;
    a.role = role;
    a.result = o.result;
    a.reason = o.reason;
    a.endTs = ts;
    a.end = time;
    this.ended.push(a);
    return a;
  }

  private close(a: AgentAttempt, o: rules.Outcome, ts: string, time: number): void {
    a.role = a.placedTransfer ? rules.routedAfterPlacement() : roleOf(a, a.joined !== undefined);
    a.result = o.result;
    a.reason = o.reason;
    a.endTs = ts;
    a.end = time;
    // Every attempt closed is an agent's open one, taken from this map.
    this.agents.delete(a.resource);
    this.ended.push(a);
    this.lastEnded.set(a.resource, a);
  }

  private newAttempt<P extends InvitePurpose | undefined>(
    resource: string,
    resourceType: ResourceType,
    startTs: string,
    start: number,
    purpose: P,
    visibility: Visibility | undefined,
  ): Attempt & { purpose: P } {
    return {
      seq: this.seq++,
      resource,
      resourceType,
      startTs,
      start,
      purpose,
      visibility,
      invitedBy: undefined,
      joined: undefined,
      transferAccepted: false,
      placedTransfer: false,
      revokedWithoutTimeout: false,
      role: "",
      result: "",
      reason: "",
      endTs: "",
      end: 0,
      ordinal: 0,
    };
  }

  private openAttemptOf(agent: string): AgentAttempt | undefined {
    return this.agents.get(agent);
  }

  private attempt(agent: string, source: EventSource): AgentAttempt {
    const a = this.openAttemptOf(agent);
    if (a === undefined) {
      throw new InputError(
        source.file,
        source.line,
        "agent",
        `${agent} was never invited into interaction "${this.id}" (or has already left it)`,
      );
    }
    return a;
  }

  private alerting(agent: string, source: EventSource, action: string): AgentAttempt {
    const a = this.attempt(agent, source);
    if (a.joined !== undefined) {
      throw new InputError(
        source.file,
        source.line,
        "agent",
        `${agent} cannot ${action} an invitation: already joined interaction "${this.id}"`,
      );
    }
    return a;
  }

  /**
   * The segments GIM writes as MSFs, in start order: the first interaction queue always, a later
   * one only with populate-mm-ixnqueue-facts (GIMMMIxnFlow). Linked IRFs must be numbered first
   * (toRows), so an MSF can name its IRF's ordinal; an attempt not yet numbered links to null.
   */
  private toMsfs(): MsfRow[] {
    // One segment is open at a time, so they end in the order they started: no sort needed.
    const kept = this.segments.filter(
      (s) => (s.first && this.inbound) || this.config.populateMmIxnqueueFacts,
    );
    return kept.map((s, i) => ({
      interaction: this.id,
      msf: i + 1,
      resource: s.queue,
      role: msfRules.MSF_ROLE,
      result: s.result,
      reason: s.reason,
      roleReason: "Unspecified",
      start: s.startTs,
      end: s.endTs,
      durationMs: s.end - s.start,
      irf: s.linked !== undefined && s.linked.ordinal > 0 ? s.linked.ordinal : null,
    }));
  }

  /**
   * IRF order: by start time; attempts that start in the same millisecond in the order the log
   * began them (the event that invited the agent, or put the chat in the queue or strategy), never
   * in the order they ended, so the numbering does not depend on how the interaction finished.
   */
  private toRows(attempts: readonly Attempt[]): IrfRow[] {
    const ordered = [...attempts].sort((x, y) => x.start - y.start || x.seq - y.seq);
    ordered.forEach((a, i) => {
      a.ordinal = i + 1;
    });
    // The contract's order (formatRow's), so that JSON.stringify of a row writes the same line.
    return ordered.map((a) => ({
      interaction: this.id,
      irf: a.ordinal,
      resource: a.resource,
      resourceType: a.resourceType,
      role: a.role,
      result: a.result,
      reason: a.reason,
      start: a.startTs,
      end: a.endTs,
      roleReason: "Unspecified",
      alertingMs: a.resourceType === "Agent" ? (a.joined ?? a.end) - a.start : 0,
      handlingMs: a.joined === undefined ? 0 : a.end - a.joined,
      mediationMs: a.resourceType === "Agent" ? 0 : a.end - a.start,
      // An inviter whose attempt had not ended is not numbered yet (log cut short): null.
      receivedFrom: a.invitedBy && a.invitedBy.ordinal > 0 ? a.invitedBy.ordinal : null,
    }));
  }
}

const CHAT_MEDIA = "chat";

/** A name from the log as a message may quote it: control characters escaped. */
function printableName(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
