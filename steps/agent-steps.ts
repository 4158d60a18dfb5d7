/** What agents do with invitations and with the chat: accept, decline, transfer, conference, end. */
import { When } from "@cucumber/cucumber";
import type { AgentName, QueueName } from "../src/flows/chat-script";
import type { ChatWorld } from "./support/world";

When("{agent} accepts the invitation", function (this: ChatWorld, agent: AgentName) {
  this.chat.agentAccepts(agent);
});

When(
  "{agent} accepts the invitation and chats with the customer",
  function (this: ChatWorld, agent: AgentName) {
    this.chat.agentAccepts(agent).agentChats(agent);
  },
);

// A consulted agent chats with the agent who consulted them, not with the customer.
When(
  "{agent} accepts the invitation and chats with {agent}",
  function (this: ChatWorld, agent: AgentName, other: AgentName) {
    this.chat.agentAccepts(agent).agentChatsWith(agent, other);
  },
);

When("{agent} rejects the invitation", function (this: ChatWorld, agent: AgentName) {
  this.chat.agentRejects(agent);
});

When(
  "{agent} does not accept the invitation before the delivering timeout",
  function (this: ChatWorld, agent: AgentName) {
    this.chat.agentDoesNotAcceptBeforeTimeout(agent);
  },
);

When("{agent} chats with the customer", function (this: ChatWorld, agent: AgentName) {
  this.chat.agentChats(agent);
});

When("{agent} transfers the chat to {agent}", function (this: ChatWorld, from: AgentName, to: AgentName) {
  this.chat.agentTransfersTo(from, to);
});

When("{agent} conferences in {agent}", function (this: ChatWorld, from: AgentName, to: AgentName) {
  this.chat.agentConferencesIn(from, to, "known");
});

When(
  "{agent} starts to conference in {agent}, before the visibility mode is known",
  function (this: ChatWorld, from: AgentName, to: AgentName) {
    this.chat.agentConferencesIn(from, to, "unknown");
  },
);

When(
  "{agent} starts a chat consultation with {agent}",
  function (this: ChatWorld, from: AgentName, to: AgentName) {
    this.chat.agentConsults(from, to);
  },
);

When(
  "{agent} conferences the chat through the interaction queue {queue}",
  function (this: ChatWorld, agent: AgentName, queue: QueueName) {
    this.chat.agentConferencesThroughQueue(agent, queue);
  },
);

When(
  "{agent} ends the chat by placing it in the stop-interaction queue {queue}",
  function (this: ChatWorld, agent: AgentName, queue: QueueName) {
    this.chat.agentPlacesInStopQueue(agent, queue);
  },
);

When(
  "{agent} completes the consultation with {agent} as a conference",
  function (this: ChatWorld, from: AgentName, to: AgentName) {
    this.chat.agentCompletesConsultation(from, to, "conference");
  },
);

When(
  "{agent} completes the consultation with {agent} as a transfer",
  function (this: ChatWorld, from: AgentName, to: AgentName) {
    this.chat.agentCompletesConsultation(from, to, "transfer");
  },
);

When("{agent} leaves the chat", function (this: ChatWorld, agent: AgentName) {
  this.chat.agentLeaves(agent);
});

When("{agent} ends the chat", function (this: ChatWorld, agent: AgentName) {
  this.chat.agentEndsChat(agent);
});

When("{agent} completes the chat with the customer", function (this: ChatWorld, agent: AgentName) {
  this.chat.agentChats(agent).agentEndsChat(agent);
});
