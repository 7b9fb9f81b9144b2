import { charDiff, type DiffPart, hasChanges } from "@/lib/editor/diff";
import { paragraphText } from "@/lib/editor/schema";
import type { BulletinDocument, BulletinItem } from "./document";
import { manualTitleLines } from "./text";

/** Where an item sits in an issue: section title (null: lead block) and its place in that section. */
interface Place {
  section: string | null;
  index: number;
}

export interface ItemChange {
  key: string;
  title: string;
  kind: "added" | "removed" | "moved" | "changed";
  from?: Place;
  to?: Place;
  /** Character diff of title, text and attribution, when any of them changed. */
  diff?: DiffPart[];
}

export interface RoundComparison {
  items: ItemChange[];
  toc: DiffPart[] | null;
  masthead: DiffPart[] | null;
  footer: DiffPart[] | null;
  sectionOrder: { before: (string | null)[]; after: (string | null)[] } | null;
  unchanged: boolean;
}

function itemText(item: BulletinItem): string {
  // A manual title break prints, so it shows as ↵ where the line breaks (absent: the title as is).
  const title = item.titleBreaks?.length ? manualTitleLines(item.title, item.titleBreaks).join("↵") : item.title;
  return [title, ...item.paragraphs.map(paragraphText), item.source ? `（${item.source}）` : ""].join("\n");
}

/** Items are identified by their database id, or by title when a document has no ids. */
const keyOf = (item: BulletinItem) => (item.id !== undefined ? `id:${item.id}` : `title:${item.title}`);

function places(doc: BulletinDocument) {
  const map = new Map<string, { item: BulletinItem; place: Place }>();
  for (const section of doc.sections) section.items.forEach((item, index) => map.set(keyOf(item), { item, place: { section: section.title, index } }));
  return map;
}

function longestCommonSubsequence(x: string[], y: string[]): Set<string> {
  const t = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--) t[i][j] = x[i] === y[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
  const out = new Set<string>();
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) {
      out.add(x[i]);
      i++;
      j++;
    } else if (t[i + 1][j] >= t[i][j + 1]) i++;
    else j++;
  }
  return out;
}

/**
 * The items that kept their place. Swapping two neighbours leaves either one "in place"; the items
 * the editor actually moved (`hinted`, from the log) are the ones reported, and only if they
 * really ended up elsewhere among the others.
 */
function keptInOrder(x: string[], y: string[], hinted: Set<string>): Set<string> {
  if (!hinted.size) return longestCommonSubsequence(x, y);
  const stayed = longestCommonSubsequence(
    x.filter((k) => !hinted.has(k)),
    y.filter((k) => !hinted.has(k)),
  );
  const rank = (list: string[], k: string) => list.slice(0, list.indexOf(k)).filter((o) => stayed.has(o)).length;
  for (const k of x) if (hinted.has(k) && rank(x, k) === rank(y, k)) stayed.add(k);
  return stayed;
}

function diffOrNull(before: string, after: string): DiffPart[] | null {
  const d = charDiff(before, after);
  return hasChanges(d) ? d : null;
}

const mastheadText = (d: BulletinDocument) => {
  const m = d.masthead;
  return `${m.title}\n${m.year}年 第${m.number}期\n（总第${m.totalNumber}期）\n${m.office}\n${m.date}`;
};
const footerText = (d: BulletinDocument) => {
  const f = d.footer;
  return [`信息报送邮箱：${f.mailbox}`, `编辑：${f.editor}`, `审核：${f.reviewer}`, `分送：${f.distribution.join("\n")}`, f.printedBy ?? "", f.printedDate ?? "", f.printRun ? `共印${f.printRun}份` : ""].join("\n");
};

/**
 * What changed between two review rounds: items added, removed, moved (to another section or to a
 * different place among the items both rounds share) or edited, with character diffs of the text,
 * the TOC, the masthead and the footer.
 */
export function compareRounds(before: BulletinDocument, after: BulletinDocument, opts: { movedIds?: number[] } = {}): RoundComparison {
  const a = places(before);
  const b = places(after);
  const changes: ItemChange[] = [];
  // An item moved if it changed section, or if it is not among the longest run of items that kept
  // their relative order — so one insertion or one move does not mark every later item as moved.
  const kept = [...a.keys()].filter((k) => b.has(k) && a.get(k)?.place.section === b.get(k)?.place.section);
  const stayed = keptInOrder(kept, [...b.keys()].filter((k) => kept.includes(k)), new Set((opts.movedIds ?? []).map((id) => `id:${id}`)));
  for (const [key, { item, place }] of b) {
    const old = a.get(key);
    if (!old) {
      changes.push({ key, title: item.title, kind: "added", to: place });
      continue;
    }
    const diff = diffOrNull(itemText(old.item), itemText(item));
    const moved = !stayed.has(key);
    if (moved) changes.push({ key, title: item.title, kind: "moved", from: old.place, to: place, ...(diff ? { diff } : {}) });
    else if (diff) changes.push({ key, title: item.title, kind: "changed", from: old.place, to: place, diff });
  }
  for (const [key, { item, place }] of a) if (!b.has(key)) changes.push({ key, title: item.title, kind: "removed", from: place });

  const titlesBefore = before.sections.filter((s) => s.items.length).map((s) => s.title);
  const titlesAfter = after.sections.filter((s) => s.items.length).map((s) => s.title);
  const sectionOrder = JSON.stringify(titlesBefore) === JSON.stringify(titlesAfter) ? null : { before: titlesBefore, after: titlesAfter };
  const toc = diffOrNull(before.toc.join("\n"), after.toc.join("\n"));
  const masthead = diffOrNull(mastheadText(before), mastheadText(after));
  const footer = diffOrNull(footerText(before), footerText(after));
  return { items: changes, toc, masthead, footer, sectionOrder, unchanged: !changes.length && !toc && !masthead && !footer && !sectionOrder };
}
