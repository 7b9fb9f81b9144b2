import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import { duplicateNote } from "./duplicate-note";

async function translator(locale: "zh-CN" | "en") {
  const messages = await loadMessages(locale);
  return createTranslator({ locale, messages, namespace: "nearDuplicates" as never }) as unknown as (k: string, v?: Record<string, string | number>) => string;
}
const when = (d: Date) => `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
const at = (s: string) => new Date(`${s}Z`);

describe("the near-duplicate mark's note", () => {
  it("says the other item's unit and when it was sent, and whether before or after this one", async () => {
    const t = await translator("zh-CN");
    const other = { status: "submitted", unitName: "甲区科协", submittedAt: at("2031-11-28T04:04:40"), issue: null };
    expect(duplicateNote(t, when, other, at("2031-11-28T04:04:50"))).toBe("（甲区科协，11月28日 04:04报送，早于本篇）");
    expect(duplicateNote(t, when, other, at("2031-11-28T04:04:30"))).toBe("（甲区科协，11月28日 04:04报送，晚于本篇）");
    expect(duplicateNote(t, when, other, null)).toBe("（甲区科协，11月28日 04:04报送）");
    expect(duplicateNote(t, when, { ...other, unitName: null }, null)).toBe("（11月28日 04:04报送）");
    const en = await translator("en");
    expect(duplicateNote(en, when, other, at("2031-11-29T00:00:00"))).toBe(" (甲区科协, sent 11月28日 04:04, before this one)");
  });

  it("names the issue it was printed or placed in, by the issue's name", async () => {
    const t = await translator("zh-CN");
    const sent = at("2031-03-01T01:00:00");
    expect(duplicateNote(t, when, { status: "published", unitName: "乙区科协", submittedAt: sent, issue: { status: "distributed", label: "2031年第3期" } }, null)).toBe("（乙区科协，已刊发于2031年第3期）");
    expect(duplicateNote(t, when, { status: "placed", unitName: null, submittedAt: null, issue: { status: "drafting", label: "2031年增刊第1期" } }, null)).toBe("（已编入2031年增刊第1期）");
    // An archive item never sent through the app: only its unit.
    expect(duplicateNote(t, when, { status: "accepted", unitName: "丙区科协", submittedAt: null, issue: null }, null)).toBe("（丙区科协）");
    expect(duplicateNote(t, when, { status: "accepted", unitName: null, submittedAt: null, issue: null }, null)).toBe("");
  });
});
