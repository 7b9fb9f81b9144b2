import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { items, units, users } from "@/db/schema";
import { loadActor, verifyLogin } from "@/lib/auth/users";
import { demoActor, errorCode, itemFields } from "@/lib/testing/fixtures";
import { confirmUnit, createUnit, listUnits, mergeUnit, setUnitActive, updateUnit } from "./admin";
import { AppError } from "./errors";
import { createItem, submitItem } from "./items";

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
