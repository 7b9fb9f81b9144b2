import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeDocx, p } from "@/lib/import/fixtures/make-docx";
import { run as check } from "./check";
import { run as readItem } from "./read-item";

const ROOT = path.resolve(__dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "bulletin-read-item-"));
const file = (name: string, content: string | Uint8Array) => {
  const f = path.join(dir, name);
  writeFileSync(f, content);
  return f;
};

async function capture(run: (args: string[]) => Promise<number>, ...args: string[]) {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const code = await run(args);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}
afterEach(() => vi.restoreAllMocks());

describe("bulletin read-item", () => {
  it("reads a .docx: title, paragraphs, the attribution moved out of the body, notices", async () => {
    const docx = file("稿件.docx", makeDocx(p("区科协举办科普讲座") + p("会议于", '<w:fldSimple w:instr=" DATE "><w:r><w:t>10月9日</w:t></w:r></w:fldSimple>', "召开。（昌平区科协）")));
    const r = await capture(readItem, docx);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      title: "区科协举办科普讲座",
      paragraphs: ["会议于10月9日召开。"],
      source: "昌平区科协",
      notices: ["1 个域（日期、编号等）已保留其显示的结果", "正文末尾的署名「昌平区科协」已移到署名栏，不会重复印出"],
    });
  });

  it("reads Word's clipboard HTML with the form's cleaner (comments dropped, tracked changes accepted)", async () => {
    const html = file("paste.html", readFileSync(path.join(ROOT, "lib/editor/fixtures/word-tracked-comments.html")));
    const out = JSON.parse((await capture(readItem, html)).stdout);
    // No short first line without a full stop: nothing is taken as a title.
    expect(out.title).toBeNull();
    expect(out.paragraphs).toEqual(["活动共吸引五百名居民参加。", "会议由主任主持。", "区科协副主席王喆出席并讲话。"]);
    expect(out.notices.join("\n")).toMatch(/批注/);
  });

  it("reads a GBK .txt, and refuses a binary file as not text", async () => {
    // 「科协」 then a body line, in GBK.
    const gbk = file("gbk.txt", new Uint8Array([0xbf, 0xc6, 0xd0, 0xad, 0x0d, 0x0a, 0xbf, 0xc6, 0xd0, 0xad, 0xa1, 0xa3]));
    expect(JSON.parse((await capture(readItem, gbk)).stdout)).toMatchObject({ title: "科协", paragraphs: ["科协。"] });
    const bin = await capture(readItem, file("x.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])));
    expect(bin.code).toBe(1);
    expect(bin.stderr).toMatch(/这不是文本文件/);
  });
});

describe("bulletin check", () => {
  const text = "1.召开动员会议,明确分工\n6 月 20 日上午，区科协在回龙观社区举办讲座(现场),吸引300余名居民参加\n“第一，要提高认识。\n“第二，要狠抓落实。”\n";
  it("prints the findings as JSON, paragraph numbers from 1", async () => {
    const r = await capture(check, file("a.txt", text));
    const findings = JSON.parse(r.stdout) as { paragraph: number; rule: string }[];
    expect(findings.map((f) => `${f.paragraph}:${f.rule}`)).toEqual(["1:halfwidth_punct", "2:space_date", "2:halfwidth_punct", "2:missing_period"]);
  });

  it("--fix prints the text with every suggestion applied, numbering and quotations untouched", async () => {
    const r = await capture(check, file("b.txt", text), "--fix");
    expect(r.stdout).toBe("1.召开动员会议，明确分工\n6月20日上午，区科协在回龙观社区举办讲座（现场），吸引300余名居民参加。\n“第一，要提高认识。\n“第二，要狠抓落实。”\n");
  });
});
