import { readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { issues, items, units, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/users";
import { SAMPLES_DIR } from "@/db/seed";
import type { BulletinDocument } from "@/lib/bulletin/document";
import { parseBulletinText } from "@/lib/bulletin/parse-text";
import { bulletinToText } from "@/lib/bulletin/text";
import { importBulletin, importDocumentSchema, matchToc } from "./archive";
import { describeIssues as textIssues } from "@/lib/text/rule";
import { AppError } from "./errors";
import { listIssues, loadBulletin } from "./issues";

const doc = (number: number, total: number): BulletinDocument => ({
  masthead: { title: "科协每周动态", year: 2022, number, totalNumber: total, office: "北京市科协办公室", date: "2022-07-08" },
  toc: ["学会聚力赋能交流研讨活动在京举办", "东城区科协邀请两新组织党员参加党日活动"],
  sections: [
    { title: null, items: [{ title: "市科协召开全民科学素质工作会议", paragraphs: [[{ text: "会议强调，要提高政治站位。" }]], source: null }] },
    { title: "科创工作", items: [{ title: "学会聚力赋能交流研讨活动在京举办", paragraphs: [[{ text: "6月27日，活动举办。" }], [{ text: "院士专家建言献策。" }]], source: null }] },
    {
      title: "基层动态",
      items: [
        { title: "东城区科协邀请两新组织党员参加七一主题党日", paragraphs: [[{ text: "6月30日上午，活动开展。" }]], source: "东城区科协" },
        { title: "新单位首次报送的稿件", paragraphs: [[{ text: "某新学会举办论坛。" }]], source: "北京某某新学会、东城区科协" },
      ],
    },
  ],
  footer: { mailbox: "skxxxbs@bast.net.cn", editor: "张红波", reviewer: "李金涛", distribution: ["市科协驻会领导", "机关各部门及事业单位"] },
  draft: false,
});

describe("importBulletin", () => {
  it("imports a past issue as distributed, credits units, creates and flags unknown ones, keeps TOC and footer", () => {
    const report = importBulletin(null, doc(20, 63), "test");
    expect(report).toMatchObject({ year: 2022, number: 20, totalNumber: 63, items: 4, sections: 3, unitsCreated: ["北京某某新学会"], tocUnmatched: [] });
    const created = db.select().from(units).where(eq(units.name, "北京某某新学会")).get();
    expect(created?.needsReview).toBe(true);
    const credited = db.select().from(items).where(eq(items.title, "新单位首次报送的稿件")).get();
    expect(credited?.unitId).toBe(created?.id);
    expect(credited?.status).toBe("published");

    // The archive list counts the issue's own items (the count once matched placement ids instead).
    const office = loadActor(db.select().from(users).where(eq(users.username, "office")).get()?.id ?? 0);
    if (!office) throw new Error("demo user office missing");
    expect(listIssues(office).find((i) => i.id === report.issueId)?.items).toBe(4);
    expect(listIssues(office).filter((i) => i.year === 2023).map((i) => [i.number, i.items])).toEqual([[25, 8], [21, 8], [20, 7]]);

    const { issue, doc: back } = loadBulletin(report.issueId);
    expect(issue.status).toBe("distributed");
    expect(back.toc).toEqual(["学会聚力赋能交流研讨活动在京举办", "东城区科协邀请两新组织党员参加党日活动"]);
    // The archive exports the same text that was imported (the draft mark aside: imports carry no approval).
    expect(bulletinToText({ ...back, draft: false })).toBe(bulletinToText(doc(20, 63)));
  });

  it("refuses a number already used and writes nothing", () => {
    const before = db.select().from(items).all().length;
    expect(() => importBulletin(null, doc(20, 99), "test")).toThrow(AppError);
    expect(() => importBulletin(null, doc(98, 63), "test")).toThrow(AppError);
    expect(db.select().from(items).all().length).toBe(before);
  });

  it("asks to confirm another masthead title before filing the issue, in any spacing of the same title it does not", () => {
    const before = db.select().from(items).all().length;
    const other = { ...doc(31, 67), masthead: { ...doc(31, 67).masthead, title: "老科协通讯" } };
    try {
      importBulletin(null, other, "test");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("title_mismatch");
      expect((e as AppError).field).toBe("acceptTitle");
    }
    expect(db.select().from(items).all().length).toBe(before);
    const spaced = { ...doc(32, 68), masthead: { ...doc(32, 68).masthead, title: "科协 每周 动态" } };
    expect(importBulletin(null, spaced, "test").number).toBe(32);
    expect(importBulletin(null, other, "test", { acceptTitle: true }).number).toBe(31);
  });

  it("refuses a document without items", () => {
    const empty = { ...doc(30, 66), sections: [{ title: "科创工作", items: [] }] };
    expect(() => importBulletin(null, empty, "test")).toThrow(AppError);
  });
});

describe("the first-start archive", () => {
  it("holds the three sample issues, and each one's text export parses back to the document the sample gave", () => {
    const imported = db.select().from(issues).where(and(eq(issues.imported, true), eq(issues.year, 2023))).orderBy(asc(issues.number)).all();
    expect(imported.map((i) => [i.year, i.number, i.totalNumber, i.status])).toEqual([
      [2023, 20, 73, "distributed"],
      [2023, 21, 74, "distributed"],
      [2023, 25, 78, "distributed"],
    ]);
    for (const [k, name] of ["2023-20", "2023-21", "2023-25"].entries()) {
      const fromSample = parseBulletinText(readFileSync(path.join(SAMPLES_DIR, `${name}.txt`), "utf8"));
      const { doc: stored } = loadBulletin(imported[k].id);
      const back = parseBulletinText(bulletinToText({ ...stored, draft: false }));
      expect(back, name).toEqual({ ...fromSample, draft: false });
    }
  });
});

describe("matchToc", () => {
  it("pairs shortened and reworded highlights with their items and reports strays", () => {
    const { toc, unmatched } = matchToc(
      ["北京市全民科学素质工作第二次会议召开", "门头沟区科协积极参与防汛抢险救灾", "完全无关的一行"],
      ["2023年北京市全民科学素质工作第二次会议召开", "市科协召开主题教育学习研讨专题会", "门头沟区科协积极参与防汛抢险救灾工作并组织科技企业向灾区捐款"],
    );
    expect([...toc.entries()]).toEqual([
      [0, "北京市全民科学素质工作第二次会议召开"],
      [2, "门头沟区科协积极参与防汛抢险救灾"],
    ]);
    expect(unmatched).toEqual(["完全无关的一行"]);
  });
});

describe("the import's document check: invisible characters and odd spaces", () => {
  it("refuses them in every kind of field, naming the field, the character and the place, and writes nothing", () => {
    const base = doc(71, 171);
    const cases: [BulletinDocument, string][] = [
      [{ ...base, toc: ["学会聚力\u200b赋能交流研讨活动在京举办"] }, "「目录提要第 1 行」第 5 个字处（“学会聚力”之后）有一个看不见的零宽空格（U+200B），请删除后再试。"],
      [{ ...base, sections: base.sections.map((x, i) => (i === 1 ? { ...x, title: "科创\u00a0工作" } : x)) }, "「第 2 个栏目的名称」第 3 个字处（“科创”之后）有一个不间断空格（U+00A0）"],
      [{ ...base, sections: base.sections.map((x, i) => (i === 1 ? { ...x, items: [{ ...x.items[0], paragraphs: [[{ text: "6月27日，" }, { text: "活动\ufeff举办。", bold: true }]] }] } : x)) }, "「第 2 栏第 1 篇稿件的正文」第 1 段第 9 个字处（“27日，活动”之后）有一个看不见的零宽不换行空格（BOM）（U+FEFF）"],
      [{ ...base, sections: base.sections.map((x, i) => (i === 2 ? { ...x, items: [{ ...x.items[0], source: "东城区\u00ad科协" }] } : x)) }, "「第 3 栏第 1 篇稿件的署名」"],
      [{ ...base, footer: { ...base.footer, editor: "张\u2009红波" } }, "「版记“编辑”」第 2 个字处（“张”之后）有一个窄空格（U+2009）"],
    ];
    const before = db.select().from(items).all().length;
    for (const [bad, message] of cases) {
      const r = importDocumentSchema.safeParse(bad);
      expect(r.success).toBe(false);
      if (!r.success) expect(textIssues(r.error.issues).join("\n")).toContain(message);
      expect(() => importBulletin(null, bad, "test")).toThrow(AppError);
    }
    expect(db.select().from(items).all().length).toBe(before);
    // An emoji sequence is text, not an invisible character.
    expect(importDocumentSchema.safeParse({ ...base, toc: ["亲子科普日👨‍👩‍👧圆满举办"] }).success).toBe(true);
  });
});
