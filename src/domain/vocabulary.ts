/**
 * The descriptor vocabulary of Info Mart's TECHNICAL_DESCRIPTOR dimension.
 *
 * The public lists are incomplete (the TECHNICAL_RESULT list is cut off, ROLE_REASON values
 * could not be read anywhere), so the vocabulary is open: `Vocabulary.extend` adds names from
 * configuration without a code change. Names are GIM's; codes are the names upper-cased, as
 * GIM keys them (e.g. `RoutedTo` -> `ROUTEDTO`).
 */

/** RESOURCE_ROLE values seen in the seed ([seed]) and in GIM's voice flows ([doc]). */
export const RESOURCE_ROLES = [
  "RoutedTo",
  "ReceivedTransfer",
  "InConference",
  "ReceivedConsult",
  "Received",
  "Puller",
  "Initiated",
  "InitiatedConsult",
  "DivertedTo",
] as const;

/** TECHNICAL_RESULT values from the TECHNICAL_DESCRIPTOR table page ([doc]). */
export const TECHNICAL_RESULTS = [
  "Abandoned",
  "AbnormalStop",
  "Cleared",
  "Completed",
  "Conferenced",
  "CustomerAbandoned",
  "Deferred",
  "DestinationBusy",
  "Diverted",
  "Incomplete",
  "None",
  "OutboundStopped",
  "Pulled",
  "Redirected",
  "Routed",
  "Transferred",
  "Unspecified",
] as const;

/** RESULT_REASON values seen in the seed, the docs and practitioners' SQL. */
export const RESULT_REASONS = [
  "Unspecified",
  "Revoked",
  "AbandonedWhileQueued",
  "AbandonedWhileRinging",
  "AbandonedFromHold",
  // [doc] Added to TECHNICAL_DESCRIPTOR in GIM 8.5.005 (code CALLBACKACCEPTED): PDM supplement,
  // https://docs.genesys.com/Documentation/GIM/8.5.0/PDMMS/Supplement
  "CallbackAccepted",
  // [practitioners' SQL, no Genesys page found] A queue's mediation segment that delivered the
  // interaction to an agent: real Info Mart report SQL selects MSFs whose descriptor is
  // RESOURCE_ROLE in ('Received','ReceivedConsult'), TECHNICAL_RESULT = 'Diverted',
  // RESULT_REASON = 'AnsweredByAgent' (github.com/Alexis-Galarza/PIC, CC_TOT_15M.sh, commit
  // ae2ae75d7d734b216756aa4fdbcfb7ce9cbe7bc6). The RESULT_REASON list of the TECHNICAL_DESCRIPTOR
  // page could not be read, so no Genesys text confirms the name.
  "AnsweredByAgent",
] as const;

/** ROLE_REASON: no value could be read anywhere, so only the neutral one is known. */
export const ROLE_REASONS = ["Unspecified"] as const;

export type KnownResourceRole = (typeof RESOURCE_ROLES)[number];
export type KnownTechnicalResult = (typeof TECHNICAL_RESULTS)[number];
export type KnownResultReason = (typeof RESULT_REASONS)[number];
export type KnownRoleReason = (typeof ROLE_REASONS)[number];

/** The four columns of a descriptor, each a closed-but-extensible list of names. */
export type DescriptorColumn = "role" | "result" | "reason" | "roleReason";

export const COLUMN_LABELS: Readonly<Record<DescriptorColumn, string>> = {
  role: "RESOURCE_ROLE",
  result: "TECHNICAL_RESULT",
  reason: "RESULT_REASON",
  roleReason: "ROLE_REASON",
};

/** GIM's code for a name: the name upper-cased. */
export function codeOf(name: string): string {
  return name.toUpperCase();
}

/** Names a user adds to the vocabulary, e.g. from a `vocabulary.json` next to their features. */
export type VocabularyExtension = Partial<Record<DescriptorColumn, readonly string[]>>;

const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;

export class Vocabulary {
  private readonly names: Record<DescriptorColumn, ReadonlySet<string>>;

  private constructor(names: Record<DescriptorColumn, ReadonlySet<string>>) {
    this.names = names;
  }

  static standard(): Vocabulary {
    return new Vocabulary({
      role: new Set(RESOURCE_ROLES),
      result: new Set(TECHNICAL_RESULTS),
      reason: new Set(RESULT_REASONS),
      roleReason: new Set(ROLE_REASONS),
    });
  }

  /** A new vocabulary with the extension's names added; throws on a name GIM could not hold. */
  extend(extension: VocabularyExtension): Vocabulary {
    const next = {} as Record<DescriptorColumn, ReadonlySet<string>>;
    for (const column of Object.keys(this.names) as DescriptorColumn[]) {
      const added = extension[column] ?? [];
      for (const name of added) {
        if (!NAME_PATTERN.test(name)) {
          throw new Error(
            `${COLUMN_LABELS[column]} name "${name}" must be letters and digits, starting with a letter`,
          );
        }
      }
      next[column] = new Set([...this.names[column], ...added]);
    }
    return new Vocabulary(next);
  }

  has(column: DescriptorColumn, name: string): boolean {
    return this.names[column].has(name);
  }

  /**
   * The vocabulary's name for a GIM code (`ROUTEDTO` -> `RoutedTo`), or undefined when the code is
   * none of the vocabulary's. Codes are what a real Info Mart is compared by; names may be localized.
   */
  nameOfCode(column: DescriptorColumn, code: string): string | undefined {
    const wanted = code.trim().toUpperCase();
    for (const name of this.names[column]) if (codeOf(name) === wanted) return name;
    return undefined;
  }

  list(column: DescriptorColumn): readonly string[] {
    return [...this.names[column]];
  }
}
