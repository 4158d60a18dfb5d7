/**
 * The expected mediation-segment table of a feature,
 * `| MSF | queue | role | result | reason | IRF |` and an optional `| role reason |`, read into
 * MsfExpectation rows. Like the IRF table it is the complete set for the interaction, numbered
 * 1, 2, 3… in order. The IRF cell names the IRF the segment is linked to (`IRF1` or `1`), `none`
 * for a segment linked to no IRF, or is left blank when the link is not asserted.
 */
import type { MsfExpectation } from "../domain/msf";
import { Vocabulary } from "../domain/vocabulary";
import { InputError } from "../errors";
import { readFactTable } from "./fact-table";

const IRF_LINK = /^(?:IRF)?\s*(\d+)$/i;

export function parseMsfTable(
  rows: readonly (readonly string[])[],
  where: string,
  vocabulary: Vocabulary = Vocabulary.standard(),
  /** The feature line of each row, header first, when known (cucumber's step hook gives them). */
  rowLines: readonly number[] = [],
): MsfExpectation[] {
  const spec = {
    table: "MSF",
    ordinal: "MSF",
    resource: "queue",
    required: ["MSF", "queue"],
    optional: ["IRF"],
  } as const;
  return readFactTable(rows, where, spec, vocabulary, rowLines).map((r) => {
    const expectation: MsfExpectation = {
      msf: r.ordinal,
      resource: r.resource,
      role: r.role,
      result: r.result,
      reason: r.reason,
    };
    if (r.roleReason !== undefined) expectation.roleReason = r.roleReason;
    const link = r.cell("IRF");
    if (link.toLowerCase() === "none") expectation.irf = null;
    else if (link !== "") {
      const m = IRF_LINK.exec(link);
      if (m?.[1] === undefined) {
        throw new InputError(
          where,
          undefined,
          "IRF",
          `${r.label}: "${link}" is not an IRF like IRF1, or none`,
        );
      }
      expectation.irf = Number(m[1]);
    }
    return expectation;
  });
}
