import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import { offsetMinutesOf, offsetSpan, offsetWords } from "./offset";

const translator = async (locale: "zh-CN" | "en") =>
  createTranslator({ locale, messages: await loadMessages(locale), namespace: "calls" as never }) as unknown as (k: string, v?: object) => string;

describe("a reminder's offset as the call page says it", () => {
  it("hours when whole or half, minutes under an hour, never a long fraction", () => {
    expect(offsetSpan(24 * 60)).toEqual({ unit: "hours", n: 24 });
    expect(offsetSpan(90)).toEqual({ unit: "hours", n: 1.5 });
    expect(offsetSpan(100)).toEqual({ unit: "hours", n: 1.7 });
    expect(offsetSpan(2)).toEqual({ unit: "minutes", n: 2 });
    expect(offsetMinutesOf([24, 2, 0.05, 0.025])).toEqual([1440, 120, 3, 2]);
  });

  it("the table row and the page's intro in both locales, for the default and for short test offsets", async () => {
    const zh = await translator("zh-CN");
    const en = await translator("en");
    const row = (t: typeof zh, m: number) => t("reminderOffset", { span: offsetWords(t as never, m) });
    expect([1440, 120, 2].map((m) => row(zh, m))).toEqual(["截止前 24 小时", "截止前 2 小时", "截止前 2 分钟"]);
    expect([1440, 2].map((m) => row(en, m))).toEqual(["24 h before", "2 min before"]);
    const intro = zh("intro", { offsets: offsetMinutesOf([0.05, 0.025]).map((m) => offsetWords(zh as never, m)).join("、") });
    expect(intro).toContain("截止前 3 分钟、2 分钟，系统会提醒");
    expect(intro).not.toMatch(/0\.0\d/);
  });
});

describe("offsets a deadline was already nearer than", () => {
  it("a call published 23 h before its deadline lists the 24-hour offset as not scheduled, the 2-hour one not", async () => {
    const { skippedOffsets } = await import("./offset");
    const deadline = Date.parse("2026-12-01T06:00:00Z");
    expect(skippedOffsets([1440, 120], deadline, deadline - 23 * 3_600_000, [120])).toEqual([1440]);
    expect(skippedOffsets([1440, 120], deadline, deadline - 48 * 3_600_000, [1440, 120])).toEqual([]);
    expect(skippedOffsets([1440, 120], deadline, deadline - 60 * 60_000, [])).toEqual([1440, 120]);
  });
});
