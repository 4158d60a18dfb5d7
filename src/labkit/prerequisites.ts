/**
 * The settings a flow depends on in the lab, as data: which flows need which Chat Server,
 * Interaction Server or GIM option (or lab condition), why, and where Genesys documents it. A
 * flow run under another setting fails for the lab's configuration, not for a nonconformance of
 * Info Mart, so each checklist lists its flow's settings before the tester starts.
 *
 * A setting applies to a scenario by its `@flow-N` tag, by an opt-in tag (for a team's own flows:
 * `@requires-noanswer`, `@requires-delivering-timeout`, `@requires-no-other-agent`,
 * `@requires-stop-queue`), or by the wording of one of its steps (every flow that enters an
 * interaction queue depends on populate-mm-ixnqueue-facts). Add a row here, not prose in a file.
 */
import type { GimConfig } from "../gimconfig/gim-config";

/** When a setting applies: any one of these suffices. */
export interface PrerequisiteRule {
  /** `@flow-N` numbers. */
  flows?: readonly number[];
  /** Tags a scenario or its feature carries, e.g. `@requires-stop-queue`. */
  tags?: readonly string[];
  /** A step (action or outcome) whose text matches. */
  step?: RegExp;
}

export interface LabPrerequisite {
  /** A stable key, e.g. for tests and the index. */
  key: string;
  /** Where the setting lives: "Chat Server", "Interaction Server", "Genesys Info Mart", "The lab". */
  component: string;
  /** What the lab must set or arrange, in Markdown. */
  setting: string;
  /** The documented default, when the setting is an option. */
  defaultValue?: string;
  /** Why the flow depends on it: what goes wrong otherwise. */
  why: string;
  /** Genesys pages that document the behaviour (URLs). */
  sources: readonly string[];
  /**
   * The gim-config.yaml option that records it, and the value the shipped flows assume (as
   * `describeGimConfig` shows it), so the checklist, the bundled gim-config.yaml and the classifier
   * cannot drift apart (a test compares them).
   */
  recordedAs?: { option: keyof GimConfig; assumed: string };
  appliesTo: PrerequisiteRule;
}

const GUIDE_CHAT_FLOWS = "https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow-Chat";
const GIM_MM_FLOWS = "https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow";

export const LAB_PREREQUISITES: readonly LabPrerequisite[] = [
  {
    key: "stop-abandoned-interaction",
    component: "Chat Server",
    setting: "`stop-abandoned-interaction` = `noanswer`",
    defaultValue: "never",
    why:
      "With the default `never`, Chat Server does not stop a chat the customer left: it only sets the " +
      "interaction's IsOnline property to false. `noanswer` stops a chat no agent ever joined, which is " +
      'what GIM reports as an abandoned chat; Genesys recommends it "to enable accurate reporting of ' +
      "abandoned chats\". Under `never` this flow fails for the lab's configuration, not for a " +
      "nonconformance of Info Mart.",
    sources: ["https://docs.genesys.com/Documentation/ESChat/8.5.3/Admin/ChatReporting"],
    recordedAs: { option: "stopAbandonedInteraction", assumed: "noanswer" },
    appliesTo: { flows: [9, 10, 11], tags: ["@requires-noanswer"] },
  },
  {
    key: "delivering-timeout",
    component: "Interaction Server",
    setting: "`delivering-timeout`: know its value, and let the invitation go unanswered for longer than it",
    defaultValue: "30 seconds",
    why:
      "An agent who does not accept an invitation within the delivering timeout has it revoked by " +
      "Interaction Server; the revoke is what this flow's IRFs record. Declining, or accepting late, " +
      "is another flow. Write the lab's value in the manifest's notes.",
    sources: [
      "https://docs.genesys.com/Documentation/System/latest/GenEM/DeliverInteractiontoAgent",
      "https://docs.genesys.com/Documentation/PSAAS/latest/RPRT/GIMTechDescr",
    ],
    appliesTo: { flows: [2, 4, 6], tags: ["@requires-delivering-timeout"], step: /delivering timeout/i },
  },
  {
    key: "no-other-agent",
    component: "The lab",
    setting:
      "No other agent is ready for the strategy's targets, so the revoked chat stays queued until GIM's ETL has run",
    why:
      'The revoked chat "is returned to the interaction queue so that other routing targets can be ' +
      "evaluated\" (User's Guide, section 1.2). If another agent is available the strategy routes the " +
      "chat again and Info Mart records IRFs this flow does not state.",
    sources: [GUIDE_CHAT_FLOWS],
    appliesTo: { flows: [2], tags: ["@requires-no-other-agent"] },
  },
  {
    key: "populate-mm-ixnqueue-facts",
    component: "Genesys Info Mart",
    setting: "`populate-mm-ixnqueue-facts` ([gim-etl-populate]): record the value the Info Mart runs with",
    defaultValue: "false",
    why:
      'From 8.5.003 GIM "always creates an MSF record for the first Interaction Queue that an inbound ' +
      'interaction enters"; a later interaction queue gets a mediation segment only when this option ' +
      "is true. The mediation segments recorded for this flow depend on it.",
    sources: [GIM_MM_FLOWS],
    recordedAs: { option: "populateMmIxnqueueFacts", assumed: "false" },
    appliesTo: { step: /interaction queue/i },
  },
  {
    key: "stop-ixn-queues",
    component: "Genesys Info Mart",
    setting:
      "`stop-ixn-queues` ([gim-transformation]) lists the stop-interaction queue this flow places the chat in",
    defaultValue: "no queue",
    why:
      "GIM treats a chat placed in a listed queue as terminated: the agent who placed it gets " +
      "Completed/Unspecified and the strategy that stops it is not represented. In a queue missing " +
      "from the list the chat is simply queued again, and Info Mart records other IRFs.",
    sources: [GIM_MM_FLOWS, "https://docs.genesys.com/Documentation/RN/8.5.x/gim85rn/gim8501519"],
    recordedAs: { option: "stopIxnQueues", assumed: "Chat_Stop" },
    appliesTo: { flows: [12], tags: ["@requires-stop-queue"], step: /stop-interaction queue/i },
  },
];

/** What a rule is matched against: the scenario's flow, tags and step texts. */
export interface PrerequisiteSubject {
  flow: number | undefined;
  tags: readonly string[];
  steps: readonly { text: string }[];
}

export function applies(rule: PrerequisiteRule, s: PrerequisiteSubject): boolean {
  if (s.flow !== undefined && rule.flows?.includes(s.flow)) return true;
  if (rule.tags?.some((t) => s.tags.includes(t))) return true;
  const pattern = rule.step;
  return pattern !== undefined && s.steps.some((step) => pattern.test(step.text));
}

/** The settings `s` depends on, in the table's order. */
export function prerequisitesOf(
  s: PrerequisiteSubject,
  table: readonly LabPrerequisite[] = LAB_PREREQUISITES,
): LabPrerequisite[] {
  return table.filter((p) => applies(p.appliesTo, s));
}
