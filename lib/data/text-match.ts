import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { db } from "@/db";
import { items } from "@/db/schema";

/**
 * A text filter on items through the search indexes (db/migrations/*_calls_search.sql) instead of a
 * LIKE scan of every title and body: the inbox's search box.
 *
 * The query is split on whitespace (ASCII and U+3000) into at most 8 terms, and every term must
 * occur in the item's title, plain-text body or attribution (case-insensitive for Latin letters):
 * - 3 or more characters: a phrase of the trigram index — an exact substring, whatever the
 *   characters are (quotes, `*`, `-`, `NEAR`, `OR` are text: every term is quoted as an FTS5
 *   string, its `"` doubled, so nothing in it is FTS syntax);
 * - 2 characters: a phrase of the bigram index (the text's two-character pieces);
 * - 1 character: a prefix query of the bigram index (every piece that starts with it) — every
 *   occurrence except the very last character of an item's text (the last of its attribution),
 *   which starts no piece.
 * A term wholly in quotes ("星座", “星座”) is the term without them, as in a search engine.
 * In terms of 1–2 characters the bigram index knows only letters and digits (its tokenizer splits
 * on punctuation): punctuation in such a term is ignored, and a term of punctuation only is dropped.
 *
 * Returns the condition on `items.id` (two `IN (select rowid …)` at most; see below for how the
 * hits are read), `"none"` when nothing searchable is left (the caller shows no rows
 * rather than every row), or `undefined` for an empty query. `fewHits`: up to how many hits they
 * are looked up by primary key (tests set it to force either way of reading them).
 */
export function itemTextMatch(q: string | undefined, fewHits = FEW_HITS): SQL | "none" | undefined {
  const raw = [...new Set((q ?? "").split(/[\s\u3000]+/).map(unquote).filter(Boolean))].slice(0, 8);
  if (raw.length === 0) return undefined;
  const long: string[] = [];
  const short: string[] = [];
  for (const term of raw) {
    if ([...term].length >= 3) {
      long.push(ftsString(term));
      continue;
    }
    const word = [...term].filter((c) => TOKEN_CHAR.test(c)).join("");
    if (word.length === 0) continue;
    short.push([...word].length === 1 ? `${ftsString(word)}*` : ftsString(word));
  }
  if (long.length === 0 && short.length === 0) return "none";
  const matches: { table: "search_trigram" | "search_bigram"; query: string; hits: number }[] = [];
  if (long.length) matches.push({ table: "search_trigram", query: long.join(" AND "), hits: 0 });
  if (short.length) matches.push({ table: "search_bigram", query: short.join(" AND "), hits: 0 });
  // How to read the hits. Few (a rare word): look each up by primary key and sort them — a few
  // ms. Many (科普 in a fifth of 100,000 items): walk the list's own covering index in page order
  // and keep the rows that are hits (`+id` keeps the planner off the primary-key lookups), which
  // stops at the page and costs one pass over that index at most. A prefix query (one character)
  // is counted as many without asking: counting it costs as much as the query.
  for (const m of matches) m.hits = m.query.endsWith("*") && !m.query.includes(" AND ") ? Infinity : ftsHits(m.table, m.query);
  const fewest = matches.reduce((a, b) => (b.hits < a.hits ? b : a));
  const parts = matches.map((m) =>
    m === fewest && m.hits <= fewHits
      ? sql`${items.id} in (select rowid from ${sql.raw(m.table)} where ${sql.raw(m.table)} match ${m.query})`
      : sql`+${items.id} in (select rowid from ${sql.raw(m.table)} where ${sql.raw(m.table)} match ${m.query})`,
  );
  return sql.join(parts, sql` and `);
}

/** Up to this many hits, the hits are looked up by primary key; beyond, the list's index is walked. */
const FEW_HITS = 2000;

/** How many items an FTS5 query matches (its doclist: well under a millisecond for a phrase). */
function ftsHits(table: "search_trigram" | "search_bigram", query: string): number {
  return (db.$client.prepare(`select count(*) as n from ${table} where ${table} match ?`).get(query) as { n: number }).n;
}

/** A term wholly in a pair of quotes, without them; any other term as it is. */
const unquote = (term: string) => /^"(.+)"$/u.exec(term)?.[1] ?? /^“(.+)”$/u.exec(term)?.[1] ?? term;

/** Characters the bigram index's tokenizer (unicode61) keeps: letters, digits, marks, private use. */
const TOKEN_CHAR = /[\p{L}\p{N}\p{M}\p{Co}]/u;

/** A term as an FTS5 string: in double quotes, any `"` doubled — the tokenizer sees it as text. */
const ftsString = (term: string) => `"${term.replace(/"/g, '""')}"`;
