import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { searchInputSchema } from "@/lib/data/search";
import { loadMessages } from "@/lib/i18n/messages";
import { searchProblem } from "./problem";

/** The message the search page shows for these query parameters (null: they parse). */
async function messageFor(params: Record<string, string>, locale: "zh-CN" | "en" = "zh-CN"): Promise<string | null> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "search" as never }) as unknown as (k: string, v?: object) => string;
  const parsed = searchInputSchema.safeParse(params);
  if (parsed.success) return null;
  const p = searchProblem(parsed.error.issues, params);
  return p.key === "badFilter" ? t("badFilter", { field: t(p.field ?? "unit"), value: p.value ?? "" }) : t(p.key);
}

describe("a refused search says what was wrong", () => {
  it("a bad filter is named with its value, not taken for a short word", async () => {
    expect(await messageFor({ q: "科普", year: "abc" })).toBe("年份「abc」不正确：请从列表中选择。");
    expect(await messageFor({ q: "科普", year: "1800" })).toBe("年份「1800」不正确：请从列表中选择。");
    expect(await messageFor({ q: "科普", unitId: "abc" })).toBe("单位「abc」不正确：请从列表中选择。");
    expect(await messageFor({ q: "科普", issueId: "-1" })).toBe("期刊「-1」不正确：请从列表中选择。");
    expect(await messageFor({ q: "科普", section: "栏".repeat(31) })).toMatch(/^栏目「栏+」不正确/);
    expect(await messageFor({ q: "科普", year: "abc" }, "en")).toBe("Year “abc” is not valid: choose one from the list.");
  });

  it("a query over 100 characters says so; good parameters parse", async () => {
    expect(await messageFor({ q: "科".repeat(101) })).toBe("检索词不能超过 100 字。");
    expect(await messageFor({ q: "科普", year: "2023", unitId: "3", issueId: "1", section: "基层动态" })).toBeNull();
  });
});
