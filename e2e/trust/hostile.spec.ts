import { type APIRequestContext, expect, test } from "@playwright/test";
import { zipSync } from "fflate";
import { mkdirSync, writeFileSync } from "node:fs";
import { ACTIONS, ACTORS, allowed, callAction, dbFingerprint, discoveredActions, ensureAccount, errorMessage, signIn } from "./surface";

/**
 * Issue 10, Tests: hostile inputs on every write path — control characters, bidi overrides, lone
 * surrogates, line breaks in one-line fields, invisible-only text, markup, oversize, wrong types,
 * extra fields, impossible dates, bodies that are not JSON or nested 50,000 deep, bodies over the
 * limit — each refused with a message in Chinese, never a 5xx, and the database unchanged.
 */

test.describe.configure({ mode: "serial" });

const CJK = /[\u4e00-\u9fff]/;
const doc = (t: unknown) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: t }] }] });
const item = (o: Record<string, unknown>) => ({ title: "标题", body: doc("正文"), source: null, suggestedSectionId: null, eventDate: null, contactName: "", contactPhone: "", noteToEditor: "", ...o });
const archiveDoc = (o: { title?: unknown; date?: unknown; section?: unknown; run?: unknown }) => ({
  masthead: { title: "科协每周动态", year: 2019, number: 5, totalNumber: 12, office: "北京市科协办公室", date: o.date ?? "2019-03-01" },
  toc: [],
  sections: [{ title: o.section ?? null, items: [{ title: o.title ?? "往期稿件", paragraphs: [[{ text: o.run ?? "正文。" }]], source: null }] }],
  footer: { mailbox: "", editor: "", reviewer: "", distribution: [], printedBy: null, printedDate: null, printRun: null },
  draft: false,
});

// Values every text field refuses.
const BAD_ANY: unknown[] = ["\u0000", "标题\u000b", "标题\u202e反转", "a\u2066b\u2069", "a\u202ab", "\ud800", "a\udc00b", "x\u0085", "字".repeat(60_000), 12345, ["数组"], { a: 1 }, true];
// Refused in one-line fields only.
const BAD_LINE: unknown[] = ["一行\n两行", "一行\u2028两行", "a\u2029b", "tab\there"];
// Invisible and look-alike characters inside text (the text rule, lib/text/invisible.ts): refused in
// every text field, one-line or not, with a message naming the character (U+XXXX).
const BAD_INVISIBLE: string[] = ["昌平\u200b科协", "科普\u00a0大会", "软\u00ad连字符", "字\u2060连接", "中\ufeff间", "科\u200d协", "窄\u202f空格"];
// Refused where the field is required.
const BAD_REQUIRED: unknown[] = ["\u200b\u200b", "\ufeff", "   ", ""];
const MARKUP: unknown[] = ["<b>粗体</b>", "<script>alert(1)</script>"];
const BAD_DATES: unknown[] = ["2026-02-30", "2026-13-01", "2026-2-3", "昨天", 20260101];
const BAD_PASSWORDS: unknown[] = ["short", "        ", "密码".repeat(13), "abc\u0000defgh", 12345678];

type Template = { action: string; actor: string; field: string; values: unknown[]; build: (v: unknown) => unknown };
const line = (required: boolean, markup = true) => [...BAD_ANY, ...BAD_LINE, ...BAD_INVISIBLE, ...(required ? BAD_REQUIRED : []), ...(markup ? MARKUP : [])];
const block = (required: boolean) => [...BAD_ANY, ...BAD_INVISIBLE, ...(required ? BAD_REQUIRED : [])];

const TEMPLATES: Template[] = [
  // contributor
  { action: "createItemAction", actor: "contributor", field: "title", values: line(false), build: (v) => item({ title: v }) },
  { action: "createItemAction", actor: "contributor", field: "body text", values: [...BAD_ANY, ...BAD_LINE, ...BAD_INVISIBLE, ...MARKUP, ""], build: (v) => item({ body: doc(v) }) },
  { action: "createItemAction", actor: "contributor", field: "source", values: line(false), build: (v) => item({ source: v }) },
  { action: "createItemAction", actor: "contributor", field: "contactName", values: line(false), build: (v) => item({ contactName: v }) },
  { action: "createItemAction", actor: "contributor", field: "noteToEditor", values: [...block(false), ...MARKUP], build: (v) => item({ noteToEditor: v }) },
  { action: "createItemAction", actor: "contributor", field: "eventDate", values: BAD_DATES, build: (v) => item({ eventDate: v }) },
  { action: "createItemAction", actor: "contributor", field: "extra field", values: [1], build: () => ({ ...item({}), unitId: 2 }) },
  { action: "autosaveItemAction", actor: "contributor", field: "title", values: line(false), build: (v) => item({ title: v }) },
  { action: "updateItemAction", actor: "contributor", field: "title", values: line(false), build: (v) => ({ ...item({ title: v }), id: 1, version: 1 }) },
  { action: "deleteDraftAction", actor: "contributor", field: "id", values: ["1", -1, 0, 1.5, 2 ** 40, null, "科", [1], { id: 1 }], build: (v) => ({ id: v, version: 1 }) },
  { action: "deleteDraftAction", actor: "contributor", field: "version", values: ["1", -1, 0, 1.5, null, "\u0000"], build: (v) => ({ id: 1, version: v }) },
  { action: "deleteDraftAction", actor: "contributor", field: "extra field", values: [1], build: () => ({ id: 1, version: 1, unitId: 2 }) },
  // Items that exist but are not this unit's never-submitted drafts (or a stale version): refused, kept.
  { action: "deleteDraftAction", actor: "contributor", field: "not a deletable draft", values: [1, 2, 3, 5, 8, 13, 999_999], build: (v) => ({ id: v, version: 999_999 }) },
  // desk
  { action: "decideItemAction", actor: "editor", field: "note", values: [...block(true), ...MARKUP], build: (v) => ({ id: 1, version: 1, decision: "return", note: v }) },
  { action: "decideItemAction", actor: "editor", field: "extra field", values: [1], build: () => ({ id: 1, version: 1, decision: "accept", note: "", status: "published" }) },
  { action: "decideItemsAction", actor: "editor", field: "note", values: [...block(true), ...MARKUP], build: (v) => ({ items: [{ id: 1, version: 1 }], decision: "return", note: v }) },
  { action: "createIssueAction", actor: "editor", field: "date", values: BAD_DATES, build: (v) => ({ year: 2026, number: 90, totalNumber: 990, date: v }) },
  { action: "createIssueAction", actor: "editor", field: "extra field", values: [1], build: () => ({ year: 2026, number: 90, totalNumber: 990, date: "2026-11-30", publicationId: 2 }) },
  {
    action: "arrangeAction",
    actor: "editor",
    field: "footer editorName",
    values: line(false),
    build: (v) => ({ issueId: 1, version: 1, change: { op: "footer", mailbox: "", editorName: v, reviewerName: "", distribution: [], printedBy: "", printedDate: "", printRun: null } }),
  },
  {
    action: "arrangeAction",
    actor: "editor",
    field: "footer mailbox",
    values: ["不是邮箱", "a@", ...BAD_ANY],
    build: (v) => ({ issueId: 1, version: 1, change: { op: "footer", mailbox: v, editorName: "", reviewerName: "", distribution: [], printedBy: "", printedDate: "", printRun: null } }),
  },
  { action: "arrangeAction", actor: "editor", field: "section title", values: line(false), build: (v) => ({ issueId: 1, version: 1, change: { op: "addSection", title: v } }) },
  { action: "arrangeAction", actor: "editor", field: "TOC line", values: line(false), build: (v) => ({ issueId: 1, version: 1, change: { op: "placement", itemId: 1, inToc: true, tocTitle: v, sourceOverride: "" } }) },
  { action: "setTitleBreaksAction", actor: "editor", field: "title", values: line(true), build: (v) => ({ itemId: 1, title: v, breaks: [] }) },
  {
    action: "setTitleBreaksAction",
    actor: "editor",
    field: "breaks",
    values: [[0], [-1], [1.5], ["3"], [3, 3], [2, 1], [999], Array.from({ length: 11 }, (_, i) => i + 1), "3", null, [null]],
    build: (v) => ({ itemId: 1, title: "市科协召开学习研讨会", breaks: v }),
  },
  { action: "setTitleBreaksAction", actor: "editor", field: "extra field", values: [1], build: () => ({ itemId: 1, title: "标题", breaks: [], lines: ["x"] }) },
  { action: "updateIssueMetaAction", actor: "editor", field: "date", values: BAD_DATES, build: (v) => ({ issueId: 1, version: 1, year: 2026, number: 1, totalNumber: 1, date: v, deadline: "" }) },
  { action: "updateIssueMetaAction", actor: "editor", field: "deadline", values: ["9999-12-31T17:00", "2026-02-30T10:00", "明天"], build: (v) => ({ issueId: 1, version: 1, year: 2026, number: 1, totalNumber: 1, date: "2026-03-06", deadline: v }) },
  // review
  { action: "addCommentAction", actor: "reviewer", field: "body", values: [...block(true), ...MARKUP], build: (v) => ({ issueId: 1, itemId: null, parentId: null, quote: null, body: v }) },
  { action: "addCommentAction", actor: "reviewer", field: "quote", values: BAD_ANY, build: (v) => ({ issueId: 1, itemId: 1, parentId: null, quote: v, body: "意见" }) },
  { action: "returnIssueAction", actor: "reviewer", field: "comment", values: [...block(true), ...MARKUP], build: (v) => ({ issueId: 1, version: 1, comment: v }) },
  { action: "returnIssueAction", actor: "reviewer", field: "extra field", values: [1], build: () => ({ issueId: 1, version: 1, comment: "退回", approvedById: 1 }) },
  // office
  { action: "distributeIssueAction", actor: "office", field: "distribution", values: line(true), build: (v) => ({ issueId: 1, version: 1, date: "2026-11-30", distribution: [v] }) },
  { action: "distributeIssueAction", actor: "office", field: "date", values: BAD_DATES, build: (v) => ({ issueId: 1, version: 1, date: v, distribution: ["市科协"] }) },
  { action: "importArchiveAction", actor: "office", field: "item title", values: line(true), build: (v) => ({ doc: archiveDoc({ title: v }), fileName: "x.txt" }) },
  { action: "importArchiveAction", actor: "office", field: "paragraph", values: [...BAD_ANY, ...BAD_LINE, ...BAD_INVISIBLE, ...MARKUP], build: (v) => ({ doc: archiveDoc({ run: v }), fileName: "x.txt" }) },
  { action: "importArchiveAction", actor: "office", field: "section title", values: line(true), build: (v) => ({ doc: archiveDoc({ section: v }), fileName: "x.txt" }) },
  { action: "importArchiveAction", actor: "office", field: "date outside the year", values: ["2018-12-31", "2020-01-01", ...BAD_DATES], build: (v) => ({ doc: archiveDoc({ date: v }), fileName: "x.txt" }) },
  { action: "importArchiveAction", actor: "office", field: "extra field", values: [1], build: () => ({ doc: { ...archiveDoc({}), script: "x" }, fileName: "x.txt" }) },
  // admin
  { action: "createUnitAction", actor: "admin", field: "name", values: [...line(true), "昌平区\u200b科协", " 昌平区科协 "], build: (v) => ({ name: v, kind: "district" }) },
  { action: "updateUnitAction", actor: "admin", field: "name", values: line(true), build: (v) => ({ id: 1, name: v, kind: "district" }) },
  { action: "createUserAction", actor: "admin", field: "username", values: [...BAD_ANY, ...BAD_LINE, ...BAD_REQUIRED, "Editor", "EDITOR", "有空格 的名字"], build: (v) => ({ username: v, displayName: "测试", password: "mima-2026-ok", roles: ["editor"], unitId: null }) },
  { action: "createUserAction", actor: "admin", field: "displayName", values: line(true), build: (v) => ({ username: "hostile-user", displayName: v, password: "mima-2026-ok", roles: ["editor"], unitId: null }) },
  { action: "createUserAction", actor: "admin", field: "password", values: BAD_PASSWORDS, build: (v) => ({ username: "hostile-user", displayName: "测试", password: v, roles: ["editor"], unitId: null }) },
  { action: "createUserAction", actor: "admin", field: "roles", values: [["root"], [], "admin", null], build: (v) => ({ username: "hostile-user", displayName: "测试", password: "mima-2026-ok", roles: v, unitId: null }) },
  { action: "resetPasswordAction", actor: "admin", field: "password", values: BAD_PASSWORDS, build: (v) => ({ id: 2, password: v }) },
  {
    action: "updatePublicationAction",
    actor: "admin",
    field: "title",
    values: line(true),
    build: (v) => ({ title: v, office: "北京市科协办公室", mailbox: "", defaultEditorName: "", defaultReviewerName: "", distribution: [] }),
  },
  {
    action: "updatePublicationAction",
    actor: "admin",
    field: "mailbox",
    values: ["不是邮箱", "a b@c.cn", ...BAD_ANY],
    build: (v) => ({ title: "科协每周动态", office: "北京市科协办公室", mailbox: v, defaultEditorName: "", defaultReviewerName: "", distribution: [] }),
  },
  {
    action: "updatePublicationAction",
    actor: "admin",
    field: "distribution",
    values: line(false),
    build: (v) => ({ title: "科协每周动态", office: "北京市科协办公室", mailbox: "", defaultEditorName: "", defaultReviewerName: "", distribution: [v] }),
  },
  { action: "addSectionAction", actor: "admin", field: "title", values: [...line(true), "主题\u200b教育", "【主题教育】"], build: (v) => ({ title: v }) },
  { action: "renameSectionAction", actor: "admin", field: "title", values: line(true), build: (v) => ({ id: 1, title: v }) },
  // calls, guidance, the register, corrections, recognition, word lists, aliases (issues 11–14)
  { action: "publishCallAction", actor: "editor", field: "topic", values: line(true), build: (v) => ({ topic: v, guidance: "", deadline: "2026-12-31T17:00", target: "all", unitIds: [], issueId: null }) },
  { action: "publishCallAction", actor: "editor", field: "guidance", values: [...block(false), ...MARKUP], build: (v) => ({ topic: "约稿", guidance: v, deadline: "2026-12-31T17:00", target: "all", unitIds: [], issueId: null }) },
  { action: "publishCallAction", actor: "editor", field: "deadline", values: ["2026-02-30T10:00", "明天", ...BAD_DATES], build: (v) => ({ topic: "约稿", guidance: "", deadline: v, target: "all", unitIds: [], issueId: null }) },
  { action: "updateGuidanceAction", actor: "editor", field: "body", values: [...block(false), ...MARKUP], build: (v) => ({ body: v }) },
  { action: "correctRegisterAction", actor: "office", field: "groups", values: line(true), build: (v) => ({ recordId: 1, date: "2026-11-30", method: "print", groups: [v], recipientCount: 1, printRun: null, reason: "更正" }) },
  { action: "correctRegisterAction", actor: "office", field: "reason", values: [...block(true), ...MARKUP], build: (v) => ({ recordId: 1, date: "2026-11-30", method: "print", groups: ["市科协"], recipientCount: 1, printRun: null, reason: v }) },
  { action: "correctItemAction", actor: "office", field: "title", values: line(true), build: (v) => ({ issueId: 1, version: 1, itemIndex: 0, title: v, paragraphs: ["正文。"], note: "勘误" }) },
  { action: "correctItemAction", actor: "office", field: "paragraph", values: line(true), build: (v) => ({ issueId: 1, version: 1, itemIndex: 0, title: "标题", paragraphs: [v], note: "勘误" }) },
  { action: "correctItemAction", actor: "office", field: "note", values: [...block(true), ...MARKUP], build: (v) => ({ issueId: 1, version: 1, itemIndex: 0, title: "标题", paragraphs: ["正文。"], note: v }) },
  { action: "recordInstructionAction", actor: "office", field: "leader", values: line(true), build: (v) => ({ itemId: 1, leader: v, level: "provincial", date: "2026-11-01", text: "批示内容" }) },
  { action: "recordInstructionAction", actor: "office", field: "text", values: [...block(true), ...MARKUP], build: (v) => ({ itemId: 1, leader: "某领导", level: "provincial", date: "2026-11-01", text: v }) },
  // loop18: the user's e-mail, 批示/转报 dates out of range, copies over the print run, call deadlines out of range
  { action: "createUserAction", actor: "admin", field: "email", values: [...BAD_ANY, ...BAD_LINE, "不是邮箱", "a@", "@example.org", "a b@example.org"], build: (v) => ({ username: "hostile-user", displayName: "测试", email: v, password: "mima-2026-ok", roles: ["editor"], unitId: null }) },
  { action: "recordInstructionAction", actor: "office", field: "date", values: [...BAD_DATES, "1999-12-31", "2999-01-01"], build: (v) => ({ itemId: 1, leader: "某领导", level: "provincial", date: v, text: "批示内容" }) },
  { action: "recordForwardAction", actor: "office", field: "usedDate", values: ["2026-10-31", "2999-01-01", ...BAD_DATES], build: (v) => ({ itemId: 1, target: "《中国科协信息》", date: "2026-11-01", used: true, usedDate: v }) },
  { action: "correctRegisterAction", actor: "office", field: "recipientCount", values: [0, -1, 1.5, "10", 2_000_000, null], build: (v) => ({ recordId: 1, date: "2026-11-30", method: "print", groups: ["市科协"], recipientCount: v, printRun: 5, reason: "更正" }) },
  { action: "publishCallAction", actor: "editor", field: "deadline", values: ["9999-12-31T17:00", "2000-01-01T08:00"], build: (v) => ({ topic: "约稿", guidance: "", deadline: v, target: "all", unitIds: [], issueId: null }) },
  { action: "recordForwardAction", actor: "office", field: "target", values: line(true), build: (v) => ({ itemId: 1, target: v, date: "2026-11-01", used: false, usedDate: null }) },
  { action: "saveWordListEntryAction", actor: "admin", field: "term", values: line(true), build: (v) => ({ list: "sensitive", term: v, replacement: "", note: "" }) },
  { action: "saveWordListEntryAction", actor: "admin", field: "replacement", values: line(true), build: (v) => ({ list: "standard", term: "旧提法", replacement: v, note: "" }) },
  { action: "addAliasAction", actor: "admin", field: "alias", values: line(true), build: (v) => ({ unitId: 1, alias: v }) },
  // accounts
  { action: "changePasswordAction", actor: "editor", field: "password", values: BAD_PASSWORDS, build: (v) => ({ current: "jianbao2026", password: v, confirm: v }) },
];

test("hostile inputs on every write path are refused in Chinese, never 5xx, and change nothing", async () => {
  test.setTimeout(900_000);
  const actions = new Map(discoveredActions().map((a) => [a.name, a.id!]));
  const contexts = new Map<string, APIRequestContext>();
  const ctxFor = async (actorName: string) => {
    if (!contexts.has(actorName)) {
      const actor = ACTORS.find((a) => a.name === actorName)!;
      contexts.set(actorName, await signIn(ensureAccount(actor)));
    }
    return contexts.get(actorName)!;
  };
  for (const a of ACTORS.slice(1)) await ctxFor(a.name);
  const before = dbFingerprint();
  let tried = 0;
  let refused = 0;
  let serverErrors = 0;
  const wrong: string[] = [];
  const rows: string[] = ["action\tfield\tvalue\tstatus\tmessage"];

  const attempt = async (action: string, actorName: string, field: string, label: string, body: string, contentType?: string, page?: string, names?: string) => {
    const ctx = await ctxFor(actorName);
    const { status, text } = await callAction(ctx, actions.get(action)!, body, contentType, page);
    tried++;
    let msg = errorMessage(text);
    if (status === 413) msg = (JSON.parse(text) as { error: string }).error;
    // An invisible character's refusal names it (「零宽空格（U+200B）」).
    const ok = msg !== null && CJK.test(msg) && !text.includes('"data":') && (!names || msg.includes(names));
    if (ok) refused++;
    if (status >= 500) serverErrors++;
    if (!ok || status >= 500) wrong.push(`${action} ${field} ${label}: ${status} ${text.slice(0, 160)}`);
    rows.push(`${action}\t${field}\t${label}\t${status}\t${msg ?? text.slice(0, 80)}`);
  };
  const show = (v: unknown) => JSON.stringify(v).replace(/[^\x20-\x7e\u4e00-\u9fff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).slice(0, 40);

  // Text rule, types, dates, extra fields: per field of every write path.
  for (const t of TEMPLATES) {
    for (const v of t.values) {
      const invisible = BAD_INVISIBLE.includes(v as string) ? /[^\u4e00-\u9fff]/u.exec(v as string)?.[0] : undefined;
      const names = invisible ? "U+" + invisible.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0") : undefined;
      await attempt(t.action, t.actor, t.field, show(v), JSON.stringify([t.build(v)]), undefined, undefined, names);
    }
  }
  // Bodies no form sends: for every server action, as a caller it allows.
  const deep = "[".repeat(50_000) + "]".repeat(50_000);
  for (const [name, who] of Object.entries(ACTIONS)) {
    const actor = ACTORS.find((a) => a.roles.length && allowed(who, a.roles))?.name ?? (who.includes("first-run") ? "admin" : null);
    if (!actor || !actions.has(name)) continue;
    await attempt(name, actor, "body", "not JSON", "{not json");
    await attempt(name, actor, "body", "nested 50,000 deep", `[${deep}]`);
    await attempt(name, actor, "body", "a string", JSON.stringify(["文字"]));
    await attempt(name, actor, "body", "null", JSON.stringify([null]));
    await attempt(name, actor, "body", "no argument", "[]");
  }
  // A form whose parts do not fit together (the root names a file part sent after it, and another that does not exist).
  const badForm = `--x\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{"file":"$B1"},"$B9"]\r\n--x\r\nContent-Disposition: form-data; name="1"; filename="a.docx"\r\nContent-Type: application/octet-stream\r\n\r\nPK\r\n--x--\r\n`;
  // Posted to the page that holds the action, as a browser does (posted elsewhere, Next.js forwards
  // it and answers the caller an empty 200).
  await attempt("parseUploadAction", "office", "body", "malformed multipart", badForm, "multipart/form-data; boundary=x", "/office/import");
  // Over the body limit: answered 413 with the app's own message before anything reads it.
  await attempt("importArchiveAction", "office", "body", "7 MB", JSON.stringify([{ doc: "x".repeat(7 * 1024 * 1024), fileName: "big.txt" }]));

  // Route handlers that take a body: the contributor's Word import and the sign-in endpoint.
  const route = async (label: string, actorName: string | null, url: string, body: Buffer | string, contentType: string) => {
    const ctx = actorName ? await ctxFor(actorName) : await (await import("@playwright/test")).request.newContext({ baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` });
    const res = await ctx.post(url, { headers: { "Content-Type": contentType }, data: body, maxRedirects: 0 });
    const status = res.status();
    const text = await res.text();
    tried++;
    let msg: string | null = null;
    try {
      msg = (JSON.parse(text) as { error?: string; url?: string }).error ?? null;
    } catch {
      msg = null;
    }
    // next-auth answers a refused sign-in with its own JSON (a URL naming the error), not a message.
    const ok = status < 500 && (url.startsWith("/api/auth") ? !text.includes('"userId"') : msg !== null && CJK.test(msg));
    if (ok) refused++;
    if (status >= 500) serverErrors++;
    if (!ok) wrong.push(`${url} ${label}: ${status} ${text.slice(0, 160)}`);
    rows.push(`${url}\tbody\t${label}\t${status}\t${msg ?? text.slice(0, 80)}`);
  };
  const bomb = Buffer.from(zipSync({ "word/document.xml": new Uint8Array(100 * 1024 * 1024) }, { level: 9 }));
  const multipart = (name: string, bytes: Buffer) => {
    const b = "----trust";
    return { body: Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from(`\r\n--${b}--\r\n`)]), type: `multipart/form-data; boundary=${b}` };
  };
  for (const [label, part] of [
    ["a 100 MB bomb in a small .docx", multipart("稿件.docx", bomb)],
    ["garbage named .docx", multipart("稿件.docx", Buffer.from("PK\u0003\u0004 garbage"))],
    ["an old .doc", multipart("稿件.doc", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))],
    ["7 MB", multipart("稿件.docx", Buffer.alloc(7 * 1024 * 1024))],
  ] as const)
    await route(label, "contributor", "/api/items/import-docx", part.body, part.type);
  await route("not multipart (JSON)", "contributor", "/api/items/import-docx", "{not json", "application/json");
  await route("nested 50,000 deep", "contributor", "/api/items/import-docx", deep, "application/json");
  await route("no body", "contributor", "/api/items/import-docx", "", "multipart/form-data; boundary=x");
  await route("JSON nested 50,000 deep", null, "/api/auth/callback/credentials", deep, "application/json");
  await route("a 100,000-character login name", null, "/api/auth/callback/credentials", `username=${"a".repeat(100_000)}&password=x`, "application/x-www-form-urlencoded");
  await route("control characters", null, "/api/auth/callback/credentials", "username=%00%0b%e2%80%ae&password=%00", "application/x-www-form-urlencoded");

  const after = dbFingerprint();
  const changedTables = after.split("\n").filter((l) => !before.split("\n").includes(l));
  const summary = `hostile inputs tried: ${tried}; refused with a Chinese message: ${refused}; 5xx: ${serverErrors}; database changed: ${before !== after}${changedTables.length ? ` (${changedTables.join(", ")})` : ""}`;
  const out = process.env.TRUST_REPORT_DIR ?? "test-results";
  mkdirSync(out, { recursive: true });
  writeFileSync(`${out}/trust-hostile.tsv`, rows.join("\n") + "\n");
  writeFileSync(`${out}/trust-hostile-summary.txt`, summary + "\n" + wrong.join("\n") + "\n");
  console.log(summary);
  expect(wrong).toEqual([]);
  expect(serverErrors).toBe(0);
  expect(after).toBe(before);
});
