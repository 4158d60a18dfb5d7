/**
 * A flow that cannot happen as written: a step asks for an action the chat's state does not allow
 * (an agent accepting an invitation never sent, a chat ending twice). The message says who could
 * not do what and why, in the feature's own words, so the author can fix the feature.
 */
export class FlowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FlowError";
  }
}
