/**
 * The count axis of a statistics chart (recharts props for a numeric axis). Counts are whole
 * numbers unless half co-credit (coUnitShare 0.5) made some of them halves. Pure.
 *
 * - All whole: `{ allowDecimals: false }` — recharts' own integer-tick option (0, 1, 2 …) — over
 *   the `domain` 0 to the largest count (at least 1), so one adopted item does not get an axis to 4.
 * - Some halves: explicit `ticks` from 0, a step of 0.5 while the top is at most 3, else of 1, 2,
 *   5, 10 … (at most 7 ticks), and the `domain` they span; never 0.25 or 1.7.
 */
export function countAxis(values: number[]): { allowDecimals: false; domain: [number, number] } | { allowDecimals: true; ticks: number[]; domain: [number, number] } {
  const max = Math.max(0, ...values);
  if (values.every((v) => Number.isInteger(v))) return { allowDecimals: false, domain: [0, Math.max(1, max)] };
  let step = 0.5;
  if (max > 3) {
    const steps = [1, 2, 5];
    step = 1;
    for (let scale = 1; Math.ceil(max / step) > 6; scale *= 10) {
      step = steps.map((s) => s * scale).find((s) => Math.ceil(max / s) <= 6) ?? 10 * scale;
    }
  }
  const top = Math.ceil(max / step) * step || step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) ticks.push(Math.round(v * 2) / 2);
  return { allowDecimals: true, ticks, domain: [0, top] };
}

/**
 * The monthly trend line's curve (a recharts `type`): straight segments. A month's count is a point;
 * a smoothed curve (monotone, natural) drew values between months that no month had.
 */
export const TREND_CURVE = "linear" as const;
