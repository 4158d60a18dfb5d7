/** The test helper that stands in for an XML parser must itself catch what it claims to. */
import { describe, test } from "node:test";
import { expect } from "chai";
import { xmlProblems } from "./xml-well-formed";

describe("xmlProblems", () => {
  test("accepts well-formed markup", () => {
    expect(
      xmlProblems(`<svg a="1" b='2'><g><title>x &amp; y &#39;</title><rect/></g><!-- c --></svg>`),
    ).to.deep.equal([]);
  });

  for (const [name, xml] of [
    ["crossed tags", "<a><b></a></b>"],
    ["an unclosed tag", "<a><b></b>"],
    ["a raw < in text", "<a>1 < 2</a>"],
    ["a raw & in text", "<a>R&D</a>"],
    ["a raw < in an attribute", '<a t="<"/>'],
    ["an unquoted attribute", "<a t=1/>"],
    ["a duplicate attribute", '<a t="1" t="2"/>'],
    ["two roots", "<a/><b/>"],
  ] as const) {
    test(`rejects ${name}`, () => {
      expect(xmlProblems(xml)).not.to.deep.equal([]);
    });
  }
});
