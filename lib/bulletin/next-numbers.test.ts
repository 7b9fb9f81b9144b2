import { describe, expect, it } from "vitest";
import { dateForYear, issueUsingNumber, issueUsingSupplement, issueUsingTotal, nextRegularNumbers, nextSupplementNumberOf, nextSupplementNumbers, supplementLabelOf, type NumberingState } from "./next-numbers";

const state: NumberingState = {
  lastNumberByYear: { "2025": 48, "2026": 11 },
  lastTotal: 520,
  lastSupplementByYear: { "2026": { 增刊: 2, 专刊: 1 } },
  lastPublished: { year: null, number: null, total: null },
  used: {
    // 2025年第48期 (总第509期), 2026年第1期 (总第510期), 2026年第10-11期合刊 (总第519-520期).
    regular: [
      [2025, 48, 0, 509, 0],
      [2026, 1, 0, 510, 0],
      [2026, 10, 11, 519, 520],
    ],
    supplements: [
      [2026, "增刊", 2],
      [2026, "专刊", 1],
      [2026, "专刊", 0],
    ],
  },
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

describe("naming the issue that holds a number (the new-issue form)", () => {
  it("names the regular issue or 合刊 holding a 期号 of that year, over both ends of a 合刊", () => {
    expect(issueUsingNumber(state, 2026, 1)).toBe("2026年第1期");
    expect(issueUsingNumber(state, 2026, 11)).toBe("2026年第10-11期合刊");
    expect(issueUsingNumber(state, 2026, 9, 10)).toBe("2026年第10-11期合刊");
    expect(issueUsingNumber(state, 2026, 5)).toBeNull();
    expect(issueUsingNumber(state, 2027, 1)).toBeNull();
    expect(issueUsingNumber(state, 2025, 48)).toBe("2025年第48期");
  });

  it("names the issue holding a 总期号, whatever its year", () => {
    expect(issueUsingTotal(state, 509)).toBe("2025年第48期");
    expect(issueUsingTotal(state, 520)).toBe("2026年第10-11期合刊");
    expect(issueUsingTotal(state, 518, 519)).toBe("2026年第10-11期合刊");
    expect(issueUsingTotal(state, 521)).toBeNull();
  });

  it("names a supplement of its own name and year only; an unnumbered one holds nothing", () => {
    expect(issueUsingSupplement(state, 2026, "增刊", 2)).toBe("2026年增刊第2期");
    expect(issueUsingSupplement(state, 2026, "专刊", 2)).toBeNull();
    expect(issueUsingSupplement(state, 2026, "特刊", 1)).toBeNull();
    expect(issueUsingSupplement(state, 2026, "专刊", 0)).toBeNull();
    expect(issueUsingSupplement(state, 2025, "增刊", 2)).toBeNull();
  });
});

describe("dateForYear: a 出刊日期 for the chosen year", () => {
  it("proposes today when the year is this year, else the same month and day", () => {
    expect(dateForYear("2026-11-30", 2023, "2026-11-30")).toEqual({ date: "2023-11-30", basis: "sameDay" });
    expect(dateForYear("2023-05-08", 2026, "2026-11-30")).toEqual({ date: "2026-11-30", basis: "today" });
    expect(dateForYear("2024-02-29", 2023, "2026-11-30")).toEqual({ date: "2023-02-28", basis: "sameDay" });
    expect(dateForYear("2023-02-28", 2024, "2026-11-30")).toEqual({ date: "2024-02-28", basis: "sameDay" });
  });

  it("says nothing when the date is in the year, or is not a date, or the year is not one", () => {
    expect(dateForYear("2026-03-01", 2026, "2026-11-30")).toBeNull();
    expect(dateForYear("", 2023, "2026-11-30")).toBeNull();
    expect(dateForYear("2026-11-30", 0, "2026-11-30")).toBeNull();
    expect(dateForYear("2026-11-30", Number.NaN, "2026-11-30")).toBeNull();
  });
});
