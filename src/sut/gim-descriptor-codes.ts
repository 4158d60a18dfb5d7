/**
 * A technical descriptor read BY CODE from a GIM record (IRF or MSF): each `_CODE` column is
 * mapped to the vocabulary's name (`ROUTEDTO` -> `RoutedTo`, vocabulary.json extensions
 * included). A code the vocabulary does not know is kept as the raw code, so the comparison
 * fails that scenario with the code shown: never an input error, never an aborted run. GIM's
 * names "can change with localization" while the codes do not (PDM, Table-TECHNICAL_DESCRIPTOR),
 * so the names are carried beside the codes (RecordedNames) and never read for meaning: they may
 * be any text, e.g. "Rôle RoutedTo".
 */
import { UNSPECIFIED } from "../domain/descriptor";
import type { RecordedNames, ResourceType } from "../domain/irf";
import type { DescriptorColumn, Vocabulary } from "../domain/vocabulary";
import { InputError } from "../errors";
import type { Sourced } from "./export-spec";
import { required, value } from "./gim-record-values";
import { RESOURCE_TYPE_CODES, resourceTypeOf } from "./resource-type-codes";

/** The code and name columns every descriptor-bearing export has. */
export type DescriptorRecordColumn =
  | "RESOURCE_ROLE"
  | "RESOURCE_ROLE_CODE"
  | "TECHNICAL_RESULT"
  | "TECHNICAL_RESULT_CODE"
  | "RESULT_REASON"
  | "RESULT_REASON_CODE"
  | "ROLE_REASON"
  | "ROLE_REASON_CODE"
  | "RESOURCE_TYPE"
  | "RESOURCE_TYPE_CODE";

const FIELDS: readonly {
  field: DescriptorColumn;
  code: DescriptorRecordColumn;
  name: DescriptorRecordColumn;
  optional: boolean;
}[] = [
  { field: "role", code: "RESOURCE_ROLE_CODE", name: "RESOURCE_ROLE", optional: false },
  { field: "result", code: "TECHNICAL_RESULT_CODE", name: "TECHNICAL_RESULT", optional: false },
  { field: "reason", code: "RESULT_REASON_CODE", name: "RESULT_REASON", optional: true },
  { field: "roleReason", code: "ROLE_REASON_CODE", name: "ROLE_REASON", optional: true },
];

export interface CodedDescriptor {
  role: string;
  result: string;
  reason: string;
  roleReason: string;
  recordedNames?: RecordedNames;
}

/**
 * The descriptor of `record`. RESULT_REASON_CODE and ROLE_REASON_CODE empty or NULL read as
 * Unspecified, as GIM means NULL there; the role and result codes are required.
 */
export function descriptorByCode<C extends string>(
  record: Sourced<C | DescriptorRecordColumn>,
  vocabulary: Vocabulary,
  source: string,
  what: string,
): CodedDescriptor {
  // Unspecified until a code is read; the role and result codes always are (they are required).
  const out: CodedDescriptor = {
    role: UNSPECIFIED,
    result: UNSPECIFIED,
    reason: UNSPECIFIED,
    roleReason: UNSPECIFIED,
  };
  const names: RecordedNames = {};
  for (const { field, code, name, optional } of FIELDS) {
    const text = optional ? value(record, code) : required(record, code, source, what);
    if (text !== "") out[field] = vocabulary.nameOfCode(field, text) ?? text;
    const recorded = value(record, name);
    if (recorded !== "") names[field] = recorded;
  }
  const resourceType = value(record, "RESOURCE_TYPE");
  if (resourceType !== "") names.resourceType = resourceType;
  if (Object.keys(names).length > 0) out.recordedNames = names;
  return out;
}

/** RESOURCE_TYPE_CODE as recorded and the resource type it means; an unknown code is rejected. */
export function resourceTypeByCode<C extends string>(
  record: Sourced<C | DescriptorRecordColumn>,
  source: string,
  guid: string,
  what: string,
): { resourceType: ResourceType; resourceTypeCode: string } {
  const code = required(record, "RESOURCE_TYPE_CODE", source, what);
  const resourceType = resourceTypeOf(code);
  if (resourceType === undefined) {
    throw new InputError(
      source,
      record.line,
      "RESOURCE_TYPE_CODE",
      `unknown code "${code}" for interaction ${guid}; known: ${Object.keys(RESOURCE_TYPE_CODES).join(", ")}`,
    );
  }
  return { resourceType, resourceTypeCode: code };
}
