import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { db } from "@/db";
import { loadActor } from "@/lib/auth/users";
import { paragraphsToDoc } from "@/lib/editor/schema";
import type { Actor } from "./actor";
import { AppError } from "./errors";
import {
  createItem,
  decideItem,
  decideItemSchema,
  itemFieldsSchema,
  itemIdSchema,
  itemRefSchema,
  latestOwnItem,
  myItemsFilterSchema,
  saveItemSchema,
  saveOwnItem,
  submitItem,
  updateItem,
  updateItemSchema,
  withdrawItem,
  type ItemFields,
} from "./items";

/**
 * Issue 6, "must show": hundreds of malformed and hostile submissions, sent through exactly what
 * the contributor's server actions run (app/actions/items.ts: the action's zod schema,
 * then the data function), are each refused with a message in Chinese, and the database is the
 * same afterwards, byte for byte.
 */

const zh = JSON.parse(readFileSync(path.resolve("lib/i18n/messages/zh-CN/common.json"), "utf8")) as {
  errors: Record<string, string> & { fields: Record<string, string> };
};

/** The message defineAction (lib/auth/action.ts) would show for a refusal. */
function messageFor(e: { zod?: z.core.$ZodIssue[]; app?: AppError }): string {
  if (e.zod) {
    const first = e.zod[0];
    const field = zh.errors.fields[first.message] ?? zh.errors.fields.invalid;
    return `${zh.errors.invalid} ${field}`;
  }
  if (e.app) return zh.errors[e.app.code];
  return "";
}

type Op = "create" | "update" | "autosave" | "submit" | "withdraw" | "latest" | "filter" | "decide";

// The schema and data function each contributor action runs, as in app/actions/items.ts.
const ACTIONS: Record<Op, { schema: z.ZodType; run: (actor: Actor, input: never) => unknown }> = {
  create: { schema: itemFieldsSchema, run: (a, i: ItemFields) => createItem(a, i) },
  update: { schema: updateItemSchema, run: (a, i: z.infer<typeof updateItemSchema>) => updateItem(a, i) },
  autosave: { schema: saveItemSchema, run: (a, i: z.infer<typeof saveItemSchema>) => refuseConflict(saveOwnItem(a, i, { autosave: true })) },
  submit: { schema: itemRefSchema, run: (a, i: z.infer<typeof itemRefSchema>) => submitItem(a, i) },
  withdraw: { schema: itemRefSchema, run: (a, i: z.infer<typeof itemRefSchema>) => withdrawItem(a, i) },
  latest: { schema: itemIdSchema, run: (a, i: z.infer<typeof itemIdSchema>) => latestOwnItem(a, i.id) },
  filter: { schema: myItemsFilterSchema, run: () => undefined },
  // The desk's action, called by a contributor: its wrapper refuses the role first; so does the data function.
  decide: { schema: decideItemSchema, run: (a, i: z.infer<typeof decideItemSchema>) => decideItem(a, i) },
};

/** A stale save comes back as a conflict to show, not an error; for this test that is a refusal too. */
function refuseConflict(r: ReturnType<typeof saveOwnItem>) {
  if (r.kind === "conflict") throw new AppError("conflict");
  return r;
}

function attempt(actor: Actor, op: Op, input: unknown): { refused: boolean; message: string } {
  const { schema, run } = ACTIONS[op];
  if (op === "decide" && !actor.roles.includes("editor")) {
    // defineAction(["editor"], …) refuses before parsing.
    return { refused: true, message: zh.errors.forbidden };
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { refused: true, message: messageFor({ zod: parsed.error.issues }) };
  try {
    run(actor, parsed.data as never);
  } catch (e) {
    if (e instanceof AppError) return { refused: true, message: messageFor({ app: e }) };
    throw e;
  }
  return { refused: false, message: "" };
}

/** Every row of every table a submission could touch. */
function dump(): string {
  const tables = ["items", "item_revisions", "audit_log", "notifications", "units", "users", "placements"];
  return JSON.stringify(tables.map((t) => db.$client.prepare(`select * from ${t} order by rowid`).all()));
}

function actorFor(username: string): Actor {
  const row = db.$client.prepare("select id from users where username = ?").get(username) as { id: number };
  const a = loadActor(row.id);
  if (!a) throw new Error(username);
  return a;
}

const para = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const doc = (...content: unknown[]) => ({ type: "doc", content });
const valid = (): Record<string, unknown> => ({
  title: "昌平区科协举办科普讲座",
  body: paragraphsToDoc(["6月20日，昌平区科协举办科普讲座。", [{ text: "讲座" }, { text: "反响热烈", bold: true }, { text: "。" }]]),
  source: "昌平区科协",
  suggestedSectionId: null,
  eventDate: "2026-06-20",
  contactName: "刘明",
  contactPhone: "010-12345678",
  noteToEditor: "",
});

interface Case {
  name: string;
  op: Op;
  input: unknown;
}

let changping: Actor, dongcheng: Actor;
let own: { id: number; version: number };
let ownSubmitted: { id: number; version: number };
let foreignDraft: { id: number; version: number };
let foreignSubmitted: { id: number; version: number };
let foreignUnitId: number;
let foreignSectionId: number;

function generate(): Case[] {
  const cases: Case[] = [];
  const add = (name: string, op: Op, input: unknown) => cases.push({ name, op, input });
  const fields = ["title", "body", "source", "suggestedSectionId", "eventDate", "contactName", "contactPhone", "noteToEditor"];

  // 1. Not an object at all.
  for (const op of ["create", "update", "autosave", "submit", "withdraw", "latest"] as const)
    for (const v of [null, undefined, 42, "title", [], true, [valid()]]) add(`${op}: input ${JSON.stringify(v) ?? "undefined"}`, op, v);

  // 2. Every field with the wrong type, on create and on update.
  const wrong = [123, true, [], { $gt: "" }, 1.5e300];
  for (const f of fields)
    for (const v of wrong) {
      add(`create: ${f} = ${JSON.stringify(v)}`, "create", { ...valid(), [f]: v });
      add(`update: ${f} = ${JSON.stringify(v)}`, "update", { ...valid(), [f]: v, ...own });
    }
  // Required fields missing, and null where null is not allowed.
  for (const f of ["title", "body", "contactName", "contactPhone", "noteToEditor"]) {
    const rest = valid();
    delete rest[f];
    add(`create: ${f} missing`, "create", rest);
    add(`autosave: ${f} = null`, "autosave", { ...valid(), [f]: null, ...own });
  }

  // 3. Over-long fields.
  add("title 81 characters", "create", { ...valid(), title: "科".repeat(81) });
  add("title 10 000 characters", "autosave", { ...valid(), title: "科".repeat(10_000) });
  add("title 1 000 000 characters", "autosave", { ...valid(), title: "x".repeat(1_000_000), ...own });
  add("source 101 characters", "create", { ...valid(), source: "学".repeat(101) });
  add("contact name 41 characters", "create", { ...valid(), contactName: "刘".repeat(41) });
  add("contact phone 41 digits", "create", { ...valid(), contactPhone: "1".repeat(41) });
  add("note 1001 characters", "create", { ...valid(), noteToEditor: "请".repeat(1001) });
  add("note 5 MB", "update", { ...valid(), noteToEditor: "请".repeat(5_000_000), ...own });
  add("body 20 001 characters in one node", "create", { ...valid(), body: doc(para("字".repeat(20_001))) });
  add("body 20 001 characters over many paragraphs", "create", { ...valid(), body: doc(...Array.from({ length: 200 }, () => para("字".repeat(101)))) });
  add("body 401 paragraphs", "create", { ...valid(), body: doc(...Array.from({ length: 401 }, () => para("段"))) });
  add("paragraph with 2001 text nodes", "create", { ...valid(), body: doc({ type: "paragraph", content: Array.from({ length: 2001 }, () => ({ type: "text", text: "a" })) }) });
  add("title of spaces only past the limit", "create", { ...valid(), title: " ".repeat(400) + "科".repeat(81) });

  // 4. HTML and script, anywhere text goes.
  const hostile = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)>",
    "<a href=\"javascript:alert(1)\">点我</a>",
    "<b>加粗</b>",
    "</p><p>",
    "<!-- 注释 -->",
    "<style>body{display:none}</style>",
    "<?xml version=\"1.0\"?>",
  ];
  for (const h of hostile) {
    add(`title ${h}`, "create", { ...valid(), title: `标题${h}` });
    add(`body text ${h}`, "autosave", { ...valid(), body: doc(para(`正文${h}`)) });
    add(`source ${h}`, "autosave", { ...valid(), source: h, ...own });
    add(`note ${h}`, "update", { ...valid(), noteToEditor: h, ...own });
  }
  add("contact name <script>", "create", { ...valid(), contactName: "<script>x</script>" });
  add("contact phone <script>", "create", { ...valid(), contactPhone: "010<script>" });
  add("body as an HTML string", "create", { ...valid(), body: "<p>正文</p>" });
  add("body as JSON text", "create", { ...valid(), body: JSON.stringify(valid().body) });

  // Control characters and direction overrides.
  for (const c of ["\u0000", "\u0007", "\u001b[31m", "\u202e", "\u2066", "\u007f", "\u0085"]) {
    add(`title with U+${c.codePointAt(0)?.toString(16)}`, "create", { ...valid(), title: `标题${c}` });
    add(`body with U+${c.codePointAt(0)?.toString(16)}`, "create", { ...valid(), body: doc(para(`正文${c}`)) });
  }
  add("line break inside a body text node", "create", { ...valid(), body: doc(para("第一行\n第二行")) });
  add("line break in the title", "create", { ...valid(), title: "第一行\n第二行" });

  // 5. Tiptap/ProseMirror nodes and marks the bulletin cannot print.
  const nodes = [
    { type: "image", attrs: { src: "http://x/y.png" } },
    { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "标题" }] },
    { type: "table", content: [] },
    { type: "bulletList", content: [{ type: "listItem", content: [para("项")] }] },
    { type: "orderedList", content: [] },
    { type: "codeBlock", content: [{ type: "text", text: "rm -rf /" }] },
    { type: "blockquote", content: [para("引")] },
    { type: "horizontalRule" },
    { type: "hardBreak" },
    { type: "text", text: "裸文本" },
    { type: "iframe", attrs: { src: "javascript:alert(1)" } },
    { type: "mention", attrs: { id: "admin" } },
    { type: "Paragraph", content: [{ type: "text", text: "大小写" }] },
    { type: "paragraph ", content: [{ type: "text", text: "多空格" }] },
    { type: "doc", content: [para("套娃")] },
  ];
  for (const n of nodes) add(`node ${n.type}`, "create", { ...valid(), body: doc(para("正文。"), n) });
  const inline = [
    { type: "hardBreak" },
    { type: "image", attrs: { src: "x" } },
    { type: "emoji", attrs: { name: "smile" } },
    { type: "paragraph", content: [] },
  ];
  for (const n of inline) add(`inline ${n.type}`, "create", { ...valid(), body: doc({ type: "paragraph", content: [{ type: "text", text: "正文" }, n] }) });
  const marks = [
    { type: "link", attrs: { href: "javascript:alert(1)" } },
    { type: "underline" },
    { type: "strike" },
    { type: "code" },
    { type: "highlight", attrs: { color: "red" } },
    { type: "textStyle", attrs: { color: "#f00", fontFamily: "仿宋" } },
    { type: "subscript" },
    { type: "superscript" },
    { type: "bold", attrs: { style: "color:red" } },
    { type: "Bold" },
  ];
  for (const m of marks) add(`mark ${m.type}`, "create", { ...valid(), body: doc({ type: "paragraph", content: [{ type: "text", text: "正文", marks: [m] }] }) });
  add("duplicate bold marks", "create", { ...valid(), body: doc({ type: "paragraph", content: [{ type: "text", text: "正文", marks: [{ type: "bold" }, { type: "bold" }] }] }) });
  add("three marks", "create", { ...valid(), body: doc({ type: "paragraph", content: [{ type: "text", text: "正文", marks: [{ type: "bold" }, { type: "italic" }, { type: "bold" }] }] }) });
  add("paragraph attrs (alignment)", "create", { ...valid(), body: doc({ type: "paragraph", attrs: { textAlign: "center" }, content: [{ type: "text", text: "居中" }] }) });
  add("paragraph style attr", "create", { ...valid(), body: doc({ type: "paragraph", style: "color:red", content: [{ type: "text", text: "红" }] }) });
  add("text node with an html field", "create", { ...valid(), body: doc({ type: "paragraph", content: [{ type: "text", text: "正文", html: "<b>x</b>" }] }) });
  add("empty text node", "create", { ...valid(), body: doc({ type: "paragraph", content: [{ type: "text", text: "" }] }) });
  add("text node without text", "create", { ...valid(), body: doc({ type: "paragraph", content: [{ type: "text" }] }) });
  add("doc without content", "create", { ...valid(), body: { type: "doc" } });
  add("doc with empty content", "create", { ...valid(), body: doc() });
  add("doc with attrs", "create", { ...valid(), body: { ...doc(para("正文")), attrs: { x: 1 } } });
  add("wrong root type", "create", { ...valid(), body: { type: "paragraph", content: [{ type: "text", text: "正文" }] } });
  add("paragraph content not an array", "create", { ...valid(), body: doc({ type: "paragraph", content: { type: "text", text: "正文" } }) });

  // 6. Bad dates.
  for (const d of ["2023-02-30", "2023-13-01", "2023-00-10", "2023-04-31", "20230707", "2023/07/07", "2023-7-7", "tomorrow", "1800-01-01", "1999-12-31", "9999-12-31", "2101-01-01", "2023-07-07T00:00:00Z", "0000-00-00", "2023-07-07; drop table items", "", " "])
    add(`event date ${JSON.stringify(d)}`, "create", { ...valid(), eventDate: d });
  add("event date as a number", "create", { ...valid(), eventDate: 20230707 });
  add("event date as a Date-like object", "create", { ...valid(), eventDate: { $date: "2023-07-07" } });

  // Bad phone numbers.
  for (const p of ["abc", "☎ 010-1234", "010-1234;rm", "+86 (10) 1234 5678 ext. 9", "１２３４５"]) add(`phone ${p}`, "create", { ...valid(), contactPhone: p });

  // 7. Foreign, missing and malformed ids.
  add("section of no publication", "create", { ...valid(), suggestedSectionId: 99_999 });
  add("section id 0", "create", { ...valid(), suggestedSectionId: 0 });
  add("section id -1", "create", { ...valid(), suggestedSectionId: -1 });
  add("section id 1.5", "create", { ...valid(), suggestedSectionId: 1.5 });
  add("section id 2^40", "create", { ...valid(), suggestedSectionId: 2 ** 40 });
  add("section id injection", "create", { ...valid(), suggestedSectionId: "1 or 1=1" });
  add("section from another publication", "create", { ...valid(), suggestedSectionId: foreignSectionId });
  add("update another unit's draft", "update", { ...valid(), ...foreignDraft });
  add("update another unit's submitted item", "update", { ...valid(), ...foreignSubmitted });
  add("save another unit's draft", "autosave", { ...valid(), ...foreignDraft });
  add("autosave another unit's draft", "autosave", { ...valid(), ...foreignDraft });
  add("submit another unit's draft", "submit", foreignDraft);
  add("withdraw another unit's submitted item", "withdraw", foreignSubmitted);
  add("resubmit another unit's item", "submit", foreignSubmitted);
  add("read another unit's item", "latest", { id: foreignDraft.id });
  add("update an item that does not exist", "update", { ...valid(), id: 999_999, version: 1 });
  add("submit an item that does not exist", "submit", { id: 999_999, version: 1 });
  add("withdraw an item that does not exist", "withdraw", { id: 999_999, version: 1 });
  for (const id of [0, -1, 1.5, "abc", "1; drop table items", null, 2 ** 40, [1], { id: 1 }]) {
    add(`update id ${JSON.stringify(id)}`, "update", { ...valid(), id, version: 1 });
    add(`submit id ${JSON.stringify(id)}`, "submit", { id, version: 1 });
  }
  for (const version of [0, -1, "x", 2 ** 40, null, 1.5]) add(`update version ${JSON.stringify(version)}`, "update", { ...valid(), id: own.id, version });
  add("save with id but no version", "autosave", { ...valid(), id: own.id });
  add("save with version but no id", "autosave", { ...valid(), version: 1 });
  add("stale update (old version)", "update", { ...valid(), id: own.id, version: own.version - 1 });
  add("stale autosave (old version)", "autosave", { ...valid(), id: own.id, version: own.version - 1 });
  add("future version", "autosave", { ...valid(), id: own.id, version: own.version + 5 });
  add("edit own submitted item", "update", { ...valid(), ...ownSubmitted });
  add("autosave own submitted item", "autosave", { ...valid(), ...ownSubmitted });
  add("submit own submitted item again", "submit", ownSubmitted);

  // 8. Fields the unit may not set, and prototype games.
  const extras: Record<string, unknown>[] = [
    { unitId: foreignUnitId },
    { status: "published" },
    { authorId: 1 },
    { publicationId: 2 },
    { submittedRevisionId: 1 },
    { editorNote: "自己写编辑意见" },
    { version: 1 },
    { id: 1 },
    { createdAt: 0 },
    { role: "editor" },
  ];
  for (const x of extras) add(`create with ${Object.keys(x)[0]}`, "create", { ...valid(), ...x });
  for (const x of extras.slice(0, 6)) add(`update with ${Object.keys(x)[0]}`, "update", { ...valid(), ...own, ...x });
  add("__proto__ payload", "create", JSON.parse(`{"title":"标题","__proto__":{"isAdmin":true},"body":{"type":"doc","content":[{"type":"paragraph"}]}}`));
  add("constructor payload", "create", { ...valid(), constructor: { prototype: { isAdmin: true } } });
  add("submit with extra status", "submit", { ...own, status: "accepted" });
  add("withdraw with extra unitId", "withdraw", { ...ownSubmitted, unitId: foreignUnitId });

  // 9. Wrong enum values.
  for (const s of ["hacked", "DRAFT", "published ", "", "deleted", 1, null]) add(`list filter status ${JSON.stringify(s)}`, "filter", { status: s });
  for (const d of ["publish", "approve", "ACCEPT", "", null])
    add(`decide ${JSON.stringify(d)} as a contributor`, "decide", { id: foreignSubmitted.id, version: foreignSubmitted.version, decision: d, note: "" });
  add("decide accept as a contributor", "decide", { id: ownSubmitted.id, version: ownSubmitted.version, decision: "accept", note: "" });

  // 10. Submitting what is not ready.
  return cases;
}

beforeAll(() => {
  changping = actorFor("changping");
  dongcheng = actorFor("dongcheng");
  const base = valid() as unknown as ItemFields;
  const a = createItem(changping, { ...base, title: "昌平区科协草稿" });
  own = { id: a.id, version: a.version };
  const b = createItem(changping, { ...base, title: "昌平区科协已报送稿件" });
  const bs = submitItem(changping, { id: b.id, version: b.version });
  ownSubmitted = { id: bs.id, version: bs.version };
  const c = createItem(dongcheng, { ...base, title: "东城区科协草稿", source: "东城区科协" });
  foreignDraft = { id: c.id, version: c.version };
  const d = createItem(dongcheng, { ...base, title: "东城区科协已报送稿件", source: "东城区科协" });
  const ds = submitItem(dongcheng, { id: d.id, version: d.version });
  foreignSubmitted = { id: ds.id, version: ds.version };
  foreignUnitId = dongcheng.unitId ?? 0;
  // A second publication's section: valid as an id, but not in this publication's catalogue.
  const pub = db.$client.prepare("insert into publications (title, office) values ('另一份简报', '另一个办公室') returning id").get() as { id: number };
  foreignSectionId = (db.$client.prepare("insert into catalogue_sections (publication_id, title, position) values (?, '外刊栏目', 1) returning id").get(pub.id) as { id: number }).id;
});

describe("hostile submissions", () => {
  it("refuses every one of them with a message in Chinese and changes nothing", () => {
    const cases = generate();
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const before = dump();
    const accepted: string[] = [];
    const silent: string[] = [];
    for (const c of cases) {
      const r = attempt(changping, c.op, c.input);
      if (!r.refused) accepted.push(c.name);
      else if (!/[\u4e00-\u9fff]/.test(r.message)) silent.push(c.name);
      // Nothing written, case by case: a refusal never leaves half a change behind.
      expect(dump(), c.name).toBe(before);
    }
    expect(accepted, "accepted instead of refused").toEqual([]);
    expect(silent, "refused without a Chinese message").toEqual([]);
    expect(dump()).toBe(before);
    console.info(`${cases.length} hostile submissions refused; database unchanged`);
  });

  it("each refusal names what is wrong where a field is at fault", () => {
    const r = (op: Op, input: unknown) => attempt(changping, op, input).message;
    expect(r("create", { ...valid(), title: "科".repeat(81) })).toContain("标题不能超过 80 字");
    expect(r("create", { ...valid(), eventDate: "2023-02-30" })).toContain("请填写有效日期");
    expect(r("create", { ...valid(), contactPhone: "abc" })).toContain("电话只能包含数字");
    expect(r("create", { ...valid(), body: doc(para("字".repeat(20_001))) })).toContain("格式不正确");
    expect(r("update", { ...valid(), ...foreignDraft })).toBe("找不到该内容，或您无权查看。");
    expect(r("update", { ...valid(), id: own.id, version: own.version + 1 })).toContain("内容已被他人修改");
    expect(r("decide", { id: foreignSubmitted.id, version: 2, decision: "accept", note: "" })).toBe("您没有权限执行此操作。");
  });

  it("still accepts what real units type: book titles, quotes, co-units, extensions, notes over lines", () => {
    const before = dump();
    const res = attempt(changping, "create", {
      ...valid(),
      title: "《科普法》宣讲进社区 “科技馆之城”建设提速",
      source: "（北京制冷学会, 昌平区科协）",
      contactPhone: "010-12345678转8012",
      noteToEditor: "配图另发邮箱。\n如需核实请来电。",
      body: doc(para("温度低于5℃时，“3<5”这样的写法也要保留。")),
    });
    expect(res).toEqual({ refused: false, message: "" });
    expect(dump()).not.toBe(before);
    const row = db.$client.prepare("select source, contact_phone from items order by id desc limit 1").get() as { source: string; contact_phone: string };
    expect(row.source).toBe("北京制冷学会、昌平区科协");
    expect(row.contact_phone).toBe("010-12345678转8012");
  });
});
