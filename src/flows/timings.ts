/**
 * How long each action of a chat takes on the simulated clock, in seconds. The values are
 * deterministic (so a log built twice is identical) and realistic (so timelines and durations in
 * reports look like a real contact centre), not measured.
 */
export const TIMINGS = {
  /** The strategy takes a newly queued chat from the interaction queue. */
  pull: 4,
  /** The strategy picks a target and Interaction Server invites it. */
  invite: 1,
  /** An agent reads the invitation and clicks accept. */
  accept: 7,
  /** An agent declines the invitation. */
  reject: 4,
  /** Interaction Server's `delivering-timeout` default (domain.md §4): an unanswered invitation is revoked. */
  deliveringTimeout: 30,
  /** An agent picks a colleague (transfer, conference, consultation) or a queue and confirms. */
  agentRequest: 3,
  /** A customer gives up waiting in the interaction queue. */
  customerWaitsInQueue: 45,
  /** A customer gives up while the strategy looks for a target. */
  customerWaitsForRouting: 3,
  /** A customer gives up while an agent's desktop is alerted (before the delivering timeout). */
  customerWaitsForAgent: 12,
  /** A customer gives up in any other situation the flow allows. */
  customerWaitsOtherwise: 5,
  /**
   * Successive chatting periods, cycled: between two and four and a half minutes. The first one
   * reproduces the flow-1 example of the event-log contract (accepted 09:00:12, ended 09:04:40).
   */
  chatting: [268, 154, 203, 137, 226],
} as const;

/** Where every simulated interaction starts, the contract's example date. */
export const SCRIPT_START = "2026-03-02T09:00:00.000Z";
