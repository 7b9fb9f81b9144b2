// The app's whole surface, discovered from the source tree and the production build, and who may
// use each part of it. Used by matrix.spec.ts (role × action) and hostile.spec.ts (hostile inputs).
// A page, server action or route handler that is not listed here fails those tests: classify it.
import { type APIRequestContext, expect, request as pwRequest } from "@playwright/test";
import bcrypt from "bcryptjs";
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { E2E_DB } from "../../playwright.config";
import { PASSWORD } from "../users";

export type Role = "contributor" | "editor" | "reviewer" | "office" | "admin" | "signer";
/** Who may use something: roles, or "public" (anyone), "signed-in" (any account), "first-run" (nobody once an account exists). */
export type Who = Role | "public" | "signed-in" | "first-run";

/** Every role the matrix tries (add a role here and, if it has no demo login, it gets a test account). */
export const ROLES: Role[] = ["contributor", "editor", "reviewer", "office", "admin", "signer"];

/** The actors: one per role, two holding several roles, and a visitor. */
export const ACTORS: { name: string; roles: Role[]; username?: string }[] = [
  { name: "anonymous", roles: [] },
  ...ROLES.map((r) => ({ name: r, roles: [r] })),
  { name: "editor+reviewer", roles: ["editor", "reviewer"] as Role[] },
  { name: "contributor+office", roles: ["contributor", "office"] as Role[] },
];

/** Server actions (exported name → who may call them). */
export const ACTIONS: Record<string, Who[]> = {
  // contributor
  createItemAction: ["contributor"],
  autosaveItemAction: ["contributor"],
  submitItemAction: ["contributor"],
  withdrawItemAction: ["contributor"],
  deleteDraftAction: ["contributor"],
  latestItemAction: ["contributor"],
  updateItemAction: ["contributor", "editor"],
  // desk
  decideItemAction: ["editor"],
  decideItemsAction: ["editor"],
  createIssueAction: ["editor"],
  updateIssueMetaAction: ["editor"],
  arrangeAction: ["editor"],
  boardAction: ["editor"],
  sendToReviewAction: ["editor"],
  reopenIssueAction: ["editor"],
  publishCallAction: ["editor"],
  closeCallAction: ["editor"],
  remindNowAction: ["editor"],
  updateGuidanceAction: ["editor"],
  setTitleBreaksAction: ["editor"],
  // review
  addCommentAction: ["reviewer", "signer", "editor"],
  resolveCommentAction: ["reviewer", "editor"],
  approveIssueAction: ["reviewer"],
  returnIssueAction: ["reviewer", "signer"],
  signIssueAction: ["signer"],
  // office
  distributeIssueAction: ["office"],
  parseUploadAction: ["office", "admin"],
  importArchiveAction: ["office", "admin"],
  correctItemAction: ["office"],
  correctRegisterAction: ["office"],
  recordInstructionAction: ["office"],
  removeInstructionAction: ["office"],
  recordForwardAction: ["office"],
  removeForwardAction: ["office"],
  // admin
  createUnitAction: ["admin"],
  updateUnitAction: ["admin"],
  setUnitActiveAction: ["admin"],
  confirmUnitAction: ["admin"],
  mergeUnitAction: ["admin"],
  createUserAction: ["admin"],
  updateUserAction: ["admin"],
  resetPasswordAction: ["admin"],
  liftThrottleAction: ["admin"],
  setUserActiveAction: ["admin"],
  updatePublicationAction: ["admin"],
  addSectionAction: ["admin"],
  renameSectionAction: ["admin"],
  moveSectionAction: ["admin"],
  removeSectionAction: ["admin"],
  setSectionActiveAction: ["admin"],
  addAliasAction: ["admin"],
  removeAliasAction: ["admin"],
  updateNumberingAction: ["admin"],
  saveRulesAction: ["admin"],
  saveWordListEntryAction: ["admin"],
  deleteWordListEntryAction: ["admin"],
  // accounts
  changePasswordAction: ["signed-in"],
  firstRunAction: ["first-run"],
};

/** Pages (route pattern → who may open them). Dynamic segments are tried with id 1. */
export const PAGES: Record<string, Who[]> = {
  "/": ["public"],
  "/login": ["public"],
  "/logout": ["public"],
  "/forbidden": ["public"],
  "/first-run": ["first-run"],
  "/account/password": ["signed-in"],
  "/notifications": ["signed-in"],
  "/items": ["contributor"],
  "/items/new": ["contributor"],
  "/items/[id]": ["contributor"],
  "/items/stats": ["contributor"],
  // A redirect to /desk/inbox (which checks the role); it shows nothing itself.
  "/desk": ["public"],
  "/desk/inbox": ["editor"],
  "/desk/issues": ["editor"],
  "/desk/issues/[id]": ["editor"],
  "/desk/items/[id]": ["editor"],
  "/desk/calls": ["editor"],
  "/desk/calls/[id]": ["editor"],
  "/review": ["reviewer", "signer"],
  "/review/issues/[id]": ["reviewer", "signer"],
  "/office": ["office"],
  "/office/archive": ["office", "editor", "reviewer", "signer", "admin"],
  "/office/archive/[id]": ["office", "editor", "reviewer", "signer", "admin"],
  "/office/import": ["office", "admin"],
  "/office/issues/[id]/correct": ["office"],
  "/office/items": ["office"],
  "/office/items/[id]": ["office"],
  "/office/register": ["office", "editor", "reviewer", "signer", "admin"],
  "/search": ["contributor", "editor", "reviewer", "signer", "office", "admin"],
  "/stats": ["office", "editor", "admin"],
  "/audit": ["editor", "reviewer", "admin"],
  "/admin": ["admin"],
  "/admin/settings": ["admin"],
  "/admin/users": ["admin"],
  "/admin/scoring": ["admin"],
  "/admin/word-lists": ["admin"],
};

/** Route handlers (pattern → method → who, and the URL tried). */
export const ROUTES: Record<string, { method: "GET" | "POST"; url: string; who: Who[] }[]> = {
  "/api/auth/[...nextauth]": [{ method: "GET", url: "/api/auth/session", who: ["public"] }],
  "/api/issues/[id]/export": [{ method: "GET", url: "/api/issues/1/export?format=txt", who: ["editor", "reviewer", "signer", "office", "admin"] }],
  "/api/items/import-docx": [{ method: "POST", url: "/api/items/import-docx", who: ["contributor"] }],
  "/api/archive/import-batch": [{ method: "POST", url: "/api/archive/import-batch", who: ["office", "admin"] }],
  "/api/register/[year]": [{ method: "GET", url: "/api/register/2023", who: ["office", "editor", "reviewer", "signer", "admin"] }],
  "/api/stats/export": [{ method: "GET", url: "/api/stats/export?format=xlsx&from=2023-01-01&to=2023-12-31", who: ["office", "editor", "admin"] }],
  "/api/word-lists": [{ method: "GET", url: "/api/word-lists", who: ["signed-in"] }],
  // PDF export jobs: starting one needs an export role (no issue given: 400 for those, nothing
  // started); a job is readable by its starter only (an unknown id: 404 for the export roles).
  "/api/pdf-jobs": [{ method: "POST", url: "/api/pdf-jobs", who: ["editor", "reviewer", "signer", "office", "admin"] }],
  "/api/pdf-jobs/[job]": [
    { method: "GET", url: "/api/pdf-jobs/00000000-0000-0000-0000-000000000000", who: ["editor", "reviewer", "signer", "office", "admin"] },
    { method: "GET", url: "/api/pdf-jobs/00000000-0000-0000-0000-000000000000?file=1", who: ["editor", "reviewer", "signer", "office", "admin"] },
  ],
  "/fonts/bulletin/[...path]": [{ method: "GET", url: "/fonts/bulletin/none.woff2", who: ["public"] }],
  "/notifications/[id]": [{ method: "GET", url: "/notifications/999999", who: ["signed-in"] }],
};

export function allowed(who: Who[], roles: Role[]): boolean {
  if (who.includes("public")) return true;
  if (who.includes("first-run")) return false; // the database has accounts
  if (who.includes("signed-in")) return roles.length > 0;
  return roles.some((r) => who.includes(r));
}

// ---------------------------------------------------------------------------------------------
// Discovery

function walk(dir: string, name: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) walk(p, name, out);
    else if (e === name) out.push(p);
  }
  return out;
}

/** Every .ts file under `dir` (server actions may live in any of them). */
function walkTs(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) walkTs(p, out);
    else if (e.endsWith(".ts")) out.push(p);
  }
  return out;
}

/** app/(desk)/desk/items/[id]/page.tsx → /desk/items/[id] */
const routeOf = (file: string) =>
  "/" +
  path
    .dirname(path.relative("app", file))
    .split(path.sep)
    .filter((s) => s !== "." && !/^\(.*\)$/.test(s))
    .join("/");

export const discoveredPages = () => walk("app", "page.tsx").map(routeOf).sort();
export const discoveredRoutes = () => walk("app", "route.ts").map(routeOf).sort();

/** Every server action in the source (exports of "use server" files) with its action id in the build. */
export function discoveredActions(): { name: string; file: string; id: string | null }[] {
  const files = walkTs("app").filter((f) => /^["']use server["']/m.test(readFileSync(f, "utf8")));
  const dir = process.env.NEXT_DIST_DIR ?? ".next";
  const manifest = JSON.parse(readFileSync(`${dir}/server/server-reference-manifest.json`, "utf8")) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const out: { name: string; file: string; id: string | null }[] = [];
  for (const file of files) {
    const src = readFileSync(file, "utf8");
    for (const m of src.matchAll(/^export (?:const|async function) (\w+)/gm)) {
      const hit = Object.entries(manifest.node).find(([, v]) => v.exportedName === m[1] && (!v.filename || path.normalize(v.filename) === path.normalize(file)));
      out.push({ name: m[1], file, id: hit?.[0] ?? null });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Actors and the database

export const FORBIDDEN = "您没有权限执行此操作。";
export const UNAUTHENTICATED = "请先登录。";
const DEMO: Partial<Record<Role, string>> = { contributor: "changping", editor: "editor", reviewer: "reviewer", office: "office", admin: "admin" };

export function openDb(readonly = true) {
  return new Database(E2E_DB, { readonly, fileMustExist: true });
}

/**
 * The login for an actor: the demo login for a single demo role, else a test account made here.
 * `own`: always an account of its own — for a test that signs it out, resets its password or
 * changes its roles, which must not end the demo user's sessions that later specs sign in with.
 */
export function ensureAccount(actor: { name: string; roles: Role[]; own?: boolean }): string {
  if (!actor.own && actor.roles.length === 1 && DEMO[actor.roles[0]]) return DEMO[actor.roles[0]]!;
  const username = `matrix-${actor.name.replace(/\W/g, "-")}`;
  const db = openDb(false);
  try {
    const unitId = (db.prepare("select id from units where name = '昌平区科协'").get() as { id: number }).id;
    const existing = db.prepare("select id from users where username = ?").get(username) as { id: number } | undefined;
    if (!existing) {
      const u = db
        .prepare("insert into users (username, display_name, password_hash, unit_id, created_at) values (?, ?, ?, ?, ?) returning id")
        .get(username, `测试${actor.name}`, bcrypt.hashSync(PASSWORD, 10), unitId, Date.now()) as { id: number };
      for (const r of actor.roles) db.prepare("insert into user_roles (user_id, role) values (?, ?)").run(u.id, r);
    }
  } finally {
    db.close();
  }
  return username;
}

/** A request context signed in through next-auth's own credentials endpoint (no browser). */
export async function signIn(username: string | null, password = PASSWORD): Promise<APIRequestContext> {
  const ctx = await pwRequest.newContext({ baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` });
  if (!username) return ctx;
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, username, password, json: "true" }, maxRedirects: 0 });
  const session = (await (await ctx.get("/api/auth/session")).json()) as { userId?: number };
  expect(session.userId, `signed in as ${username}`).toBeGreaterThan(0);
  return ctx;
}

/** Calls a server action the way the browser does (RSC reply encoding of plain JSON arguments). */
export async function callAction(ctx: APIRequestContext, id: string, body: string, contentType = "text/plain;charset=UTF-8", page = "/") {
  const res = await ctx.post(page, { headers: { "Next-Action": id, "Content-Type": contentType, Accept: "text/x-component" }, data: body, maxRedirects: 0 });
  return { status: res.status(), text: await res.text() };
}

/** The first `"error":"…"` message in an action's answer, or null. */
export function errorMessage(text: string): string | null {
  const m = /"error":"((?:[^"\\]|\\.)*)"/.exec(text);
  return m ? (JSON.parse(`"${m[1]}"`) as string) : null;
}

/**
 * A fingerprint of everything stored that an attempt could change: every table's rows, except
 * the login counters, the log rows of logins themselves (signing the actors in writes those) and
 * of allowed exports.
 */
export function dbFingerprint(): string {
  const db = openDb();
  try {
    const tables = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name").all() as { name: string }[]).map((t) => t.name);
    const fts = (db.prepare("select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'").all() as { name: string }[]).map((t) => t.name);
    const parts: string[] = [];
    for (const t of tables) {
      // Login counters, and the near-duplicate index (its fingerprints, band keys, cached marks and the
      // queue of items to fingerprint again): a cache of the items' text, refreshed when a page reads
      // it and in the background.
      if (t === "login_throttle" || t === "item_fingerprints" || t === "item_fingerprint_bands" || t === "fingerprint_queue") continue;
      // Allowed exports are logged by design (who exported what); refused ones must log nothing, and
      // the matrix separately checks those were refused.
      const where = t === "audit_log" ? " where entity <> 'auth' and action <> 'export'" : "";
      // Full-text indexes (FTS5 tables and their shadow tables) are derived from items: skipped.
      if (fts.some((v) => t === v || t.startsWith(`${v}_`))) continue;
      // Rows sorted in JS: some tables have no rowid (WITHOUT ROWID).
      const rows = db.prepare(`select * from "${t}"${where}`).raw().all().map((r) => JSON.stringify(r)).sort();
      parts.push(`${t}:${createHash("sha256").update(JSON.stringify(rows)).digest("hex").slice(0, 16)}`);
    }
    // One line a table, so a difference names the table.
    return parts.join("\n");
  } finally {
    db.close();
  }
}
