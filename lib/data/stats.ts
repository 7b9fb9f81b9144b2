import "server-only";
import { addDays, format, lastDayOfMonth, parseISO } from "date-fns";
import { chineseDate } from "@/lib/bulletin/dates";
import { z } from "zod";
import { db } from "@/db";
import type { Db } from "@/db/open";
import { INSTRUCTION_LEVELS, UNIT_KINDS, type InstructionLevel, type UnitKind } from "@/db/schema";
import { type Actor, hasRole, requireRole } from "./actor";
import { callFiguresByUnit } from "./call-figures";
import { AppError } from "./errors";
import { currentPublication } from "./publication";
import { instructionPoints, ruleVersions, type RuleVersion } from "./scoring-rules";
import { isoDateSchema, todayInChina } from "./validation";
import { parseParams, shownValue } from "@/lib/api/query";
import { chinaInstant } from "@/lib/time";
import { env } from "@/lib/env";
import { readOffThread } from "@/lib/jobs/read-off-thread";

/**
 * Adoption statistics and scores (采用统计与考核) per unit and period.
 *
 * - Submissions (submitted, and of those accepted / returned / declined as they stand now) count in
 *   the period of their submission date (China time); adoptions (published items, imported
 *   archive issues included) in the period of their issue's date; a leader's instruction on its
 *   date; a forwarded item when the higher level used it; calls by their deadline.
 * - Credit: the item's own unit, and every other unit its attribution names (units joined by 、;
 *   for an adoption, the attribution printed in that issue). Co-units get the rules' `coUnitShare`
 *   (1, or 0.5 for half credit), so counts may be fractional.
 * - Each event is scored with the rule version in force on its date.
 * - Everything is counted by SQL aggregates over indexed ranges; JS only multiplies a few grouped rows.
 */

export const PERIOD_KINDS = ["month", "quarter", "year", "range"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const statsQuerySchema = z
  .object({
    period: z.enum(PERIOD_KINDS).default("month"),
    year: z.coerce.number().int().min(2000, "invalid").max(2100, "invalid").optional(),
    month: z.coerce.number().int().min(1, "invalid").max(12, "invalid").optional(),
    quarter: z.coerce.number().int().min(1, "invalid").max(4, "invalid").optional(),
    from: z.union([z.literal(""), isoDateSchema]).optional(),
    to: z.union([z.literal(""), isoDateSchema]).optional(),
    kind: z.union([z.literal(""), z.enum(UNIT_KINDS)]).optional(),
  })
  .strict();
export type StatsQuery = z.input<typeof statsQuerySchema>;

/** A period: first and last day (yyyy-mm-dd, both inclusive), its kind and a Chinese label. */
export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
  label: string;
}

const QUARTER_NAMES = ["一", "二", "三", "四"];

/** The Chinese names of the statistics filters, for messages that name a bad one. */
export const STATS_PARAM_LABELS: Record<string, string> = { period: "统计周期", year: "年份", month: "月份", quarter: "季度", from: "开始日期", to: "结束日期", kind: "单位类别" };

/**
 * Turns the page's filters into a period; a missing year/month/quarter means the current one.
 * Throws AppError `invalid_param` naming the first bad filter (param, its Chinese label, the value
 * as sent; a range without `from` or `to` names the missing one with 「（未填写）」), or
 * `invalid_range` (params `from`, `to`, field `to`) when the end date is before the start.
 */
export function resolvePeriod(raw: StatsQuery, today = todayInChina()): Period {
  const q = parseParams(statsQuerySchema, raw, STATS_PARAM_LABELS);
  const year = q.year ?? Number(today.slice(0, 4));
  if (q.period === "month") {
    const month = q.month ?? Number(today.slice(5, 7));
    const from = `${year}-${String(month).padStart(2, "0")}-01`;
    return { kind: "month", from, to: format(lastDayOfMonth(parseISO(from)), "yyyy-MM-dd"), label: `${year}年${month}月` };
  }
  if (q.period === "quarter") {
    const quarter = q.quarter ?? Math.ceil(Number(today.slice(5, 7)) / 3);
    const from = `${year}-${String(quarter * 3 - 2).padStart(2, "0")}-01`;
    const last = `${year}-${String(quarter * 3).padStart(2, "0")}-01`;
    return { kind: "quarter", from, to: format(lastDayOfMonth(parseISO(last)), "yyyy-MM-dd"), label: `${year}年第${QUARTER_NAMES[quarter - 1]}季度` };
  }
  if (q.period === "year") return { kind: "year", from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` };
  if (!q.from || !q.to) {
    const param = q.from ? "to" : "from";
    throw new AppError("invalid_param", { param, label: STATS_PARAM_LABELS[param], value: shownValue(undefined) }, param);
  }
  if (q.from > q.to) throw new AppError("invalid_range", { from: q.from, to: q.to }, "to");
  // A range that is exactly a month, a quarter or a year is labelled as one (the command line's ranges).
  const [fy, fm, fd] = q.from.split("-").map(Number);
  const lastOfTo = format(lastDayOfMonth(parseISO(q.to)), "yyyy-MM-dd") === q.to;
  const [ty, tm] = q.to.split("-").map(Number);
  let label = `${chineseDate(q.from)}至${chineseDate(q.to)}`;
  if (fd === 1 && lastOfTo && fy === ty) {
    if (fm === tm) label = `${fy}年${fm}月`;
    else if (fm === 1 && tm === 12) label = `${fy}年`;
    else if ((fm - 1) % 3 === 0 && tm === fm + 2) label = `${fy}年第${QUARTER_NAMES[(fm - 1) / 3]}季度`;
  }
  return { kind: "range", from: q.from, to: q.to, label };
}

/** Midnight at the start of a day in China (lib/time.ts), ms since epoch. */
export function chinaDayStart(day: string): number {
  return chinaInstant(day).getTime();
}

export interface UnitFigures {
  unitId: number;
  unit: string;
  kind: UnitKind;
  submitted: number;
  accepted: number;
  returned: number;
  declined: number;
  adopted: number;
  /** Of the adopted: lead items (the issue's lead block), contents highlights (目录提要). */
  lead: number;
  highlight: number;
  /** adopted / submitted in the same period, null when nothing was submitted. */
  rate: number | null;
  instructions: number;
  forwardsUsed: number;
  callsAnswered: number;
  callsLate: number;
  callsMissed: number;
  score: number;
  /** 1-based; equal scores share a rank. */
  rank: number;
  /** Rank among the units of the same kind, and how many units that kind has in the table. */
  kindRank: number;
  kindSize: number;
}

export interface StatsResult {
  period: Period;
  rows: UnitFigures[];
  totals: Pick<UnitFigures, "submitted" | "accepted" | "returned" | "declined" | "adopted" | "lead" | "highlight" | "instructions" | "forwardsUsed" | "score">;
  /** Adopted items (each once, not per unit) per month of the period, yyyy-mm. */
  trend: { month: string; adopted: number }[];
  /** The rule versions in force at some point of the period. */
  rules: RuleVersion[];
}

interface EventRow {
  unitId: number;
  kind: string;
  lead: number;
  toc: number;
  level: InstructionLevel | null;
  co: number;
  day0: string;
  n: number;
}

// One row per (credited unit, what happened, rule version). CROSS JOIN fixes the join order (SQLite
// keeps the left table outer): each arm starts from its dated, indexed table — issues by date,
// instructions by date, forwards by used date — never from every item of the publication, whether
// or not the database has statistics (ANALYZE). Each kind of event is counted for the
// item's own unit by a GROUP BY straight over its indexed range; only events whose attribution joins
// several units (contains 、) are split (recursively, on 、) and joined to units by their unique
// name, to credit the co-units. RULE(x) / RULE_MS(x) stand for the effective date of the rule
// version in force on day x (or at ms x); see ruleCase().
function eventsSql(rule: (day: string) => string, ruleMs: (ms: string) => string): string {
  return `
WITH RECURSIVE
ev(arm, eid, unit_id, src, kind, day, lead, toc, level) AS MATERIALIZED (
  SELECT 's', i.id, i.unit_id, i.source, i.status, date(i.submitted_at / 1000 + 28800, 'unixepoch'), 0, 0, NULL
    FROM items i
   WHERE i.publication_id = @pub AND i.submitted_at >= @fromMs AND i.submitted_at < @toMs AND i.status <> 'draft' AND instr(i.source, '、') > 0
  UNION ALL
  SELECT 'a', i.id, i.unit_id, coalesce(p.source_override, i.source), 'adopted', s.date, sec.title IS NULL, p.in_toc, NULL
    FROM issues s
    CROSS JOIN placements p ON p.issue_id = s.id
    CROSS JOIN issue_sections sec ON sec.id = p.section_id
    CROSS JOIN items i ON i.id = p.item_id
   WHERE s.publication_id = @pub AND s.date >= @from AND s.date <= @to AND i.status = 'published'
     AND instr(coalesce(p.source_override, i.source), '、') > 0
  UNION ALL
  SELECT 'i', li.id, i.unit_id, coalesce(p.source_override, i.source), 'instruction', li.date, 0, 0, li.level
    FROM leader_instructions li
    CROSS JOIN items i ON i.id = li.item_id
    LEFT JOIN placements p ON p.item_id = i.id
   WHERE i.publication_id = @pub AND li.date >= @from AND li.date <= @to AND instr(coalesce(p.source_override, i.source), '、') > 0
  UNION ALL
  SELECT 'f', f.id, i.unit_id, coalesce(p.source_override, i.source), 'forward_used', f.used_date, 0, 0, NULL
    FROM forwards f
    CROSS JOIN items i ON i.id = f.item_id
    LEFT JOIN placements p ON p.item_id = i.id
   WHERE i.publication_id = @pub AND f.used = 1 AND f.used_date >= @from AND f.used_date <= @to
     AND instr(coalesce(p.source_override, i.source), '、') > 0
),
split(arm, eid, unit_id, kind, day, lead, toc, level, name, rest) AS (
  SELECT arm, eid, unit_id, kind, day, lead, toc, level, '', src || '、' FROM ev
  UNION ALL
  SELECT arm, eid, unit_id, kind, day, lead, toc, level, trim(substr(rest, 1, instr(rest, '、') - 1)), substr(rest, instr(rest, '、') + 1)
    FROM split WHERE rest <> ''
),
-- Distinct: a unit named twice in one attribution is credited once; never the item's own unit again.
co(arm, eid, credited, kind, day, lead, toc, level) AS (
  SELECT DISTINCT s.arm, s.eid, u.id, s.kind, s.day, s.lead, s.toc, s.level
    FROM split s JOIN units u ON u.name = s.name
   WHERE s.name <> '' AND u.id <> s.unit_id
)
SELECT i.unit_id AS unitId, i.status AS kind, 0 AS lead, 0 AS toc, NULL AS level, 0 AS co, ${ruleMs("i.submitted_at")} AS day0, count(*) AS n
  FROM items i
 WHERE i.publication_id = @pub AND i.submitted_at >= @fromMs AND i.submitted_at < @toMs AND i.status <> 'draft'
 GROUP BY 1, 2, 7
UNION ALL
SELECT i.unit_id, 'adopted', sec.title IS NULL, p.in_toc, NULL, 0, ${rule("s.date")}, count(*)
  FROM issues s
  CROSS JOIN placements p ON p.issue_id = s.id
  CROSS JOIN issue_sections sec ON sec.id = p.section_id
  CROSS JOIN items i ON i.id = p.item_id
 WHERE s.publication_id = @pub AND s.date >= @from AND s.date <= @to AND i.status = 'published'
 GROUP BY 1, 3, 4, 7
UNION ALL
SELECT i.unit_id, 'instruction', 0, 0, li.level, 0, ${rule("li.date")}, count(*)
  FROM leader_instructions li CROSS JOIN items i ON i.id = li.item_id
 WHERE i.publication_id = @pub AND li.date >= @from AND li.date <= @to
 GROUP BY 1, 5, 7
UNION ALL
SELECT i.unit_id, 'forward_used', 0, 0, NULL, 0, ${rule("f.used_date")}, count(*)
  FROM forwards f CROSS JOIN items i ON i.id = f.item_id
 WHERE i.publication_id = @pub AND f.used = 1 AND f.used_date >= @from AND f.used_date <= @to
 GROUP BY 1, 7
UNION ALL
SELECT credited, kind, lead, toc, level, 1, ${rule("day")}, count(*)
  FROM co
 GROUP BY 1, 2, 3, 4, 5, 7`;
}

/**
 * SQL for "the effective date of the version in force" on a day (yyyy-mm-dd) or at an instant (ms),
 * as a CASE over the saved versions, newest first; NULL is the built-in default. Values are bound
 * parameters (@vN, @mN), never spliced in.
 */
function ruleCase(versions: RuleVersion[]) {
  const saved = versions.filter((v) => v.id !== null).reverse();
  const params: Record<string, string | number> = {};
  saved.forEach((v, i) => {
    params[`v${i}`] = v.effectiveFrom;
    params[`m${i}`] = chinaDayStart(v.effectiveFrom);
  });
  const build = (cmp: (i: number) => string) => (saved.length ? `CASE ${saved.map((_, i) => `WHEN ${cmp(i)} THEN @v${i}`).join(" ")} END` : "NULL");
  return {
    params,
    rule: (day: string) => build((i) => `${day} >= @v${i}`),
    ruleMs: (ms: string) => build((i) => `${ms} >= @m${i}`),
  };
}

const TREND_SQL = `
SELECT substr(s.date, 1, 7) AS month, count(*) AS adopted
  FROM issues s CROSS JOIN placements p ON p.issue_id = s.id CROSS JOIN items i ON i.id = p.item_id
 WHERE s.publication_id = @pub AND s.date >= @from AND s.date <= @to AND i.status = 'published'
 GROUP BY month ORDER BY month`;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Months yyyy-mm from one day's month to another's, inclusive. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    if (key > end) break;
    out.push(key);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

function totalsOf(rows: UnitFigures[]): StatsResult["totals"] {
  const totals = { submitted: 0, accepted: 0, returned: 0, declined: 0, adopted: 0, lead: 0, highlight: 0, instructions: 0, forwardsUsed: 0, score: 0 };
  for (const f of rows) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] = round2(totals[k] + f[k]);
  return totals;
}

/** The two queries that grow with the period (every event in it), as SQL with named parameters. */
interface StatsReads {
  events: { sql: string; params: Record<string, string | number> };
  trend: { sql: string; params: Record<string, string | number> };
}
const EVENT_COLUMNS = ["unitId", "kind", "lead", "toc", "level", "co", "day0", "n"] as const;

function statsReads(versions: RuleVersion[], publicationId: number, period: Period): StatsReads {
  const params = { pub: publicationId, from: period.from, to: period.to, fromMs: chinaDayStart(period.from), toMs: chinaDayStart(format(addDays(parseISO(period.to), 1), "yyyy-MM-dd")) };
  const rc = ruleCase(versions);
  return { events: { sql: eventsSql(rc.rule, rc.ruleMs), params: { ...params, ...rc.params } }, trend: { sql: TREND_SQL, params } };
}

/**
 * The figures and scores of every unit (the office's own unit aside) for a period
 * (`from`..`to`, yyyy-mm-dd inclusive), ranked by score, then adoptions, then submissions, on the
 * calling thread. No permission check: for the command line, the bench and tests; the pages use
 * computeStatsOffThread.
 */
export function computeStats(handle: Db, publicationId: number, period: Period): StatsResult {
  const versions = ruleVersions(handle, publicationId);
  const reads = statsReads(versions, publicationId, period);
  const events = handle.$client.prepare(reads.events.sql).all(reads.events.params) as EventRow[];
  const trend = handle.$client.prepare(reads.trend.sql).all(reads.trend.params) as { month: string; adopted: number }[];
  return assembleStats(handle, versions, period, events, trend);
}

/**
 * computeStats with its two long queries — every submission, adoption, instruction and forward of
 * the period (a year of a large office: 100+ ms; ten years: several hundred) — on the database
 * reader thread (lib/jobs/read-off-thread), so autosaves and other pages are not held up by a
 * report. The same answer as computeStats. No permission check (see adoptionStats, myUnitStats).
 */
export async function computeStatsOffThread(publicationId: number, period: Period): Promise<StatsResult> {
  const versions = ruleVersions(db, publicationId);
  const reads = statsReads(versions, publicationId, period);
  const [eventRows, trendRows] = await Promise.all([
    readOffThread(env.DATABASE_PATH, { sql: reads.events.sql, params: [reads.events.params] }),
    readOffThread(env.DATABASE_PATH, { sql: reads.trend.sql, params: [reads.trend.params] }),
  ]);
  const events = eventRows.map((r) => Object.fromEntries(EVENT_COLUMNS.map((c, i) => [c, r[i]])) as unknown as EventRow);
  const trend = trendRows.map(([month, adopted]) => ({ month: String(month), adopted: Number(adopted) }));
  return assembleStats(db, versions, period, events, trend);
}

/** The figures from the period's events and monthly adoptions (plus units and calls, read here: a few rows). */
function assembleStats(handle: Db, versions: RuleVersion[], period: Period, events: EventRow[], trendRowsIn: { month: string; adopted: number }[]): StatsResult {
  const byDay = new Map(versions.map((v) => [v.effectiveFrom, v]));
  const endMs = chinaDayStart(format(addDays(parseISO(period.to), 1), "yyyy-MM-dd"));
  const unitRows = handle.$client.prepare("SELECT id, name, kind, active FROM units WHERE kind <> 'office'").all() as { id: number; name: string; kind: UnitKind; active: number }[];
  const figures = new Map<number, UnitFigures>();
  const blank = (u: (typeof unitRows)[number]): UnitFigures => ({
    unitId: u.id,
    unit: u.name,
    kind: u.kind,
    submitted: 0,
    accepted: 0,
    returned: 0,
    declined: 0,
    adopted: 0,
    lead: 0,
    highlight: 0,
    rate: null,
    instructions: 0,
    forwardsUsed: 0,
    callsAnswered: 0,
    callsLate: 0,
    callsMissed: 0,
    score: 0,
    rank: 0,
    kindRank: 0,
    kindSize: 0,
  });
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  for (const u of unitRows) if (u.active) figures.set(u.id, blank(u));
  const get = (id: number) => {
    let f = figures.get(id);
    if (!f) {
      const u = unitById.get(id);
      if (!u) return null; // the office's own unit
      f = blank(u);
      figures.set(id, f);
    }
    return f;
  };

  for (const e of events) {
    const f = get(e.unitId);
    if (!f) continue;
    const rules = (e.day0 && byDay.get(e.day0)) || versions[0];
    const n = e.co ? e.n * rules.coUnitShare : e.n;
    switch (e.kind) {
      case "adopted":
        f.adopted += n;
        if (e.lead) f.lead += n;
        if (e.toc) f.highlight += n;
        f.score += n * (e.lead ? rules.perLead : e.toc ? rules.perHighlight : rules.perOrdinary);
        break;
      case "instruction":
        f.instructions += n;
        f.score += n * instructionPoints(rules, e.level ?? "other");
        break;
      case "forward_used":
        f.forwardsUsed += n;
        f.score += n * rules.perForwardUsed;
        break;
      default: {
        // A submission, counted by what became of it.
        f.submitted += n;
        f.score += n * rules.perSubmission;
        if (e.kind === "accepted" || e.kind === "placed" || e.kind === "published") f.accepted += n;
        else if (e.kind === "returned") f.returned += n;
        else if (e.kind === "declined") f.declined += n;
      }
    }
  }

  // Calls, per stretch of the period under one rule version.
  const inForce = versions.filter((v, i) => v.effectiveFrom <= period.to && (versions[i + 1]?.effectiveFrom ?? "9999") > period.from);
  for (const [i, v] of inForce.entries()) {
    const segFrom = v.effectiveFrom > period.from ? v.effectiveFrom : period.from;
    const next = inForce[i + 1]?.effectiveFrom;
    const fromMs = chinaDayStart(segFrom);
    const toMs = next ? chinaDayStart(next) : endMs;
    for (const [unitId, c] of callFiguresByUnit(handle, fromMs, toMs)) {
      const f = get(unitId);
      if (!f) continue;
      f.callsAnswered += c.answered;
      f.callsLate += c.answeredLate;
      f.callsMissed += c.missed;
      // A late answer neither earns nor loses points.
      f.score += c.answered * v.perCallAnswered - c.missed * v.perCallMissed;
    }
  }

  const rows = [...figures.values()];
  for (const f of rows) {
    for (const k of ["submitted", "accepted", "returned", "declined", "adopted", "lead", "highlight", "instructions", "forwardsUsed", "score"] as const) f[k] = round2(f[k]);
    f.rate = f.submitted > 0 ? round2(f.adopted / f.submitted) : null;
  }
  const collator = new Intl.Collator("zh-CN");
  rows.sort((a, b) => b.score - a.score || b.adopted - a.adopted || b.submitted - a.submitted || collator.compare(a.unit, b.unit));
  const assignRanks = (list: UnitFigures[], set: (f: UnitFigures, rank: number) => void) => {
    let prev = 0;
    list.forEach((f, i) => {
      prev = i > 0 && list[i - 1].score === f.score ? prev : i + 1;
      set(f, prev);
    });
  };
  assignRanks(rows, (f, r) => (f.rank = r));
  for (const kind of UNIT_KINDS) {
    const group = rows.filter((f) => f.kind === kind);
    assignRanks(group, (f, r) => {
      f.kindRank = r;
      f.kindSize = group.length;
    });
  }

  const totals = totalsOf(rows);

  const trendRows = new Map(trendRowsIn.map((r) => [r.month, r.adopted]));
  const trend = monthsBetween(period.from, period.to).map((month) => ({ month, adopted: trendRows.get(month) ?? 0 }));
  return { period, rows, totals, trend, rules: inForce };
}

/**
 * The statistics page: every unit's figures and rank for a period, optionally only units of one
 * kind (ranks stay those of the whole table; `kindRank` is within the kind; totals are of the rows
 * shown; the trend stays the whole publication's). Office, editor, admin. Read off the server
 * thread (computeStatsOffThread). Throws forbidden, invalid (a bad period).
 */
export async function adoptionStats(actor: Actor, query: StatsQuery): Promise<StatsResult> {
  requireRole(actor, "office", "editor", "admin");
  const period = resolvePeriod(query);
  const result = await computeStatsOffThread(currentPublication().id, period);
  const kind = query.kind || undefined;
  if (!kind) return result;
  const rows = result.rows.filter((r) => r.kind === kind);
  return { ...result, rows, totals: totalsOf(rows) };
}

/** A contributor's view: its own unit's figures and ranks, and how many units are ranked. */
export async function myUnitStats(actor: Actor, query: StatsQuery): Promise<{ period: Period; unit: UnitFigures | null; units: number }> {
  requireRole(actor, "contributor");
  if (!actor.unitId) throw new AppError("unit_required");
  const period = resolvePeriod({ ...query, kind: undefined });
  const result = await computeStatsOffThread(currentPublication().id, period);
  return { period, unit: result.rows.find((r) => r.unitId === actor.unitId) ?? null, units: result.rows.length };
}

/** Whether the actor may see every unit's figures (the page and the exports). */
export function canSeeAllStats(actor: Actor): boolean {
  return hasRole(actor, "office", "editor", "admin");
}

export { INSTRUCTION_LEVELS };
