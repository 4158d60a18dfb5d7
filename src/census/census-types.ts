/**
 * The census of a window of production chat traffic, as `census --json FILE` writes it and `drift`
 * reads it. The shape is a public contract, pinned by census.schema.json (a test validates every
 * census the code writes against it): change both together and bump CENSUS_FORMAT_VERSION.
 */

export const CENSUS_FORMAT_VERSION = 1;

/** Where the census was taken. */
export interface CensusSource {
  /** `postgres` (computed in the database) or `export` (pattern rows exported with sql/census-*.sql). */
  kind: "postgres" | "export";
  /** `host:port/database` or the export file's name: never a password. */
  name: string;
}

/** The interactions counted: those whose INTERACTION_FACT.START_TS is in [from, to). */
export interface CensusWindow {
  /** RFC 3339, inclusive; null = from the first interaction. */
  from: string | null;
  /** RFC 3339, exclusive; null = to the last interaction. */
  to: string | null;
}

/**
 * One distinct pattern: every interaction whose IRFs (in START_TS, then INTERACTION_RESOURCE_ID
 * order) and MSFs carry the same descriptors on the same abstract resources.
 */
export interface CensusPattern {
  /**
   * The pattern, readable and unique within a census (drift compares censuses by it). Each IRF as
   * `<Type><n> <Role>/<Result>` plus ` [<Reason>]` when the reason is not Unspecified and
   * ` {<RoleReason>}` when the role reason is not Unspecified, IRFs joined by ` > `; then, when
   * the interaction has MSFs, ` | ` and each MSF the same way followed by ` @IRF<k>` (the IRF it
   * is linked to, `@-` when none), joined by `, `. `<Type><n>` is the n-th distinct resource of
   * that type in order of appearance (Agent1, Agent2, Queue1, Strategy1, Other1). Names come from
   * the vocabulary by code; a code the vocabulary lacks is shown as recorded.
   */
  signature: string;
  /** The same pattern as GIM codes, exactly as the census query computed it. */
  codes: string;
  /** The @id of the one scenario whose expected tables this pattern matches; null = no feature has it. */
  flow: string | null;
  /** Interactions with this pattern. */
  interactions: number;
  /** IRFs per interaction of this pattern. */
  irfsPerInteraction: number;
  /** Some of its interactions' MEDIA_SERVER_IXN_GUIDs (at most the census's sample size). */
  samples: string[];
  /**
   * For a pattern no feature has: the documented scenario it is closest to (one IRF or MSF
   * descriptor differs, or one record more or fewer) and what differs, in words.
   */
  nearMiss?: { flow: string; difference: string };
  /** Other scenarios that state the very same tables as `flow` (a tie: the first @id in file order wins). */
  ties?: string[];
}

/** How many interactions each scenario of the features accounts for (also those with none). */
export interface CensusFlowCount {
  flow: string;
  /** The scenario's name, and its feature's. */
  scenario: string;
  feature: string;
  provisional: boolean;
  interactions: number;
}

/** Interactions breaking an invariant every documented flow keeps (docs/census.md lists each with its basis). */
export interface InvariantBreak {
  /** Stable id, e.g. `transfer-received`. */
  invariant: string;
  /** The invariant in words. */
  description: string;
  interactions: number;
  samples: string[];
  /** The signatures of the patterns that break it. */
  patterns: string[];
}

export interface Census {
  formatVersion: typeof CENSUS_FORMAT_VERSION;
  createdAt: string;
  harnessVersion: string;
  /** The system under test. */
  source: CensusSource;
  /** JOB_VERSION of the latest Job_TransformGIM run; null when it cannot be read (e.g. from an export). */
  gimVersion: string | null;
  window: CensusWindow;
  /** Chat interactions counted (the sum of the patterns' interactions). */
  interactions: number;
  /** Their IRFs. */
  irfs: number;
  /** Most samples kept per pattern. */
  sampleSize: number;
  /** Most frequent first, then by signature. */
  patterns: CensusPattern[];
  /** Per scenario of the features, in feature order. */
  flows: CensusFlowCount[];
  invariantBreaks: InvariantBreak[];
  /** The GIM configuration the features were read for (`--gim-config`), option name to value. */
  gimConfig?: Record<string, string>;
}
