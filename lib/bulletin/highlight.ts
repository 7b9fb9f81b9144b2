/**
 * Wraps every occurrence of the terms in the text of an HTML page in <mark class="search-hit">,
 * leaving tags, attributes and the contents of <style>/<script>/<title> alone. For the archive's
 * read view (the print HTML with search hits shown). Terms are matched against the text as it is
 * escaped in the page (&, <, > and quotes escaped). Pure; returns the page and the hit count.
 */
export function highlightHtml(html: string, terms: string[]): { html: string; hits: number } {
  const wanted = terms.map((t) => t.trim()).filter((t) => t.length > 0);
  if (!wanted.length) return { html, hits: 0 };
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const re = new RegExp(wanted.map((t) => esc(t).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  let hits = 0;
  let skip: string | null = null;
  const out = html.split(/(<[^>]*>)/).map((part) => {
    if (part.startsWith("<")) {
      const open = /^<(style|script|title)\b/i.exec(part);
      if (open) skip = open[1].toLowerCase();
      else if (skip && new RegExp(`^</${skip}\\s*>`, "i").test(part)) skip = null;
      return part;
    }
    if (skip || !part) return part;
    return part.replace(re, (m) => {
      hits++;
      return `<mark class="search-hit">${m}</mark>`;
    });
  });
  const style = "<style>mark.search-hit{background:#ffe58a;color:inherit;padding:0}</style>";
  const joined = out.join("");
  return { html: hits ? joined.replace(/<\/head>/i, `${style}</head>`) : joined, hits };
}
