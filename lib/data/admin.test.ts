import bcrypt from "bcryptjs";
import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, catalogueSections, issues, items, units, users } from "@/db/schema";
import { loadActor, verifyLogin } from "@/lib/auth/users";
import { demoActor, errorCode, itemFields } from "@/lib/testing/fixtures";
import {
  addSection,
  confirmUnit,
  createUnit,
  createUser,
  listUnits,
  listUsers,
  mergeUnit,
  moveSection,
  publicationSettings,
  removeSection,
  renameSection,
  resetPassword,
  setSectionActive,
  setUnitActive,
  setUserActive,
  updatePublication,
  updateUnit,
  updateUser,
} from "./admin";
import { arrangeIssue } from "./arrange";
import { AppError } from "./errors";
import { listInbox } from "./inbox";
import { approveIssue, createIssue, exportIssue, loadBulletin, proposeNextIssue, sendToReview } from "./issues";
import { createItem, decideItem, submitItem } from "./items";
import { voidedApproval } from "./review";

const admin = () => demoActor("admin");

/** Everything an admin function may write, so a refused call can be shown to change nothing. */
function snapshot() {
  const q = (sql: string) => db.$client.prepare(sql).all();
  return JSON.stringify({
    units: q("select * from units order by id"),
    users: q("select * from users order by id"),
    roles: q("select * from user_roles order by user_id, role"),
    items: q("select id, unit_id from items order by id"),
    pubs: q("select * from publications order by id"),
    sections: q("select * from catalogue_sections order by id"),
    audit: q("select count(*) n from audit_log"),
  });
}

function refused(fn: () => unknown): { code: string; field?: string; params?: Record<string, unknown> } {
  const before = snapshot();
  let out: { code: string; field?: string; params?: Record<string, unknown> } = { code: "no error" };
  try {
    fn();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    out = { code: e.code, field: e.field, params: e.params };
  }
  expect(snapshot(), "a refused call changed nothing").toBe(before);
  return out;
}

function lastAudit() {
  return db.$client.prepare("select * from audit_log order by id desc limit 1").get() as { action: string; entity: string; entity_id: number; actor_id: number; detail: string };
}

const stamp = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

describe("units", () => {
  it("adds, renames, re-kinds, deactivates and reactivates a unit, logging each", () => {
    const u = createUnit(admin(), { name: `  测试区科协${stamp()} `, kind: "district" });
    expect(u.name).toMatch(/^测试区科协\d+$/);
    expect(lastAudit()).toMatchObject({ entity: "unit", entity_id: u.id, action: "unit_created" });

    const renamed = updateUnit(admin(), { id: u.id, name: `${u.name}（新）`, kind: "society" });
    expect(renamed).toMatchObject({ name: `${u.name}（新）`, kind: "society" });
    expect(lastAudit().action).toBe("unit_updated");

    expect(setUnitActive(admin(), { id: u.id, active: false }).active).toBe(false);
    expect(lastAudit().action).toBe("unit_deactivated");
    expect(setUnitActive(admin(), { id: u.id, active: true }).active).toBe(true);
    expect(lastAudit().action).toBe("unit_reactivated");
    expect(listUnits(admin()).find((x) => x.id === u.id)).toMatchObject({ active: true, itemCount: 0, userCount: 0 });
  });

  it("refuses non-admins, bad input and duplicate names, changing nothing", () => {
    const taken = createUnit(admin(), { name: `重名学会${stamp()}`, kind: "society" });
    for (const who of ["editor", "reviewer", "office", "changping"]) {
      expect(refused(() => createUnit(demoActor(who), { name: `越权${stamp()}`, kind: "district" })).code).toBe("forbidden");
      expect(refused(() => setUnitActive(demoActor(who), { id: taken.id, active: false })).code).toBe("forbidden");
      expect(errorCode(() => listUnits(demoActor(who)))).toBe("forbidden");
    }
    expect(refused(() => createUnit(admin(), { name: "   ", kind: "district" }))).toMatchObject({ code: "invalid", field: "name", params: { code: "unit_name_required" } });
    expect(refused(() => createUnit(admin(), { name: "单".repeat(61), kind: "district" }))).toMatchObject({ field: "name", params: { code: "unit_name_too_long" } });
    expect(refused(() => createUnit(admin(), { name: `x${stamp()}`, kind: "planet" as never }))).toMatchObject({ code: "invalid", field: "kind" });
    expect(refused(() => createUnit(admin(), { name: taken.name, kind: "district" }))).toMatchObject({ code: "name_taken", field: "name" });
    expect(refused(() => updateUnit(admin(), { id: taken.id, name: "昌平区科协", kind: "district" }))).toMatchObject({ code: "name_taken", field: "name" });
    // The same name typed with an ideographic or an ordinary space inside is the same unit.
    expect(refused(() => createUnit(admin(), { name: "昌平区\u3000科协", kind: "district" }))).toMatchObject({ code: "name_taken", field: "name" });
    expect(refused(() => createUnit(admin(), { name: "昌平区 科协", kind: "district" }))).toMatchObject({ code: "name_taken", field: "name" });
    expect(refused(() => updateUnit(admin(), { id: 999999, name: `x${stamp()}`, kind: "district" })).code).toBe("not_found");
    expect(refused(() => createUnit(admin(), { name: `x${stamp()}`, kind: "district", active: false } as never)).code).toBe("invalid");
  });

  it("an inactive unit's contributors cannot log in, act, or submit", async () => {
    const unit = db.select().from(units).where(eq(units.name, "昌平区科协")).get();
    if (!unit) throw new Error("demo unit missing");
    const before = demoActor("changping");
    const draft = createItem(before, itemFields(`停用前的草稿${stamp()}`));
    setUnitActive(admin(), { id: unit.id, active: false });
    try {
      expect(loadActor(before.id)).toBeNull();
      await expect(verifyLogin("changping", "jianbao2026", "test-unit-off")).rejects.toMatchObject({ code: "invalid_credentials" });
      // Even with an actor loaded before the unit was deactivated, the data layer refuses.
      expect(errorCode(() => submitItem(before, { id: draft.id, version: draft.version }))).toBe("forbidden");
      expect(errorCode(() => createItem(before, itemFields("停用后的稿件")))).toBe("forbidden");
      expect(db.select().from(items).where(eq(items.id, draft.id)).get()?.status).toBe("draft");
    } finally {
      setUnitActive(admin(), { id: unit.id, active: true });
    }
    expect(loadActor(before.id)?.roles).toEqual(["contributor"]);
    expect(submitItem(demoActor("changping"), { id: draft.id, version: draft.version }).status).toBe("submitted");
  });

  it("a user holding another role keeps it when their unit is deactivated", () => {
    const unit = createUnit(admin(), { name: `双角色单位${stamp()}`, kind: "district" });
    const u = db.insert(users).values({ username: `dual${stamp()}`, displayName: "双角色", passwordHash: bcrypt.hashSync("x", 4), unitId: unit.id }).returning().get();
    db.$client.prepare("insert into user_roles (user_id, role) values (?, 'contributor'), (?, 'editor')").run(u.id, u.id);
    setUnitActive(admin(), { id: unit.id, active: false });
    expect(loadActor(u.id)?.roles).toEqual(["editor"]);
  });

  describe("imported units to review", () => {
    const imported = (name: string) => db.insert(units).values({ name, kind: "other", needsReview: true }).returning().get();

    it("confirms an imported unit as a real one", () => {
      const u = imported(`导入学会${stamp()}`);
      expect(listUnits(admin()).find((x) => x.id === u.id)?.needsReview).toBe(true);
      expect(confirmUnit(admin(), { id: u.id }).needsReview).toBe(false);
      expect(lastAudit()).toMatchObject({ action: "unit_confirmed", entity_id: u.id });
      expect(refused(() => confirmUnit(admin(), { id: u.id })).code).toBe("not_allowed_now");
    });

    it("merges an imported unit into an existing one: items and users move, the unit goes, one log row", () => {
      const target = db.select().from(units).where(eq(units.name, "东城区科协")).get();
      if (!target) throw new Error("demo unit missing");
      const src = imported(`东城科协${stamp()}`);
      const author = demoActor("dongcheng");
      const itemId = db
        .insert(items)
        .values({ ...itemFields("导入的稿件"), publicationId: 1, unitId: src.id, authorId: null, status: "published" })
        .returning()
        .get().id;
      const userId = db.insert(users).values({ username: `imp${stamp()}`, displayName: "导入用户", passwordHash: "x", unitId: src.id }).returning().get().id;

      const res = mergeUnit(admin(), { id: src.id, targetId: target.id });
      expect(res).toMatchObject({ items: 1, users: 1 });
      expect(db.select().from(units).where(eq(units.id, src.id)).get()).toBeUndefined();
      expect(db.select().from(items).where(eq(items.id, itemId)).get()?.unitId).toBe(target.id);
      expect(db.select().from(users).where(eq(users.id, userId)).get()?.unitId).toBe(target.id);
      const log = lastAudit();
      expect(log).toMatchObject({ action: "unit_merged", entity_id: target.id, actor_id: admin().id });
      expect(JSON.parse(log.detail)).toMatchObject({ from: src.name, items: [itemId], users: [userId] });
      // The target unit's contributor now sees the merged item as their unit's.
      expect(author.unitId).toBe(target.id);
    });

    it("refuses merging into itself, into nothing, a unit that was not imported, or by a non-admin", () => {
      const src = imported(`待并入${stamp()}`);
      const target = db.select().from(units).where(eq(units.name, "东城区科协")).get();
      if (!target) throw new Error("demo unit missing");
      expect(refused(() => mergeUnit(admin(), { id: src.id, targetId: src.id }))).toMatchObject({ code: "merge_same", field: "targetId" });
      expect(refused(() => mergeUnit(admin(), { id: src.id, targetId: undefined as never }))).toMatchObject({ code: "invalid", field: "targetId", params: { code: "merge_target_required" } });
      expect(refused(() => mergeUnit(admin(), { id: src.id, targetId: 999999 })).code).toBe("not_found");
      expect(refused(() => mergeUnit(admin(), { id: target.id, targetId: src.id })).code).toBe("not_allowed_now");
      expect(refused(() => mergeUnit(demoActor("editor"), { id: src.id, targetId: target.id })).code).toBe("forbidden");
      expect(refused(() => confirmUnit(demoActor("office"), { id: src.id })).code).toBe("forbidden");
    });
  });
});

describe("users", () => {
  const unitId = () => db.select().from(units).where(eq(units.name, "昌平区科协")).get()?.id ?? 0;
  const hashOf = (id: number) => db.select({ h: users.passwordHash }).from(users).where(eq(users.id, id)).get()?.h ?? "";

  it("creates a contributor with a hashed password who can then log in, and never returns the hash", async () => {
    const name = `u${stamp()}`;
    const u = createUser(admin(), { username: name, displayName: " 新报送员 ", password: "secret-pass", roles: ["contributor", "contributor"], unitId: unitId() });
    expect(u).toEqual({ id: u.id, username: name, displayName: "新报送员", email: null, unitId: unitId(), active: true, roles: ["contributor"] });
    expect(JSON.stringify(u)).not.toContain("$2");
    expect(hashOf(u.id)).toMatch(/^\$2[aby]\$/);
    expect(bcrypt.compareSync("secret-pass", hashOf(u.id))).toBe(true);
    expect(lastAudit()).toMatchObject({ entity: "user", entity_id: u.id, action: "user_created" });
    expect(lastAudit().detail).not.toContain("secret-pass");
    expect((await verifyLogin(name, "secret-pass", "test-create")).unitId).toBe(unitId());
    for (const row of listUsers(admin())) expect(Object.keys(row)).not.toContain("passwordHash");
  });

  it("creates a user with several roles and no unit when none is a contributor", () => {
    const u = createUser(admin(), { username: `eo${stamp()}`, displayName: "编辑兼办公室", password: "12345678", roles: ["editor", "office"], unitId: null });
    expect(u.roles.sort()).toEqual(["editor", "office"]);
  });

  it("edits roles, unit and name; resets the password; deactivates and reactivates", async () => {
    const name = `e${stamp()}`;
    const u = createUser(admin(), { username: name, displayName: "甲", password: "first-pass", roles: ["contributor"], unitId: unitId() });
    const edited = updateUser(admin(), { id: u.id, displayName: "乙", roles: ["editor", "reviewer"], unitId: null });
    expect(edited).toMatchObject({ displayName: "乙", unitId: null });
    expect(edited.roles.sort()).toEqual(["editor", "reviewer"]);
    expect(loadActor(u.id)?.roles.sort()).toEqual(["editor", "reviewer"]);
    expect(lastAudit().action).toBe("user_updated");

    const oldHash = hashOf(u.id);
    expect(JSON.stringify(resetPassword(admin(), { id: u.id, password: "second-pass" }))).not.toContain("$2");
    expect(hashOf(u.id)).not.toBe(oldHash);
    expect(lastAudit()).toMatchObject({ action: "password_reset", detail: null });
    await expect(verifyLogin(name, "first-pass", "test-reset")).rejects.toMatchObject({ code: "invalid_credentials" });
    expect((await verifyLogin(name, "second-pass", "test-reset")).id).toBe(u.id);

    expect(setUserActive(admin(), { id: u.id, active: false }).active).toBe(false);
    expect(lastAudit().action).toBe("user_deactivated");
    expect(loadActor(u.id)).toBeNull();
    await expect(verifyLogin(name, "second-pass", "test-off")).rejects.toMatchObject({ code: "invalid_credentials" });
    expect(setUserActive(admin(), { id: u.id, active: true }).active).toBe(true);
    expect(loadActor(u.id)).not.toBeNull();
  });

  it("refuses bad input with the field it concerns, changing nothing", () => {
    const ok = { username: `b${stamp()}`, displayName: "丙", password: "12345678", roles: ["contributor" as const], unitId: unitId() };
    const field = (over: Record<string, unknown>) => refused(() => createUser(admin(), { ...ok, ...over } as never));
    expect(field({ password: "1234567" })).toMatchObject({ code: "invalid", field: "password", params: { code: "password_too_short" } });
    expect(field({ username: "" })).toMatchObject({ field: "username", params: { code: "username_required" } });
    expect(field({ username: "有 空格" })).toMatchObject({ field: "username", params: { code: "username_invalid" } });
    expect(field({ displayName: "  " })).toMatchObject({ field: "displayName", params: { code: "display_name_required" } });
    expect(field({ roles: [] })).toMatchObject({ field: "roles", params: { code: "roles_required" } });
    expect(field({ roles: ["superuser"] })).toMatchObject({ field: "roles" });
    expect(field({ unitId: null })).toMatchObject({ code: "unit_required", field: "unitId" });
    expect(field({ unitId: 999999 })).toMatchObject({ code: "not_found", field: "unitId" });
    expect(field({ username: "editor" })).toMatchObject({ code: "username_taken", field: "username" });
    expect(field({ passwordHash: "x" })).toMatchObject({ code: "invalid" });
    const changping = demoActor("changping");
    expect(refused(() => updateUser(admin(), { id: changping.id, displayName: "刘明", roles: ["contributor"], unitId: null }))).toMatchObject({ code: "unit_required" });
    expect(refused(() => resetPassword(admin(), { id: changping.id, password: "short" }))).toMatchObject({ field: "password" });
    expect(refused(() => updateUser(admin(), { id: 999999, displayName: "x", roles: ["editor"], unitId: null })).code).toBe("not_found");
  });

  it("refuses non-admins", () => {
    const target = demoActor("changping");
    for (const who of ["editor", "reviewer", "office", "changping"]) {
      const a = demoActor(who);
      expect(refused(() => createUser(a, { username: `x${stamp()}`, displayName: "x", password: "12345678", roles: ["admin"], unitId: null })).code).toBe("forbidden");
      expect(refused(() => updateUser(a, { id: a.id, displayName: "x", roles: ["admin"], unitId: null })).code).toBe("forbidden");
      expect(refused(() => resetPassword(a, { id: target.id, password: "12345678" })).code).toBe("forbidden");
      expect(refused(() => setUserActive(a, { id: target.id, active: false })).code).toBe("forbidden");
      expect(errorCode(() => listUsers(a))).toBe("forbidden");
    }
  });

  it("an admin cannot remove their own admin role or deactivate themselves", () => {
    const me = admin();
    expect(refused(() => updateUser(me, { id: me.id, displayName: me.displayName, roles: ["editor"], unitId: null }))).toMatchObject({ code: "self_lockout", field: "roles" });
    expect(refused(() => setUserActive(me, { id: me.id, active: false })).code).toBe("self_lockout");
    // Adding a role to oneself is fine.
    expect(updateUser(me, { id: me.id, displayName: me.displayName, roles: ["admin", "office"], unitId: null }).roles.sort()).toEqual(["admin", "office"]);
    updateUser(me, { id: me.id, displayName: me.displayName, roles: ["admin"], unitId: null });
  });
});

describe("publication settings", () => {
  const settings = {
    title: "科协每周动态",
    office: "北京市科协办公室",
    mailbox: "skxxxbs@bast.net.cn",
    defaultEditorName: "张红波",
    defaultReviewerName: "李金涛",
    distribution: ["市科协驻会领导", "机关各部门及事业单位"],
    signoffLevels: 1 as const,
  };

  it("saves the settings, logs what changed, and new issues take the defaults", () => {
    const saved = updatePublication(admin(), { ...settings, defaultEditorName: " 赵编辑 ", distribution: ["  市科协驻会领导 ", "", "各区科协"] });
    expect(saved).toMatchObject({ defaultEditorName: "赵编辑", distribution: ["市科协驻会领导", "各区科协"] });
    expect(publicationSettings(admin()).publication).toEqual({ ...settings, defaultEditorName: "赵编辑", distribution: ["市科协驻会领导", "各区科协"] });
    const log = lastAudit();
    expect(log).toMatchObject({ entity: "publication", action: "publication_updated" });
    expect(Object.keys(JSON.parse(log.detail)).sort()).toEqual(["defaultEditorName", "distribution"]);
    const editor = demoActor("editor");
    const issue = createIssue(editor, { ...proposeNextIssue(editor, "2026-12-01"), number: 81, totalNumber: 981 });
    expect(issue).toMatchObject({ editorName: "赵编辑", distribution: ["市科协驻会领导", "各区科协"], mailbox: settings.mailbox });
    expect(updatePublication(admin(), { ...settings, mailbox: "" }).mailbox).toBe("");
    updatePublication(admin(), settings);
  });

  it("refuses bad settings with the field, and non-admins, changing nothing", () => {
    const bad = (over: Record<string, unknown>) => refused(() => updatePublication(admin(), { ...settings, ...over } as never));
    expect(bad({ title: " " })).toMatchObject({ field: "title", params: { code: "pub_title_required" } });
    expect(bad({ office: "" })).toMatchObject({ field: "office", params: { code: "office_required" } });
    expect(bad({ mailbox: "不是邮箱" })).toMatchObject({ field: "mailbox", params: { code: "invalid_email" } });
    expect(bad({ distribution: ["甲".repeat(101)] })).toMatchObject({ field: "distribution" });
    expect(bad({ totalNumberOffset: 5 })).toMatchObject({ code: "invalid" });
    for (const who of ["editor", "reviewer", "office", "changping"]) {
      expect(refused(() => updatePublication(demoActor(who), settings)).code).toBe("forbidden");
      expect(errorCode(() => publicationSettings(demoActor(who)))).toBe("forbidden");
    }
  });

  it("a title change voids an approved issue's approval in the settings write itself, logged there; reads and exports before it void nothing", () => {
    const editor = demoActor("editor");
    const reviewer = demoActor("reviewer");
    const itemId = listInbox(editor, { status: "submitted" }).rows[0].id;
    const item = db.select().from(items).where(eq(items.id, itemId)).get();
    if (!item) throw new Error("no submitted item");
    decideItem(editor, { id: itemId, version: item.version, decision: "accept", note: "" });
    let issue = createIssue(editor, { ...proposeNextIssue(editor, "2026-12-08"), number: 82, totalNumber: 982 });
    issue = arrangeIssue(editor, { issueId: issue.id, version: issue.version, change: { op: "place", itemId, sectionTitle: "基层动态", inToc: true } });
    issue = sendToReview(editor, { issueId: issue.id, version: issue.version });
    approveIssue(reviewer, { issueId: issue.id, version: issue.version, fingerprint: loadBulletin(issue.id).fingerprint });
    exportIssue(demoActor("office"), issue.id, "txt");
    expect(db.select().from(issues).where(eq(issues.id, issue.id)).get()?.status).toBe("approved");

    updatePublication(admin(), { ...settings, title: "科协工作动态" });
    try {
      expect(loadBulletin(issue.id).doc.masthead.title).toBe("科协工作动态");
      expect(db.select().from(issues).where(eq(issues.id, issue.id)).get()?.status).toBe("drafting");
      // The void row is the settings write's own: same actor, right after publication_updated.
      const rows = db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(2).all();
      expect(rows.map((r) => [r.entity, r.action, r.actorName])).toEqual([
        ["issue", "void", admin().displayName],
        ["publication", "publication_updated", admin().displayName],
      ]);
      expect(voidedApproval(editor, issue.id)).toMatchObject({ how: "void", approvedBy: reviewer.displayName });
    } finally {
      updatePublication(admin(), settings);
    }
  });
});

describe("section catalogue", () => {
  const titles = () => publicationSettings(admin()).sections.map((s) => s.title);

  it("adds at the end, renames, and moves up and down", () => {
    const name = `新栏目${stamp()}`.slice(0, 20);
    const s = addSection(admin(), { title: ` ${name} ` });
    expect(titles().at(-1)).toBe(name);
    expect(lastAudit()).toMatchObject({ entity: "publication", action: "section_added" });
    const renamed = renameSection(admin(), { id: s.id, title: "改名栏目" });
    expect(renamed.title).toBe("改名栏目");
    const before = titles();
    moveSection(admin(), { id: s.id, direction: "up" });
    expect(titles()).toEqual([...before.slice(0, -2), "改名栏目", before.at(-2)]);
    expect(lastAudit().action).toBe("section_moved");
    moveSection(admin(), { id: s.id, direction: "down" });
    expect(titles()).toEqual(before);
    // Moving past either end is a no-op.
    const n = lastAudit();
    moveSection(admin(), { id: s.id, direction: "down" });
    expect(titles()).toEqual(before);
    expect(lastAudit()).toEqual(n);
    const firstId = publicationSettings(admin()).sections[0].id;
    moveSection(admin(), { id: firstId, direction: "up" });
    expect(titles()).toEqual(before);
  });

  it("removes an unused section, and only hides one in use", () => {
    const unused = addSection(admin(), { title: `未用${stamp()}`.slice(0, 20) });
    expect(removeSection(admin(), { id: unused.id })).toEqual({ removed: true });
    expect(db.select().from(catalogueSections).where(eq(catalogueSections.id, unused.id)).get()).toBeUndefined();
    expect(lastAudit().action).toBe("section_removed");

    const used = publicationSettings(admin()).sections.find((s) => s.title === "基层动态");
    expect(used?.used).toBe(true);
    if (!used) throw new Error("基层动态 missing");
    expect(removeSection(admin(), { id: used.id })).toEqual({ removed: false });
    expect(db.select().from(catalogueSections).where(eq(catalogueSections.id, used.id)).get()?.active).toBe(false);
    expect(lastAudit().action).toBe("section_hidden");
    expect(setSectionActive(admin(), { id: used.id, active: true }).active).toBe(true);
    expect(lastAudit().action).toBe("section_shown");
  });

  it("refuses empty, long, bracketed and duplicate names, unknown ids and non-admins, changing nothing", () => {
    const some = publicationSettings(admin()).sections[0];
    expect(refused(() => addSection(admin(), { title: " " }))).toMatchObject({ field: "title", params: { code: "section_title_required" } });
    expect(refused(() => addSection(admin(), { title: "栏".repeat(21) }))).toMatchObject({ field: "title", params: { code: "section_title_too_long" } });
    expect(refused(() => addSection(admin(), { title: "【科普工作】" }))).toMatchObject({ field: "title", params: { code: "section_title_brackets" } });
    expect(refused(() => addSection(admin(), { title: some.title }))).toMatchObject({ code: "name_taken", field: "title" });
    const other = publicationSettings(admin()).sections[1];
    expect(refused(() => renameSection(admin(), { id: some.id, title: other.title }))).toMatchObject({ code: "name_taken", field: "title" });
    expect(refused(() => removeSection(admin(), { id: 999999 })).code).toBe("not_found");
    expect(refused(() => moveSection(admin(), { id: some.id, direction: "left" as never })).code).toBe("invalid");
    for (const who of ["editor", "office", "changping"]) {
      const a = demoActor(who);
      expect(refused(() => addSection(a, { title: "越权栏目" })).code).toBe("forbidden");
      expect(refused(() => renameSection(a, { id: some.id, title: "越权栏目" })).code).toBe("forbidden");
      expect(refused(() => moveSection(a, { id: some.id, direction: "down" })).code).toBe("forbidden");
      expect(refused(() => removeSection(a, { id: some.id })).code).toBe("forbidden");
      expect(refused(() => setSectionActive(a, { id: some.id, active: false })).code).toBe("forbidden");
    }
  });
});
