import { asc, eq } from "drizzle-orm";
import type { BulletinDocument } from "@/lib/bulletin/document";
import { bulletinFingerprint } from "@/lib/bulletin/fingerprint";
import { checkAuditEvent } from "@/lib/data/audit-events";
import { paragraphsToDoc } from "@/lib/editor/schema";
import type { Db } from "./open";
import { normaliseUnitName } from "@/lib/bulletin/attribution";
import { auditLog, catalogueSections, issueEditions, issueSections, issues, itemRevisions, items, placements, publications, unitAliases, units, type Issue } from "./schema";
import { chinaInstant } from "@/lib/time";

export interface ImportReport {
  issueId: number;
  year: number;
  number: number;
  totalNumber: number;
  items: number;
  sections: number;
  unitsMatched: string[];
  unitsCreated: string[];
  /** 目录提要 lines that name no item of the issue. */
  tocUnmatched: string[];
  /** Attributions matched by a normalised name or an alias the admin keeps: [as printed, the unit]. */
  unitsAliased?: [string, string][];
  /**
   * Set when the issue's running number (总期号) is out of order with its date against an issue of
   * the archive (an earlier date with a higher 总期号, or the reverse): a warning, it was imported.
   */
  totalOrder?: TotalOrderClash;
}

/** Two issues whose 总期号 run against their dates: `earlier` has the earlier date and the higher 总期号. */
export interface TotalOrderClash {
  earlier: { total: number; date: string };
  later: { total: number; date: string };
  /** How many other issues of the archive are out of order with this one besides the one named. */
  more: number;
}

/**
 * The unit a printed name stands for: the exact name, the same name normalised (spaces,
 * full-width characters), or an alias the admin keeps (市科协 = 北京市科协). Null when unknown.
 */
export function findUnitByName(handle: Pick<Db, "select">, name: string): { id: number; name: string } | null {
  const exact = handle.select({ id: units.id, name: units.name }).from(units).where(eq(units.name, name)).get();
  if (exact) return exact;
  const key = normaliseUnitName(name);
  const alias = handle.select({ id: units.id, name: units.name }).from(unitAliases).innerJoin(units, eq(units.id, unitAliases.unitId)).where(eq(unitAliases.alias, key)).get();
  if (alias) return alias;
  return handle.select({ id: units.id, name: units.name }).from(units).all().find((u) => normaliseUnitName(u.name) === key) ?? null;
}

/** Length of the longest common subsequence of two short strings. */
function lcs(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = ca === b[j - 1] ? diag + 1 : Math.max(prev[j], prev[j - 1]);
      diag = up;
    }
  }
  return prev[b.length];
}

/**
 * Pairs each 目录提要 line with the item it highlights. A highlight is the item's title or a
 * shortened or reworded form of it (2023-20: 「…参加党日活动」 for 「…参加七一主题党日」), so the
 * best unused title by common characters wins, if it shares most of the shorter one's characters.
 */
export function matchToc(toc: string[], titles: string[]): { toc: Map<number, string>; unmatched: string[] } {
  const out = new Map<number, string>();
  const unmatched: string[] = [];
  for (const line of toc) {
    let best = -1;
    let bestScore = 0;
    titles.forEach((title, i) => {
      if (out.has(i)) return;
      const score = lcs(line, title) / Math.min(line.length, title.length);
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    if (best >= 0 && bestScore >= 0.7) out.set(best, line);
    else unmatched.push(line);
  }
  return { toc: out, unmatched };
}

/** The first unit an attribution names: 「北京制冷学会、昌平区科协」 credits 北京制冷学会. */
function unitNamesOf(source: string): string[] {
  return source
    .split(/[、，,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Brings a past issue into the archive as a distributed issue: sections, items (published,
 * credited to their units so they count in each unit's record), TOC, footer. Units it does not
 * know are created and flagged for an admin to check. A number already used is refused and
 * nothing is written. `actor` is null for the system (first start, command line).
 */
export class DuplicateIssueError extends Error {
  constructor(
    readonly year: number,
    readonly number: number,
    /** A supplement's name (增刊, 专刊, 特刊) when the clash is between supplements of that name. */
    readonly supplementLabel?: string,
    /** Set when the clash is of running numbers (总第N期) only: the running number both hold. */
    readonly total?: number,
  ) {
    super(total ? `总第${total}期已被${year}年第${number}期使用` : `${year}年${supplementLabel ?? ""}第${number}期已存在`);
  }
}

/**
 * Writes a past issue into the archive as a distributed issue: sections, items (published,
 * credited to their units so they count in each unit's record), TOC, footer. Units it does not
 * know are created and flagged for an admin to check. A number already used is refused and
 * nothing is written. The document must already be validated; `actor` is null for the system
 * (first start, command line). Used by lib/data/archive.ts and by the first-start seed.
 */
export function writeImportedIssue(handle: Db, actor: { id: number; displayName: string } | null, doc: BulletinDocument, origin: string): ImportReport {
  const pub = handle.select().from(publications).orderBy(asc(publications.id)).get();
  if (!pub) throw new Error("no publication");
  const m = doc.masthead;
  const kind = m.kind ?? (m.numberEnd ? "double" : "regular");
  const numberEnd = kind === "double" ? (m.numberEnd ?? m.number + 1) : null;
  const totalNumberEnd = kind === "double" ? (m.totalNumberEnd ?? m.totalNumber + (numberEnd ?? m.number) - m.number) : null;
  // Regular numbers and running numbers may not overlap another regular issue's (both ends of a
  // 合刊); a supplement's number may not repeat in its year among supplements of its name (增刊 and
  // 专刊 each count on their own; a row without a name is 增刊).
  const label = kind === "supplement" ? (m.supplementLabel ?? "增刊") : null;
  const clash = handle
    .select({ year: issues.year, number: issues.number, kind: issues.kind, numberEnd: issues.numberEnd, totalNumber: issues.totalNumber, totalNumberEnd: issues.totalNumberEnd, supplementLabel: issues.supplementLabel })
    .from(issues)
    .where(eq(issues.publicationId, pub.id))
    .all()
    .find((o) => {
      const overlap = (a1: number, a2: number, b1: number, b2: number) => a1 <= b2 && b1 <= a2;
      if (kind === "supplement") return o.kind === "supplement" && o.year === m.year && m.number > 0 && o.number === m.number && (o.supplementLabel ?? "增刊") === label;
      if (o.kind === "supplement") return false;
      return (
        (o.year === m.year && overlap(m.number, numberEnd ?? m.number, o.number, o.numberEnd ?? o.number)) ||
        overlap(m.totalNumber, totalNumberEnd ?? m.totalNumber, o.totalNumber, o.totalNumberEnd ?? o.totalNumber)
      );
    });
  if (clash) {
    // Name what clashes: the same 第N期 in the year, or (only) the running number 总第N期.
    const sameNumber = kind === "supplement" || (clash.year === m.year && m.number <= (clash.numberEnd ?? clash.number) && clash.number <= (numberEnd ?? m.number));
    const total = sameNumber ? undefined : Math.max(m.totalNumber, clash.totalNumber);
    throw new DuplicateIssueError(clash.year, clash.number, label ?? undefined, total);
  }

  const catalogue = handle.select().from(catalogueSections).where(eq(catalogueSections.publicationId, pub.id)).all();
  const flat = doc.sections.flatMap((s) => s.items.map((it) => it.title));
  const { toc, unmatched } = matchToc(doc.toc, flat);
  let flatIndex = 0;
  const report: ImportReport = {
    issueId: 0,
    year: m.year,
    number: m.number,
    totalNumber: m.totalNumber,
    items: 0,
    sections: 0,
    unitsMatched: [],
    unitsCreated: [],
    tocUnmatched: unmatched,
  };

  handle.transaction((tx) => {
    const officeUnit = tx.select().from(units).where(eq(units.kind, "office")).get();
    const unitId = (source: string | null): number => {
      const names = source ? unitNamesOf(source) : [];
      const name = names[0];
      if (!name) {
        if (!officeUnit) throw new Error("no office unit");
        return officeUnit.id;
      }
      for (const n of names) {
        const found = findUnitByName(tx, n);
        if (found) {
          if (!report.unitsMatched.includes(found.name)) report.unitsMatched.push(found.name);
          if (found.name !== n && !report.unitsAliased?.some(([a]) => a === n)) (report.unitsAliased ??= []).push([n, found.name]);
        } else {
          tx.insert(units).values({ name: n, kind: /区科协$/.test(n) ? "district" : /学会$|协会$/.test(n) ? "society" : "other", needsReview: true }).run();
          report.unitsCreated.push(n);
        }
      }
      const unit = findUnitByName(tx, name);
      if (!unit) throw new Error(`unit ${name} missing`);
      return unit.id;
    };

    const at = chinaInstant(m.date, "12:00");
    const issue: Issue = tx
      .insert(issues)
      .values({
        publicationId: pub.id,
        year: m.year,
        number: m.number,
        totalNumber: m.totalNumber,
        kind,
        numberEnd,
        totalNumberEnd,
        supplementLabel: label,
        date: m.date,
        status: "distributed",
        mailbox: doc.footer.mailbox,
        editorName: doc.footer.editor,
        reviewerName: doc.footer.reviewer,
        distribution: doc.footer.distribution,
        printedBy: doc.footer.printedBy ?? null,
        printedDate: doc.footer.printedDate ?? null,
        printRun: doc.footer.printRun ?? null,
        distributedAt: at,
        distributedTo: doc.footer.distribution,
        imported: true,
      })
      .returning()
      .get();
    report.issueId = issue.id;
    const itemIds: number[][] = doc.sections.map(() => []);

    doc.sections
      .map((s, i) => ({ ...s, ids: itemIds[i] }))
      .filter((s) => s.items.length)
      .forEach((s, sectionPos) => {
        const section = tx
          .insert(issueSections)
          .values({ issueId: issue.id, title: s.title, catalogueSectionId: catalogue.find((c) => c.title === s.title)?.id ?? null, position: sectionPos })
          .returning()
          .get();
        report.sections++;
        s.items.forEach((it, pos) => {
          const body = paragraphsToDoc(it.paragraphs);
          const item = tx
            .insert(items)
            .values({
              publicationId: pub.id,
              unitId: unitId(it.source),
              title: it.title,
              body,
              source: it.source,
              bylineName: it.author ?? null,
              suggestedSectionId: section.catalogueSectionId,
              status: "published",
              submittedAt: at,
              createdAt: at,
              updatedAt: at,
            })
            .returning()
            .get();
          const rev = tx
            .insert(itemRevisions)
            .values({ itemId: item.id, version: 1, kind: "import", title: it.title, body, source: it.source, authorId: actor?.id ?? null })
            .returning()
            .get();
          tx.update(items).set({ submittedRevisionId: rev.id }).where(eq(items.id, item.id)).run();
          s.ids.push(item.id);
          const tocTitle = toc.get(flatIndex++) ?? null;
          tx.insert(placements)
            .values({ issueId: issue.id, sectionId: section.id, itemId: item.id, position: pos, inToc: tocTitle !== null, tocTitle: tocTitle && tocTitle !== it.title ? tocTitle : null })
            .run();
          tx.insert(auditLog)
            .values({ actorId: actor?.id ?? null, actorName: actor?.displayName ?? "系统", entity: "item", entityId: item.id, action: "import", toState: "published", detail: checkAuditEvent("item", "import", { issueId: issue.id, origin }) })
            .run();
          report.items++;
        });
      });
    // The frozen archive: a past issue is final (never 草稿), and exports render exactly this.
    const frozen: BulletinDocument = {
      ...doc,
      sections: doc.sections.map((s, i) => ({ ...s, items: s.items.map((it, k) => ({ ...it, id: itemIds[i][k] })) })),
      draft: false,
    };
    tx.insert(issueEditions)
      .values({ issueId: issue.id, revision: 1, kind: "import", document: frozen, fingerprint: bulletinFingerprint(frozen), note: origin, createdById: actor?.id ?? null, createdByName: actor?.displayName ?? "系统" })
      .run();
    tx.insert(auditLog)
      .values({
        actorId: actor?.id ?? null,
        actorName: actor?.displayName ?? "系统",
        entity: "issue",
        entityId: issue.id,
        action: "import",
        toState: "distributed",
        detail: checkAuditEvent("issue", "import", { origin, items: report.items, unitsCreated: report.unitsCreated }),
      })
      .run();
  });
  return report;
}
