import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { units, users } from "@/db/schema";
import { demoActor, errorCode } from "@/lib/testing/fixtures";
import { createUser, listUsers, updateUser } from "./admin";

const admin = () => demoActor("admin");
const unitId = () => db.select().from(units).where(eq(units.name, "昌平区科协")).get()?.id ?? 0;
const emailOf = (id: number) => db.select({ email: users.email }).from(users).where(eq(users.id, id)).get()?.email;
const lastAudit = (action: string) =>
  JSON.parse((db.$client.prepare("select detail from audit_log where action = ? order by id desc limit 1").get(action) as { detail: string }).detail) as Record<string, unknown>;

describe("a user's e-mail address (where reminder e-mails go) is kept by the admin", () => {
  it("is set when the user is created, shown in the list, changed, kept when left out, cleared with an empty field, and logged", () => {
    const u = createUser(admin(), { username: `mail${Date.now()}`, displayName: "邮件报送员", email: " liu@example.org ", password: "secret-pass", roles: ["contributor"], unitId: unitId() });
    expect(emailOf(u.id)).toBe("liu@example.org");
    expect(u.email).toBe("liu@example.org");
    expect(lastAudit("user_created")).toMatchObject({ email: "liu@example.org" });
    expect(listUsers(admin()).find((r) => r.id === u.id)?.email).toBe("liu@example.org");

    updateUser(admin(), { id: u.id, displayName: "邮件报送员", email: "new@example.org", roles: ["contributor"], unitId: unitId() });
    expect(emailOf(u.id)).toBe("new@example.org");
    expect(lastAudit("user_updated")).toMatchObject({ from: { email: "liu@example.org" }, to: { email: "new@example.org" } });
    updateUser(admin(), { id: u.id, displayName: "改名", roles: ["contributor"], unitId: unitId() });
    expect(emailOf(u.id)).toBe("new@example.org");
    updateUser(admin(), { id: u.id, displayName: "改名", email: "", roles: ["contributor"], unitId: unitId() });
    expect(emailOf(u.id)).toBeNull();
  });

  it("a malformed address is refused and changes nothing; only the admin sets it", () => {
    const u = createUser(admin(), { username: `mail2${Date.now()}`, displayName: "乙", email: "", password: "secret-pass", roles: ["contributor"], unitId: unitId() });
    expect(emailOf(u.id)).toBeNull();
    for (const bad of ["不是邮箱", "a@", "a b@example.org", "x@example.org\u202E"]) {
      expect(errorCode(() => updateUser(admin(), { id: u.id, displayName: "乙", email: bad, roles: ["contributor"], unitId: unitId() }))).toBe("invalid");
    }
    expect(errorCode(() => createUser(admin(), { username: `mail3${Date.now()}`, displayName: "丙", email: "@@", password: "secret-pass", roles: ["contributor"], unitId: unitId() }))).toBe("invalid");
    expect(emailOf(u.id)).toBeNull();
    expect(errorCode(() => updateUser(demoActor("office"), { id: u.id, displayName: "乙", email: "x@example.org", roles: ["contributor"], unitId: unitId() }))).toBe("forbidden");
  });
});
