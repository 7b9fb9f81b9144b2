import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { describeAuditDetail, withDatesIn } from "@/components/audit/describe";
import { DATE } from "@/lib/i18n/dates";
import { loadMessages } from "@/lib/i18n/messages";
import { chinaInstant } from "@/lib/time";

/** An audit row's detail as app/audit/page.tsx writes it: dates in the locale's form. */
async function render(row: { entity: string; action: string; detail: unknown }, locale: "zh-CN" | "en") {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "auditDetail" as never }) as unknown as (k: string, v?: Record<string, string | number>) => string;
  const format = createFormatter({ locale, timeZone: "Asia/Shanghai" });
  return describeAuditDetail(row, (r) => r)!.map(({ key, values }) => t(key, withDatesIn(values, (iso) => format.dateTime(chinaInstant(iso), DATE)))).join("；");
}

describe("dates in the audit log's details", () => {
  const meta = { entity: "issue", action: "edit", detail: { action: "meta", year: 2023, number: 26, totalNumber: 79, date: "2023-09-08", deadline: null } };
  const distributed = { entity: "issue", action: "distribute", detail: { date: "2023-09-08", distribution: ["市科协驻会领导"], fingerprint: "a".repeat(64) } };

  it("read in Chinese form in the Chinese log, in English form in the English one", async () => {
    expect(await render(meta, "zh-CN")).toBe("第 26 期（总第 79 期），2023年9月8日");
    expect(await render(distributed, "zh-CN")).toContain("2023年9月8日");
    expect(await render(meta, "en")).toContain("Sep 8, 2023");
    for (const row of [meta, distributed]) expect(await render(row, "zh-CN")).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("leave other values alone", () => {
    expect(withDatesIn({ date: "2023-09-08", n: 3, title: "2023-09-08 之后", at: "2023-9-8" }, () => "D")).toEqual({ date: "D", n: 3, title: "2023-09-08 之后", at: "2023-9-8" });
  });
});
