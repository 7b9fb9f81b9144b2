import { chineseDate } from "./dates";
import type { BulletinDocument } from "./document";
import { DRAFT_LINE } from "./text";

// PLACEHOLDER: the export branch replaces this file with the real print layout (GB/T 9704 page,
// fonts, paging). Only the signature is relied on here: the reviewer's view renders this string.

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The print layout of a bulletin as a complete HTML document. */
export function bulletinToPrintHtml(doc: BulletinDocument, options: { fontBaseUrl?: string } = {}): string {
  void options;
  const m = doc.masthead;
  const f = doc.footer;
  const out: string[] = [];
  out.push('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>', esc(`${m.title} ${m.year}年第${m.number}期`), "</title>");
  out.push(
    "<style>body{font-family:'仿宋_GB2312',FangSong,STFangsong,'Noto Serif CJK SC','Noto Serif SC',serif;max-width:156mm;margin:2em auto;line-height:1.8}h1{color:#c00;text-align:center}.draft{color:#c00;border:1px solid #c00;padding:.2em .5em}.item-title{text-align:center;font-weight:bold}p{text-indent:2em;margin:0}.footer{border-top:1px solid #000;border-bottom:1px solid #000;margin-top:2em}</style>",
  );
  out.push("</head><body>");
  if (doc.draft) out.push(`<p class="draft">${esc(DRAFT_LINE)}</p>`);
  out.push(`<header><h1>${esc(m.title)}</h1><div>${m.year}年 第${m.number}期</div><div>（总第${m.totalNumber}期）</div>`);
  out.push(`<div>${esc(m.office)}　${esc(chineseDate(m.date))}</div></header>`);
  if (doc.toc.length) out.push(`<section class="toc"><h2>目录提要</h2><ul>${doc.toc.map((t) => `<li>${esc(t)}</li>`).join("")}</ul></section>`);
  for (const s of doc.sections) {
    if (!s.items.length) continue;
    out.push("<section>");
    if (s.title) out.push(`<h2>【${esc(s.title)}】</h2>`);
    for (const item of s.items) {
      out.push(`<article${item.id !== undefined ? ` id="item-${item.id}"` : ""}><h3 class="item-title">${esc(item.title)}</h3>`);
      item.paragraphs.forEach((p, i) => {
        const runs = p.map((r) => {
          let h = esc(r.text);
          if (r.italic) h = `<em>${h}</em>`;
          if (r.bold) h = `<strong>${h}</strong>`;
          return h;
        });
        const source = item.source && i === item.paragraphs.length - 1 ? `（${esc(item.source)}）` : "";
        out.push(`<p>${runs.join("")}${source}</p>`);
      });
      out.push("</article>");
    }
    out.push("</section>");
  }
  out.push('<footer class="footer">');
  out.push(`<div>信息报送邮箱：${esc(f.mailbox)}</div><div>编辑：${esc(f.editor)}</div><div>审核：${esc(f.reviewer)}</div>`);
  if (f.distribution.length) out.push(`<div>分送：${f.distribution.map(esc).join("<br>")}</div>`);
  if (f.printedBy || f.printedDate) out.push(`<div>${esc(f.printedBy ?? "")}　${f.printedDate ? esc(chineseDate(f.printedDate)) : ""}印发</div>`);
  if (f.printRun) out.push(`<div>共印${f.printRun}份</div>`);
  out.push("</footer></body></html>");
  return out.join("");
}
