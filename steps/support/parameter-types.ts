/**
 * The domain's names as step parameters, so steps read like the User's Guide:
 * `{agent}` is a word such as Agent1 or a quoted name ("Ann Lee"); `{queue}` and `{strategy}`
 * are quoted names ("Chat_Inbound", "RouteInboundChat").
 */
import { defineParameterType } from "@cucumber/cucumber";
import type { AgentName, QueueName, StrategyName } from "../../src/flows/chat-script";

defineParameterType({
  name: "agent",
  regexp: /([A-Z][A-Za-z0-9_-]*)|"([^"]+)"/,
  transformer: (word: string | undefined, quoted: string | undefined): AgentName => word ?? quoted ?? "",
});

defineParameterType({
  name: "queue",
  regexp: /"([^"]+)"/,
  transformer: (name: string): QueueName => name,
  useForSnippets: false,
});

defineParameterType({
  name: "strategy",
  regexp: /"([^"]+)"/,
  transformer: (name: string): StrategyName => name,
  useForSnippets: false,
});
