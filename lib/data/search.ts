import "server-only";
import { z } from "zod";
import { db } from "@/db";
import { docToPlainText, type RichDoc } from "@/lib/editor/schema";
import { type Actor, hasRole, requireRole } from "./actor";
import { AppError } from "./errors";

/**
 * Chinese full-text search over items: titles, bodies (plain text) and attributions.
 *
 * Two FTS5 indexes keyed by items.id, kept in step by triggers (db/migrations/*_calls_search.sql):
 * a trigram index answers terms of three or more characters, a bigram index answers two-character
 * terms (科普), which trigrams cannot, and one-character terms (𫖯, a rare given name) as a prefix
 * query (every two-character piece that starts with it), as the inbox's search box does
 * (lib/data/text-match.ts) — every occurrence but the very last character of an item's text.
 * Several terms (separated by spaces) must all occur.
 */
const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().positive().max(2 ** 31).optional());

export const searchInputSchema = z.object({
  q: z.string().trim().max(100, "too_long"),
  unitId: optionalId,
  section: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(30, "too_long").optional()),
  year: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(1949).max(2200).optional()),
  issueId: optionalId,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SearchInput = z.input<typeof searchInputSchema>;

export interface SearchHit {
  id: number;
  title: string;
  status: string;
  unitId: number;
  unitName: string;
  source: string | null;
  sectionTitle: string | null;
  issueId: number | null;
  issueYear: number | null;
  issueNumber: number | null;
  issueTotal: number | null;
  /** The rest of the issue's label: a 合刊 or a 增刊/专刊 is named as printed. */
  issueKind: string | null;
  issueNumberEnd: number | null;
  issueTotalEnd: number | null;
  issueSupplementLabel: string | null;
  /** The matching passage around the first hit, as parts: `hit` parts are the matched terms. */
  title_parts: SnippetPart[];
  snippet: SnippetPart[];
}
export interface SnippetPart {
  text: string;
  hit: boolean;
}
export interface SearchResult {
  terms: string[];
  hits: SearchHit[];
  /** How many items match in all (may exceed hits.length), counted up to COUNT_CAP. */
  total: number;
  /** More than COUNT_CAP items match. */
  totalCapped: boolean;
  tookMs: number;
}

/**
 * The query split into terms: whitespace separates; quotes and FTS5 operators are dropped; a
 * one-character term that is not a letter or digit (punctuation, which the bigram index does not
 * hold) is dropped. At most 8 terms.
 */
export function searchTerms(q: string): string[] {
  const terms = [...new Set(q.split(/[\s\u3000]+/).map((t) => t.replace(/["*^]/g, "").trim()).filter((t) => t && ([...t].length > 1 || TOKEN_CHAR.test(t))))];
  return terms.slice(0, 8);
}

/** Hits are counted up to this many; beyond it the page shows "1000+". */
export const COUNT_CAP = 1000;

const phrase = (t: string) => `"${t.replace(/"/g, '""')}"`;

/** Characters the bigram index's tokenizer (unicode61) keeps: letters, digits, marks, private use. */
const TOKEN_CHAR = /[\p{L}\p{N}\p{M}\p{Co}]/u;

/** A term of the bigram index: two characters as a phrase, one character as a prefix query. */
const bigramTerm = (t: string) => ([...t].length === 1 ? `${phrase(t)}*` : phrase(t));

/**
 * Searches the items the actor may see. Office, editor, reviewer, signer and admin: every item a unit has
 * sent (not units' unsent drafts); a contributor: its own unit's items only. Results newest first.
 * Errors: `invalid` (field q) for a query with no searchable term (empty, or punctuation only).
 */
export function searchItems(actor: Actor, input: SearchInput): SearchResult {
  const started = performance.now();
  const f = searchInputSchema.parse(input);
  const desk = hasRole(actor, "editor", "reviewer", "signer", "office", "admin");
  if (!desk) requireRole(actor, "contributor");
  const terms = searchTerms(f.q);
  if (terms.length === 0) throw new AppError("invalid", {}, "q");

  const long = terms.filter((t) => [...t].length >= 3);
  // Two characters: a phrase of the bigram index; one character: a prefix query of it.
  const short = terms.filter((t) => [...t].length <= 2);
  // One index drives the query in rowid order (newest first, stopping at the page); the other, if
  // the query has terms of both lengths, filters.
  const driver = long.length ? "search_trigram" : "search_bigram";
  const where: string[] = [`fts.${driver} match ?`];
  const params: unknown[] = [long.length ? long.map(phrase).join(" AND ") : short.map(bigramTerm).join(" AND ")];
  if (long.length && short.length) {
    where.push("i.id in (select rowid from search_bigram where search_bigram match ?)");
    params.push(short.map(bigramTerm).join(" AND "));
  }
  if (desk) {
    where.push("i.status <> 'draft'");
  } else {
    if (actor.unitId === null) return { terms, hits: [], total: 0, totalCapped: false, tookMs: 0 };
    where.push("i.unit_id = ?");
    params.push(actor.unitId);
  }
  if (f.unitId) {
    where.push("i.unit_id = ?");
    params.push(f.unitId);
  }
  if (f.issueId) {
    where.push("p.issue_id = ?");
    params.push(f.issueId);
  }
  if (f.year) {
    where.push("coalesce(iss.year, cast(substr(i.event_date, 1, 4) as integer), cast(strftime('%Y', i.created_at / 1000, 'unixepoch') as integer)) = ?");
    params.push(f.year);
  }
  if (f.section) {
    where.push("coalesce(sec.title, cs.title) = ?");
    params.push(f.section);
  }
  const from = `from ${driver} fts
    cross join items i on i.id = fts.rowid
    left join placements p on p.item_id = i.id
    left join issues iss on iss.id = p.issue_id
    left join issue_sections sec on sec.id = p.section_id
    left join catalogue_sections cs on cs.id = i.suggested_section_id
    join units u on u.id = i.unit_id
    where ${where.join(" and ")}`;
  const c = db.$client;
  const rows = c
    .prepare(
      `select i.id, i.title, i.status, i.body, i.source, i.unit_id as unitId, u.name as unitName,
        coalesce(sec.title, cs.title) as sectionTitle, iss.id as issueId, iss.year as issueYear,
        iss.number as issueNumber, iss.total_number as issueTotal, iss.kind as issueKind, iss.number_end as issueNumberEnd,
        iss.total_number_end as issueTotalEnd, iss.supplement_label as issueSupplementLabel
      ${from}
      order by fts.rowid desc limit ?`,
    )
    .all(...params, f.limit) as (Omit<SearchHit, "snippet" | "title_parts"> & { body: string })[];
  // Counting every hit of a very common word costs more than the page itself: count up to a cap.
  const total =
    rows.length < f.limit ? rows.length : (c.prepare(`select count(*) as n from (select 1 ${from} limit ${COUNT_CAP + 1})`).get(...params) as { n: number }).n;
  const hits = rows.map(({ body, ...r }) => {
    const text = [docToPlainText(JSON.parse(body) as RichDoc), r.source ? `（${r.source}）` : ""].filter(Boolean).join("\n");
    return { ...r, title_parts: markTerms(r.title, terms), snippet: snippet(text, terms) };
  });
  return { terms, hits, total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}

/** Splits text into parts with every occurrence of a term marked (case-insensitive for Latin letters). */
export function markTerms(text: string, terms: string[]): SnippetPart[] {
  if (!terms.length) return [{ text, hit: false }];
  const re = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gi");
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), hit: false });
    parts.push({ text: m[0], hit: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

/** About `width` characters of text around the first occurrence of a term, terms marked. */
export function snippet(text: string, terms: string[], width = 120): SnippetPart[] {
  const lower = text.toLowerCase();
  const first = Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).map((i) => (i < 0 ? Infinity : i)));
  const at = Number.isFinite(first) ? first : 0;
  const start = Math.max(0, at - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  const piece = (start > 0 ? "…" : "") + text.slice(start, end).replace(/\n/g, " ") + (end < text.length ? "…" : "");
  return markTerms(piece, terms);
}

/** Units, sections and years to filter by, for the search form. */
export function searchFacets(actor: Actor) {
  const desk = hasRole(actor, "editor", "reviewer", "signer", "office", "admin");
  if (!desk) requireRole(actor, "contributor");
  const c = db.$client;
  const units = desk ? (c.prepare("select id, name from units where kind <> 'office' order by name").all() as { id: number; name: string }[]) : [];
  const sections = (c.prepare("select distinct title from catalogue_sections union select distinct title from issue_sections where title is not null").all() as { title: string }[]).map((r) => r.title);
  const issues = c
    .prepare(
      "select id, kind, year, number, number_end as numberEnd, total_number as totalNumber, total_number_end as totalNumberEnd, supplement_label as supplementLabel from issues where status = 'distributed' or ? order by year desc, number desc",
    )
    .all(desk ? 1 : 0) as { id: number; kind: string; year: number; number: number; numberEnd: number | null; totalNumber: number; totalNumberEnd: number | null; supplementLabel: string | null }[];
  const years = [...new Set(issues.map((i) => i.year))];
  return { units, sections, issues, years };
}
