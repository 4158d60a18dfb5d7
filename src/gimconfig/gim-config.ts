/**
 * The configuration the Info Mart under test ran with: the GIM and Chat Server options that
 * change what Info Mart records for the same chat. It is part of the specification: the same
 * flow gives other facts under other options, so a run names the configuration it judged by.
 *
 * Each option's default is the one its Genesys page documents, used when a configuration file
 * leaves it out.
 */

export type StopAbandonedInteraction = "never" | "noanswer" | "always";

export interface GimConfig {
  /**
   * GIM `populate-mm-ixnqueue-facts` (default false): from 8.5.003 GIM "always creates an MSF
   * record for the first Interaction Queue that an inbound interaction enters"; a later queue is
   * represented in MEDIATION_SEGMENT_FACT only when this is true
   * (https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow).
   */
  populateMmIxnqueueFacts: boolean;
  /**
   * GIM `stop-ixn-queues` (default empty): interaction queues in which an interaction is
   * stopped; the handler who placed it there gets COMPLETED/UNSPECIFIED and the strategy that
   * stops it is not represented (GIMMMIxnFlow; GIM 8.5.015.19 release note,
   * https://docs.genesys.com/Documentation/RN/8.5.x/gim85rn/gim8501519).
   */
  stopIxnQueues: readonly string[];
  /**
   * Chat Server `stop-abandoned-interaction` (default `never`): with `noanswer`, Chat Server
   * stops a chat the customer left if no agent ever joined it; Genesys recommends it "to enable
   * accurate reporting of abandoned chats"
   * (https://docs.genesys.com/Documentation/ESChat/8.5.3/Admin/ChatReporting).
   */
  stopAbandonedInteraction: StopAbandonedInteraction;
}

/** GIM's and Chat Server's documented defaults, for an option a configuration file leaves out. */
export const DOCUMENTED_DEFAULTS: GimConfig = {
  populateMmIxnqueueFacts: false,
  stopIxnQueues: [],
  stopAbandonedInteraction: "never",
};

/**
 * What the harness's own gim-config.yaml sets (the lab kit's settings), so that reading it needs
 * no YAML parser; test/gimconfig/bundled-config.test.ts parses the file and compares.
 */
export const BUNDLED_GIM_CONFIG: GimConfig = {
  populateMmIxnqueueFacts: false,
  stopIxnQueues: ["Chat_Stop"],
  stopAbandonedInteraction: "noanswer",
};

/** The option names as GIM and Chat Server spell them, for files, reports and messages. */
export const OPTION_NAMES: Readonly<Record<keyof GimConfig, string>> = {
  populateMmIxnqueueFacts: "populate-mm-ixnqueue-facts",
  stopIxnQueues: "stop-ixn-queues",
  stopAbandonedInteraction: "stop-abandoned-interaction",
};

/** Where each option is set, for messages ("GIM [gim-etl] populate-mm-ixnqueue-facts"). */
export const OPTION_OWNERS: Readonly<Record<keyof GimConfig, string>> = {
  populateMmIxnqueueFacts: "gim",
  stopIxnQueues: "gim",
  stopAbandonedInteraction: "chat-server",
};

/** One line per option, e.g. for the Allure environment and the snapshot: `name: value`. */
export function describeGimConfig(config: GimConfig): Record<string, string> {
  return {
    [OPTION_NAMES.populateMmIxnqueueFacts]: String(config.populateMmIxnqueueFacts),
    [OPTION_NAMES.stopIxnQueues]:
      config.stopIxnQueues.length === 0 ? "(none)" : config.stopIxnQueues.join(", "),
    [OPTION_NAMES.stopAbandonedInteraction]: config.stopAbandonedInteraction,
  };
}
