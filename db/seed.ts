import bcrypt from "bcryptjs";
import { sql } from "drizzle-orm";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseBulletinText } from "@/lib/bulletin/parse-text";
import { paragraphsToDoc } from "@/lib/editor/schema";
import { demoItems } from "./demo-items";
import { writeImportedIssue } from "./import-issue";
import type { Db } from "./open";
import { auditLog, catalogueSections, itemRevisions, items, publications, units, userRoles, users, type Role, type UnitKind } from "./schema";

export const DEMO_PASSWORD = "jianbao2026";

/** Demo logins, listed in the README. */
export const DEMO_USERS: { username: string; displayName: string; roles: Role[]; unit?: string }[] = [
  { username: "admin", displayName: "系统管理员", roles: ["admin"] },
  { username: "editor", displayName: "张红波", roles: ["editor"] },
  { username: "reviewer", displayName: "李金涛", roles: ["reviewer"] },
  { username: "signer", displayName: "周建国", roles: ["signer"] },
  { username: "office", displayName: "王晓燕", roles: ["office"] },
  { username: "changping", displayName: "刘明", roles: ["contributor"], unit: "昌平区科协" },
  { username: "dongcheng", displayName: "陈静", roles: ["contributor"], unit: "东城区科协" },
];

export const DEMO_SECTIONS = ["主题教育", "科学家精神", "科创工作", "科普工作", "科技交流", "学术交流", "人才培育", "国际科技交流", "基层动态"];

export const DEMO_DISTRIBUTION = [
  "市科协第十届委员会主席、副主席、常委、委员",
  "市科协驻会领导",
  "市学会、基金会，区科协，基层组织",
  "机关各部门及事业单位",
];

function unitKind(name: string): UnitKind {
  if (/区科协$/.test(name)) return "district";
  if (/学会$|协会$/.test(name)) return "society";
  if (/中心$/.test(name)) return "institution";
  return "other";
}

/** The three real past issues (samples/bulletins), imported on first start as the archive. */
export const SAMPLES_DIR = path.join(process.cwd(), "db", "samples");

/**
 * Loads the demo publication, units, users and submitted items into an empty database, then
 * imports the sample issues into the archive through the same writer as the office's import.
 */
export function seedDemo(db: Db): boolean {
  const existing = db.select({ n: sql<number>`count(*)` }).from(publications).get();
  if (existing && existing.n > 0) return false;
  db.transaction((tx) => {
    const pub = tx
      .insert(publications)
      .values({
        title: "科协每周动态",
        office: "北京市科协办公室",
        mailbox: "skxxxbs@bast.net.cn",
        distribution: DEMO_DISTRIBUTION,
        defaultEditorName: "张红波",
        defaultReviewerName: "李金涛",
        // The samples end at 2023 第25期 = 总第78期: the first issue made here continues from there.
        totalNumberOffset: 78,
        demo: true,
      })
      .returning()
      .get();
    const sectionIds = new Map<string, number>();
    DEMO_SECTIONS.forEach((title, position) => {
      const s = tx.insert(catalogueSections).values({ publicationId: pub.id, title, position }).returning().get();
      sectionIds.set(title, s.id);
    });
    const unitIds = new Map<string, number>();
    const unitNames = [...new Set(["北京市科协办公室", ...demoItems.map((i) => i.unit), ...DEMO_USERS.flatMap((u) => (u.unit ? [u.unit] : []))])];
    for (const name of unitNames) {
      const u = tx
        .insert(units)
        .values({ name, kind: name === "北京市科协办公室" ? "office" : unitKind(name) })
        .returning()
        .get();
      unitIds.set(name, u.id);
    }
    const userIds = new Map<string, number>();
    for (const d of DEMO_USERS) {
      const u = tx
        .insert(users)
        .values({
          username: d.username,
          displayName: d.displayName,
          passwordHash: bcrypt.hashSync(DEMO_PASSWORD, 10),
          unitId: d.unit ? unitIds.get(d.unit) : unitIds.get("北京市科协办公室"),
        })
        .returning()
        .get();
      for (const role of d.roles) tx.insert(userRoles).values({ userId: u.id, role }).run();
      userIds.set(d.unit ?? d.username, u.id);
    }
    const base = Date.now() - demoItems.length * 3600_000;
    demoItems.forEach((d, i) => {
      const body = paragraphsToDoc(d.paragraphs);
      const at = new Date(base + i * 3600_000);
      const authorId = userIds.get(d.unit) ?? null;
      const item = tx
        .insert(items)
        .values({
          publicationId: pub.id,
          unitId: unitIds.get(d.unit) as number,
          authorId,
          title: d.title,
          body,
          source: d.unit,
          suggestedSectionId: sectionIds.get(d.section) ?? null,
          eventDate: d.eventDate,
          status: "submitted",
          version: 2,
          submittedAt: at,
          createdAt: at,
          updatedAt: at,
        })
        .returning()
        .get();
      const rev = tx
        .insert(itemRevisions)
        .values({ itemId: item.id, version: 2, kind: "submission", title: d.title, body, source: d.unit, authorId, createdAt: at })
        .returning()
        .get();
      tx.update(items).set({ submittedRevisionId: rev.id }).where(sql`id = ${item.id}`).run();
      tx.insert(auditLog)
        .values({ at, actorId: authorId, actorName: authorId ? "报送员" : d.unit, entity: "item", entityId: item.id, action: "submit", fromState: "draft", toState: "submitted" })
        .run();
    });
  });
  for (const file of readdirSync(SAMPLES_DIR).filter((f) => f.endsWith(".txt")).sort()) {
    writeImportedIssue(db, null, parseBulletinText(readFileSync(path.join(SAMPLES_DIR, file), "utf8")), file);
  }
  return true;
}
