import type { JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { liftLoginThrottle, resetPassword, setUserActive, updateUser } from "@/lib/data/admin";
import { listAudit } from "@/lib/data/audit-log";
import { demoActor, errorCode } from "@/lib/testing/fixtures";
import { clientIp } from "./client-ip";
import { authOptions } from "./options";
import { retryAfter, throttleKeys } from "./throttle";
import { changeOwnPassword, LoginError, verifyLogin } from "./users";

/** The JWT the real next-auth callbacks make at sign-in, and what they make of it on a later request. */
async function signIn(username: string): Promise<JWT> {
  const actor = demoActor(username);
  return (await authOptions.callbacks!.jwt!({ token: {}, user: { id: String(actor.id) }, account: null } as never)) as JWT;
}
async function later(token: JWT): Promise<number | undefined> {
  const next = (await authOptions.callbacks!.jwt!({ token } as never)) as JWT;
  const session = (await authOptions.callbacks!.session!({ session: { expires: "x" }, token: next } as never)) as { userId?: number };
  return session.userId;
}

describe("sessions end when they should (real next-auth callbacks, real database)", () => {
  const admin = demoActor("admin");

  it("sign-out ends every session of the user", async () => {
    const a = await signIn("editor");
    const b = await signIn("editor");
    expect(await later(a)).toBe(demoActor("editor").id);
    await authOptions.events!.signOut!({ token: a } as never);
    expect(await later(a)).toBeUndefined();
    expect(await later(b)).toBeUndefined();
    expect(await later(await signIn("editor"))).toBe(demoActor("editor").id);
  });

  it("a password reset ends sessions and must be changed at first login; changing it ends them again", async () => {
    const t = await signIn("dongcheng");
    const id = demoActor("dongcheng").id;
    resetPassword(admin, { id, password: "chongzhi-2026" });
    expect(await later(t)).toBeUndefined();
    await expect(verifyLogin("dongcheng", "jianbao2026", "10.0.0.1")).rejects.toBeInstanceOf(LoginError);
    await verifyLogin("dongcheng", "chongzhi-2026", "10.0.0.1");
    const fresh = await signIn("dongcheng");
    const next = (await authOptions.callbacks!.jwt!({ token: fresh } as never)) as JWT;
    expect(next.mustChangePassword).toBe(true);
    await expect(changeOwnPassword(id, { current: "wrong-one", password: "ziji-de-2026", confirm: "ziji-de-2026" })).rejects.toMatchObject({ code: "wrong_password" });
    await changeOwnPassword(id, { current: "chongzhi-2026", password: "ziji-de-2026", confirm: "ziji-de-2026" });
    expect(await later(fresh)).toBeUndefined();
    const after = (await authOptions.callbacks!.jwt!({ token: await signIn("dongcheng") } as never)) as JWT;
    expect(after.mustChangePassword).toBe(false);
  });

  it("a role change and a deactivation end sessions; a display-name change does not", async () => {
    const u = demoActor("office");
    const t = await signIn("office");
    updateUser(admin, { id: u.id, displayName: "王晓燕（改名）", roles: ["office"], unitId: u.unitId });
    expect(await later(t)).toBe(u.id);
    updateUser(admin, { id: u.id, displayName: "王晓燕", roles: ["office", "reviewer"], unitId: u.unitId });
    expect(await later(t)).toBeUndefined();
    const t2 = await signIn("office");
    setUserActive(admin, { id: u.id, active: false });
    expect(await later(t2)).toBeUndefined();
    setUserActive(admin, { id: u.id, active: true });
  });

  it("passwords: 8 characters not all spaces, at most 72 bytes", () => {
    const id = demoActor("reviewer").id;
    for (const bad of ["short", "        ", "密码".repeat(13)]) expect(errorCode(() => resetPassword(admin, { id, password: bad }))).toBe("invalid");
    expect(errorCode(() => resetPassword(admin, { id, password: "密码".repeat(12) }))).toBe("no error");
  });
});

describe("failed logins slow down without locking the owner out", () => {
  it("a stranger elsewhere slows the account at most a minute; the owner's address is not blocked; the admin lifts it", async () => {
    // Twelve wrong passwords from one address, each after the wait of the one before.
    const waited = () => db.$client.prepare("update login_throttle set blocked_until = null").run();
    for (let i = 0; i < 12; i++) {
      await expect(verifyLogin("changping", "wrong", "198.51.100.7")).rejects.toBeInstanceOf(LoginError);
      waited();
    }
    await verifyLogin("changping", "wrong", "198.51.100.7").catch(() => undefined);
    // Meanwhile the stranger may not even try: the wait is the answer, not a check of the password.
    await expect(verifyLogin("changping", "jianbao2026", "198.51.100.7")).rejects.toMatchObject({ code: "throttled" });
    const strangerWait = retryAfter(throttleKeys("changping", "198.51.100.7"));
    const ownerWait = retryAfter(throttleKeys("changping", "10.1.1.1"));
    expect(strangerWait).toBeGreaterThan(60_000);
    expect(ownerWait).toBeLessThanOrEqual(60_000);
    // A correct password after the wait works (the wait is over when the counters say so).
    db.$client.prepare("update login_throttle set blocked_until = null where key like '%changping%'").run();
    await expect(verifyLogin("changping", "jianbao2026", "10.1.1.1")).resolves.toMatchObject({ username: "changping" });
    for (let i = 0; i < 12; i++) await verifyLogin("changping", "wrong", "198.51.100.7").catch(() => undefined);
    liftLoginThrottle(demoActor("admin"), { id: demoActor("changping").id });
    expect(retryAfter(throttleKeys("changping", "198.51.100.7").filter((k) => !k.startsWith("ip:")))).toBe(0);
    // Login names do not depend on case.
    await expect(verifyLogin("ChangPing", "jianbao2026", "10.1.1.2")).resolves.toMatchObject({ username: "changping" });
  });

  it("the client address comes from the connection; X-Forwarded-For only through trusted proxies", () => {
    process.env.JIANBAO_PEER_HEADER = "1";
    expect(clientIp({ "x-jianbao-peer": "198.51.100.9", "x-forwarded-for": "1.2.3.4" }, [])).toBe("198.51.100.9");
    expect(clientIp({ "x-jianbao-peer": "10.0.0.2", "x-forwarded-for": "1.2.3.4, 203.0.113.5" }, ["10.0.0.2"])).toBe("203.0.113.5");
    expect(clientIp({ "x-jianbao-peer": "::ffff:127.0.0.1" }, [])).toBe("127.0.0.1");
    delete process.env.JIANBAO_PEER_HEADER;
    expect(clientIp({ "x-jianbao-peer": "198.51.100.9", "x-forwarded-for": "1.2.3.4, 5.6.7.8" }, [])).toBe("unknown");
  });
});

describe("who sees the log", () => {
  it("logins and user administration are the admin's; the desk does not see unsent drafts", () => {
    const editor = demoActor("editor");
    const admin = demoActor("admin");
    expect(errorCode(() => listAudit(editor, { entity: "auth" }))).toBe("forbidden");
    expect(errorCode(() => listAudit(editor, { entity: "user" }))).toBe("forbidden");
    expect(listAudit(editor, {}).some((r) => r.entity === "auth" || r.entity === "user")).toBe(false);
    expect(listAudit(admin, { entity: "auth" }).length).toBeGreaterThan(0);
    const draft = db.$client.prepare("select id from items where status = 'draft' limit 1").get() as { id: number } | undefined;
    if (draft) expect(listAudit(editor, { entity: "item", entityId: draft.id })).toEqual([]);
  });
});
