/**
 * TECHNICAL_DESCRIPTOR rows keyed as GIM keys them: one row, with its own surrogate key, per
 * distinct combination of the four names (RESOURCE_ROLE, TECHNICAL_RESULT, RESULT_REASON,
 * ROLE_REASON), each with its code, the name upper-cased. An existing row for a combination is
 * reused; a new combination gets the next key.
 */
import { codeOf } from "../domain/vocabulary";
import type { Queryable } from "./read-only-session";

export interface DescriptorNames {
  role: string;
  result: string;
  reason: string;
  roleReason: string;
}

const combination = (d: DescriptorNames) => [d.role, d.result, d.reason, d.roleReason].join("\u0000");

export class DescriptorKeys {
  private constructor(
    private readonly keys: Map<string, number>,
    private next: number,
    private readonly auditKey: string,
  ) {}

  /** The keys already in TECHNICAL_DESCRIPTOR; new rows get `auditKey` as their audit keys. */
  static async load(db: Queryable, auditKey: string): Promise<DescriptorKeys> {
    const { rows } = await db.query<{
      technical_descriptor_key: number;
      resource_role: string | null;
      technical_result: string | null;
      result_reason: string | null;
      role_reason: string | null;
    }>(
      "SELECT TECHNICAL_DESCRIPTOR_KEY, RESOURCE_ROLE, TECHNICAL_RESULT, RESULT_REASON, ROLE_REASON FROM TECHNICAL_DESCRIPTOR",
    );
    const keys = new Map<string, number>();
    let max = 0;
    for (const r of rows) {
      const names = {
        role: r.resource_role ?? "",
        result: r.technical_result ?? "",
        reason: r.result_reason ?? "",
        roleReason: r.role_reason ?? "",
      };
      keys.set(combination(names), r.technical_descriptor_key);
      max = Math.max(max, r.technical_descriptor_key);
    }
    return new DescriptorKeys(keys, max + 1, auditKey);
  }

  async keyFor(db: Queryable, d: DescriptorNames): Promise<number> {
    const known = this.keys.get(combination(d));
    if (known !== undefined) return known;
    const key = this.next++;
    await db.query(
      `INSERT INTO TECHNICAL_DESCRIPTOR (TECHNICAL_DESCRIPTOR_KEY, TECHNICAL_RESULT, TECHNICAL_RESULT_CODE,
         RESULT_REASON, RESULT_REASON_CODE, RESOURCE_ROLE, RESOURCE_ROLE_CODE, ROLE_REASON, ROLE_REASON_CODE,
         CREATE_AUDIT_KEY, UPDATE_AUDIT_KEY)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
      [
        key,
        d.result,
        codeOf(d.result),
        d.reason,
        codeOf(d.reason),
        d.role,
        codeOf(d.role),
        d.roleReason,
        codeOf(d.roleReason),
        this.auditKey,
      ],
    );
    this.keys.set(combination(d), key);
    return key;
  }
}
