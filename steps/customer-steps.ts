/** What the customer does: start a chat, and leave it before any agent joins (abandon it). */
import { Given, When } from "@cucumber/cucumber";
import type { AgentName, QueueName } from "../src/flows/chat-script";
import type { ChatWorld } from "./support/world";

Given(
  "a customer starts a chat in the interaction queue {queue}",
  function (this: ChatWorld, queue: QueueName) {
    this.chat.customerStartsChat(queue);
  },
);

When("the customer leaves the chat", function (this: ChatWorld) {
  this.chat.customerLeaves();
});

When("the customer leaves the chat while it waits in the interaction queue", function (this: ChatWorld) {
  this.chat.customerLeaves({ queued: true });
});

When("the customer leaves the chat while the strategy routes it", function (this: ChatWorld) {
  this.chat.customerLeaves({ routing: true });
});

When(
  "the customer leaves the chat while {agent} is being alerted",
  function (this: ChatWorld, agent: AgentName) {
    this.chat.customerLeaves({ alerting: agent });
  },
);
