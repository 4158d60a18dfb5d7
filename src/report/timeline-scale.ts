/**
 * The time axis of a timeline. A linear axis fails both ways here: in a 5-minute chat a 2-second
 * alert is a sliver, and in a 2-second alert the chat's 0 ms and 5 ms events collide. So the
 * scale is piecewise linear over the distinct instants shown: every gap between two consecutive
 * instants gets a minimum width (events never collide and order always reads), and the width
 * left over is shared in proportion to the gaps' durations (long waits still look long). The
 * axis is therefore not to scale across gaps; its tick labels carry the real times.
 */

export interface TimeScale {
  /** x of an instant: exact for the instants given, interpolated between them, clamped outside. */
  x(time: number): number;
  /** Width the axis needs from its first instant to its last. */
  span: number;
}

/**
 * @param times distinct instants, ascending (epoch ms)
 * @param left x of the first instant
 * @param width preferred width from first to last instant; grown if the minimum gaps need more
 * @param minGap the least distance between two consecutive instants
 */
export function piecewiseScale(
  times: readonly number[],
  left: number,
  width: number,
  minGap: number,
): TimeScale {
  const first = times[0];
  const last = times[times.length - 1];
  if (first === undefined || last === undefined || times.length === 1) return { x: () => left, span: 0 };
  const gaps = times.length - 1;
  const span = Math.max(width, gaps * minGap);
  const spare = span - gaps * minGap;
  const total = last - first;
  const xs = times.map((t, i) => left + i * minGap + (total === 0 ? 0 : (spare * (t - first)) / total));
  return {
    span,
    x(time: number): number {
      if (time <= first) return left;
      if (time >= last) return left + span;
      let hi = 1;
      while ((times[hi] ?? last) < time) hi++;
      const t0 = times[hi - 1] ?? first;
      const t1 = times[hi] ?? last;
      const x0 = xs[hi - 1] ?? left;
      const x1 = xs[hi] ?? left + span;
      return t1 === t0 ? x0 : x0 + ((x1 - x0) * (time - t0)) / (t1 - t0);
    },
  };
}

/** `+0s`, `+0.25s`, `+4.5s`, `+1m07s`, `+1h02m`: time since the start, short enough for an axis tick. */
export function relativeTime(ms: number): string {
  const s = ms / 1000;
  if (s < 1 && s > 0) return `+${(Math.round(s * 100) / 100).toString()}s`;
  if (s < 10 && !Number.isInteger(s)) return `+${(Math.round(s * 10) / 10).toString()}s`;
  const whole = Math.round(s);
  if (whole < 60) return `+${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `+${minutes}m${String(whole % 60).padStart(2, "0")}s`;
  return `+${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}

/** `0.5 s`, `61 s`, `4 min 40 s`, `2 h 3 min`: a duration for captions and tooltips. */
export function durationText(ms: number): string {
  const s = ms / 1000;
  if (s < 10 && !Number.isInteger(s)) return `${(Math.round(s * 10) / 10).toString()} s`;
  const whole = Math.round(s);
  if (whole < 120) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 120) return whole % 60 === 0 ? `${minutes} min` : `${minutes} min ${whole % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
