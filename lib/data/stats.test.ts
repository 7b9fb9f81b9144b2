import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { items, notifications, units, users } from "@/db/schema";
import type { BulletinDocument } from "@/lib/bulletin/document";
import { demoActor, errorCode, itemFields } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { importBulletin } from "./archive";
import { createItem, decideItem, submitItem } from "./items";
import { itemRecognition, recordForward, recordInstruction } from "./recognition";
import { listRuleVersions, saveRuleVersion, DEFAULT_POINTS } from "./scoring-rules";
import { stopReader } from "@/lib/jobs/read-off-thread";
import { currentPublication } from "./publication";
import { adoptionStats, computeStats, computeStatsOffThread, myUnitStats, resolvePeriod, type UnitFigures } from "./stats";
import { reportModel, reportTitleLines, reportToDocx, reportToPrintHtml, statsWorkbook } from "@/lib/stats/report";
import { strFromU8, unzipSync } from "fflate";
import { titleWidth } from "@/lib/bulletin/title-lines";

const p = (text: string) => [[{ text }]];
const issueDoc = (number: number, total: number, date: string, toc: string[], sections: BulletinDocument["sections"]): BulletinDocument => ({
  masthead: { title: "科协每周动态", year: 2025, number, totalNumber: total, office: "北京市科协办公室", date },
  toc,
  sections,
  footer: { mailbox: "", editor: "张红波", reviewer: "李金涛", distribution: [] },
  draft: false,
});

let changping: Actor, dongcheng: Actor, editor: Actor, office: Actor, admin: Actor, reviewer: Actor;
let lead1 = 0;
let o3 = 0;

/**
 * The hand-checked case, March 2025. Rules: the defaults until 14 March, then (from 15 March)
 * ordinary 4, highlight 6 and half credit for co-units.
 *  issue 5 (7 Mar, defaults):  lead  「昌平一」 昌平区科协                         lead 8
 *                              基层  「东城一」 东城区科协, in the TOC             highlight 5
 *                              基层  「制冷一」 北京制冷学会、昌平区科协            ordinary 3 each (full co-credit)
 *  issue 6 (21 Mar, new rules): 基层 「昌平二」 昌平区科协, in the TOC              highlight 6
 *                              基层  「东城二」 东城区科协、昌平区科协              ordinary 4; 昌平 half: 2
 *  昌平区科协 submits three more on 10 Mar: one accepted, one returned, one declined (1 point each)
 *  「昌平一」 gets a provincial leader's instruction on 20 Mar (15); 「昌平二」 is used higher up on 25 Mar (10).
 */
beforeAll(() => {
  [changping, dongcheng, editor, office, admin, reviewer] = ["changping", "dongcheng", "editor", "office", "admin", "reviewer"].map(demoActor);
  saveRuleVersion(admin, { ...DEFAULT_POINTS, effectiveFrom: "2025-03-15", perOrdinary: 4, perHighlight: 6, coUnitShare: 0.5 });
  importBulletin(
    null,
    issueDoc(5, 5005, "2025-03-07", ["东城一"], [
      { title: null, items: [{ title: "昌平一", paragraphs: p("正文。"), source: "昌平区科协" }] },
      {
        title: "基层动态",
        items: [
          { title: "东城一", paragraphs: p("正文。"), source: "东城区科协" },
          { title: "制冷一", paragraphs: p("正文。"), source: "北京制冷学会、昌平区科协" },
        ],
      },
    ]),
    "test",
  );
  importBulletin(
    null,
    issueDoc(6, 5006, "2025-03-21", ["昌平二"], [
      {
        title: "基层动态",
        items: [
          { title: "昌平二", paragraphs: p("正文。"), source: "昌平区科协" },
          { title: "东城二", paragraphs: p("正文。"), source: "东城区科协、昌平区科协" },
        ],
      },
    ]),
    "test",
  );
  const decisions = ["accept", "return", "decline"] as const;
  for (const decision of decisions) {
    const item = createItem(changping, itemFields(`三月报送-${decision}`));
    const sent = submitItem(changping, { id: item.id, version: item.version });
    decideItem(editor, { id: sent.id, version: sent.version, decision, note: "说明" });
    db.update(items).set({ submittedAt: new Date("2025-03-10T09:00:00+08:00") }).where(eq(items.id, item.id)).run();
  }
  const idOf = (title: string) => db.select().from(items).where(eq(items.title, title)).get()?.id ?? 0;
  lead1 = idOf("昌平一");
  o3 = idOf("昌平二");
  recordInstruction(office, { itemId: lead1, leader: "市领导某某", level: "provincial", date: "2025-03-20", text: "此经验做法很好，请市科协总结推广。" });
  recordForward(office, { itemId: o3, target: "《中国科协信息》", date: "2025-03-22", used: true, usedDate: "2025-03-25" });
});

const pick = (r: UnitFigures | undefined) =>
  r && {
    submitted: r.submitted,
    accepted: r.accepted,
    returned: r.returned,
    declined: r.declined,
    adopted: r.adopted,
    lead: r.lead,
    highlight: r.highlight,
    rate: r.rate,
    instructions: r.instructions,
    forwardsUsed: r.forwardsUsed,
    score: r.score,
    rank: r.rank,
    kindRank: r.kindRank,
  };

describe("adoption statistics, hand-checked (March 2025)", () => {
  it("counts, credits co-units, scores each event by the rules in force on its date, and ranks", async () => {
    const s = await adoptionStats(office, { period: "month", year: 2025, month: 3 });
    expect(s.period).toMatchObject({ from: "2025-03-01", to: "2025-03-31", label: "2025年3月" });
    const row = (name: string) => s.rows.find((r) => r.unit === name);
    // 昌平: submitted 昌平一 1 + 制冷一 1 (co, full) + 昌平二 1 + 东城二 0.5 (co, half) + 3 = 6.5;
    // adopted 1 + 1 + 1 + 0.5 = 3.5; score 6.5 + (8 + 3 + 6 + 2) + 15 + 10 = 50.5; rate 3.5/6.5.
    expect(pick(row("昌平区科协"))).toEqual({
      submitted: 6.5, accepted: 4.5, returned: 1, declined: 1, adopted: 3.5, lead: 1, highlight: 1, rate: 0.54, instructions: 1, forwardsUsed: 1, score: 50.5, rank: 1, kindRank: 1,
    });
    // 东城: 东城一 (highlight, 5) and 东城二 (its own item, full credit, ordinary under the new rules 4) + 2 submissions.
    expect(pick(row("东城区科协"))).toEqual({
      submitted: 2, accepted: 2, returned: 0, declined: 0, adopted: 2, lead: 0, highlight: 1, rate: 1, instructions: 0, forwardsUsed: 0, score: 11, rank: 2, kindRank: 2,
    });
    // 北京制冷学会: its own 制冷一 (ordinary, defaults 3) + 1 submission; first of the societies.
    expect(pick(row("北京制冷学会"))).toEqual({
      submitted: 1, accepted: 1, returned: 0, declined: 0, adopted: 1, lead: 0, highlight: 0, rate: 1, instructions: 0, forwardsUsed: 0, score: 4, rank: 3, kindRank: 1,
    });
    // Every other unit has nothing in March 2025, and the office's own unit is not ranked.
    expect(s.rows.slice(3).every((r) => r.score === 0 && r.rank === 4)).toBe(true);
    expect(s.rows.some((r) => r.kind === "office")).toBe(false);
    expect(s.totals).toMatchObject({ adopted: 6.5, submitted: 9.5, score: 65.5 });
    // The trend counts items once: 3 in issue 5 and 2 in issue 6.
    expect(s.trend).toEqual([{ month: "2025-03", adopted: 5 }]);
    expect(s.rules.map((r) => r.effectiveFrom)).toEqual(["1900-01-01", "2025-03-15"]);
  });

  it("read off the server thread, the figures are the same as on it, for a month, a quarter and the whole archive", async () => {
    const pub = currentPublication().id;
    for (const q of [{ period: "month", year: 2025, month: 3 }, { period: "quarter", year: 2025, quarter: 1 }, { period: "range", from: "2000-01-01", to: "2026-12-31" }] as const) {
      const period = resolvePeriod(q);
      const there = await computeStatsOffThread(pub, period);
      expect(there).toEqual(computeStats(db, pub, period));
      expect(there.rows.some((r) => r.submitted > 0)).toBe(true);
    }
    await stopReader();
  });

  it("the same period scored with one rule version: before the new rules took effect only the first issue counts", async () => {
    const s = await adoptionStats(office, { period: "range", from: "2025-03-01", to: "2025-03-14" });
    const cp = s.rows.find((r) => r.unit === "昌平区科协");
    // 昌平一 (1 + 8), 制冷一 co-credit (1 + 3), three submissions (3).
    expect(pick(cp)).toMatchObject({ submitted: 5, adopted: 2, lead: 1, score: 16 });
    expect(s.rules.map((r) => r.effectiveFrom)).toEqual(["1900-01-01"]);
  });

  it("a quarter and a year include the month; the unit-kind filter keeps the kind's ranks", async () => {
    expect(resolvePeriod({ period: "quarter", year: 2025, quarter: 1 })).toMatchObject({ from: "2025-01-01", to: "2025-03-31", label: "2025年第一季度" });
    const q = await adoptionStats(editor, { period: "quarter", year: 2025, quarter: 1, kind: "district" });
    expect(q.rows.every((r) => r.kind === "district")).toBe(true);
    expect(q.totals).toMatchObject({ adopted: 5.5, score: 61.5 });
    expect(q.rows.slice(0, 2).map((r) => [r.unit, r.score, r.kindRank])).toEqual([
      ["昌平区科协", 50.5, 1],
      ["东城区科协", 11, 2],
    ]);
    expect(resolvePeriod({ period: "range", from: "2025-01-01", to: "2025-03-31" }).label).toBe("2025年第一季度");
    expect(resolvePeriod({ period: "range", from: "2025-03-01", to: "2025-03-31" }).label).toBe("2025年3月");
    expect(resolvePeriod({ period: "range", from: "2025-03-05", to: "2025-03-20" }).label).toBe("2025年3月5日至2025年3月20日");
    expect(errorCode(() => resolvePeriod({ period: "range", from: "2025-03-20", to: "2025-03-05" }))).toBe("invalid_range");
    expect(errorCode(() => resolvePeriod({ period: "month", year: 2025, month: 13 }))).toBe("invalid_param");
    const y = await adoptionStats(admin, { period: "year", year: 2025 });
    expect(y.trend).toHaveLength(12);
    expect(y.trend[2]).toEqual({ month: "2025-03", adopted: 5 });
  });

  it("the imported demo archive (2023) counts as adoptions", async () => {
    const s = await adoptionStats(office, { period: "year", year: 2023 });
    expect(s.totals.adopted).toBeGreaterThan(0);
    expect(s.rows.find((r) => r.unit === "昌平区科协")?.adopted).toBeGreaterThan(0);
  });
});

describe("who may see and record what", () => {
  it("a contributor sees only its own unit's figures and rank; the others only through office, editor, admin", async () => {
    const mine = await myUnitStats(changping, { period: "month", year: 2025, month: 3 });
    expect(mine.unit).toMatchObject({ unit: "昌平区科协", score: 50.5, rank: 1 });
    expect((await myUnitStats(dongcheng, { period: "month", year: 2025, month: 3 })).unit).toMatchObject({ unit: "东城区科协", rank: 2 });
    await expect(adoptionStats(changping, { period: "month", year: 2025, month: 3 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(adoptionStats(reviewer, { period: "month", year: 2025, month: 3 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(myUnitStats(office, { period: "month" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("only the office records instructions and forwards, only on published items, with checked text", () => {
    const ins = { itemId: lead1, leader: "某领导", level: "bureau" as const, date: "2025-03-20", text: "同意。" };
    expect(errorCode(() => recordInstruction(editor, ins))).toBe("forbidden");
    expect(errorCode(() => recordInstruction(admin, ins))).toBe("forbidden");
    expect(errorCode(() => recordInstruction(changping, ins))).toBe("forbidden");
    expect(errorCode(() => recordInstruction(office, { ...ins, text: "<script>alert(1)</script>" }))).toBe("invalid");
    expect(errorCode(() => recordInstruction(office, { ...ins, leader: "  " }))).toBe("invalid");
    expect(errorCode(() => recordInstruction(office, { ...ins, date: "2025-02-30" }))).toBe("invalid");
    expect(errorCode(() => recordForward(editor, { itemId: o3, target: "《X》", date: "2025-03-22", used: false }))).toBe("forbidden");
    expect(errorCode(() => recordForward(office, { itemId: o3, target: "《X》", date: "2025-03-22", used: true }))).toBe("invalid");
    const submitted = db.select().from(items).where(eq(items.status, "submitted")).get();
    expect(errorCode(() => recordInstruction(office, { ...ins, itemId: submitted?.id ?? 0 }))).toBe("not_allowed_now");
  });

  it("the instruction shows on the item for the desk and the unit, and the unit was notified; another unit cannot see it", () => {
    expect(itemRecognition(editor, lead1).instructions.map((i) => [i.leader, i.level])).toEqual([["市领导某某", "provincial"]]);
    expect(itemRecognition(changping, lead1).forwards).toEqual([]);
    expect(itemRecognition(changping, o3).forwards.map((f) => [f.target, f.used, f.usedDate])).toEqual([["《中国科协信息》", true, "2025-03-25"]]);
    expect(errorCode(() => itemRecognition(dongcheng, lead1))).toBe("not_found");
    const changpingUser = db.select().from(users).where(eq(users.username, "changping")).get();
    const notes = db.select().from(notifications).where(eq(notifications.userId, changpingUser?.id ?? 0)).all();
    expect(notes.map((n) => n.kind)).toEqual(expect.arrayContaining(["instruction", "forward_used"]));
  });

  it("only the admin edits the rules; a version is kept per date and bad values change nothing", () => {
    const rules = { ...DEFAULT_POINTS, effectiveFrom: "2026-01-01" };
    expect(errorCode(() => saveRuleVersion(office, rules))).toBe("forbidden");
    expect(errorCode(() => saveRuleVersion(editor, rules))).toBe("forbidden");
    expect(errorCode(() => saveRuleVersion(admin, { ...rules, perLead: -1 }))).toBe("invalid");
    expect(errorCode(() => saveRuleVersion(admin, { ...rules, coUnitShare: 0.3 }))).toBe("invalid");
    expect(listRuleVersions(office).map((v) => v.effectiveFrom)).toEqual(["1900-01-01", "2025-03-15"]);
    expect(errorCode(() => listRuleVersions(changping))).toBe("forbidden");
  });
});

describe("the 通报", () => {
  it("states the totals, lists every unit in rank order, the leaders per kind and the rules in force, escaped", async () => {
    const s = await adoptionStats(office, { period: "month", year: 2025, month: 3 });
    const m = reportModel(s, { publicationTitle: "科协每周动态", office: "北京市科协办公室<测试>", date: "2025-04-02" });
    expect(m.title).toBe("关于2025年3月各单位信息报送采用情况的通报");
    expect(m.intro).toContain("报送信息9.5篇，《科协每周动态》刊发6.5篇，其中头条1篇、目录提要2篇；获领导批示1次，被上级刊物采用1篇");
    // A named period gives its dates in brackets; a range that is just dates names them once.
    expect(m.intro.startsWith("2025年3月（2025年3月1日至2025年3月31日），共有")).toBe(true);
    const range = reportModel(await adoptionStats(office, { period: "range", from: "2025-03-05", to: "2025-03-20" }), { publicationTitle: "科协每周动态", office: "办公室", date: "2025-04-02" });
    expect(range.title).toBe("关于2025年3月5日至2025年3月20日各单位信息报送采用情况的通报");
    expect(range.intro.startsWith("2025年3月5日至2025年3月20日，共有")).toBe(true);
    expect(range.intro).not.toContain("（2025年3月5日");
    expect(m.byKind).toEqual([
      { kind: "区科协", line: "昌平区科协（50.5分）、东城区科协（11分）" },
      { kind: "学会", line: "北京制冷学会（4分）" },
    ]);
    expect(m.rules).toHaveLength(2);
    expect(m.rules[1]).toMatch(/^2025年3月15日起：.*合作单位第二家起按一半计。$/);
    const html = reportToPrintHtml(m);
    expect(html).toContain("北京市科协办公室&lt;测试&gt;");
    expect(html.indexOf("昌平区科协")).toBeLessThan(html.indexOf("东城区科协"));
    const docx = await reportToDocx(m);
    expect(docx.subarray(0, 2).toString()).toBe("PK");
  });

  it("breaks its title as the bulletin's titles are: balanced lines, words whole, no lone 「通报」 (PDF and .docx)", async () => {
    const s = await adoptionStats(office, { period: "month", year: 2025, month: 3 });
    const m = { ...reportModel(s, { publicationTitle: "科协每周动态", office: "办公室", date: "2025-04-02" }), title: "关于2026年11月各单位信息报送采用情况的通报" };
    const lines = reportTitleLines(m.title);
    expect(lines.join("")).toBe(m.title);
    expect(lines).toHaveLength(2);
    const widths = lines.map(titleWidth);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(4);
    expect(lines.at(-1)).not.toBe("通报");
    const html = reportToPrintHtml(m);
    expect(html).toContain(`<h1>${lines.map((l) => `<span class="title-line">${l}</span>`).join("")}</h1>`);
    const xml = strFromU8(unzipSync(new Uint8Array(await reportToDocx(m)))["word/document.xml"]);
    const title = xml.slice(0, xml.indexOf(lines[1]) + lines[1].length);
    expect(title).toContain(lines[0]);
    expect(title.slice(title.indexOf(lines[0]))).toContain("<w:br/>");
  });
});

describe("the .xlsx export", () => {
  it("reads back with exceljs: header, one row per unit in rank order, the figures", async () => {
    const s = await adoptionStats(office, { period: "month", year: 2025, month: 3 });
    const buf = await statsWorkbook(s);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell("A1").value).toBe("科协每周动态 采用统计（2025年3月）");
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(["排名", "单位", "类别", "报送"]);
    const first = (ws.getRow(3).values as unknown[]).slice(1);
    expect(first.slice(0, 4)).toEqual([1, "昌平区科协", "区科协", 6.5]);
    expect(first[header.indexOf("得分")]).toBe(50.5);
    // The call columns the screen shows (按时/逾期/未报) are all in the workbook, in that order.
    expect(header.filter((h) => String(h).startsWith("约稿"))).toEqual(["约稿按时", "约稿逾期", "约稿未报"]);
    for (const [i, r] of s.rows.entries()) {
      const row = (ws.getRow(3 + i).values as unknown[]).slice(1);
      expect(row[header.indexOf("约稿逾期")]).toBe(r.callsLate);
    }
    expect(ws.rowCount).toBe(2 + s.rows.length + 1);
  });
});

void units;
