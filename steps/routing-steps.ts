/** What routing does: strategies take chats from interaction queues and route them to agents. */
import { When } from "@cucumber/cucumber";
import type { AgentName, QueueName, StrategyName } from "../src/flows/chat-script";
import type { ChatWorld } from "./support/world";

When(
  "the strategy {strategy} routes the chat to {agent}",
  function (this: ChatWorld, strategy: StrategyName, agent: AgentName) {
    this.chat.strategyRoutesTo(strategy, agent);
  },
);

When(
  "the strategy {strategy} takes the chat from the interaction queue to route it",
  function (this: ChatWorld, strategy: StrategyName) {
    this.chat.strategyPullsFromQueue(strategy);
  },
);

When("the chat returns to the interaction queue {queue}", function (this: ChatWorld, queue: QueueName) {
  this.chat.chatReturnsToQueue(queue);
});
