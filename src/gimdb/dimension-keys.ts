/**
 * The other dimension rows a seeded chat needs: RESOURCE_ (one row per resource name and type, and
 * the NONE and UNKNOWN resources every Info Mart has) and MEDIA_TYPE (chat, online). Existing rows
 * are reused, new ones get the next key.
 */
import type { ResourceType } from "../domain/irf";
import { SEEDED_RESOURCE_TYPES } from "../sut/resource-type-codes";
import type { Queryable } from "./read-only-session";

/** The tenant every seeded row belongs to; GIM's single-tenant deployments use one tenant too. */
export const SEEDED_TENANT_KEY = 1;

/**
 * The resources that stand for "no resource" and "not known" (RESOURCE_TYPE_CODE NONE and UNKNOWN,
 * which every Info Mart has); facts point at NONE where no resource applies. HYPOTHESIS: their
 * names and types spelled like the codes (GIM's own rows could not be read).
 */
export const SPECIAL_RESOURCES = {
  NONE: { type: "None", code: "NONE", subtype: "None", name: "NONE" },
  UNKNOWN: { type: "Unknown", code: "UNKNOWN", subtype: "Unknown", name: "UNKNOWN" },
} as const;

export class ResourceKeys {
  private constructor(
    private readonly keys: Map<string, number>,
    private next: number,
    private readonly auditKey: string,
  ) {}

  static async load(db: Queryable, auditKey: string): Promise<ResourceKeys> {
    const { rows } = await db.query<{
      resource_key: number;
      resource_name: string | null;
      resource_type_code: string | null;
    }>("SELECT RESOURCE_KEY, RESOURCE_NAME, RESOURCE_TYPE_CODE FROM RESOURCE_");
    const keys = new Map<string, number>();
    let max = 0;
    for (const r of rows) {
      keys.set(`${r.resource_type_code}\u0000${r.resource_name}`, r.resource_key);
      max = Math.max(max, r.resource_key);
    }
    return new ResourceKeys(keys, max + 1, auditKey);
  }

  async keyFor(db: Queryable, name: string, type: ResourceType): Promise<number> {
    const seeded = SEEDED_RESOURCE_TYPES[type];
    // The event log knows an agent by one name only: AGENT_NAME is that name; the first and last
    // names it does not carry stay NULL rather than being invented.
    return this.row(db, { ...seeded, name }, type === "Agent" ? name : null);
  }

  /** The key of the NONE or UNKNOWN resource, adding it when absent. */
  async special(db: Queryable, which: keyof typeof SPECIAL_RESOURCES): Promise<number> {
    return this.row(db, SPECIAL_RESOURCES[which], null);
  }

  private async row(
    db: Queryable,
    r: { type: string; code: string; subtype: string; name: string },
    agentName: string | null,
  ): Promise<number> {
    const id = `${r.code}\u0000${r.name}`;
    const known = this.keys.get(id);
    if (known !== undefined) return known;
    const key = this.next++;
    await db.query(
      `INSERT INTO RESOURCE_ (RESOURCE_KEY, TENANT_KEY, RESOURCE_TYPE, RESOURCE_TYPE_CODE, RESOURCE_SUBTYPE,
         RESOURCE_NAME, AGENT_FIRST_NAME, AGENT_LAST_NAME, AGENT_NAME, CREATE_AUDIT_KEY, UPDATE_AUDIT_KEY)
       VALUES ($1, $2, $3, $4, $5, $6, NULL, NULL, $7, $8, $8)`,
      [key, SEEDED_TENANT_KEY, r.type, r.code, r.subtype, r.name, agentName, this.auditKey],
    );
    this.keys.set(id, key);
    return key;
  }
}

/** The key of the chat media type (MEDIA_NAME_CODE 'CHAT'), adding it, online, when absent. */
export async function chatMediaTypeKey(db: Queryable, auditKey: string): Promise<number> {
  const found = await db.query<{ media_type_key: number }>(
    "SELECT MEDIA_TYPE_KEY FROM MEDIA_TYPE WHERE MEDIA_NAME_CODE = 'CHAT' ORDER BY MEDIA_TYPE_KEY",
  );
  const existing = found.rows[0]?.media_type_key;
  if (existing !== undefined) return existing;
  const next = await db.query<{ key: number }>(
    "SELECT COALESCE(MAX(MEDIA_TYPE_KEY), 0) + 1 AS key FROM MEDIA_TYPE",
  );
  const key = next.rows[0]?.key ?? 1;
  await db.query(
    `INSERT INTO MEDIA_TYPE (MEDIA_TYPE_KEY, MEDIA_NAME, MEDIA_NAME_CODE, IS_ONLINE, CREATE_AUDIT_KEY, UPDATE_AUDIT_KEY)
     VALUES ($1, 'Chat', 'CHAT', 1, $2, $2)`,
    [key, auditKey],
  );
  return key;
}
