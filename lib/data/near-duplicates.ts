import "server-only";
import { and, asc, desc, eq, gt, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { db } from "@/db";
import { fingerprintQueue, type Issue, issues, itemFingerprintBands, itemFingerprints, items, placements, type ItemStatus, units } from "@/db/schema";
import { bandKeys, NEAR_DUPLICATE_THRESHOLD, signatureOf, similarity } from "@/lib/bulletin/near-duplicate";
import { docToPlainText } from "@/lib/editor/schema";
import { type Actor, requireRole } from "./actor";
import { AppError } from "./errors";
import { issueName } from "./issue-kinds";
import { env } from "@/lib/env";
import { readOffThread } from "@/lib/jobs/read-off-thread";

/**
 * Items a unit sent that closely match one already printed or already in the inbox — flagged to
 * the editor with a link, so a story printed in 2023年第20期 is not accepted and printed again
 * without anyone noticing. Fingerprints are kept per item (item_fingerprints and their band index)
 * and refreshed lazily: triggers put every new or changed item in fingerprint_queue, and it gets a
 * new fingerprint the next time anyone looks, so no write path of the items has to know about this.
 */
const POOL: ItemStatus[] = ["submitted", "accepted", "placed", "published"];
/** Candidates compared per item, those sharing the most bands first. */
const MAX_CANDIDATES = 50;

export interface NearDuplicate {
  id: number;
  title: string;
  status: ItemStatus;
  /** Estimated share of the text in common, 0–1. */
  similarity: number;
  /** The issue it is placed in or was printed in, when it is; `label` as issueName names it (2025年第3期, 2026年增刊第1期). */
  issue: { id: number; year: number; number: number; status: string; label: string } | null;
  /** The unit that sent it (null: the office's own item). */
  unitName: string | null;
  /** When it was sent (null: never sent, e.g. imported from the archive). */
  submittedAt: Date | null;
}

/** The columns that describe a pooled item (with its unit and placement's issue) for a mark. */
const describedColumns = {
  id: items.id,
  title: items.title,
  status: items.status,
  unitName: units.name,
  submittedAt: items.submittedAt,
  issueId: issues.id,
  year: issues.year,
  number: issues.number,
  issueStatus: issues.status,
  kind: issues.kind,
  numberEnd: issues.numberEnd,
  totalNumber: issues.totalNumber,
  totalNumberEnd: issues.totalNumberEnd,
  supplementLabel: issues.supplementLabel,
  date: issues.date,
};

/** A row of describedColumns as the mark's description (without the similarity). */
function describe(r: { id: number; title: string; status: ItemStatus; unitName: string | null; submittedAt: Date | null; issueId: number | null; year: number | null; number: number | null; issueStatus: string | null; kind: Issue["kind"] | null; numberEnd: number | null; totalNumber: number | null; totalNumberEnd: number | null; supplementLabel: Issue["supplementLabel"]; date: string | null }): Omit<NearDuplicate, "similarity"> {
  const issue =
    r.issueId && r.year && r.number !== null && r.kind
      ? { id: r.issueId, year: r.year, number: r.number, status: r.issueStatus ?? "", label: issueName({ year: r.year, number: r.number, totalNumber: r.totalNumber ?? 0, date: r.date ?? "", kind: r.kind, numberEnd: r.numberEnd, totalNumberEnd: r.totalNumberEnd, supplementLabel: r.supplementLabel }) }
      : null;
  return { id: r.id, title: r.title, status: r.status, unitName: r.unitName, submittedAt: r.submittedAt, issue };
}

const textOf = (title: string, body: Parameters<typeof docToPlainText>[0]) => `${title}\n${docToPlainText(body)}`;

/** The next fingerprint sequence number (the index on seq makes this one index step). */
function nextSeq(): number {
  return (db.select({ n: sql<number | null>`max(${itemFingerprints.seq})` }).from(itemFingerprints).get()?.n ?? 0) + 1;
}

/**
 * Stores an item's fingerprint under `seq`. When the signature is the one already stored (the
 * item's status changed, not its text), its cached mark and band rows are kept; otherwise they are
 * replaced and the mark is to be found again.
 */
function store(itemId: number, updatedAt: Date, sig: number[] | null, seq: number) {
  const old = db.select({ signature: itemFingerprints.signature }).from(itemFingerprints).where(eq(itemFingerprints.itemId, itemId)).get();
  if (old && JSON.stringify(old.signature) === JSON.stringify(sig)) {
    db.update(itemFingerprints).set({ itemUpdatedAt: updatedAt, seq }).where(eq(itemFingerprints.itemId, itemId)).run();
    return;
  }
  db.delete(itemFingerprintBands).where(eq(itemFingerprintBands.itemId, itemId)).run();
  const values = { signature: sig, itemUpdatedAt: updatedAt, seq, bestItemId: null, bestSimilarity: null, bestSeq: null };
  db.insert(itemFingerprints)
    .values({ itemId, ...values })
    .onConflictDoUpdate({ target: itemFingerprints.itemId, set: values })
    .run();
  if (sig) db.insert(itemFingerprintBands).values(bandKeys(sig).map((key, band) => ({ band, key, itemId }))).run();
}

/**
 * Takes the fingerprint of the items in fingerprint_queue (filled by triggers on each insert and
 * each change of an item's title, body or status) that are in the pool, and removes them from the
 * queue: first those among `ids` (the items about to be compared), then up to `limit` others (all
 * when no limit), in batches of 500. Each pooled item gets a new seq, so cached marks compare
 * themselves with it. Returns how many queued items were handled (0: the queue was empty).
 */
export function refreshFingerprints(opts: { ids?: number[]; limit?: number } = {}): number {
  let done = 0;
  const take = (where: SQL | undefined, n: number) => {
    const queued = db
      .select({ queued: fingerprintQueue.itemId, id: items.id, status: items.status, title: items.title, body: items.body, updatedAt: items.updatedAt })
      .from(fingerprintQueue)
      .leftJoin(items, eq(items.id, fingerprintQueue.itemId))
      .where(where)
      .limit(n)
      .all();
    if (!queued.length) return 0;
    db.transaction(() => {
      let seq = nextSeq();
      for (const it of queued) {
        if (it.id !== null && POOL.includes(it.status as ItemStatus)) store(it.id, it.updatedAt!, signatureOf(textOf(it.title!, it.body!)), seq++);
      }
      db.delete(fingerprintQueue).where(inArray(fingerprintQueue.itemId, queued.map((q) => q.queued))).run();
    });
    return queued.length;
  };
  const first = opts.ids?.length ? take(inArray(fingerprintQueue.itemId, opts.ids), opts.ids.length) : 0;
  const limit = opts.limit ?? Infinity;
  while (done < limit) {
    const n = take(undefined, Math.min(500, limit - done));
    if (!n) break;
    done += n;
  }
  return first + done;
}

/**
 * Other queued items a page view fingerprints itself (about 20 ms): usually the whole queue — the
 * few items sent or changed since the last view — so a mark is right at once; a larger backlog (an
 * archive import) is left to drainFingerprints.
 */
const REFRESH_PER_VIEW = 25;
let draining = false;

/** How long one background step may hold the server thread, and the pause after it (ms). */
const DRAIN_STEP_MS = 10;
const DRAIN_PAUSE_MS = 20;

/**
 * Empties fingerprint_queue in the background, in steps of at most about DRAIN_STEP_MS (ten items
 * at a time until the step's time is up) with a pause of DRAIN_PAUSE_MS between, so a large
 * backlog — an archive import, the first start after this table was added — is taken without
 * holding up any request by more than a step. One drain at a time; returns at once.
 */
export function drainFingerprints(): void {
  if (draining) return;
  draining = true;
  const step = () => {
    let more = false;
    try {
      const started = performance.now();
      while ((more = refreshFingerprints({ limit: 10 }) > 0) && performance.now() - started < DRAIN_STEP_MS);
    } catch (e) {
      console.error("fingerprint drain", e);
      more = false;
    }
    if (more) setTimeout(step, DRAIN_PAUSE_MS).unref?.();
    else draining = false;
  };
  setTimeout(step, 0).unref?.();
}

/** A page view's refresh: the items it compares and up to REFRESH_PER_VIEW others now, any more in the background. */
function refreshForView(ids: number[]) {
  refreshFingerprints({ ids, limit: REFRESH_PER_VIEW });
  if (db.select({ id: fingerprintQueue.itemId }).from(fingerprintQueue).limit(1).get()) drainFingerprints();
}

/** The item's signature, or null when it is too short to compare. Throws not_found. */
function signatureOfItem(itemId: number): number[] | null {
  const item = db.select({ id: items.id, title: items.title, body: items.body }).from(items).where(eq(items.id, itemId)).get();
  if (!item) throw new AppError("not_found");
  return signatureOf(textOf(item.title, item.body));
}

/**
 * The items sharing the most bands with `sig` (a text that shares more bands is more alike), at
 * most MAX_CANDIDATES: in an archive where many items repeat stock sentences, thousands can share
 * one band, and comparing each of them would cost the inbox seconds.
 */
function candidatesQuery(itemId: number, sig: number[]) {
  const keys = bandKeys(sig);
  return db
    .select({ itemId: itemFingerprintBands.itemId })
    .from(itemFingerprintBands)
    .where(and(or(...keys.map((key, band) => and(eq(itemFingerprintBands.band, band), eq(itemFingerprintBands.key, key)))), ne(itemFingerprintBands.itemId, itemId)))
    .groupBy(itemFingerprintBands.itemId)
    .orderBy(desc(sql`count(*)`), asc(itemFingerprintBands.itemId))
    .limit(MAX_CANDIDATES);
}

/** The candidates (ids, at most MAX_CANDIDATES) compared with `sig`: those at the threshold or above, most similar first. */
function rankCandidates(sig: number[], candidates: number[]): NearDuplicate[] {
  if (!candidates.length) return [];
  const rows = db
    .select({ ...describedColumns, signature: itemFingerprints.signature })
    .from(items)
    .innerJoin(itemFingerprints, eq(itemFingerprints.itemId, items.id))
    .leftJoin(units, eq(units.id, items.unitId))
    .leftJoin(placements, eq(placements.itemId, items.id))
    .leftJoin(issues, eq(issues.id, placements.issueId))
    .where(and(inArray(items.id, candidates), inArray(items.status, POOL)))
    .all();
  return rows
    .map((r) => ({ ...describe(r), similarity: r.signature ? similarity(sig, r.signature) : 0 }))
    .filter((r) => r.similarity >= NEAR_DUPLICATE_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity || a.id - b.id);
}

/**
 * The printed and inbox items whose text is at least NEAR_DUPLICATE_THRESHOLD the same as this
 * item's, most similar first. Editors only (an editor sees every unit's items).
 */
export function findNearDuplicates(actor: Actor, itemId: number): NearDuplicate[] {
  requireRole(actor, "editor");
  const sig = signatureOfItem(itemId);
  refreshForView([itemId]);
  if (!sig) return [];
  return rankCandidates(
    sig,
    candidatesQuery(itemId, sig)
      .all()
      .map((r) => r.itemId),
  );
}

/** The inbox's mark of one waiting item: its closest pooled item (null: none), and how alike. */
interface Mark {
  best: number | null;
  similarity: number | null;
}
interface WaitingItem {
  id: number;
  seq: number;
  signature: number[];
}
/** Fingerprints stored since a cached mark that are compared directly; more, and the mark is looked up again. */
const MAX_SINCE = 500;

/**
 * The first half of the inbox's marks, on the server thread and cheap: each waiting (submitted)
 * item among `ids` whose mark is cached is compared only with the fingerprints stored since (new
 * items, changed texts, items back in the pool; at most MAX_SINCE, 36 numbers each). Those with no
 * cached mark, a cached best that left the pool or grew less alike, or too much new since, are
 * returned in `lookup` for the banded lookup. `top` is the seq the answers are good up to.
 */
function marksFromCache(ids: number[]): { top: number; settled: Map<number, Mark>; lookup: WaitingItem[]; seqs: Map<number, number> } {
  refreshForView(ids);
  const top = nextSeq() - 1;
  const rows = db
    .select({ id: items.id, seq: itemFingerprints.seq, signature: itemFingerprints.signature, bestItemId: itemFingerprints.bestItemId, bestSimilarity: itemFingerprints.bestSimilarity, bestSeq: itemFingerprints.bestSeq })
    .from(items)
    .innerJoin(itemFingerprints, eq(itemFingerprints.itemId, items.id))
    .where(and(inArray(items.id, ids), eq(items.status, "submitted")))
    .all();
  const seqs = new Map(rows.map((r) => [r.id, r.seq]));
  const cached = rows.filter((r) => r.signature && r.bestSeq !== null);
  const since = cached.length
    ? db
        .select({ id: itemFingerprints.itemId, seq: itemFingerprints.seq, signature: itemFingerprints.signature, status: items.status })
        .from(itemFingerprints)
        .innerJoin(items, eq(items.id, itemFingerprints.itemId))
        .where(gt(itemFingerprints.seq, Math.min(...cached.map((c) => c.bestSeq!))))
        .orderBy(desc(itemFingerprints.seq))
        .limit(MAX_SINCE)
        .all()
    : [];
  // With MAX_SINCE rows read, only marks checked up to the oldest of them are covered.
  const coveredFrom = since.length === MAX_SINCE ? since[since.length - 1].seq : -Infinity;
  const bestIds = cached.map((c) => c.bestItemId).filter((b): b is number => b !== null);
  const pooled = new Set(
    bestIds.length
      ? db
          .select({ id: items.id })
          .from(items)
          .where(and(inArray(items.id, bestIds), inArray(items.status, POOL)))
          .all()
          .map((r) => r.id)
      : [],
  );
  const settled = new Map<number, Mark>();
  const lookup: WaitingItem[] = [];
  for (const r of rows) {
    if (!r.signature) {
      settled.set(r.id, { best: null, similarity: null });
      continue;
    }
    const w = { id: r.id, seq: r.seq, signature: r.signature };
    if (r.bestSeq === null || r.bestSeq < coveredFrom || (r.bestItemId !== null && !pooled.has(r.bestItemId))) {
      lookup.push(w);
      continue;
    }
    let best = r.bestItemId;
    let sim = r.bestSimilarity ?? 0;
    let stale = false;
    for (const f of since) {
      if (f.seq <= r.bestSeq || f.id === r.id) continue;
      const v = f.signature && POOL.includes(f.status) ? similarity(r.signature, f.signature) : 0;
      if (f.id === r.bestItemId) {
        // The best itself changed: if it is less alike now, another may be closer — look again;
        // as alike or more, it stays the best, with its new similarity.
        if (v < (r.bestSimilarity ?? 0)) stale = true;
        else if (best === r.bestItemId) sim = v;
        else if (best !== null && (v > sim || (v === sim && f.id < best))) [best, sim] = [f.id, v];
        continue;
      }
      if (v >= NEAR_DUPLICATE_THRESHOLD && (best === null || v > sim || (v === sim && f.id < best))) {
        best = f.id;
        sim = v;
      }
    }
    if (stale) lookup.push(w);
    else settled.set(r.id, { best, similarity: best === null ? null : sim });
  }
  return { top, settled, lookup, seqs };
}

/**
 * The second half: stores the marks as good up to `top` and describes each best for the list —
 * its title, status, unit, when it was sent and the issue it is in (by its name), so the mark can say
 * which of two alike items came first.
 */
function settleMarks(top: number, settled: Map<number, Mark>, seqs: Map<number, number>): Map<number, NearDuplicate> {
  db.transaction(() => {
    for (const [id, m] of settled) {
      // Only onto the fingerprint that was read: one stored since has its own mark to find.
      db.update(itemFingerprints)
        .set({ bestItemId: m.best, bestSimilarity: m.similarity, bestSeq: top })
        .where(and(eq(itemFingerprints.itemId, id), eq(itemFingerprints.seq, seqs.get(id) ?? -1)))
        .run();
    }
  });
  const bestIds = [...new Set([...settled.values()].map((m) => m.best).filter((b): b is number => b !== null))];
  const described = new Map<number, Omit<NearDuplicate, "similarity">>();
  if (bestIds.length) {
    const rows = db
      .select(describedColumns)
      .from(items)
      .leftJoin(units, eq(units.id, items.unitId))
      .leftJoin(placements, eq(placements.itemId, items.id))
      .leftJoin(issues, eq(issues.id, placements.issueId))
      .where(inArray(items.id, bestIds))
      .all();
    for (const r of rows) if (!described.has(r.id)) described.set(r.id, describe(r));
  }
  const out = new Map<number, NearDuplicate>();
  for (const [id, m] of settled) {
    const d = m.best !== null ? described.get(m.best) : undefined;
    if (d) out.set(id, { ...d, similarity: m.similarity ?? 0 });
  }
  return out;
}

const markOf = (found: NearDuplicate | undefined): Mark => ({ best: found?.id ?? null, similarity: found?.similarity ?? null });

/**
 * For the inbox list: the closest near-duplicate of each waiting (submitted) item among `ids`, by
 * id. Marks are cached per item and kept current by comparing with the fingerprints stored since
 * (see marksFromCache); only an item without a usable mark gets the banded lookup. Editors only.
 */
export function nearDuplicatesOf(actor: Actor, ids: number[]): Map<number, NearDuplicate> {
  requireRole(actor, "editor");
  if (!ids.length) return new Map();
  const { top, settled, lookup, seqs } = marksFromCache(ids);
  for (const w of lookup) {
    settled.set(
      w.id,
      markOf(
        rankCandidates(
          w.signature,
          candidatesQuery(w.id, w.signature)
            .all()
            .map((r) => r.itemId),
        )[0],
      ),
    );
  }
  return settleMarks(top, settled, seqs);
}

/**
 * nearDuplicatesOf with the banded lookups — the part that grows with the archive (a page of
 * waiting items never looked at, in a large and repetitive archive: hundreds of ms) — on the
 * database reader thread (lib/jobs/read-off-thread), so autosaves and other pages are not held up
 * while the inbox opens. The same answer as nearDuplicatesOf. Editors only.
 */
export async function nearDuplicatesOffThread(actor: Actor, ids: number[]): Promise<Map<number, NearDuplicate>> {
  requireRole(actor, "editor");
  if (!ids.length) return new Map();
  const { top, settled, lookup, seqs } = marksFromCache(ids);
  const looked = await Promise.all(
    lookup.map(async (w) => {
      const rows = await readOffThread(env.DATABASE_PATH, candidatesQuery(w.id, w.signature).toSQL());
      return { id: w.id, sig: w.signature, candidates: rows.map(([c]) => Number(c)) };
    }),
  );
  for (const l of looked) settled.set(l.id, markOf(rankCandidates(l.sig, l.candidates)[0]));
  return settleMarks(top, settled, seqs);
}

/** How many fingerprints are stored (for tests and the admin's curiosity). */
export function fingerprintCount(): number {
  return db.select({ n: sql<number>`count(*)` }).from(itemFingerprints).get()?.n ?? 0;
}
