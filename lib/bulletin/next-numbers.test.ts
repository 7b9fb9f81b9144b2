import { describe, expect, it } from "vitest";
import { nextRegularNumbers, nextSupplementNumberOf, nextSupplementNumbers, supplementLabelOf, type NumberingState } from "./next-numbers";

const state: NumberingState = {
  lastNumberByYear: { "2025": 48, "2026": 11 },
  lastTotal: 520,
  lastSupplementByYear: { "2026": { 增刊: 2, 专刊: 1 } },
  lastPublished: { year: null, number: null, total: null },
};

describe("next issue numbers (SPEC §2)", () => {
  it("第N期 follows the year's highest and restarts each year; 总第M期 never restarts", () => {
    expect(nextRegularNumbers(state, 2026)).toEqual({ number: 12, totalNumber: 521 });
    expect(nextRegularNumbers(state, 2025)).toEqual({ number: 49, totalNumber: 521 });
    expect(nextRegularNumbers(state, 2027)).toEqual({ number: 1, totalNumber: 521 });
  });

  it("a recorded last published issue ahead of the archive wins, for its year only", () => {
    const s = { ...state, lastPublished: { year: 2027, number: 3, total: 600 } };
    expect(nextRegularNumbers(s, 2027)).toEqual({ number: 4, totalNumber: 601 });
    expect(nextRegularNumbers(s, 2026)).toEqual({ number: 12, totalNumber: 601 });
  });

  it("each supplement name counts on its own within its year", () => {
    expect(nextSupplementNumbers(state, 2026)).toEqual({ 增刊: 3, 专刊: 2, 特刊: 1 });
    expect(nextSupplementNumberOf(state, 2027, "专刊")).toBe(1);
    expect(supplementLabelOf(null)).toBe("增刊");
    expect(supplementLabelOf("专刊")).toBe("专刊");
    expect(supplementLabelOf("别的")).toBe("增刊");
  });
});
