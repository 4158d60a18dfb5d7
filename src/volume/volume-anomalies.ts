/**
 * Planting anomalies in a seeded volume, for tests and demos of census and drift: chats whose
 * facts no documented flow produces, loaded through the same generator and COPY path as the
 * volume itself (seed-volume.ts), so only the planted difference sets them apart.
 */
import type { DatabaseTarget } from "../gimdb/database-target";
import type { DescriptorNames } from "../gimdb/descriptor-keys";
import { seedVolume, type VolumeOptions, type VolumeResult } from "./seed-volume";

/**
 * An agent's IRF ended AbnormalStop instead of Completed: a descriptor in the vocabulary that no
 * chat flow of the User's Guide gives an agent who replied and ended the chat.
 */
export const UNDOCUMENTED_AGENT_END: DescriptorNames = {
  role: "RoutedTo",
  result: "AbnormalStop",
  reason: "Unspecified",
  roleReason: "Unspecified",
};

export interface PlantOptions
  extends Pick<VolumeOptions, "from" | "days" | "seed" | "config" | "examplesDir"> {
  /** Chats to plant. */
  count: number;
  /** The descriptor the routed agent's IRF gets instead of RoutedTo/Completed. */
  descriptor?: DescriptorNames;
}

/**
 * Loads `count` chats of flow 1 (chat-routed-agent-replies) whose routed agent's Completed IRF
 * carries `descriptor` instead: each is one interaction of an undocumented pattern.
 */
export function plantUndocumented(target: DatabaseTarget, options: PlantOptions): Promise<VolumeResult> {
  const descriptor = options.descriptor ?? UNDOCUMENTED_AGENT_END;
  const { count, descriptor: _d, ...rest } = options;
  return seedVolume(target, {
    ...rest,
    seed: options.seed ?? "planted",
    volume: count,
    mix: { "chat-routed-agent-replies": 1 },
    extraDescriptors: [descriptor],
    rewrite: (chat) => {
      for (const x of chat.interactions)
        for (const row of x.rows)
          if (row.role === "RoutedTo" && row.result === "Completed") Object.assign(row, descriptor);
    },
  });
}
