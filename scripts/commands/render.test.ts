import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { parseBulletinText } from "@/lib/bulletin/parse-text";
import { closeBrowser } from "@/lib/bulletin/pdf";
import { bulletinToText } from "@/lib/bulletin/text";
import { run } from "./render";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "db/samples/2023-20.txt");
const dir = mkdtempSync(path.join(tmpdir(), "bulletin-render-"));
const at = (name: string) => path.join(dir, name);

async function render(...args: string[]) {
  let stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const code = await run(args);
  vi.restoreAllMocks();
  return { code, stderr };
}

afterEach(() => vi.restoreAllMocks());
afterAll(closeBrowser);

describe("bulletin render FILE --format … --out PATH", () => {
  const json = at("2023-20.json");
  writeFileSync(json, JSON.stringify({ ...parseBulletinText(readFileSync(SAMPLE, "utf8")), draft: true }));

  it("renders a text bulletin and a JSON document to text, JSON, print HTML, Word and PDF", async () => {
    for (const format of ["txt", "json", "html", "docx", "pdf"]) {
      const { code, stderr } = await render(json, "--format", format, "--out", at(`out.${format}`));
      expect({ format, code, stderr }).toEqual({ format, code: 0, stderr: "" });
    }
    expect(readFileSync(at("out.txt"), "utf8")).toBe(bulletinToText({ ...parseBulletinText(readFileSync(SAMPLE, "utf8")), draft: true }));
    expect(readFileSync(at("out.html"), "utf8")).toMatch(/^<!DOCTYPE html>[\s\S]*class="watermark"/);
    expect(readFileSync(at("out.docx")).subarray(0, 2).toString()).toBe("PK");
    const pdfText = execFileSync("pdftotext", [at("out.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(pdfText).toContain("市科协党组理论学习中心组开展主题教育学习研讨");
    expect(pdfText).toContain("草稿");

    const fromText = await render(SAMPLE, "--format", "txt", "--out", at("again.txt"));
    expect(fromText.code).toBe(0);
  });

  it("refuses a JSON file that is not a bulletin document, naming each bad field in Chinese", async () => {
    const bad = at("bad.json");
    writeFileSync(bad, JSON.stringify({ masthead: { title: "", year: "2023", number: 1, totalNumber: 1, office: "x", date: "7月7日" }, toc: [], sections: [{ title: null, items: [{ title: "t", paragraphs: [[{ text: "a", underline: true }]], source: null }] }], draft: false }));
    const { code, stderr } = await render(bad, "--format", "pdf", "--out", at("bad.pdf"));
    expect(code).toBe(1);
    expect(stderr).toContain("不是有效的简报文档");
    expect(stderr).toContain("masthead.title：不能为空");
    expect(stderr).toContain("masthead.year：应为数字");
    expect(stderr).toContain("masthead.date：日期应写成 yyyy-mm-dd");
    expect(stderr).toContain("sections[0].items[0].paragraphs[0][0]：多余的字段：underline");
    expect(stderr).toMatch(/footer：应为版记/);
    expect(existsSync(at("bad.pdf"))).toBe(false);
  });

  it("explains broken JSON, a missing file, an unknown format and a missing Chromium", async () => {
    writeFileSync(at("broken.json"), "{ not json");
    expect((await render(at("broken.json"), "--format", "txt", "--out", at("x.txt"))).stderr).toMatch(/不是有效的 JSON/);
    expect((await render(at("missing.json"), "--format", "txt", "--out", at("x.txt"))).stderr).toMatch(/读不到文件/);
    const odt = await render(json, "--format", "odt", "--out", at("x.odt"));
    expect(odt.code).toBe(2);
    expect(odt.stderr).toMatch(/不支持的格式「odt」/);
    vi.stubEnv("CHROMIUM_PATH", at("no-chromium"));
    const noChromium = await render(json, "--format", "pdf", "--out", at("x.pdf"));
    vi.unstubAllEnvs();
    expect(noChromium.code).toBe(1);
    expect(noChromium.stderr).toMatch(/找不到 Chromium（.*no-chromium）.*CHROMIUM_PATH/);
  });
});
