import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { items } from "@/db/schema";
import type { BulletinDocument } from "@/lib/bulletin/document";
import zh from "@/lib/i18n/messages/zh-CN/common.json";
import en from "@/lib/i18n/messages/en/common.json";
import { demoActor, errorCode } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { importBulletin } from "./archive";
import { AppError } from "./errors";
import { recordForward, recordForwardSchema, recordInstruction, recordInstructionSchema } from "./recognition";
import { todayInChina } from "./validation";

let office: Actor;
let itemId = 0;

beforeAll(() => {
  office = demoActor("office");
  const doc: BulletinDocument = {
    masthead: { title: "科协每周动态", year: 2024, number: 9, totalNumber: 4009, office: "北京市科协办公室", date: "2024-06-14" },
    toc: [],
    sections: [{ title: "基层动态", items: [{ title: "批示日期测试稿", paragraphs: [[{ text: "正文。" }]], source: "昌平区科协" }] }],
    footer: { mailbox: "", editor: "张红波", reviewer: "李金涛", distribution: [] },
    draft: false,
  };
  importBulletin(null, doc, "test");
  itemId = db.select().from(items).where(eq(items.title, "批示日期测试稿")).get()?.id ?? 0;
});

const codes = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${String(i.path[0])}:${i.message}`);
const tomorrow = () => {
  const d = new Date(`${todayInChina()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

describe("批示 and 转报 dates: each wrong date says what is wrong", () => {
  const ins = { itemId: 1, leader: "某领导", level: "bureau" as const, text: "同意。" };
  it("a malformed, a too early, a future date and a use before forwarding each have their own code, with a message in both locales", () => {
    expect(codes(recordInstructionSchema.safeParse({ ...ins, date: "2024-02-30" }))).toEqual(["date:invalid_date"]);
    expect(codes(recordInstructionSchema.safeParse({ ...ins, date: "1999-12-31" }))).toEqual(["date:date_before_2000"]);
    expect(codes(recordInstructionSchema.safeParse({ ...ins, date: tomorrow() }))).toEqual(["date:date_in_future"]);
    expect(codes(recordForwardSchema.safeParse({ itemId: 1, target: "《X》", date: "2024-06-20", used: true, usedDate: "2024-06-19" }))).toEqual([
      "usedDate:used_before_forward",
    ]);
    for (const key of ["date_before_2000", "date_in_future", "used_before_forward"] as const) {
      expect(zh.errors.fields[key]).toMatch(/日期/);
      expect(en.errors.fields[key]).toMatch(/date/);
    }
  });

  it("a 批示 or 转报 dated before the item's issue is refused with that issue's date, and nothing is stored", () => {
    const early = () => recordInstruction(office, { ...ins, itemId, date: "2024-06-13" });
    expect(errorCode(early)).toBe("date_before_publication");
    try {
      early();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).params).toEqual({ date: "2024-06-14" });
      expect((e as AppError).field).toBe("date");
    }
    expect(errorCode(() => recordForward(office, { itemId, target: "《中国科协信息》", date: "2024-06-01", used: false }))).toBe("date_before_publication");
    expect(zh.errors.date_before_publication).toContain("{date}");
    expect(en.errors.date_before_publication).toContain("{date}");
    // On the issue's own date, both are accepted.
    expect(recordInstruction(office, { ...ins, itemId, date: "2024-06-14" }).date).toBe("2024-06-14");
    expect(recordForward(office, { itemId, target: "《中国科协信息》", date: "2024-06-14", used: false }).date).toBe("2024-06-14");
  });
});
