import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { docToParagraphs } from "@/lib/editor/schema";
import { DocxImportError, importDocx } from "./docx";
import { sofficePath } from "./legacy-word";
import { makeDocx, p } from "./fixtures/make-docx";

const texts = async (bytes: Uint8Array) => {
  const r = await importDocx("稿件.docx", bytes);
  return { r, paras: docToParagraphs(r.body).map((x) => x.map((run) => run.text).join("")) };
};
const TITLE = p("区科协召开工作会议");

describe(".docx import: nothing lost without a word", () => {
  it("keeps the results of simple fields (dates, numbers), nested or not", async () => {
    const body =
      TITLE +
      p("会议于", '<w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; "><w:r><w:t>2023年10月9日</w:t></w:r></w:fldSimple>', "在区科协召开。") +
      p("共印发", '<w:fldSimple w:instr=" SEQ 表 "><w:r><w:rPr><w:b/></w:rPr><w:t>3</w:t></w:r></w:fldSimple>', "份文件，", '<w:hyperlink w:anchor="x"><w:fldSimple w:instr=" PAGE "><w:r><w:t>12</w:t></w:r></w:fldSimple></w:hyperlink>', "页。");
    const { paras, r } = await texts(makeDocx(body));
    expect(paras).toEqual(["会议于2023年10月9日在区科协召开。", "共印发3份文件，12页。"]);
    expect(r.notices.join()).toMatch(/2|3 个域/);
  });

  it("keeps the results of complex fields (fldChar begin/separate/end), result split over runs", async () => {
    const field = (instr: string, ...result: string[]) =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instr}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${result.map((t) => `<w:r><w:t>${t}</w:t></w:r>`).join("")}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const body = TITLE + p("截至", field(' CREATEDATE \\@ "M月d日" ', "10月", "9日"), "，全区共", field(" =40+2 ", "42"), "个基地。");
    expect((await texts(makeDocx(body))).paras).toEqual(["截至10月9日，全区共42个基地。"]);
  });

  it("keeps the base text of ruby (拼音指南) and drops the pinyin, in order", async () => {
    const ruby = (rt: string, ...base: string[]) =>
      `<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/></w:rubyPr><w:rt><w:r><w:t>${rt}</w:t></w:r></w:rt><w:rubyBase>${base.map((b) => `<w:r><w:t>${b}</w:t></w:r>`).join("")}</w:rubyBase></w:ruby></w:r>`;
    const body = TITLE + p("区科协副主席王", ruby("zhé", "喆"), "出席。") + p("专家", ruby("yán yàn", "䶮", "龑"), "作报告。");
    const { paras, r } = await texts(makeDocx(body));
    expect(paras).toEqual(["区科协副主席王喆出席。", "专家䶮龑作报告。"]);
    expect(r.notices.join()).toMatch(/2 处拼音指南/);
  });

  it("keeps footnotes and endnotes as 注 paragraphs after the paragraph that cites them", async () => {
    const ref = (kind: "footnote" | "endnote", id: number) => `<w:r><w:${kind}Reference w:id="${id}"/></w:r>`;
    const body = TITLE + p("全区建成科普基地42个", ref("footnote", 1), "。") + p("培训讲解员120人次", ref("endnote", 2), ref("footnote", 3), "。") + p("下一步将继续推进。");
    const note = (kind: string, id: number, text: string) => `<w:${kind} w:id="${id}"><w:p><w:r><w:${kind}Ref/></w:r><w:r><w:t xml:space="preserve"> ${text}</w:t></w:r></w:p></w:${kind}>`;
    const { paras, r } = await texts(
      makeDocx(body, { footnotes: note("footnote", 1, "数据来源：区统计局。") + note("footnote", 3, "不含线上。"), endnotes: note("endnote", 2, "含社区讲解员。") }),
    );
    expect(paras).toEqual(["全区建成科普基地42个。", "注：数据来源：区统计局。", "培训讲解员120人次。", "注1：含社区讲解员。", "注2：不含线上。", "下一步将继续推进。"]);
    expect(r.notices.join()).toMatch(/3 个脚注/);
  });

  it("keeps the text of text boxes that have no fallback (and of those that have one, once)", async () => {
    const box = (text: string, fallback: boolean) =>
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${p(text)}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>${
        fallback ? `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${p(text)}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>` : ""
      }</mc:AlternateContent></w:r>`;
    const body = TITLE + p("活动现场设有展区。", box("图为青少年体验VR科普。", false)) + p("居民踊跃参与。", box("图为专家答疑。", true));
    const { paras, r } = await texts(makeDocx(body));
    expect(paras).toEqual(["活动现场设有展区。", "图为青少年体验VR科普。", "居民踊跃参与。", "图为专家答疑。"]);
    expect(r.notices.join()).toMatch(/2 个文本框/);
  });

  it("finds the main part through the package relationships (word/document2.xml, or another folder)", async () => {
    for (const main of ["word/document2.xml", "content/main.xml"]) {
      expect((await texts(makeDocx(TITLE + p("正文一段。"), { main }))).paras).toEqual(["正文一段。"]);
    }
  });

  it("removes soft hyphens (w:softHyphen and U+00AD in text)", async () => {
    const body = TITLE + p("引进Nano", "<w:r><w:softHyphen/></w:r>", "technology项目。") + p("推广bio\u00adinformatics与in\u00adfor\u00admation技术。");
    const { paras } = await texts(makeDocx(body));
    expect(paras).toEqual(["引进Nanotechnology项目。", "推广bioinformatics与information技术。"]);
  });

  it("maps w:sym to Unicode: ordinary fonts by code point, Symbol/Wingdings by mammoth's table; what cannot be mapped is reported", async () => {
    const sym = (font: string, ch: string) => `<w:r><w:sym w:font="${font}" w:char="${ch}"/></w:r>`;
    const body = TITLE + p("温度", sym("宋体", "2103"), "，面积", sym("Times New Roman", "00B2"), "，", sym("Symbol", "F061"), "粒子", sym("Wingdings", "F0FC"), "。") + p("标记", sym("MT Extra", "F0E5"), "。");
    const { paras, r } = await texts(makeDocx(body));
    expect(paras[0]).toBe("温度℃，面积²，α粒子✓。");
    expect(paras[1]).toBe("标记。");
    expect(r.notices.join()).toMatch(/无法转换的特殊符号/);
  });

  it("drops comments and tracked deletions, and says so", async () => {
    const body =
      TITLE +
      p('<w:commentRangeStart w:id="0"/>', "活动共吸引", '<w:del w:id="1" w:author="张"><w:r><w:delText>三百</w:delText></w:r></w:del>', '<w:ins w:id="2" w:author="张"><w:r><w:t>五百</w:t></w:r></w:ins>', "名居民参加。", '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>');
    const { paras, r } = await texts(makeDocx(body, { comments: '<w:comment w:id="0" w:author="张"><w:p><w:r><w:t>请核实人数</w:t></w:r></w:p></w:comment>' }));
    expect(paras).toEqual(["活动共吸引五百名居民参加。"]);
    expect(r.notices[0]).toMatch(/^已略去：.*1 条批注.*1 处修订/);
  });
});

describe(".docx: what Word shows but the paragraph text does not hold", () => {
  const NUMBERING =
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl></w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="9"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF06C"/><w:rPr><w:rFonts w:ascii="Wingdings"/></w:rPr></w:lvl></w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>' +
    '<w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num><w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>';
  const li = (text: string, numId: number, ilvl = 0) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

  it("keeps automatic numbering markers as Word shows them (一、 （一） 1. ⑨ II. II.1 (no isLgl), restarts, overrides); drops bullets; says so", async () => {
    const body =
      TITLE + p("会议部署以下工作：") +
      li("加强组织领导", 1) + li("细化分工", 1, 1) + li("召开动员会", 1, 2) + li("制定方案", 1, 2) + li("压实责任", 1, 1) + li("召开推进会", 1, 2) + li("强化宣传引导", 1) +
      li("街道科普站", 2) + li("社区科普站", 2) + li("发放宣传资料", 3) + li("总体要求", 4) + li("保障措施", 4) + li("经费保障", 4, 1) + li("续编", 5);
    const { paras, r } = await texts(makeDocx(body, { numbering: NUMBERING }));
    expect(paras).toEqual([
      "会议部署以下工作：", "一、加强组织领导", "（一）细化分工", "1.召开动员会", "2.制定方案", "（二）压实责任", "1.召开推进会", "二、强化宣传引导",
      "⑨街道科普站", "⑩社区科普站", "发放宣传资料", "I.总体要求", "II.保障措施", "II.1经费保障", "五、续编",
    ]);
    expect(r.notices.join("\n")).toMatch(/13 个自动编号/);
    expect(r.notices.join("\n")).toMatch(/1 个自动项目符号/);
  });

  it("numbers a paragraph through its style (标题 1 with numbering), and a numId of 0 is no number", async () => {
    const styles = '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>';
    const body = TITLE + p("正文。") + '<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>总体要求</w:t></w:r></w:p>' + p("内容。") + '<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>工作措施</w:t></w:r></w:p>' + '<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号。</w:t></w:r></w:p>';
    const { paras } = await texts(makeDocx(body, { numbering: NUMBERING, styles }));
    expect(paras).toEqual(["正文。", "一、总体要求", "内容。", "二、工作措施", "不编号。"]);
  });

  it("drops hidden text (w:vanish), which Word neither shows nor prints, and says so", async () => {
    const hidden = (t: string, val = "") => `<w:r><w:rPr><w:vanish${val}/></w:rPr><w:t>${t}</w:t></w:r>`;
    const body = TITLE + p("会议于11月20日召开。", hidden("（内部备注：人数待核）"), "共120人参加。", hidden("显示的", ' w:val="0"'), "完。");
    const { paras, r } = await texts(makeDocx(body));
    expect(paras).toEqual(["会议于11月20日召开。共120人参加。显示的完。"]);
    expect(r.notices.join()).toMatch(/1 处隐藏文字/);
  });
});

describe(".docx: byline lines at the end of the body", () => {
  it("go into the contact and attribution fields, or are named in a notice — never dropped without a word", async () => {
    const body = TITLE + p("11月20日，区科协召开推进会。") + p("撰稿：张三") + p("审核：李四") + p("供稿单位：昌平区科协") + p("联系人：刘明　电话：010-12345678");
    const { paras, r } = await texts(makeDocx(body));
    expect(paras).toEqual(["11月20日，区科协召开推进会。"]);
    expect(r.source).toBe("昌平区科协");
    expect([r.contactName, r.contactPhone]).toEqual(["刘明", "010-12345678"]);
    expect(r.notices).toContain("正文末尾的 2 行已移出正文（不会印出）：撰稿：张三；审核：李四，如需保留请填入相应栏目");
    // A contact line carrying more than a name and a number is named too.
    const { r: r2 } = await texts(makeDocx(TITLE + p("正文。") + p("联系人：刘明（办公室）　电话：010-12345678 转 8")));
    expect(r2.notices.join()).toMatch(/移出正文.*联系人：刘明（办公室）/);
    // 供稿单位 does not override an attribution in brackets: it is named instead.
    const { r: r3 } = await texts(makeDocx(TITLE + p("正文。（延庆区科协）") + p("供稿单位：昌平区科协")));
    expect(r3.source).toBe("延庆区科协");
    expect(r3.notices.join()).toMatch(/供稿单位：昌平区科协/);
  });
});

describe(".docx: spaces in the title", () => {
  it("no-break spaces in the title are made ordinary and counted like the body's, not folded away unsaid", async () => {
    const body = '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">区科协召开\u00a0\u00a02023\u00a0年度会议</w:t></w:r></w:p>' + p("正文\u00a0\u00a0两个。");
    const { paras, r } = await texts(makeDocx(body));
    expect(r.title).toBe("区科协召开  2023 年度会议");
    expect(paras).toEqual(["正文  两个。"]);
    expect(r.notices.join()).toMatch(/5 个特殊空格/);
  });
});

describe("old Word (.doc) and WPS (.wps) files", () => {
  // LibreOffice is optional on a server (README): without it the test has nothing to run.
  it.skipIf(!sofficePath())("are converted with LibreOffice when it is installed; a broken one gets its own message", async () => {
    const doc = new Uint8Array(readFileSync(path.join(__dirname, "fixtures", "legacy-word97.doc")));
    const r = await importDocx("旧稿.doc", doc);
    expect(r.title).toBe("区科协召开工作会议");
    expect(docToParagraphs(r.body).map((x) => x.map((run) => run.text).join(""))).toEqual(["会议于2023年10月9日在区科协召开，王喆出席。"]);
    expect(r.notices[0]).toMatch(/LibreOffice/);
    const broken = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(7)]);
    await expect(importDocx("坏.wps", broken)).rejects.toSatisfy((e) => e instanceof DocxImportError && e.code === "legacy_failed");
  });
});
