import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { publications } from "@/db/schema";
import { bulletinToDocx } from "@/lib/bulletin/docx";
import { parseBulletinText } from "@/lib/bulletin/parse-text";
import { bulletinToPrintHtml } from "@/lib/bulletin/print-html";
import { bulletinToText } from "@/lib/bulletin/text";
import { demoActor, errorCode } from "@/lib/testing/fixtures";
import { issueUsingNumber, issueUsingTotal } from "@/lib/bulletin/next-numbers";
import { issueName, updatePublicationNumbering } from "./issue-kinds";
import { createIssue, loadBulletin, proposeNextIssue } from "./issues";

const editor = () => demoActor("editor");
const admin = () => demoActor("admin");

describe("issue kinds in the product", () => {
  it("a 合刊 takes two numbers and two running numbers; the next issue proposes N+2 and M+2", () => {
    const p = proposeNextIssue(editor(), "2027-03-01");
    const double = createIssue(editor(), { year: 2027, number: p.number, totalNumber: p.totalNumber, date: "2027-03-01", kind: "double" });
    expect([double.kind, double.number, double.numberEnd, double.totalNumber, double.totalNumberEnd]).toEqual(["double", p.number, p.number + 1, p.totalNumber, p.totalNumber + 1]);
    const next = proposeNextIssue(editor(), "2027-03-08");
    expect([next.number, next.totalNumber]).toEqual([p.number + 2, p.totalNumber + 2]);
    // Its second number is taken too.
    expect(errorCode(() => createIssue(editor(), { year: 2027, number: p.number + 1, totalNumber: p.totalNumber + 9, date: "2027-03-08" }))).toBe("duplicate_number");
    expect(errorCode(() => createIssue(editor(), { year: 2027, number: p.number + 9, totalNumber: p.totalNumber + 1, date: "2027-03-08" }))).toBe("duplicate_total");
    // The form's numbering state names the 合刊 as the holder of both its numbers and running numbers.
    const name = `2027年第${p.number}-${p.number + 1}期合刊`;
    expect([issueUsingNumber(next.numbering, 2027, p.number + 1), issueUsingTotal(next.numbering, p.totalNumber + 1), issueUsingNumber(next.numbering, 2027, p.number + 2)]).toEqual([name, name, null]);
    // A date in another year than the issue's: refused on the date, naming both.
    let wrongYear: unknown;
    try {
      createIssue(editor(), { year: 2027, number: p.number + 2, totalNumber: p.totalNumber + 2, date: "2026-11-30" });
    } catch (e) {
      wrongYear = e;
    }
    expect(wrongYear).toMatchObject({ code: "date_other_year", params: { date: "2026年11月30日", year: 2027 }, field: "date" });

    const { doc } = loadBulletin(double.id);
    expect(doc.masthead).toMatchObject({ kind: "double", number: p.number, numberEnd: p.number + 1, totalNumberEnd: p.totalNumber + 1 });
    const text = bulletinToText(doc);
    expect(text).toContain(`2027年 第${p.number}-${p.number + 1}期（合刊）`);
    expect(text).toContain(`(总第${p.totalNumber}-${p.totalNumber + 1}期)`);
    expect(bulletinToPrintHtml(doc)).toContain(`第${p.number}-${p.number + 1}期（合刊）`);
  });

  it("a supplement is outside the sequence: numbered per year or unnumbered, no running number, regular numbering unaffected", async () => {
    const before = proposeNextIssue(editor(), "2027-06-01");
    expect(before.supplementNumbers).toEqual({ 增刊: 1, 专刊: 1, 特刊: 1 });
    const sup = createIssue(editor(), { year: 2027, number: 1, totalNumber: 0, date: "2027-06-01", kind: "supplement", supplementLabel: "增刊" });
    const special = createIssue(editor(), { year: 2027, number: 0, totalNumber: 0, date: "2027-06-02", kind: "supplement", supplementLabel: "专刊" });
    const another = createIssue(editor(), { year: 2027, number: 0, totalNumber: 0, date: "2027-06-03", kind: "supplement", supplementLabel: "专刊" });
    expect(another.id).not.toBe(special.id);
    // A name without a label is 增刊: its number 1 is taken.
    expect(errorCode(() => createIssue(editor(), { year: 2027, number: 1, totalNumber: 0, date: "2027-06-04", kind: "supplement" }))).toBe("duplicate_supplement");
    const after = proposeNextIssue(editor(), "2027-06-05");
    // 增刊 counts on; 专刊 has only unnumbered ones so far, so it starts at 1 — each name on its own.
    expect([after.number, after.totalNumber, after.supplementNumbers]).toEqual([before.number, before.totalNumber, { 增刊: 2, 专刊: 1, 特刊: 1 }]);

    const { doc } = loadBulletin(sup.id);
    expect(doc.masthead).toMatchObject({ kind: "supplement", supplementLabel: "增刊", number: 1, totalNumber: 0 });
    const text = bulletinToText(doc);
    expect(text).toContain("2027年 增刊第1期");
    expect(text).not.toContain("总第");
    expect(bulletinToText(loadBulletin(special.id).doc)).toMatch(/\n2027年 专刊\n/);
    const html = bulletinToPrintHtml(doc);
    expect(html).toContain("2027年 增刊第1期");
    expect(html).not.toContain('<p class="masthead-total">');
    expect((await bulletinToDocx(doc)).length).toBeGreaterThan(1000);
  });

  it("增刊 and 专刊 number on their own: 专刊第1期 next to 增刊第1期, each refused only against its own name", () => {
    const zk = createIssue(editor(), { year: 2028, number: 1, totalNumber: 0, date: "2028-02-01", kind: "supplement", supplementLabel: "增刊" });
    const zt = createIssue(editor(), { year: 2028, number: 1, totalNumber: 0, date: "2028-02-02", kind: "supplement", supplementLabel: "专刊" });
    expect([zk.supplementLabel, zt.supplementLabel, zk.number, zt.number]).toEqual(["增刊", "专刊", 1, 1]);
    expect(proposeNextIssue(editor(), "2028-02-03").supplementNumbers).toEqual({ 增刊: 2, 专刊: 2, 特刊: 1 });
    let detail: unknown;
    try {
      createIssue(editor(), { year: 2028, number: 1, totalNumber: 0, date: "2028-02-04", kind: "supplement", supplementLabel: "专刊" });
    } catch (e) {
      detail = e;
    }
    expect(detail).toMatchObject({ code: "duplicate_supplement", params: { year: 2028, label: "专刊", number: 1 }, field: "number" });
    // Another year starts again at 1.
    expect(proposeNextIssue(editor(), "2029-01-05").supplementNumbers).toEqual({ 增刊: 1, 专刊: 1, 特刊: 1 });
    // Every label names its own: the exports print 专刊第1期.
    expect(bulletinToText(loadBulletin(zt.id).doc)).toContain("2028年 专刊第1期");
    expect(bulletinToText(loadBulletin(zk.id).doc)).toContain("2028年 增刊第1期");
    // Messages and dialogs name each by its own label, never as the regular 第1期.
    expect([issueName(zk), issueName(zt)]).toEqual(["2028年增刊第1期", "2028年专刊第1期"]);
  });

  it("the publication's numbering style is printed by every export and read back by the parser", () => {
    updatePublicationNumbering(admin(), { numerals: "chinese", yearBrackets: true, lastPublishedYear: null, lastPublishedNumber: null, lastPublishedTotal: null });
    try {
      const p = proposeNextIssue(editor(), "2027-09-01");
      const issue = createIssue(editor(), { year: 2027, number: p.number, totalNumber: p.totalNumber, date: "2027-09-01" });
      const { doc } = loadBulletin(issue.id);
      expect(doc.masthead.numbering).toEqual({ numerals: "chinese", yearBrackets: true });
      const text = bulletinToText(doc);
      expect(text).toMatch(/〔2027〕第[一二三四五六七八九十百]+期/);
      expect(bulletinToPrintHtml(doc)).toMatch(/〔2027〕第[一二三四五六七八九十百]+期/);
      const back = parseBulletinText(text + "\n\n院士专家进社区\n\n9月1日，两位院士走进东湖社区。");
      expect(back.masthead).toMatchObject({ year: 2027, number: p.number, numbering: { numerals: "chinese", yearBrackets: true } });
    } finally {
      updatePublicationNumbering(admin(), { numerals: "arabic", yearBrackets: false, lastPublishedYear: null, lastPublishedNumber: null, lastPublishedTotal: null });
    }
  });

  it("a stale archive is reported, and recording the last issue published sets the proposal right", () => {
    const stale = proposeNextIssue(editor(), "2031-01-10");
    expect(stale.archive.stale).toBe(true);
    expect(stale.archive.label).toMatch(/^2027年第\d+期$/);
    expect(stale.archive.days).toBeGreaterThan(60);
    expect(stale.number).toBe(1);

    updatePublicationNumbering(admin(), { numerals: "arabic", yearBrackets: false, lastPublishedYear: 2031, lastPublishedNumber: 1, lastPublishedTotal: 900 });
    const fixed = proposeNextIssue(editor(), "2031-01-10");
    expect([fixed.number, fixed.totalNumber, fixed.archive.stale]).toEqual([2, 901, false]);
    expect(db.select().from(publications).where(eq(publications.id, 1)).get()?.lastPublishedTotal).toBe(900);
    expect(errorCode(() => updatePublicationNumbering(editor(), { numerals: "arabic", yearBrackets: false, lastPublishedYear: null, lastPublishedNumber: null, lastPublishedTotal: null }))).toBe("forbidden");
  });
});
