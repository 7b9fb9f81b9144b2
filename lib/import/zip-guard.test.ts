import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readUploadText, UploadError } from "@/lib/archive/read-upload";
import { readZipEntries, ZipError } from "@/lib/archive/zip-entries";
import { assertDeclaredSizesTrue, assertDocxWithinLimits, ZIP_LIMITS, ZipGuardError, zipDirectory } from "./zip-guard";

const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A zip whose local header and central directory say `name` unpacks to `declared` bytes, whatever it holds. */
function lyingZip(files: Record<string, Uint8Array>, name: string, declared: number): Uint8Array {
  const zip = zipSync(files, { level: 9 });
  const view = new DataView(zip.buffer);
  const nameBytes = new TextEncoder().encode(name);
  const named = (at: number, len: number) => nameBytes.every((b, i) => zip[at + i] === b) && len === nameBytes.length;
  for (let at = 0; at + 46 < zip.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x04034b50 && named(at + 30, view.getUint16(at + 26, true))) view.setUint32(at + 22, declared, true);
    if (sig === 0x02014b50 && named(at + 46, view.getUint16(at + 28, true))) view.setUint32(at + 24, declared, true);
  }
  return zip;
}

const code = (f: () => unknown) => {
  try {
    f();
    return "passed";
  } catch (e) {
    if (e instanceof ZipGuardError) return e.code;
    throw e;
  }
};

describe("the .docx zip guard", () => {
  it("lets a normal document through and lists the directory without inflating", () => {
    const zip = zipSync({ "word/document.xml": new TextEncoder().encode("<w:document/>"), "[Content_Types].xml": new Uint8Array(10) });
    expect(code(() => assertDocxWithinLimits(zip))).toBe("passed");
    expect(zipDirectory(zip).map((e) => e.name)).toContain("word/document.xml");
  });

  it("refuses a bomb (100 MB of zeros in a small file) from its directory alone, quickly", () => {
    const bomb = zipSync({ "word/document.xml": new Uint8Array(100 * 1024 * 1024) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(ZIP_LIMITS.maxFileBytes);
    const t = performance.now();
    expect(code(() => assertDocxWithinLimits(bomb))).toBe("too_large");
    expect(performance.now() - t).toBeLessThan(500);
  });

  it("refuses too many entries, a zip without word/document.xml, and garbage", () => {
    const many: Record<string, Uint8Array> = { "word/document.xml": new Uint8Array(1) };
    for (let i = 0; i < ZIP_LIMITS.maxEntries + 1; i++) many[`x/${i}`] = new Uint8Array(1);
    expect(code(() => assertDocxWithinLimits(zipSync(many)))).toBe("too_large");
    expect(code(() => assertDocxWithinLimits(zipSync({ "a.txt": new Uint8Array(1) })))).toBe("not_word");
    expect(code(() => assertDocxWithinLimits(new TextEncoder().encode("PK not really a zip file at all")))).toBe("corrupt");
    expect(code(() => assertDocxWithinLimits(new Uint8Array(ZIP_LIMITS.maxFileBytes + 1)))).toBe("too_large");
  });

  it("refuses a bomb whose headers lie about its size (says 4 KB, holds 100 MB) after inflating only the declared bytes", () => {
    const doc = new Uint8Array(100 * 1024 * 1024).fill(0x61);
    const bomb = lyingZip({ "[Content_Types].xml": new Uint8Array(10), "_rels/.rels": new TextEncoder().encode(RELS), "word/document.xml": doc }, "word/document.xml", 4000);
    expect(zipDirectory(bomb).find((e) => e.name === "word/document.xml")?.unpacked).toBe(4000);
    const t = performance.now();
    expect(code(() => assertDocxWithinLimits(bomb))).toBe("too_large");
    expect(performance.now() - t).toBeLessThan(300);
  });

  it("holds every entry to its declared size: a shorter entry is corrupt, a true one passes, stored entries too", () => {
    const text = new TextEncoder().encode("<w:document>科协每周动态</w:document>".repeat(50));
    expect(code(() => assertDeclaredSizesTrue(zipSync({ "word/document.xml": text, "media/a.bin": [new Uint8Array(300).fill(7), { level: 0 }] })))).toBe("passed");
    expect(code(() => assertDeclaredSizesTrue(lyingZip({ "word/document.xml": text }, "word/document.xml", text.length + 5)))).toBe("corrupt");
    expect(code(() => assertDeclaredSizesTrue(lyingZip({ "word/document.xml": text }, "word/document.xml", text.length - 5)))).toBe("too_large");
    // Only the entries asked about are inflated.
    expect(code(() => assertDeclaredSizesTrue(lyingZip({ "word/document.xml": text, "x.bin": new Uint8Array(9000) }, "x.bin", 10), (n) => n !== "x.bin"))).toBe("passed");
  });

  it("a .zip of past issues with a lying entry is refused as too much data before it is inflated", () => {
    const zip = lyingZip({ "2023-40.txt": new Uint8Array(50 * 1024 * 1024).fill(0x61), "a.txt": new TextEncoder().encode("x") }, "2023-40.txt", 100);
    const t = performance.now();
    let caught: unknown;
    try {
      readZipEntries(zip);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ZipError);
    expect((caught as ZipError).code).toBe("too_much_data");
    expect(performance.now() - t).toBeLessThan(300);
  });

  it("导入往期 tells a small file that unpacks too large from a file that is itself too large", async () => {
    const bomb = zipSync({ "_rels/.rels": new TextEncoder().encode(RELS), "word/document.xml": new Uint8Array(100 * 1024 * 1024) }, { level: 9 });
    const codeOf = (bytes: Uint8Array) =>
      readUploadText("往期.docx", bytes, []).then(
        () => "passed",
        (e: unknown) => (e instanceof UploadError ? e.code : String(e)),
      );
    expect(await codeOf(bomb)).toBe("unpacked_too_large");
    const big = new Uint8Array(ZIP_LIMITS.maxFileBytes + 1);
    big.set([0x50, 0x4b, 3, 4]);
    expect(await codeOf(big)).toBe("too_large");
  });
});
