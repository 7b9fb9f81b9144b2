import { describe, expect, it } from "vitest";
import { countAxis } from "./chart-axis";

const ticksOf = (values: number[]) => {
  const axis = countAxis(values);
  return axis.allowDecimals ? axis.ticks : null;
};

describe("countAxis: the count axis of the statistics charts", () => {
  it("uses the library's integer ticks when every count is whole", () => {
    expect(countAxis([2, 1, 1])).toEqual({ allowDecimals: false, domain: [0, 2] });
    expect(countAxis([1, 1])).toEqual({ allowDecimals: false, domain: [0, 1] });
    expect(countAxis([])).toEqual({ allowDecimals: false, domain: [0, 1] });
    expect(countAxis([0, 0])).toEqual({ allowDecimals: false, domain: [0, 1] });
  });

  it("gives halves only as steps of 0.5 from 0, for a small top", () => {
    expect(countAxis([1.5, 1])).toEqual({ allowDecimals: true, ticks: [0, 0.5, 1, 1.5], domain: [0, 1.5] });
    expect(countAxis([0.5])).toEqual({ allowDecimals: true, ticks: [0, 0.5], domain: [0, 0.5] });
    expect(countAxis([2.5, 3])).toEqual({ allowDecimals: true, ticks: [0, 0.5, 1, 1.5, 2, 2.5, 3], domain: [0, 3] });
  });

  it("steps by whole numbers (1, 2, 5, 10 …) when the top is larger, at most 7 ticks", () => {
    expect(ticksOf([4.5, 1])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ticksOf([9.5])).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticksOf([27.5])).toEqual([0, 5, 10, 15, 20, 25, 30]);
    expect(ticksOf([212.5])).toEqual([0, 50, 100, 150, 200, 250]);
    for (const max of [3.5, 7.5, 13.5, 49.5, 101.5, 999.5]) {
      const axis = countAxis([max]);
      if (!axis.allowDecimals) throw new Error("expected ticks");
      expect(axis.ticks.length, String(max)).toBeLessThanOrEqual(7);
      expect(axis.ticks.at(-1), String(max)).toBeGreaterThanOrEqual(max);
      expect(axis.ticks.every((v) => Number.isInteger(v * 2)), String(max)).toBe(true);
    }
  });
});
