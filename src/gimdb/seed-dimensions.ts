/**
 * The small dimensions seed-db fills besides TECHNICAL_DESCRIPTOR, RESOURCE_ and MEDIA_TYPE:
 * DATE_TIME (a row for every *_DATE_TIME_KEY a seeded fact uses), INTERACTION_TYPE (GIM's four
 * types), ROUTING_TARGET, INTERACTION_DESCRIPTOR, ANCHOR_FLAGS and CHAT_SESSION_DIM. Every row is
 * looked up by its attributes first and reused, so seeding twice adds no dimension rows.
 * Table and column names are constants of this module, never input.
 */
import type { Queryable } from "./read-only-session";

type Value = string | number | null;

const identity = (values: readonly Value[]): string =>
  values.map((v) => (v === null ? "\u0001" : String(v))).join("\u0000");

/**
 * A dimension keyed by a surrogate integer key: one row per distinct combination of `columns`;
 * new rows get MAX(key) + 1 and the seeding's audit key.
 */
export class KeyedDimension {
  private constructor(
    private readonly table: string,
    private readonly keyColumn: string,
    private readonly columns: readonly string[],
    private readonly keys: Map<string, number>,
    private next: number,
    private readonly auditKey: string,
  ) {}

  static async load(
    db: Queryable,
    table: string,
    keyColumn: string,
    columns: readonly string[],
    auditKey: string,
  ): Promise<KeyedDimension> {
    const { rows } = await db.query<Record<string, Value>>(
      `SELECT ${keyColumn} AS key, ${columns.join(", ")} FROM ${table}`,
    );
    const keys = new Map<string, number>();
    let max = 0;
    for (const r of rows) {
      const key = Number(r.key);
      keys.set(identity(columns.map((c) => r[c.toLowerCase()] ?? null)), key);
      max = Math.max(max, key);
    }
    return new KeyedDimension(table, keyColumn, columns, keys, max + 1, auditKey);
  }

  /** The key of the row with these values (in `columns` order), inserting it when absent. */
  async keyFor(db: Queryable, values: readonly Value[]): Promise<number> {
    const id = identity(values);
    const known = this.keys.get(id);
    if (known !== undefined) return known;
    const key = this.next++;
    const all = [this.keyColumn, ...this.columns, "CREATE_AUDIT_KEY", "UPDATE_AUDIT_KEY"];
    const n = this.columns.length;
    const params = all.map((_, i) => (i === n + 2 ? `$${n + 2}` : `$${i + 1}`));
    await db.query(`INSERT INTO ${this.table} (${all.join(", ")}) VALUES (${params.join(", ")})`, [
      key,
      ...values,
      this.auditKey,
    ]);
    this.keys.set(id, key);
    return key;
  }
}

/** GIM's four interaction types, names and codes from the INTERACTION_TYPE page. */
const INTERACTION_TYPES = ["Unknown", "Internal", "Inbound", "Outbound"] as const;
/**
 * HYPOTHESIS: the subtype of an interaction whose log names none (before event log 1.1 none did):
 * the Interaction Server subtype of a new interaction of each type (Unknown stays Unknown).
 */
const SUBTYPE_OF: Readonly<Record<(typeof INTERACTION_TYPES)[number], string>> = {
  Unknown: "Unknown",
  Internal: "InternalCollaborationInvite",
  Inbound: "InboundNew",
  Outbound: "OutboundNew",
};

/** INTERACTION_TYPE rows: GIM's four types written first, then any (type, subtype) a log names. */
export class InteractionTypeKeys {
  private constructor(private readonly dim: KeyedDimension) {}

  static async load(db: Queryable, auditKey: string): Promise<InteractionTypeKeys> {
    const dim = await KeyedDimension.load(
      db,
      "INTERACTION_TYPE",
      "INTERACTION_TYPE_KEY",
      ["INTERACTION_TYPE", "INTERACTION_TYPE_CODE", "INTERACTION_SUBTYPE", "INTERACTION_SUBTYPE_CODE"],
      auditKey,
    );
    const keys = new InteractionTypeKeys(dim);
    for (const type of INTERACTION_TYPES) await keys.keyFor(db, type, null);
    return keys;
  }

  /** The row of `type` (Unknown when null) with `subtype` (the type's default when null). */
  async keyFor(db: Queryable, type: string | null, subtype: string | null): Promise<number> {
    const t = type ?? "Unknown";
    const sub = subtype ?? SUBTYPE_OF[t as (typeof INTERACTION_TYPES)[number]] ?? "Unknown";
    return this.dim.keyFor(db, [t, t.toUpperCase(), sub, sub.toUpperCase()]);
  }
}

const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const two = (n: number) => String(n).padStart(2, "0");

/** GIM's DATE_TIME_KEY: the start of the 15-minute interval, in seconds since 1970 UTC. */
export function dateTimeKey(ts: number): number {
  return ts - (ts % 900);
}

/** The DATE_TIME row of a key: its labels in UTC, as reports group on them. */
export function dateTimeLabels(key: number): Record<string, string | number> {
  const d = new Date(key * 1000);
  const yyyy = String(d.getUTCFullYear());
  const mm = `${yyyy}-${two(d.getUTCMonth() + 1)}`;
  const dd = `${mm}-${two(d.getUTCDate())}`;
  const hh = two(d.getUTCHours());
  const mi = `${dd} ${hh}:${two(d.getUTCMinutes())}`;
  return {
    CAL_DATE: `${dd} 00:00:00`,
    CAL_DAY_NAME: DAY_NAMES[d.getUTCDay()] ?? "",
    CAL_HOUR_24_NUM_IN_DAY: d.getUTCHours(),
    LABEL_YYYY: yyyy,
    LABEL_YYYY_MM: mm,
    LABEL_YYYY_MM_DD: dd,
    LABEL_YYYY_MM_DD_HH24: `${dd} ${hh}`,
    LABEL_YYYY_MM_DD_HH24_MI: mi,
    LABEL_YYYY_MM_DD_HH24_15INT: mi,
    LABEL_HH24: hh,
  };
}

/** Adds a DATE_TIME row for each key not there yet. */
export async function writeDateTimes(db: Queryable, keys: Iterable<number>): Promise<void> {
  for (const key of new Set(keys)) {
    const labels = dateTimeLabels(key);
    const columns = Object.keys(labels);
    await db.query(
      `INSERT INTO DATE_TIME (DATE_TIME_KEY, ${columns.join(", ")})
       VALUES ($1, ${columns.map((_, i) => `$${i + 2}`).join(", ")})
       ON CONFLICT (DATE_TIME_KEY) DO NOTHING`,
      [key, ...Object.values(labels)],
    );
  }
}
