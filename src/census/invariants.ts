/**
 * Invariants every documented flow keeps, checked on census patterns (so on the rows the database
 * already grouped: the cost does not grow with traffic). Each names its basis; docs/census.md
 * lists them, and a test holds every bundled feature's expected tables to them, so an invariant
 * that a documented flow breaks cannot ship.
 */
import type { ParsedPattern, PatternRecord } from "./pattern-codes";

export interface Invariant {
  id: string;
  description: string;
  /** True when the pattern breaks it. */
  broken(pattern: ParsedPattern): boolean;
}

const sameResource = (a: PatternRecord, b: PatternRecord) => a.typeCode === b.typeCode && a.rank === b.rank;
const all = (p: ParsedPattern) => [...p.irfs, ...p.msfs];

export const INVARIANTS: readonly Invariant[] = [
  {
    id: "irf-present",
    description: "a chat interaction has at least one IRF",
    broken: (p) => p.irfs.length === 0,
  },
  {
    id: "transfer-received",
    description:
      "a Transferred IRF is followed by another resource's ReceivedTransfer IRF in the same interaction",
    broken: (p) =>
      p.irfs.some(
        (r, i) =>
          r.result === "TRANSFERRED" &&
          !p.irfs.slice(i + 1).some((n) => n.role === "RECEIVEDTRANSFER" && !sameResource(n, r)),
      ),
  },
  {
    id: "abandoned-while-queued-on-queue",
    description: "AbandonedWhileQueued is only the reason of a queue's Received IRF or MSF",
    broken: (p) =>
      all(p).some(
        (r) => r.reason === "ABANDONEDWHILEQUEUED" && (r.typeCode !== "QUEUE" || r.role !== "RECEIVED"),
      ),
  },
  {
    id: "puller-on-strategy",
    description: "Puller is only the role of a strategy (routing point)",
    broken: (p) => all(p).some((r) => r.role === "PULLER" && r.typeCode !== "ROUTINGPOINT"),
  },
  {
    id: "msf-on-queue",
    description: "a chat's mediation segments are at interaction queues",
    broken: (p) => p.msfs.some((r) => r.typeCode !== "QUEUE"),
  },
];
