/**
 * The expected mediation-segment table of a feature,
 * `| MSF | queue | role | result | reason | IRF |` and an optional `| role reason |`, read into
 * MsfExpectation rows. Like the IRF table it is the complete set for the interaction, numbered
 * 1, 2, 3… in order. The IRF cell names the IRF the segment is linked to (`IRF1` or `1`), `none`
 * for a segment linked to no IRF, or is left blank when the link is not asserted.
 */
import { UNSPECIFIED } from "../domain/descriptor";
import type { MsfExpectation } from "../domain/msf";
import { Vocabulary } from "../domain/vocabulary";
import { InputError } from "../errors";
import { checkDescriptorNames, columnIndex } from "./irf-table";

export const MSF_TABLE_COLUMNS = ["MSF", "queue", "role", "result", "reason"] as const;
export const MSF_TABLE_OPTIONAL_COLUMNS = ["IRF", "role reason"] as const;

const IRF_LINK = /^(?:IRF)?\s*(\d+)$/i;

export function parseMsfTable(
  rows: readonly (readonly string[])[],
  where: string,
  vocabulary: Vocabulary = Vocabulary.standard(),
): MsfExpectation[] {
  const [header, ...body] = rows;
  if (header === undefined) throw new InputError(where, undefined, undefined, "the MSF table is empty");
  const index = columnIndex(header, where, MSF_TABLE_COLUMNS, MSF_TABLE_OPTIONAL_COLUMNS, "MSF");
  return body.map((cells, i) => {
    const cell = (
      column: (typeof MSF_TABLE_COLUMNS)[number] | (typeof MSF_TABLE_OPTIONAL_COLUMNS)[number],
    ) => {
      const at = index[column];
      return at === undefined ? "" : (cells[at] ?? "").trim();
    };
    const row = `MSF table row ${i + 1}`;
    const msf = Number(cell("MSF"));
    if (!Number.isInteger(msf) || msf !== i + 1) {
      throw new InputError(where, undefined, "MSF", `${row} must be numbered ${i + 1}, not "${cell("MSF")}"`);
    }
    const resource = cell("queue");
    if (resource === "") throw new InputError(where, undefined, "queue", `${row} names no queue`);
    const reason = cell("reason") === "" ? UNSPECIFIED : cell("reason");
    checkDescriptorNames(
      [
        ["role", cell("role")],
        ["result", cell("result")],
        ["reason", reason],
      ],
      where,
      row,
      vocabulary,
    );
    const expectation: MsfExpectation = { msf, resource, role: cell("role"), result: cell("result"), reason };
    const roleReason = cell("role reason");
    if (roleReason !== "") {
      checkDescriptorNames([["roleReason", roleReason]], where, row, vocabulary);
      expectation.roleReason = roleReason;
    }
    const link = cell("IRF");
    if (link.toLowerCase() === "none") expectation.irf = null;
    else if (link !== "") {
      const m = IRF_LINK.exec(link);
      if (m?.[1] === undefined) {
        throw new InputError(where, undefined, "IRF", `${row}: "${link}" is not an IRF like IRF1, or none`);
      }
      expectation.irf = Number(m[1]);
    }
    return expectation;
  });
}
