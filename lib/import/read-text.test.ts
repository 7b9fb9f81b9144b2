import { describe, expect, it } from "vitest";
import { detectEncoding, readTextFile, TextFileError } from "./read-text";

// 「科协简报 2023年第20期」 and a line in GBK, written out byte by byte (no encoder involved).
const GBK_KEXIE = [0xbf, 0xc6, 0xd0, 0xad]; // 科协
const SAMPLE = "科协简报\r\n2023年第20期（总第156期）\r\n王喆、热合曼·艾力出席。\n";

function utf16(text: string, be: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (be ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(be ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8]));
  }
  return new Uint8Array(out);
}

const code = (f: () => unknown) => {
  try {
    f();
    return "read";
  } catch (e) {
    return e instanceof TextFileError ? `${e.code}:${e.message}` : String(e);
  }
};

describe("one text reader", () => {
  const expected = SAMPLE.replace(/\r\n/g, "\n");
  it("reads UTF-8 with and without a BOM", () => {
    const bytes = new TextEncoder().encode(SAMPLE);
    expect(readTextFile(bytes)).toBe(expected);
    expect(readTextFile(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toBe(expected);
  });

  it("reads GBK and GB18030 (four-byte sequences for Ext B names too)", () => {
    expect(readTextFile(new Uint8Array([...GBK_KEXIE, 0x0d, 0x0a, ...GBK_KEXIE]))).toBe("科协\n科协");
    // 𫖯 (U+2B5AF) in GB18030 is the four-byte 0x98 0x35 0xE6 0x33 (from the standard's mapping).
    const fourByte = new Uint8Array([0xcd, 0xf5, 0x98, 0x35, 0xe6, 0x33]);
    expect(detectEncoding(fourByte)).toBe("gb18030");
    expect([...readTextFile(fourByte)]).toHaveLength(2);
  });

  it("reads UTF-16 LE and BE with a BOM, and without one", () => {
    for (const be of [false, true]) {
      expect(readTextFile(utf16(SAMPLE, be, true))).toBe(expected);
      expect(readTextFile(utf16("Report 2023: 科协简报\n", be, false))).toBe("Report 2023: 科协简报\n");
    }
  });

  it("refuses binary files with a message that says it is not text", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]);
    const noNul = new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 37 + 1) % 32 || 1));
    // Zero bytes every other position look like BOM-less UTF-16, but decode to no writing at all.
    const zeroEven = new Uint8Array([0x00, 0xff, 0x10, 0x80, 0x00, 0x7f]);
    const zeroOdd = new Uint8Array(Array.from({ length: 64 }, (_, i) => (i % 2 ? 0 : 0x80 + ((i * 13) % 120))));
    for (const b of [png, zip, noNul, zeroEven, zeroOdd]) expect(code(() => readTextFile(b))).toMatch(/^binary:这不是文本文件/);
    expect(code(() => readTextFile(new TextEncoder().encode(" \n\n")))).toBe("empty:文件是空的");
  });
});

describe("what the reader removes, it says", () => {
  it("a stray control character (DOS Ctrl-Z at the end, a BEL, a VT) is removed and reported, never silently", () => {
    const body = "科协简报\n".repeat(40);
    for (const ctl of ["\u001a", "\u0007", "\u000b"]) {
      const notices: string[] = [];
      const text = readTextFile(new TextEncoder().encode(body + ctl), notices);
      expect(text).toBe(body);
      expect(notices, JSON.stringify(ctl)).toEqual(["已删除文件中 1 个不可见的控制字符（如旧文件末尾的 Ctrl-Z）"]);
    }
    const clean: string[] = [];
    readTextFile(new TextEncoder().encode(body), clean);
    expect(clean).toEqual([]);
  });
});

describe("every upload goes through it", () => {
  it("导入往期 reads GBK and UTF-16 like `bulletin parse` does, and refuses binary as not text", async () => {
    const { readUploadText, UploadError } = await import("@/lib/archive/read-upload");
    expect(await readUploadText("往期.txt", new Uint8Array([...GBK_KEXIE, 0x0a]))).toBe("科协\n");
    expect(await readUploadText("往期.txt", utf16("科协简报\r\n", false, true))).toBe("科协简报\n");
    await expect(readUploadText("往期.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]))).rejects.toSatisfy((e) => e instanceof UploadError && e.code === "binary");
  });

  it("导入往期 is told why a text file cannot be read: a damaged UTF-8 byte names its line, an undecidable encoding says so (not 「不是文本文件」)", async () => {
    const { readUploadText, UploadError } = await import("@/lib/archive/read-upload");
    const good = Buffer.from("科协每周动态\n2023年第20期\n区科协表彰优秀科技工作者\n", "utf8");
    const at = good.indexOf(Buffer.from("区科协"));
    const damaged = new Uint8Array(Buffer.concat([good.subarray(0, at), Buffer.from([0xfe]), good.subarray(at)]));
    await expect(readUploadText("往期.txt", damaged)).rejects.toSatisfy((e) => e instanceof UploadError && e.code === "damaged" && e.params.lines === "3" && e.params.count === 1);
    const odd = new Uint8Array(Array.from({ length: 40 }, (_, i) => (i % 2 ? [0xa1, 0xb0, 0xfe][i % 3] : 0xfa + (i % 5))));
    await expect(readUploadText("往期.txt", odd)).rejects.toSatisfy((e) => e instanceof UploadError && e.code === "unknown_encoding");
  });

  it("removes invisible characters and makes odd spaces ordinary, and says so in the notices", async () => {
    const { readUploadText } = await import("@/lib/archive/read-upload");
    const notices: string[] = [];
    const text = await readUploadText("往期.txt", new TextEncoder().encode("科协\u200b简报\n2023年\u00a0第20期\n👨‍👩‍👧 家庭科普\n"), notices);
    expect(text).toBe("科协简报\n2023年 第20期\n👨‍👩‍👧 家庭科普\n");
    expect(notices).toEqual(["已删除 1 个看不见的字符：零宽空格（U+200B）1 个", "已把 1 个特殊空格换成普通空格：不间断空格（U+00A0）1 个"]);
    const quiet: string[] = [];
    await readUploadText("往期.txt", new TextEncoder().encode("科协简报\n"), quiet);
    expect(quiet).toEqual([]);
  });
});

describe("text files in an encoding that GBK reads as garbage", () => {
  // Big5 bytes of 「區科協表彰優秀科技工作者\n會議於11月27日召開。\n」 (Python: .encode("big5")).
  const big5 = Buffer.from("sM+s7Kjzqu25/MB1qHGs7KfepHWnQKrMCrd8xLOp8zExpOsyN6TppWy2faFDCg==", "base64");
  it("reads Big5 (Traditional Chinese) as Big5 and says so, instead of GBK garbage", () => {
    const notices: string[] = [];
    const text = readTextFile(new Uint8Array(big5), notices);
    expect(text).toBe("區科協表彰優秀科技工作者\n會議於11月27日召開。\n");
    expect(notices.join()).toMatch(/Big5/);
  });
  it("refuses bytes that read as GBK full of private-use characters and not as Big5, with its own message", () => {
    // GBK user-defined area (FAA1, FBB0 …) throughout, invalid as Big5: not text anyone sends.
    const odd = new Uint8Array(Array.from({ length: 40 }, (_, i) => (i % 2 ? [0xa1, 0xb0, 0xfe][i % 3] : 0xfa + (i % 5))));
    expect(code(() => readTextFile(odd))).toMatch(/^unknown_encoding:无法确定这个文件的文字编码/);
  });
  it("keeps a GBK file with one office-made character (造字, private use) as GBK", () => {
    const gbk = new Uint8Array([...Buffer.from("sbG+qcrQv8bQrdGhvtm5pNf3u+HS6aOszfXA7tK7xvDM1sLbo6y5+rjoo6yzydSxsPzQocP3zfU=", "base64"), 0xaa, 0xa1, 0xa3, 0xa1]);
    const text = readTextFile(gbk);
    expect(text).toBe("北京市科协选举工作会议，王李一起讨论，国歌，成员包小明王\ue000！");
  });
});

describe("UTF-16 without a BOM, mostly Chinese", () => {
  it("is read, though only its line ends and digits have zero bytes", () => {
    const text = "区科协表彰优秀科技工作者\n11月27日，区科协表彰龚㚖、李𫖯、张𬍤、赵𬌗、陈𬇹、刘𬊈，热合曼·艾力作报告。\n温度20℃，面积600㎡，第Ⅲ部分。\n（昌平区科协）\n";
    for (const enc of ["utf-16le", "utf-16be"] as const) {
      const le = Buffer.from(text, "utf16le");
      const bytes = enc === "utf-16le" ? le : Buffer.from(le).swap16();
      expect(readTextFile(new Uint8Array(bytes))).toBe(text);
    }
  });
});

describe("UTF-8 with a damaged byte", () => {
  it("is refused with a message naming the line, not as binary", () => {
    const good = Buffer.from("区科协表彰优秀科技工作者\n11月27日，区科协表彰龚㚖等同志。\n", "utf8");
    const at = good.indexOf(Buffer.from("表彰龚"));
    const bytes = new Uint8Array(Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]));
    expect(code(() => readTextFile(bytes))).toBe("damaged:这个文件是 UTF-8 编码，但第 2 行有 1 处损坏的字节，无法可靠读取；请在原文件中改正或重新保存后再上传");
  });
});
