import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { demoActor, errorCode, itemFields } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { arrangeIssue } from "./arrange";
import { approveIssue, createIssue, distributeIssue, loadBulletin, proposeNextIssue, sendToReview } from "./issues";
import { createItem, decideItem, submitItem } from "./items";
import type { AppError } from "./errors";
import { assertDistributionDate, correctRegisterEntry, listRegister, registerEntriesForIssue, registerWorkbook } from "./register";
import { todayInChina } from "./validation";
import { addChinaDays } from "@/lib/time";

let changping: Actor, editor: Actor, reviewer: Actor, office: Actor;
beforeAll(() => {
  [changping, editor, reviewer, office] = ["changping", "editor", "reviewer", "office"].map(demoActor);
});

/** An approved issue holding one item, ready for the office (a regular one unless `numbers` says otherwise). */
function approvedIssue(date: string, numbers?: Parameters<typeof createIssue>[1]) {
  const item = createItem(changping, itemFields(`登记测试稿件${date}`));
  const sub = submitItem(changping, { id: item.id, version: item.version });
  const acc = decideItem(editor, { id: sub.id, version: sub.version, decision: "accept", note: "" });
  const issue = createIssue(editor, numbers ?? proposeNextIssue(editor, date));
  const placed = arrangeIssue(editor, { issueId: issue.id, version: issue.version, change: { op: "place", itemId: acc.id, sectionTitle: "科普工作", inToc: true } });
  const inReview = sendToReview(editor, { issueId: issue.id, version: placed.version });
  return approveIssue(reviewer, { issueId: issue.id, version: inReview.version, fingerprint: loadBulletin(issue.id).fingerprint });
}

describe("distribution register", () => {
  it("recording a distribution writes the entry; a correction is a new logged entry; the year's .xlsx reads back", async () => {
    const issue = approvedIssue("2026-11-20");
    distributeIssue(office, { issueId: issue.id, version: issue.version, date: "2026-11-21", distribution: ["市科协驻会领导", "各区科协"], method: "print", recipientCount: 60, printRun: 80 });
    const [entry] = registerEntriesForIssue(office, issue.id);
    expect(entry).toMatchObject({ date: "2026-11-21", method: "print", groups: ["市科协驻会领导", "各区科协"], recipientCount: 60, printRun: 80, recordedByName: "王晓燕", correctsId: null });

    // A correction: a new entry pointing at the first, with a reason, logged on the issue.
    expect(errorCode(() => correctRegisterEntry(changping, { recordId: entry.id, date: "2026-11-22", method: "post", groups: ["x"], recipientCount: 1, printRun: null, reason: "r" }))).toBe("forbidden");
    const fixed = correctRegisterEntry(office, { recordId: entry.id, date: "2026-11-22", method: "electronic", groups: ["市科协驻会领导", "各区科协", "各学会"], recipientCount: 75, printRun: 80, reason: "漏登各学会" });
    expect(fixed.correctsId).toBe(entry.id);
    expect(registerEntriesForIssue(office, issue.id).map((e) => e.id)).toEqual([entry.id, fixed.id]);
    // Only the latest entry may be corrected.
    expect(errorCode(() => correctRegisterEntry(office, { recordId: entry.id, date: "2026-11-22", method: "post", groups: ["x"], recipientCount: 1, printRun: null, reason: "r" }))).toBe("conflict");
    const log = db.$client.prepare("select action, detail from audit_log where entity = 'issue' and entity_id = ? and action = 'register_correct'").all(issue.id) as { detail: string }[];
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0].detail)).toMatchObject({ reason: "漏登各学会", changed: ["date", "method", "groups", "recipientCount"] });

    const rows = listRegister(office, 2026);
    const row = rows.find((r) => r.issue.id === issue.id);
    expect(row?.current.id).toBe(fixed.id);
    expect(row?.corrections.map((c) => c.id)).toEqual([entry.id]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await registerWorkbook(office, 2026)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe("2026年发文登记");
    expect(ws.getRow(1).values).toEqual([undefined, "序号", "期号", "出刊日期", "分发日期", "方式", "分送对象", "份数", "印数", "登记人", "更正"]);
    const data = ws.getRow(1 + rows.findIndex((r) => r.issue.id === issue.id) + 1).values as unknown[];
    expect(data.slice(2)).toEqual([
      `${issue.year}年第${issue.number}期（总第${issue.totalNumber}期）`,
      "2026-11-20",
      "2026-11-22",
      "电子",
      "市科协驻会领导\n各区科协\n各学会",
      75,
      80,
      "王晓燕",
      "更正1次：漏登各学会",
    ]);
  });

  it("a paper distribution cannot send more copies than were printed, at recording and at correction; nothing is written", () => {
    const issue = approvedIssue("2026-11-24");
    const base = { issueId: issue.id, version: issue.version, date: "2026-11-24", distribution: ["市科协驻会领导"], method: "print" as const };
    expect(errorCode(() => distributeIssue(office, { ...base, recipientCount: 200, printRun: 150 }))).toBe("copies_over_print_run");
    expect(errorCode(() => distributeIssue(office, { ...base, method: "post", recipientCount: 151, printRun: 150 }))).toBe("copies_over_print_run");
    expect(registerEntriesForIssue(office, issue.id)).toEqual([]);
    expect(db.$client.prepare("select status from issues where id = ?").get(issue.id)).toEqual({ status: "approved" });
    // Equal is fine; an electronic distribution has no print run to keep to.
    distributeIssue(office, { ...base, recipientCount: 150, printRun: 150 });
    const [entry] = registerEntriesForIssue(office, issue.id);
    const fix = { recordId: entry.id, date: "2026-11-24", groups: ["市科协驻会领导"], reason: "更正份数" };
    expect(errorCode(() => correctRegisterEntry(office, { ...fix, method: "print", recipientCount: 160, printRun: 150 }))).toBe("copies_over_print_run");
    expect(registerEntriesForIssue(office, issue.id)).toHaveLength(1);
    expect(correctRegisterEntry(office, { ...fix, method: "electronic", recipientCount: 160, printRun: 150 }).recipientCount).toBe(160);
  });

  it("a 印发日期 years before the issue (a mistyped year) is refused, at recording and at correction, naming the range; nothing is written", () => {
    const issue = approvedIssue("2026-11-25");
    const base = { issueId: issue.id, version: issue.version, distribution: ["市科协驻会领导"], method: "print" as const, recipientCount: 10, printRun: 20 };
    const today = todayInChina();
    for (const date of ["2020-01-01", "2026-11-24", addChinaDays(today, 8)]) expect(errorCode(() => distributeIssue(office, { ...base, date })), date).toBe("distribution_date_range");
    expect(registerEntriesForIssue(office, issue.id)).toEqual([]);
    expect(db.$client.prepare("select status from issues where id = ?").get(issue.id)).toEqual({ status: "approved" });
    const refusal = (() => {
      try {
        assertDistributionDate({ date: "2026-11-25", approvedAt: null }, "2020-01-01", "2026-11-30");
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(refusal).toMatchObject({ code: "distribution_date_range", params: { from: "2026年11月25日", to: "2026年12月7日" }, field: "date" });
    distributeIssue(office, { ...base, date: "2026-11-25" });
    const [entry] = registerEntriesForIssue(office, issue.id);
    const fix = { recordId: entry.id, groups: ["市科协驻会领导"], method: "print" as const, recipientCount: 10, printRun: 20, reason: "更正日期" };
    expect(errorCode(() => correctRegisterEntry(office, { ...fix, date: "2020-11-25" }))).toBe("distribution_date_range");
    expect(correctRegisterEntry(office, { ...fix, date: today }).date).toBe(today);
  });

  it("the register is not for contributors", () => {
    expect(errorCode(() => listRegister(changping, 2026))).toBe("forbidden");
  });

  it("names a 专刊 as its masthead does, on the page's rows and in the .xlsx (no running number)", async () => {
    const issue = approvedIssue("2031-05-04", { year: 2031, number: 1, totalNumber: 0, date: "2031-05-04", kind: "supplement", supplementLabel: "专刊" });
    distributeIssue(office, { issueId: issue.id, version: issue.version, date: "2031-05-05", distribution: ["各区科协"], method: "print", recipientCount: 20, printRun: 30 });
    const rows = listRegister(office, 2031);
    expect(rows.find((r) => r.issue.id === issue.id)?.issue).toMatchObject({ kind: "supplement", supplementLabel: "专刊", number: 1 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await registerWorkbook(office, 2031)) as unknown as ArrayBuffer);
    const data = wb.worksheets[0].getRow(1 + rows.findIndex((r) => r.issue.id === issue.id) + 1).values as unknown[];
    expect(data[2]).toBe("2031年专刊第1期");
  });
});
