import type { Paragraph } from "@/lib/editor/schema";
import { chineseDate } from "./dates";
import type { BulletinDocument } from "./document";

/**
 * PLACEHOLDER for the desk branch: the print layout is built in the export branch, whose version of
 * this file (same signature) replaces this one at merge. This one renders the same structure
 * simply, with every text escaped, so the live preview and its tests see real content.
 */
export function bulletinToPrintHtml(doc: BulletinDocument, options: { fontBaseUrl?: string } = {}): string {
  void options;
  const m = doc.masthead;
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const runs = (p: Paragraph) =>
    p.map((r) => {
      let h = esc(r.text);
      if (r.bold) h = `<b>${h}</b>`;
      if (r.italic) h = `<i>${h}</i>`;
      return h;
    }).join("");
  const out: string[] = [];
  if (doc.draft) out.push(`<p class="draft">草稿</p>`);
  out.push(`<h1 class="masthead">${esc(m.title)}</h1>`);
  out.push(`<p class="issue-line">${m.year}年 第${m.number}期<br>（总第${m.totalNumber}期）</p>`);
  out.push(`<p class="office-line"><span>${esc(m.office)}</span> <span>${esc(chineseDate(m.date))}</span></p><hr class="red">`);
  if (doc.toc.length) {
    out.push(`<section class="toc"><h2>目录提要</h2><ul>${doc.toc.map((t) => `<li>${esc(t)}</li>`).join("")}</ul></section>`);
  }
  for (const s of doc.sections) {
    if (!s.items.length) continue;
    out.push(`<section class="section">`);
    if (s.title !== null) out.push(`<h2 class="section-title">【${esc(s.title)}】</h2>`);
    for (const item of s.items) {
      out.push(`<article class="item"><h3>${esc(item.title)}</h3>`);
      item.paragraphs.forEach((p, i) => {
        const last = i === item.paragraphs.length - 1;
        out.push(`<p>${runs(p)}${last && item.source ? `（${esc(item.source)}）` : ""}</p>`);
      });
      if (!item.paragraphs.length && item.source) out.push(`<p>（${esc(item.source)}）</p>`);
      out.push(`</article>`);
    }
    out.push(`</section>`);
  }
  const f = doc.footer;
  const foot: string[] = [];
  if (f.mailbox) foot.push(`<p>信息报送邮箱：${esc(f.mailbox)}</p>`);
  if (f.editor) foot.push(`<p>编辑：${esc(f.editor)}</p>`);
  if (f.reviewer) foot.push(`<p>审核：${esc(f.reviewer)}</p>`);
  if (f.distribution.length) foot.push(`<p>分送：${f.distribution.map(esc).join("<br>")}</p>`);
  out.push(`<footer class="colophon">${foot.join("")}</footer>`);
  const title = `${m.title} ${m.year}年第${m.number}期`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
body{font-family:"FangSong","STFangsong","Noto Serif SC",serif;max-width:40em;margin:1.5em auto;padding:0 1em;line-height:1.8;font-size:16px}
.masthead{color:#c00;text-align:center;font-size:2em;margin:.2em 0}.issue-line,.office-line{text-align:center}.office-line{display:flex;justify-content:space-between}
hr.red{border:0;border-top:2px solid #c00}.section-title{font-family:"SimHei","Noto Sans SC",sans-serif;font-size:1.1em}
.item h3{text-align:center;font-size:1.1em}.item p{text-indent:2em;margin:.2em 0}.draft{color:#c00;font-weight:bold}
.colophon{border-top:1px solid #000;border-bottom:1px solid #000;margin-top:2em;padding:.5em 0}.colophon p{margin:.2em 0}
</style></head><body>${out.join("\n")}</body></html>`;
}
