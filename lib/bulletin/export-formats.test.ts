import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bulletinFileName } from "./document";
import { parseBulletinDocument } from "./document-schema";
import { EXPORT_FORMAT_KEYS, EXPORT_FORMATS, isExportFormat } from "./export-formats";
import { parseBulletinText } from "./parse-text";
import { closeBrowser } from "./pdf";

const SAMPLE = path.resolve(__dirname, "../../db/samples/2023-20.txt");
const doc = parseBulletinText(readFileSync(SAMPLE, "utf8"));
const firstTitle = doc.sections[0].items[0].title;
const asText = (body: string | Uint8Array) => (typeof body === "string" ? body : Buffer.from(body).toString("latin1"));

afterAll(closeBrowser);

describe("the export registry", () => {
  it("lists each format once, under its own key", () => {
    expect(Object.keys(EXPORT_FORMATS).sort()).toEqual([...EXPORT_FORMAT_KEYS].sort());
    for (const key of EXPORT_FORMAT_KEYS) {
      const f = EXPORT_FORMATS[key];
      expect(f.key).toBe(key);
      expect(f.label).not.toBe("");
      expect(f.contentType).toMatch(/^[a-z]+\/[\w.+-]+/);
      expect(bulletinFileName(doc, f.extension)).toMatch(new RegExp(`\\.${f.extension}$`));
    }
    expect(isExportFormat("pdf")).toBe(true);
    expect(isExportFormat("odt")).toBe(false);
  });

  // Every format renders the sample issue (db/samples/2023-20.txt) into a file of its own kind.
  it.each(EXPORT_FORMAT_KEYS)("renders the sample issue as %s", async (key) => {
    const body = await EXPORT_FORMATS[key].render(doc);
    expect(body.length).toBeGreaterThan(500);
    const s = asText(body);
    switch (key) {
      case "pdf":
        expect(s.startsWith("%PDF-")).toBe(true);
        break;
      case "docx":
        expect(s.startsWith("PK")).toBe(true); // a ZIP (OOXML) package
        expect(s).toContain("word/document.xml");
        break;
      case "txt":
        expect(s).toContain(firstTitle);
        break;
      case "json":
        // What the JSON export writes reads back as the same document.
        expect(parseBulletinDocument(JSON.parse(s))).toEqual(parseBulletinDocument(doc));
        break;
      case "html":
        expect(s).toMatch(/^<!doctype html>/i);
        expect(s).toContain(firstTitle);
        break;
    }
  }, 60_000);
});
