import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, units } from "@/db/schema";
import { describeAuditDetail } from "@/components/audit/describe";
import { loadMessages } from "@/lib/i18n/messages";
import { demoActor } from "@/lib/testing/fixtures";
import { publicationSettings, updatePublication, updateUnit } from "./admin";
import { arrangeIssue, arrangeSchema, boardView } from "./arrange";
import { createIssue, getIssue, proposeNextIssue } from "./issues";
import { audit, type AuditInput } from "./audit";
import { AUDIT_EVENTS, AuditEventError, readAuditEvent } from "./audit-events";

const count = () => db.select().from(auditLog).all().length;

describe("typed audit events", () => {
  it("refuses an unknown kind and a detail of the wrong type, and the write around it is rolled back", () => {
    const before = count();
    const unitsBefore = db.select().from(units).all().length;
    const attempts: AuditInput[] = [
      { entity: "issue", entityId: 1, action: "frobnicate" } as unknown as AuditInput,
      { entity: "issue", entityId: 1, action: "return", detail: { comment: 42 } } as unknown as AuditInput,
      { entity: "issue", entityId: 1, action: "return", detail: { comment: "x", extra: true } } as unknown as AuditInput,
      { entity: "auth", entityId: null, action: "login" } as unknown as AuditInput,
    ];
    for (const input of attempts)
      expect(() =>
        db.transaction((tx) => {
          tx.insert(units).values({ name: `回滚测试单位${Math.random()}` }).run();
          audit(tx, null, input);
        }),
      ).toThrow(AuditEventError);
    expect(count()).toBe(before);
    expect(db.select().from(units).all().length).toBe(unitsBefore);
  });

  it("every row the seed, the import and the app wrote reads back as its typed event", () => {
    const admin = demoActor("admin");
    const settings = publicationSettings(admin).publication;
    updatePublication(admin, { ...settings, title: "科协工作动态", signoffLevels: 2 });
    updatePublication(admin, settings);
    for (const row of db.select().from(auditLog).all()) {
      const e = readAuditEvent(row);
      expect(e, `${row.entity}.${row.action}`).not.toBeNull();
      if (row.detail !== null) expect(e?.detail, `${row.entity}.${row.action} ${JSON.stringify(row.detail)}`).not.toBeNull();
    }
  });

  it("every kind has a label in both languages", async () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const labels = (await loadMessages(locale)).audit as Record<string, unknown>;
      for (const key of Object.keys(AUDIT_EVENTS)) {
        const action = key.split(".")[1];
        if (action === "edit" && key === "issue.edit") continue; // labelled per kind of edit (edit_move, …)
        expect(labels[action], `${locale} audit.${action}`).toBeTypeOf("string");
      }
    }
  });
});

describe("readable audit details", () => {
  it("a settings change and a unit rename read as what changed, from what to what, in Chinese and English", async () => {
    const admin = demoActor("admin");
    const settings = publicationSettings(admin).publication;
    updatePublication(admin, { ...settings, title: "科协工作动态" });
    updatePublication(admin, settings);
    const unit = db.select().from(units).where(eq(units.name, "东城区科协")).get()!;
    updateUnit(admin, { id: unit.id, name: "东城区科学技术协会", kind: unit.kind });
    updateUnit(admin, { id: unit.id, name: unit.name, kind: unit.kind });
    const rows = db.select().from(auditLog).all();
    const pubRow = rows.filter((r) => r.action === "publication_updated").at(-2)!;
    const unitRow = rows.filter((r) => r.action === "unit_updated").at(-2)!;

    const render = async (locale: "zh-CN" | "en", row: typeof pubRow) => {
      const messages = await loadMessages(locale);
      const t = createTranslator({ locale, messages, namespace: "auditDetail" as never }) as unknown as (k: string, v?: Record<string, string | number>) => string;
      return describeAuditDetail(row, (r) => r)!
        .map(({ key, values }) => t(key, { ...values, field: typeof values.field === "string" ? t(values.field) : "" }))
        .join("；");
    };
    expect(await render("zh-CN", pubRow)).toBe("刊物名称：科协每周动态 → 科协工作动态");
    expect(await render("en", pubRow)).toBe("Publication title: 科协每周动态 → 科协工作动态");
    expect(await render("zh-CN", unitRow)).toBe("单位名称：东城区科协 → 东城区科学技术协会");
  });

  it("a section move names the section and both places; an old row (place only) still reads", async () => {
    const editor = demoActor("editor");
    const issue = createIssue(editor, proposeNextIssue(editor, "2026-12-04"));
    const arrange = (change: unknown) => arrangeIssue(editor, arrangeSchema.parse({ issueId: issue.id, version: getIssue(editor, issue.id).version, change }));
    for (const title of ["科普工作", "学术交流", "基层动态"]) arrange({ op: "addSection", title });
    const sections = boardView(editor, issue.id).sections;
    const grassroots = sections.find((x) => x.title === "基层动态")!;
    const from = sections.indexOf(grassroots);
    arrange({ op: "moveSection", sectionId: grassroots.id, index: from - 1 });
    // An index past the end lands last: the log says where it really went.
    const first = sections.find((x) => x.title === "科普工作")!;
    arrange({ op: "moveSection", sectionId: first.id, index: 99 });
    const rows = db.select().from(auditLog).all().filter((r) => r.entity === "issue" && r.entityId === issue.id && (r.detail as { action?: string } | null)?.action === "moveSection");
    expect(rows).toHaveLength(2);
    const render = async (locale: "zh-CN" | "en", row: { entity: string; action: string; detail: unknown }) => {
      const messages = await loadMessages(locale);
      const t = createTranslator({ locale, messages, namespace: "auditDetail" as never }) as unknown as (k: string, v?: Record<string, string | number>) => string;
      return describeAuditDetail(row, (r) => r)!.map(({ key, values }) => t(key, values)).join("；");
    };
    expect(await render("zh-CN", rows[0])).toBe(`把栏目【基层动态】从第 ${from + 1} 位移到第 ${from} 位`);
    expect(await render("en", rows[0])).toBe(`Moved section “基层动态” from position ${from + 1} to ${from}`);
    expect(await render("zh-CN", rows[1])).toBe(`把栏目【科普工作】从第 ${sections.indexOf(first) + 1} 位移到第 ${sections.length} 位`);
    // A row stored before the log named the section.
    const old = { entity: "issue", action: "edit", detail: { action: "moveSection", sectionId: grassroots.id, index: 1 } };
    expect(await render("zh-CN", old)).toBe("栏目移到第 2 位");
  });
});
