import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pdfLines } from "@/lib/testing/pdf-lines";
import type { BulletinDocument } from "./document";
import { canPrint, fontAsset, fontStylesheet } from "./font-files";
import { FONT_STACKS } from "./fonts";
import { describeUnprintable, findUnprintable } from "./glyph-preflight";
import { closeBrowser, renderBulletinPdf } from "./pdf";
import { bulletinToPrintHtml } from "./print-html";

const RARE = ["㻞", "䶮", "𫖯", "𬍤", "𬌗", "𬇹", "𬊈", "𰻝", "Ⅲ", "α", "β", "Ω", "№", "㎡"];
// U+2EBF0, a CJK Ext I ideograph (Unicode 15.1): no bundled face has it yet.
const NONE = "\u{2EBF0}";
const dir = mkdtempSync(path.join(tmpdir(), "bulletin-glyphs-"));

function doc(paragraphs: string[], extra: Partial<BulletinDocument> = {}): BulletinDocument {
  return {
    masthead: { title: "科协简报", year: 2023, number: 21, totalNumber: 157, office: "区科协办公室", date: "2023-10-09" },
    toc: [],
    sections: [{ title: "工作动态", items: [{ title: "区科协表彰优秀科技工作者", paragraphs: paragraphs.map((text) => [{ text }]), source: "区科协组织部" }] }],
    footer: { mailbox: "", editor: "刘明", reviewer: "张伟", distribution: [] },
    draft: false,
    ...extra,
  };
}

describe("every character prints", () => {
  it("the bundled and fallback faces cover CJK Ext A–G name characters, Greek, Roman numerals", () => {
    for (const c of RARE) expect(canPrint(c.codePointAt(0) as number), c).toBe(true);
    expect(canPrint(NONE.codePointAt(0) as number)).toBe(false);
    for (const stack of Object.values(FONT_STACKS)) expect(stack).toMatch(/"Bulletin Fallback Han", "Bulletin Fallback Mincho", (sans-)?serif$/);
    expect(fontStylesheet()).toMatch(/font-family: "Bulletin Fallback Han".*unicode-range: U\+/);
    expect(fontAsset(["fallback", "babelstone-han.ttf"])?.contentType).toBe("font/ttf");
    expect(fontAsset(["fallback", "../../etc/passwd"])).toBeNull();
  });

  it("the preflight names each character no face has, with every place it appears", () => {
    const d = doc([`王${NONE}同志出席。`, "其余正常。", `再次提到王${NONE}。`], { toc: [`表彰王${NONE}等同志`] });
    const found = findUnprintable(d, canPrint);
    expect(found).toEqual([{ char: NONE, codePoint: "U+2EBF0", places: ["目录提要第1条", "《区科协表彰优秀科技工作者》第1段", "《区科协表彰优秀科技工作者》第3段"] }]);
    expect(describeUnprintable(found)).toEqual([`「${NONE}」（U+2EBF0）没有字体能印出，位置：目录提要第1条、《区科协表彰优秀科技工作者》第1段、《区科协表彰优秀科技工作者》第3段`]);
    expect(findUnprintable(doc([RARE.join("")]), canPrint)).toEqual([]);
  });

  it("the 间隔号 is held to the character before it in print", () => {
    const html = bulletinToPrintHtml(doc(["维吾尔族专家热合曼·艾力出席。"]));
    expect(html).toContain('热合<span class="nb">曼·</span>艾力');
    expect(html).toMatch(/\.nb \{ white-space: nowrap; \}/);
  });
});

describe("in the PDF", () => {
  afterAll(() => closeBrowser());

  it("prints every rare character with a real glyph (mutool trace: no glyph 0), and · never starts a line", async () => {
    // The name at every position across a line end: without the rule one of them starts a line with ·.
    const dots = Array.from({ length: 13 }, (_, k) => `${"区".repeat(18 + k)}热合曼·艾力${"区".repeat(10)}，阿卜杜·热西提和买买提·吐尔逊出席。`);
    const file = path.join(dir, "rare.pdf");
    writeFileSync(file, await renderBulletinPdf(doc([`王㻞、龚䶮、李𫖯、张𬍤、赵𬌗、陈𬇹、刘𬊈、${RARE.slice(7).join("")}等。`, ...dots])));
    let trace: string;
    try {
      trace = execFileSync("mutool", ["trace", file], { encoding: "utf8", maxBuffer: 64 << 20 });
    } catch {
      trace = ""; // mutool-tools not installed: the pdftotext check below still runs
    }
    if (trace) {
      const glyphs = [...trace.matchAll(/<g unicode="([^"]*)" glyph="(\d+)"/g)];
      for (const c of RARE) expect(glyphs.some((g) => g[1] === c && g[2] !== "0"), c).toBe(true);
      expect(glyphs.filter((g) => g[2] === "0")).toEqual([]);
    }
    const lines = pdfLines(file).flatMap((p) => p.lines.map((l) => l.text.trim()));
    expect(lines.some((l) => l.includes("热合曼·") || l.includes("·艾力"))).toBe(true);
    expect(lines.filter((l) => l.startsWith("·"))).toEqual([]);
    for (const c of RARE) expect(lines.join(""), c).toContain(c);
  });
});
