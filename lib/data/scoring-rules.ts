import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import type { Db } from "@/db/open";
import { scoringRules, type InstructionLevel, type ScoringRules } from "@/db/schema";
import { type Actor, requireRole } from "./actor";
import { audit } from "./audit";
import { AppError } from "./errors";
import { currentPublication } from "./publication";
import { isoDateSchema } from "./validation";

/** The point values of one version of the rules (no id, dates or author). */
export type RulePoints = Omit<ScoringRules, "id" | "publicationId" | "effectiveFrom" | "createdById" | "createdAt">;
/** A version of the rules as the statistics use it; `id` null is the built-in default. */
export type RuleVersion = RulePoints & { id: number | null; effectiveFrom: string };

/**
 * Defaults after common 信息工作考核办法: 1 point a submission; an adoption 3 points, 5 in the
 * contents highlights, 8 as a lead item; a leader's instruction 5 to 20 by level; 10 for an
 * item the higher level used; 2 for a call answered on time, 2 deducted for a missed one.
 */
export const DEFAULT_POINTS: RulePoints = {
  perSubmission: 1,
  perLead: 8,
  perHighlight: 5,
  perOrdinary: 3,
  perInstructionCentral: 20,
  perInstructionProvincial: 15,
  perInstructionBureau: 10,
  perInstructionOther: 5,
  perForwardUsed: 10,
  perCallAnswered: 2,
  perCallMissed: 2,
  coUnitShare: 1,
};

/** The built-in rules, in force from the beginning of time until the admin saves a version. */
export const DEFAULT_VERSION: RuleVersion = { ...DEFAULT_POINTS, id: null, effectiveFrom: "1900-01-01" };

export const POINT_KEYS = Object.keys(DEFAULT_POINTS) as (keyof RulePoints)[];

export function instructionPoints(r: RulePoints, level: InstructionLevel): number {
  return { central: r.perInstructionCentral, provincial: r.perInstructionProvincial, bureau: r.perInstructionBureau, other: r.perInstructionOther }[level];
}

function toVersion(row: ScoringRules): RuleVersion {
  const version: RuleVersion = { id: row.id, effectiveFrom: row.effectiveFrom, ...DEFAULT_POINTS };
  for (const k of POINT_KEYS) version[k] = row[k];
  return version;
}

/** Every version of a publication's rules, oldest first, the built-in default first of all. */
export function ruleVersions(handle: Db, publicationId: number): RuleVersion[] {
  const rows = handle.select().from(scoringRules).where(eq(scoringRules.publicationId, publicationId)).orderBy(asc(scoringRules.effectiveFrom)).all();
  return [DEFAULT_VERSION, ...rows.map(toVersion)];
}

/** The version in force on a day (yyyy-mm-dd). */
export function rulesOn(versions: RuleVersion[], day: string): RuleVersion {
  let found = versions[0];
  for (const v of versions) if (v.effectiveFrom <= day) found = v;
  return found;
}

/** The rule versions, for the admin's editor and the statistics page's legend. */
export function listRuleVersions(actor: Actor): RuleVersion[] {
  requireRole(actor, "office", "editor", "admin");
  return ruleVersions(db, currentPublication().id);
}

// A blank value is refused, not read as 0 (z.coerce.number turns "" and "  " into 0).
const points = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.coerce.number("points_range").min(0, "points_range").max(1000, "points_range"),
);
export const saveRulesSchema = z
  .object({
    effectiveFrom: isoDateSchema.refine((d) => d >= "2000-01-01" && d <= "2100-12-31", "invalid_date"),
    perSubmission: points,
    perLead: points,
    perHighlight: points,
    perOrdinary: points,
    perInstructionCentral: points,
    perInstructionProvincial: points,
    perInstructionBureau: points,
    perInstructionOther: points,
    perForwardUsed: points,
    perCallAnswered: points,
    perCallMissed: points,
    coUnitShare: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.coerce.number("invalid").refine((v) => v === 1 || v === 0.5, "invalid")),
  })
  .strict();

/**
 * Saves the rules in force from a date (admin only). A version with the same date is replaced;
 * earlier periods keep being scored with the versions in force then. Audited.
 */
export function saveRuleVersion(actor: Actor, raw: z.input<typeof saveRulesSchema>): RuleVersion {
  requireRole(actor, "admin");
  const parsed = saveRulesSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid", {}, String(parsed.error.issues[0]?.path[0] ?? ""));
  const input = parsed.data;
  const pub = currentPublication();
  return db.transaction((tx) => {
    const existing = tx
      .select()
      .from(scoringRules)
      .where(and(eq(scoringRules.publicationId, pub.id), eq(scoringRules.effectiveFrom, input.effectiveFrom)))
      .get();
    const row = existing
      ? tx.update(scoringRules).set({ ...input, createdById: actor.id }).where(eq(scoringRules.id, existing.id)).returning().get()
      : tx.insert(scoringRules).values({ ...input, publicationId: pub.id, createdById: actor.id }).returning().get();
    audit(tx, actor, { entity: "publication", entityId: pub.id, action: "scoring_rules", detail: { ...input, replaced: Boolean(existing) } });
    return toVersion(row);
  });
}
