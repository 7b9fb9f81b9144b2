import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { formatChina } from "@/lib/data/calls";
import { answerTime, nearDateTime } from "./dates";

const zh = createFormatter({ locale: "zh-CN", timeZone: "Asia/Shanghai" });
const en = createFormatter({ locale: "en", timeZone: "Asia/Shanghai" });
const now = new Date("2026-11-30T06:00:00Z");
const deadline = Date.parse("2026-11-30T06:02:00Z"); // 14:02 Beijing time

describe("dates a reader sees", () => {
  it("a moment near now in the reader's language, in Beijing time", () => {
    expect(nearDateTime(zh, deadline, now)).toBe("11月30日 14:02");
    expect(nearDateTime(zh, Date.parse("2025-03-01T01:00:00Z"), now)).toBe("2025年3月1日 09:00");
    expect(nearDateTime(en, deadline, now)).toMatch(/November 30.*14:02/);
  });

  it("an answer in the deadline's own minute shows its seconds, so a late one does not read as on time", () => {
    expect(answerTime(zh, deadline + 21_000, deadline, now)).toBe("11月30日 14:02:21");
    expect(answerTime(zh, deadline - 60_000, deadline, now)).toBe("11月30日 14:01");
    expect(answerTime(zh, deadline + 3 * 60_000, deadline, now)).toBe("11月30日 14:05");
  });

  it("a stored notice's time is in Chinese form", () => {
    expect(formatChina(deadline)).toBe("2026年11月30日 14:02");
  });
});

describe("calendar days", () => {
  it("an issue's date in the reader's language; a value that is not a date is shown as it is", async () => {
    const { calendarDay } = await import("./dates");
    expect(calendarDay(zh, "2023-09-08")).toBe("2023年9月8日");
    expect(calendarDay(en, "2023-09-08")).toBe("Sep 8, 2023");
    expect(calendarDay(zh, "不是日期")).toBe("不是日期");
  });
});
