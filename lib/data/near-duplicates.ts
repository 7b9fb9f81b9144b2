import "server-only";
import { and, asc, desc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { issues, itemFingerprintBands, itemFingerprints, items, placements, type ItemStatus } from "@/db/schema";
import { bandKeys, NEAR_DUPLICATE_THRESHOLD, signatureOf, similarity } from "@/lib/bulletin/near-duplicate";
import { docToPlainText } from "@/lib/editor/schema";
import { type Actor, requireRole } from "./actor";
import { AppError } from "./errors";
import { env } from "@/lib/env";
import { readOffThread } from "@/lib/jobs/read-off-thread";

/**
 * Items a unit sent that closely match one already printed or already in the inbox — flagged to
 * the editor with a link, so a story printed in 2023年第20期 is not accepted and printed again
 * without anyone noticing. Fingerprints are kept per item (item_fingerprints and their band index)
 * and refreshed lazily: an item changed since its fingerprint was taken gets a new one the next time
 * anyone looks, so no write path of the items has to know about this.
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
  /** The issue it is placed in or was printed in, when it is. */
  issue: { id: number; year: number; number: number; status: string } | null;
}

const textOf = (title: string, body: Parameters<typeof docToPlainText>[0]) => `${title}\n${docToPlainText(body)}`;

function store(itemId: number, updatedAt: Date, sig: number[] | null) {
  db.delete(itemFingerprintBands).where(eq(itemFingerprintBands.itemId, itemId)).run();
  db.insert(itemFingerprints)
    .values({ itemId, signature: sig, itemUpdatedAt: updatedAt })
    .onConflictDoUpdate({ target: itemFingerprints.itemId, set: { signature: sig, itemUpdatedAt: updatedAt } })
    .run();
  if (sig) db.insert(itemFingerprintBands).values(bandKeys(sig).map((key, band) => ({ band, key, itemId }))).run();
}

/** Takes the fingerprint of every pooled item that has none or changed since (in batches of 500). */
export function refreshFingerprints(): number {
  let done = 0;
  for (;;) {
    const stale = db
      .select({ id: items.id, title: items.title, body: items.body, updatedAt: items.updatedAt })
      .from(items)
      .leftJoin(itemFingerprints, eq(itemFingerprints.itemId, items.id))
      .where(and(inArray(items.status, POOL), or(isNull(itemFingerprints.itemId), lt(itemFingerprints.itemUpdatedAt, items.updatedAt))))
      .limit(500)
      .all();
    if (!stale.length) return done;
    db.transaction(() => {
      for (const it of stale) store(it.id, it.updatedAt, signatureOf(textOf(it.title, it.body)));
    });
    done += stale.length;
  }
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
    .select({
      id: items.id,
      title: items.title,
      status: items.status,
      signature: itemFingerprints.signature,
      issueId: issues.id,
      year: issues.year,
      number: issues.number,
      issueStatus: issues.status,
    })
    .from(items)
    .innerJoin(itemFingerprints, eq(itemFingerprints.itemId, items.id))
    .leftJoin(placements, eq(placements.itemId, items.id))
    .leftJoin(issues, eq(issues.id, placements.issueId))
    .where(and(inArray(items.id, candidates), inArray(items.status, POOL)))
    .all();
  return rows
    .map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      similarity: r.signature ? similarity(sig, r.signature) : 0,
      issue: r.issueId && r.year && r.number ? { id: r.issueId, year: r.year, number: r.number, status: r.issueStatus ?? "" } : null,
    }))
    .filter((r) => r.similarity >= NEAR_DUPLICATE_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity || a.id - b.id);
}

/**
 * The printed and inbox items whose text is at least NEAR_DUPLICATE_THRESHOLD the same as this
 * item's, most similar first. Editors only (an editor sees every unit's items).
 */
export function findNearDuplicates(actor: Actor, itemId: number, opts: { refreshed?: boolean } = {}): NearDuplicate[] {
  requireRole(actor, "editor");
  const sig = signatureOfItem(itemId);
  if (!opts.refreshed) refreshFingerprints();
  if (!sig) return [];
  return rankCandidates(
    sig,
    candidatesQuery(itemId, sig)
      .all()
      .map((r) => r.itemId),
  );
}

/**
 * For the inbox list: the closest near-duplicate of each waiting (submitted) item among `ids`, by id.
 * One refresh, then one banded lookup per waiting item.
 */
export function nearDuplicatesOf(actor: Actor, ids: number[]): Map<number, NearDuplicate> {
  requireRole(actor, "editor");
  const out = new Map<number, NearDuplicate>();
  if (!ids.length) return out;
  refreshFingerprints();
  const waiting = db.select({ id: items.id }).from(items).where(and(inArray(items.id, ids), eq(items.status, "submitted"))).all();
  for (const { id } of waiting) {
    const best = findNearDuplicates(actor, id, { refreshed: true })[0];
    if (best) out.set(id, best);
  }
  return out;
}

/**
 * nearDuplicatesOf with the banded lookups — the part that grows with the archive (a page of
 * waiting items in a large, repetitive archive: hundreds of ms) — on the database reader thread
 * (lib/jobs/read-off-thread), so autosaves and other pages are not held up while the inbox opens.
 * The same answer as nearDuplicatesOf. Editors only.
 */
export async function nearDuplicatesOffThread(actor: Actor, ids: number[]): Promise<Map<number, NearDuplicate>> {
  requireRole(actor, "editor");
  const out = new Map<number, NearDuplicate>();
  if (!ids.length) return out;
  refreshFingerprints();
  const waiting = db.select({ id: items.id }).from(items).where(and(inArray(items.id, ids), eq(items.status, "submitted"))).all();
  const looked = await Promise.all(
    waiting.map(async ({ id }) => {
      const sig = signatureOfItem(id);
      if (!sig) return null;
      const rows = await readOffThread(env.DATABASE_PATH, candidatesQuery(id, sig).toSQL());
      return { id, sig, candidates: rows.map(([c]) => Number(c)) };
    }),
  );
  for (const l of looked) {
    if (!l) continue;
    const best = rankCandidates(l.sig, l.candidates)[0];
    if (best) out.set(l.id, best);
  }
  return out;
}

/** How many fingerprints are stored (for tests and the admin's curiosity). */
export function fingerprintCount(): number {
  return db.select({ n: sql<number>`count(*)` }).from(itemFingerprints).get()?.n ?? 0;
}
