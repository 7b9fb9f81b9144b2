import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/data/errors";
import { resolvePeriod } from "@/lib/data/stats";
import { loadMessages } from "@/lib/i18n/messages";
import { parseParams } from "@/lib/api/query";
import { z } from "zod";
import { labelIsTheDates } from "./period-label";
import { periodProblem } from "./period-problem";

/** The refusal of resolvePeriod for some filters, or null when they are good. */
const refusal = (q: Record<string, string | number>) => {
  try {
    resolvePeriod(q as never, "2026-11-30");
    return null;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return e;
  }
};

const translators = async (namespace: string) =>
  (["zh-CN", "en"] as const).map(async (locale) => createTranslator({ locale, messages: await loadMessages(locale), namespace: namespace as never }) as unknown as (k: string, v?: object) => string);

describe("a bad statistics filter is named with its value", () => {
  it("names the one filter that is wrong, its label and the value as sent", () => {
    const cases: [Record<string, string | number>, string, string, string][] = [
      [{ period: "month", year: "abc" }, "year", "年份", "abc"],
      [{ period: "zzz" }, "period", "统计周期", "zzz"],
      [{ period: "month", year: 2026, month: "13" }, "month", "月份", "13"],
      [{ period: "quarter", quarter: "0" }, "quarter", "季度", "0"],
      [{ period: "range", from: "2026-13-01", to: "2026-12-31" }, "from", "开始日期", "2026-13-01"],
      [{ period: "range", from: "2026-01-01", to: "2026-02-30" }, "to", "结束日期", "2026-02-30"],
      [{ period: "range", to: "2026-02-01" }, "from", "开始日期", "（未填写）"],
      [{ period: "range", from: "2026-02-01" }, "to", "结束日期", "（未填写）"],
      [{ period: "year", kind: "planet" }, "kind", "单位类别", "planet"],
    ];
    for (const [q, param, label, value] of cases) {
      const e = refusal(q);
      expect({ code: e?.code, field: e?.field, params: e?.params }, JSON.stringify(q)).toEqual({ code: "invalid_param", field: param, params: { param, label, value } });
    }
  });

  it("refuses an end before the start, naming both; the same day is a period", () => {
    const e = refusal({ period: "range", from: "2023-09-01", to: "2023-01-01" });
    expect({ code: e?.code, field: e?.field, params: e?.params }).toEqual({ code: "invalid_range", field: "to", params: { from: "2023-09-01", to: "2023-01-01" } });
    expect(refusal({ period: "range", from: "2023-09-01", to: "2023-09-01" })).toBeNull();
  });

  it("reads as a sentence in Chinese and English (the API's answer)", async () => {
    const [zh, en] = await Promise.all(await translators("errors"));
    const bad = refusal({ period: "month", year: "abc" })!;
    expect(zh(bad.code, bad.params)).toBe("请求参数 year（年份）的值「abc」不正确。");
    const range = refusal({ period: "range", from: "2023-09-01", to: "2023-01-01" })!;
    expect(zh(range.code, range.params)).toBe("请求参数 to（结束日期）的值「2023-01-01」早于 from（开始日期）的值「2023-09-01」：结束日期不能早于开始日期。");
    expect(en(range.code, range.params)).toBe("The end date (to) “2023-01-01” is before the start date (from) “2023-09-01”.");
  });

  it("tells the page which fields to mark and which message to show", async () => {
    expect(periodProblem(refusal({ period: "month", year: "abc" })!)).toEqual({ fields: ["year"], key: "year", values: { value: "abc" } });
    expect(periodProblem(refusal({ period: "range", to: "2026-02-01" })!)).toEqual({ fields: ["from"], key: "fromMissing", values: { value: "（未填写）" } });
    expect(periodProblem(refusal({ period: "range", from: "2023-09-01", to: "2023-01-01" })!)).toEqual({ fields: ["from", "to"], key: "range", values: { from: "2023-09-01", to: "2023-01-01" } });
    // Anything else is not a filter problem (the page lets it through).
    expect(periodProblem(new AppError("forbidden"))).toBeNull();
    expect(periodProblem(new AppError("invalid_param", { param: "format", label: "导出格式", value: "x" }, "format"))).toBeNull();
    // Every key it can give has a message in both languages.
    const [zh, en] = await Promise.all(await translators("stats"));
    for (const key of ["period", "year", "month", "quarter", "from", "to", "fromMissing", "toMissing", "kind", "range", "fellBack"]) {
      for (const t of [zh, en]) expect(t(`problem.${key}`, { value: "v", from: "a", to: "b", label: "l" }), key).not.toContain("problem.");
    }
    expect(zh("problem.range", { from: "2023年9月1日", to: "2023年1月1日" })).toBe("结束日期（2023年1月1日）早于开始日期（2023年9月1日）：请把结束日期改为开始日期当天或之后。");
  });
});

describe("parseParams", () => {
  it("names an unknown key of a strict schema, and a number sent from code", () => {
    const schema = z.object({ year: z.coerce.number().int().min(2000) }).strict();
    const err = (raw: Record<string, unknown>) => {
      try {
        parseParams(schema, raw, { year: "年份" });
        return null;
      } catch (e) {
        return e instanceof AppError ? e.params : null;
      }
    };
    expect(err({ year: 1999 })).toEqual({ param: "year", label: "年份", value: "1999" });
    expect(err({ year: 2001, colour: "red" })).toEqual({ param: "colour", label: "colour", value: "red" });
    expect(parseParams(schema, { year: "2026" }, {})).toEqual({ year: 2026 });
  });
});

describe("labelIsTheDates", () => {
  it("is true only for a range the label spells out", () => {
    expect(labelIsTheDates(resolvePeriod({ period: "range", from: "2023-07-01", to: "2023-08-31" }))).toBe(true);
    expect(labelIsTheDates(resolvePeriod({ period: "range", from: "2023-07-01", to: "2023-07-31" }))).toBe(false);
    expect(labelIsTheDates(resolvePeriod({ period: "month", year: 2026, month: 11 }))).toBe(false);
    expect(labelIsTheDates(resolvePeriod({ period: "year", year: 2023 }))).toBe(false);
  });
});
