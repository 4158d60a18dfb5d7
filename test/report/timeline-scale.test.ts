/** The timeline's piecewise time scale and its time labels. */
import { describe, test } from "node:test";
import { expect } from "chai";
import { durationText, piecewiseScale, relativeTime } from "../../src/report/timeline-scale";

describe("piecewiseScale", () => {
  test("keeps a minimum gap between instants and shares the rest in proportion to time", () => {
    // A 2-second alert inside a 5-minute chat.
    const s = piecewiseScale([0, 2_000, 300_000], 100, 600, 30);
    expect(s.x(0)).to.equal(100);
    expect(s.x(300_000)).to.equal(700);
    expect(s.x(2_000) - s.x(0)).to.be.closeTo(30 + (540 * 2) / 300, 1e-9);
    expect(s.span).to.equal(600);
  });

  test("widens past the preferred width when the minimum gaps need it", () => {
    const times = Array.from({ length: 31 }, (_, i) => i);
    const s = piecewiseScale(times, 0, 600, 30);
    expect(s.span).to.equal(900);
    expect(s.x(1) - s.x(0)).to.equal(30);
  });

  test("a single instant sits at the left edge", () => {
    expect(piecewiseScale([5], 40, 600, 30).x(5)).to.equal(40);
    expect(piecewiseScale([], 40, 600, 30).span).to.equal(0);
  });
});

describe("time labels", () => {
  test("relative times stay short", () => {
    expect([0, 500, 4_000, 67_000, 3_720_000].map(relativeTime)).to.deep.equal([
      "+0s",
      "+0.5s",
      "+4s",
      "+1m07s",
      "+1h02m",
    ]);
  });

  test("durations read as words", () => {
    expect([500, 61_000, 280_000, 7_380_000].map(durationText)).to.deep.equal([
      "0.5 s",
      "61 s",
      "4 min 40 s",
      "2 h 3 min",
    ]);
  });
});
