import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bulletinDocumentSchema } from "@/lib/bulletin/document-schema";
import { run } from "./parse";
import { run as render } from "./render";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLES = path.join(ROOT, "db/samples");
const dir = mkdtempSync(path.join(tmpdir(), "bulletin-parse-"));

function file(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Runs the command in-process and collects what it writes. */
async function parse(...args: string[]) {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const code = await run(args);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

const keys = (o: object) => Object.keys(o);

describe("bulletin parse FILE", () => {
  it("prints the one bulletin document shape (what `render` reads) and nothing else", async () => {
    const { code, stdout, stderr } = await parse(path.join(SAMPLES, "2023-20.txt"));
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const json = JSON.parse(stdout);
    expect(keys(json)).toEqual(["masthead", "toc", "sections", "footer", "draft"]);
    expect(bulletinDocumentSchema.safeParse(json).success).toBe(true);
    expect(json.masthead).toEqual({ title: "科协每周动态", year: 2023, number: 20, totalNumber: 73, office: "北京市科协办公室", date: "2023-07-07" });
    expect(json.toc[1]).toBe("学会聚力赋能交流研讨活动在京举办");
    expect(json.footer).toMatchObject({
      mailbox: "skxxxbs@bast.net.cn",
      editor: "张红波",
      reviewer: "李金涛",
      distribution: ["市科协第十届委员会主席、副主席、常委、委员", "市科协驻会领导", "市学会、基金会，区科协，基层组织", "机关各部门及事业单位"],
    });
    for (const section of json.sections) {
      expect(keys(section)).toEqual(["title", "items"]);
      for (const item of section.items) {
        expect(keys(item)).toEqual(["title", "paragraphs", "source"]);
        expect(item.paragraphs.every((p: unknown) => Array.isArray(p))).toBe(true);
      }
    }
    expect(json.sections[0].title).toBe("主题教育");
    expect(json.sections[3].items[1]).toMatchObject({ title: "昌平区科协组织“庆七一”过政治生日活动", source: "昌平区科协" });
  });

  it("absent parts are empty: no footer in 2023-21, a lead section titled null", async () => {
    const json = JSON.parse((await parse(path.join(SAMPLES, "2023-21.txt"))).stdout);
    expect(json.footer).toMatchObject({ mailbox: "", editor: "", reviewer: "", distribution: [] });
    expect(json.sections[0].title).toBeNull();
    expect(json.sections[0].items[0].source).toBeNull();
  });

  it("a fragment prints with an empty masthead, and stderr says what to fill in before it renders", async () => {
    const { code, stdout, stderr } = await parse(file("fragment.txt", "市科协召开座谈会\n\n近日，市科协召开座谈会。（市科协办公室）\n"));
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.masthead).toEqual({ title: "", year: 0, number: 0, totalNumber: 0, office: "", date: "" });
    expect(json.sections).toEqual([{ title: null, items: [{ title: "市科协召开座谈会", paragraphs: [[{ text: "近日，市科协召开座谈会。" }]], source: "市科协办公室" }] }]);
    expect(stderr).toContain("masthead.year");
  });

  it.each(["2023-20", "2023-21", "2023-25"])("%s: what parse prints, render accepts, and renders back to the same document", async (name) => {
    const { stdout } = await parse(path.join(SAMPLES, `${name}.txt`));
    const json = file(`${name}.json`, stdout);
    const out = path.join(dir, `${name}.out.json`);
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const code = await render([json, "--format", "json", "--out", out]);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual(JSON.parse(stdout));
    // And the text it renders parses back to the same shape.
    const txt = path.join(dir, `${name}.out.txt`);
    expect(await render([json, "--format", "txt", "--out", txt])).toBe(0);
    expect(JSON.parse((await parse(txt)).stdout)).toEqual(JSON.parse(stdout));
  });

  it("reads a GBK file as old office PCs save them", async () => {
    // 「市科协召开座谈会\n\n近日，市科协召开座谈会。」 in GBK.
    const gbk = Buffer.from("cad0bfc6d0add5d9bfaad7f9ccb8bbe10a0abdfcc8d5a3accad0bfc6d0add5d9bfaad7f9ccb8bbe1a1a3", "hex");
    const { code, stdout } = await parse(file("gbk.txt", gbk));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).sections[0].items[0]).toEqual({ title: "市科协召开座谈会", paragraphs: [[{ text: "近日，市科协召开座谈会。" }]], source: null });
  });

  it.each([
    ["binary", () => file("photo.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))],
    ["empty", () => file("empty.txt", "")],
    ["no recognisable item", () => file("masthead-only.txt", "科协每周动态\n\n2023年 第20期\n\n（总第73期）\n")],
    ["missing", () => path.join(dir, "no-such-file.txt")],
  ])("%s: a Chinese error on stderr, exit code 1, nothing on stdout", async (_what, make) => {
    const { code, stdout, stderr } = await parse(make());
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/\p{Script=Han}/u);
  });

  it("without exactly one file it prints the usage and exits 2", async () => {
    const { code, stdout, stderr } = await parse();
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("用法");
  });

  // Through the real entry point once the dispatcher exists (another change adds it).
  it.skipIf(!existsSync(path.join(ROOT, "scripts/bulletin.ts")))("works through `tsx scripts/bulletin.ts parse FILE`", async () => {
    const { stdout } = await promisify(execFile)("npx", ["tsx", "--conditions=react-server", "scripts/bulletin.ts", "parse", path.join(SAMPLES, "2023-25.txt")], { cwd: ROOT });
    const json = JSON.parse(stdout);
    expect(json.masthead.number).toBe(25);
    expect(json.sections.map((s: { title: string | null }) => s.title)).toEqual([null, "基层动态"]);
  });
});
