/**
 * The statistics of drift against values any textbook table or R gives: chi-square critical values
 * for one degree of freedom, a 2x2 table worked by hand, the z-test identity, and R's
 * p.adjust(method = "BH").
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import { benjaminiHochberg, chiSquare1dfPValue, chiSquare2x2 } from "../../src/drift/drift-stats";

describe("drift statistics", () => {
  test("the chi-square (1 df) p-value at the table's critical values 3.841, 6.635, 10.828 is 0.05, 0.01, 0.001", () => {
    expect(chiSquare1dfPValue(3.841458820694124)).to.be.closeTo(0.05, 1e-6);
    expect(chiSquare1dfPValue(6.634896601021214)).to.be.closeTo(0.01, 1e-7);
    expect(chiSquare1dfPValue(10.827566170662733)).to.be.closeTo(0.001, 1e-8);
    expect(chiSquare1dfPValue(0)).to.equal(1);
  });

  test("a 2x2 table worked by hand: 20/100 vs 30/100 gives chi-square 4 (p 0.0455); 10/100 vs 25/100 gives 7.792 (p 0.00525)", () => {
    const even = chiSquare2x2({ before: 20, beforeTotal: 50, after: 30, afterTotal: 50 });
    expect(even.chiSquare).to.be.closeTo(4, 1e-12);
    expect(even.pValue).to.be.closeTo(0.0455003, 1e-6);
    const uneven = chiSquare2x2({ before: 10, beforeTotal: 100, after: 25, afterTotal: 100 });
    expect(uneven.chiSquare).to.be.closeTo(7.792208, 1e-6);
    expect(uneven.pValue).to.be.closeTo(0.0052472, 1e-6);
    expect(uneven.minExpected).to.be.closeTo(17.5, 1e-12);
  });

  test("chi-square equals the squared two-proportion z statistic", () => {
    const t = { before: 2000, beforeTotal: 100_000, after: 4100, afterTotal: 90_000 };
    const p1 = t.before / t.beforeTotal;
    const p2 = t.after / t.afterTotal;
    const pooled = (t.before + t.after) / (t.beforeTotal + t.afterTotal);
    const z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / t.beforeTotal + 1 / t.afterTotal));
    expect(chiSquare2x2(t).chiSquare).to.be.closeTo(z * z, 1e-6);
  });

  test("the same share before and after gives chi-square 0 and p 1", () => {
    const r = chiSquare2x2({ before: 300, beforeTotal: 1000, after: 600, afterTotal: 2000 });
    expect(r.chiSquare).to.be.closeTo(0, 1e-12);
    expect(r.pValue).to.equal(1);
  });

  test("Benjamini–Hochberg matches R's p.adjust(c(0.01, 0.04, 0.03, 0.005), 'BH') = 0.02 0.04 0.04 0.02", () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(q.map((x) => Number(x.toFixed(10)))).to.deep.equal([0.02, 0.04, 0.04, 0.02]);
  });

  test("Benjamini–Hochberg never lowers a p-value and caps at 1", () => {
    const ps = [0.9, 0.5, 0.001, 0.2, 0.7];
    const q = benjaminiHochberg(ps);
    for (const [i, x] of q.entries())
      expect(x)
        .to.be.at.least(ps[i] as number)
        .and.at.most(1);
    expect(benjaminiHochberg([])).to.deep.equal([]);
  });
});
