import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { assertDocxWithinLimits, ZIP_LIMITS, ZipGuardError, zipDirectory } from "./zip-guard";

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
});
