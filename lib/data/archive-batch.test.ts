import { eq } from "drizzle-orm";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { findUnitByName } from "@/db/import-issue";
import { issues, items, units } from "@/db/schema";
import { readZipEntries, ZipError } from "@/lib/archive/zip-entries";
import { demoActor, errorCode } from "@/lib/testing/fixtures";
import { mergeUnit } from "./admin";
import { importArchiveBatch } from "./archive-batch";
import { importBulletin } from "./archive";
import { addAlias, listAliases } from "./unit-aliases";

const enc = (s: string) => new TextEncoder().encode(s);

/** An invented past issue of 《科协每周动态》 in another office's masthead style. */
function pastIssue(year: number, numberCn: string, total: number, date: string, extra = ""): string {
  return `科协每周动态

〔${year}〕第${numberCn}期

（总第${total}期）

北京市科协办公室编　${date}

${extra}区科协召开全委会

${date.replace(/^\d{4}[.\-/]/, "").replace(/[.\-/]/, "月")}日，区科协召开全委会，部署全年工作。（市老科协）

编辑：张红波`;
}

describe("importArchiveBatch", () => {
  it("imports several files and a .zip, reports each file, refuses a used number, lists the gaps", async () => {
    const zip = zipSync({
      "往期/2019-三.txt": enc(pastIssue(2019, "三", 3003, "2019.3.1")),
      "往期/2019-四.txt": enc(pastIssue(2019, "四", 3004, "2019.3.8")),
      "往期/说明.pdf": enc("%PDF"),
      "__MACOSX/._2019-四.txt": enc("x"),
    });
    const report = await importArchiveBatch(null, [
      { name: "2019-一.txt", bytes: enc(pastIssue(2019, "一", 3001, "2019.1.4")) },
      { name: "2019-一-重复.txt", bytes: enc(pastIssue(2019, "一", 3099, "2019.1.4")) },
      { name: "坏文件.txt", bytes: enc("只有一句话，没有标题。") },
      { name: "past.zip", bytes: zip },
      { name: "坏.zip", bytes: enc("PK not a zip") },
    ]);
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f]));
    expect(byFile["2019-一.txt"]).toMatchObject({ status: "imported", issue: "2019年第1期", items: 1 });
    expect(byFile["2019-一-重复.txt"]).toMatchObject({ status: "refused", reason: "2019年第1期已存在，期号不能重复" });
    expect(byFile["坏文件.txt"].reason).toContain("没有识别出任何稿件");
    expect(byFile["past.zip/往期/2019-三.txt"]).toMatchObject({ status: "imported", issue: "2019年第3期" });
    expect(byFile["past.zip/往期/2019-四.txt"]).toMatchObject({ status: "imported" });
    expect(byFile["past.zip/往期/说明.pdf"].status).toBe("refused");
    expect(byFile["坏.zip"].reason).toContain("压缩包");
    expect(report.files.some((f) => f.file.includes("__MACOSX"))).toBe(false);
    expect([report.imported, report.refused]).toEqual([3, 4]);
    expect(report.gaps).toEqual(["2019年缺第2期", "总期号缺第3002期"]);
    expect(report.unitsCreated).toEqual(["市老科协"]);
    const stored = db.select().from(issues).where(eq(issues.totalNumber, 3003)).get();
    expect([stored?.year, stored?.number, stored?.imported]).toEqual([2019, 3, true]);
  });

  it("a 总期号 clash names the file's own issue and the issue holding the number; with nothing imported the gap verdict covers the archive", async () => {
    await importArchiveBatch(null, [
      { name: "2017-一.txt", bytes: enc(pastIssue(2017, "一", 6001, "2017.1.6")) },
      { name: "2017-三.txt", bytes: enc(pastIssue(2017, "三", 6003, "2017.1.20")) },
    ]);
    const report = await importArchiveBatch(null, [{ name: "2016-十四.txt", bytes: enc(pastIssue(2016, "十四", 6003, "2016.7.1")) }]);
    expect(report.files[0]).toMatchObject({ status: "refused", issue: "2016年第14期", reason: "本期（2016年第14期）的总第6003期已被2017年第3期使用，总期号不能重复" });
    expect(report.imported).toBe(0);
    expect(report.gapYears).toContain(2017);
    expect(report.gaps).toContain("2017年缺第2期");
    // The single import names the running number too (code duplicate_total, not duplicate_number).
    const { parseBulletin, documentFromParsed } = await import("@/lib/bulletin/parse-text");
    const doc = documentFromParsed(parseBulletin(pastIssue(2016, "十四", 6001, "2016.7.1")));
    expect(errorCode(() => importBulletin(null, doc, "single.txt"))).toBe("duplicate_total");
  });

  it("warns (and still imports) when a 总期号 is out of order with the dates, naming both issues", async () => {
    const { parseBulletin, documentFromParsed } = await import("@/lib/bulletin/parse-text");
    importBulletin(null, documentFromParsed(parseBulletin(pastIssue(2015, "一", 7001, "2015.1.9"))), "2015-1.txt");
    const report = await importArchiveBatch(null, [{ name: "2014-十二.txt", bytes: enc(pastIssue(2014, "十二", 7050, "2014.12.10")) }]);
    expect(report.files[0].status).toBe("imported");
    expect(report.files[0].warnings.join("\n")).toContain("总第7050期（2014年12月10日）早于总第7001期（2015年1月9日），总期号却更大；总期号只增不减，请核对");
    // The single import reports it too, whichever side the new issue is on (here the later date, the lower number).
    const single = importBulletin(null, documentFromParsed(parseBulletin(pastIssue(2015, "二", 7002, "2015.1.16"))), "2015-2.txt");
    expect(single.totalOrder).toMatchObject({ earlier: { total: 7050, date: "2014-12-10" }, later: { total: 7002, date: "2015-01-16" } });
    // In order (after every issue of the archive, by date and by number): no warning.
    const fine = importBulletin(null, documentFromParsed(parseBulletin(pastIssue(2030, "一", 99001, "2030.1.4"))), "2030-1.txt");
    expect(fine.totalOrder).toBeUndefined();
  });

  it("a masthead title different from the publication's is refused until confirmed, then imported with a warning", async () => {
    const text = pastIssue(2019, "五", 3005, "2019.4.1").replace("科协每周动态", "科协动态周报");
    const first = await importArchiveBatch(null, [{ name: "other.txt", bytes: enc(text) }]);
    expect(first.files[0]).toMatchObject({ status: "refused" });
    expect(first.files[0].reason).toContain("报头刊名「科协动态周报」与本刊「科协每周动态」不同");
    const again = await importArchiveBatch(null, [{ name: "other.txt", bytes: enc(text) }], { acceptTitle: true });
    expect(again.files[0].status).toBe("imported");
    expect(again.files[0].warnings.join()).toContain("报头刊名「科协动态周报」");
  });

  it("imports a 合刊 and a 增刊 with their kinds; regular numbering is unaffected by the supplement", async () => {
    const double = pastIssue(2019, "六", 3006, "2019.5.1").replace("〔2019〕第六期", "〔2019〕第六-七期（合刊）").replace("（总第3006期）", "（总第3006-3007期）");
    const supplement = pastIssue(2019, "一", 3008, "2019.6.1").replace("〔2019〕第一期", "〔2019〕增刊第一期").replace("（总第3008期）\n\n", "");
    const report = await importArchiveBatch(null, [
      { name: "d.txt", bytes: enc(double) },
      { name: "s.txt", bytes: enc(supplement) },
    ]);
    expect(report.files.map((f) => [f.status, f.issue])).toEqual([
      ["imported", "2019年第6-7期合刊"],
      ["imported", "2019年增刊第1期"],
    ]);
    const d = db.select().from(issues).where(eq(issues.totalNumber, 3006)).get();
    expect([d?.kind, d?.numberEnd, d?.totalNumberEnd]).toEqual(["double", 7, 3007]);
    const s = db.select().from(issues).where(eq(issues.kind, "supplement")).all();
    expect(s.map((r) => [r.year, r.number, r.totalNumber, r.supplementLabel])).toEqual([[2019, 1, 0, "增刊"]]);
    // 第7期 is taken by the 合刊.
    const clash = await importArchiveBatch(null, [{ name: "7.txt", bytes: enc(pastIssue(2019, "七", 3010, "2019.5.8")) }]);
    expect(clash.files[0].reason).toBe("2019年第6期已存在，期号不能重复");
    // 专刊 numbers on its own: 专刊第一期 of 2019 imports next to 增刊第一期; a second 增刊第一期 is refused, named.
    const special = supplement.replace("增刊第一期", "专刊第一期").replace("2019.6.1", "2019.6.2");
    const again = await importArchiveBatch(null, [
      { name: "z.txt", bytes: enc(special) },
      { name: "s2.txt", bytes: enc(supplement.replace("2019.6.1", "2019.6.3")) },
    ]);
    expect(again.files.map((f) => [f.status, f.status === "imported" ? f.issue : f.reason])).toEqual([
      ["imported", "2019年专刊第1期"],
      ["refused", "2019年增刊第1期已存在，期号不能重复"],
    ]);
  });
});

describe("units by normalised name and alias", () => {
  const doc = (total: number, source: string) => ({
    masthead: { title: "科协每周动态", year: 2018, number: total - 4000, totalNumber: total, office: "北京市科协办公室", date: "2018-05-04" },
    toc: [],
    sections: [{ title: null, items: [{ title: `稿件${total}`, paragraphs: [[{ text: "正文。" }]], source }] }],
    footer: { mailbox: "", editor: "", reviewer: "", distribution: [] },
    draft: false,
  });

  it("an alias the admin keeps matches its unit; a normalised name matches; merging keeps the old name as an alias", () => {
    const admin = demoActor("admin");
    const target = db.insert(units).values({ name: "北京市老科学技术工作者协会", kind: "society" }).returning().get();
    addAlias(admin, { unitId: target.id, alias: "市老 科技协会" });
    expect(listAliases(admin).find((a) => a.unitId === target.id)?.alias).toBe("市老科技协会");
    expect(errorCode(() => addAlias(admin, { unitId: target.id, alias: "市老科技协会" }))).toBe("name_taken");
    expect(errorCode(() => addAlias(demoActor("editor"), { unitId: target.id, alias: "老科协" }))).toBe("forbidden");

    const r = importBulletin(null, doc(4001, "市老科技协会"), "t");
    expect(r.unitsCreated).toEqual([]);
    expect(r.unitsAliased).toEqual([["市老科技协会", "北京市老科学技术工作者协会"]]);
    expect(db.select().from(items).where(eq(items.title, "稿件4001")).get()?.unitId).toBe(target.id);

    expect(findUnitByName(db, "北京市老科学技术工作者 协会")?.id).toBe(target.id);

    const created = importBulletin(null, doc(4002, "某某新协会"), "t");
    expect(created.unitsCreated).toEqual(["某某新协会"]);
    const stray = db.select().from(units).where(eq(units.name, "某某新协会")).get();
    mergeUnit(admin, { id: stray?.id ?? 0, targetId: target.id });
    const after = importBulletin(null, doc(4003, "某某新协会"), "t");
    expect(after.unitsCreated).toEqual([]);
    expect(db.select().from(items).where(eq(items.title, "稿件4003")).get()?.unitId).toBe(target.id);
  });
});

describe("readZipEntries", () => {
  it("checks the entry count and the declared uncompressed size before inflating", () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 12 }, (_, k) => [`f${k}.txt`, enc("x")])));
    expect(() => readZipEntries(many, { entries: 10, uncompressed: 1e6 })).toThrow(ZipError);
    const big = zipSync({ "a.txt": new Uint8Array(2_000_000) });
    expect(big.byteLength).toBeLessThan(50_000);
    let err: unknown;
    try {
      readZipEntries(big, { entries: 10, uncompressed: 1_000_000 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ZipError);
    expect((err as ZipError).code).toBe("too_much_data");
    expect(readZipEntries(big, { entries: 10, uncompressed: 3_000_000 }).files[0].bytes.byteLength).toBe(2_000_000);
  });
});
