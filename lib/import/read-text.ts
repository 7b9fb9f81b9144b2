/**
 * The one reader of text files, for every upload and command (the 导入往期 upload, `bulletin parse`,
 * `bulletin import`, `bulletin read-item`, `bulletin check`). Offices send UTF-8 (with or without a
 * BOM), GBK/GB18030 from older Windows, and UTF-16 from Notepad's 「Unicode」; all are read. Bytes
 * that are not text are refused with a message that says so. The result is a string with "\n" line
 * ends and no BOM, ready for the parser. Node 20 ships full ICU, so TextDecoder knows gb18030.
 */
/**
 * Why bytes were refused: `binary` (not text at all), `empty`, `damaged` (UTF-8 with a damaged byte
 * or two: params `lines` such as "2、5" and `count`), `unknown_encoding` (reads as GBK only into
 * private-use characters, and not as Big5 either).
 */
export type TextFileErrorCode = "binary" | "empty" | "damaged" | "unknown_encoding";

/** A refusal with its Chinese message (for the command line) and the params a translated message needs. */
export class TextFileError extends Error {
  constructor(
    readonly code: TextFileErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

export const NOT_TEXT_MESSAGE = "这不是文本文件（含有二进制内容），无法读取；请提供 .txt 纯文本（UTF-8、GBK/GB18030 或 UTF-16 编码均可）";

export type TextEncodingName = "utf-8" | "gb18030" | "big5" | "utf-16le" | "utf-16be";

/** Bytes that decode as GBK only into private-use characters (a Big5 file, a damaged one): never read as garbage. */
export const UNKNOWN_ENCODING_MESSAGE = "无法确定这个文件的文字编码（按 GBK 读出的是乱码），无法读取；请在记事本或 WPS 中“另存为”UTF-8 编码的 .txt 后再上传";

export class UnknownEncodingError extends Error {}

// Private-use code points: what GBK's user-defined areas (and Big5 text read as GBK) decode to.
const PRIVATE_USE = /[\ue000-\uf8ff]/gu;

/**
 * Which encoding the bytes are in, or null when they are not text. Throws UnknownEncodingError
 * when they decode only as GBK full of private-use characters and not as clean Big5 either.
 */
export function detectEncoding(bytes: Uint8Array): TextEncodingName | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  // UTF-32 LE starts FF FE 00 00: not an encoding anyone saves Chinese text in; refused below.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes.includes(0)) {
    // UTF-16 without a BOM: every other byte of ASCII is 0; Chinese text fills both.
    const sample = bytes.subarray(0, 4096);
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i + 1 < sample.length; i += 2) {
      if (sample[i] === 0) evenZero++;
      if (sample[i + 1] === 0) oddZero++;
    }
    const pairs = Math.floor(sample.length / 2);
    // Chinese text has few ASCII characters (its line ends, some digits): a few zero bytes, all on one side, are enough
    // for a guess that the plausibility test then confirms or refuses.
    const few = Math.max(1, pairs * 0.01);
    const guess = sample.length % 2 === 0 && oddZero >= few && evenZero === 0 ? "utf-16le" : sample.length % 2 === 0 && evenZero >= few && oddZero === 0 ? "utf-16be" : null;
    // Without a BOM the zero bytes are only a hint: the text must also read as text people write.
    return guess && plausibleText(new TextDecoder(guess).decode(sample)) ? guess : null;
  }
  for (const enc of ["utf-8", "gb18030"] as const) {
    let text: string;
    try {
      text = new TextDecoder(enc, { fatal: true }).decode(bytes);
    } catch {
      continue;
    }
    if (enc === "utf-8") return enc;
    // Chinese text in GBK has next to no private-use characters; Big5 (Traditional Chinese) read
    // as GBK is full of them. Such a file is read as Big5 when that gives clean text, else refused.
    // A character or two there is an office's own 造字 for a rare name, kept (the glyph preflight names it).
    const odd = text.match(PRIVATE_USE)?.length ?? 0;
    const wide = [...text].filter((c) => c.codePointAt(0)! > 0x7f).length;
    if (odd === 0 || odd < Math.max(2, wide * 0.02)) return enc;
    try {
      const big5 = new TextDecoder("big5", { fatal: true }).decode(bytes);
      if (!/[\ue000-\uf8ff]/u.test(big5) && plausibleText(big5)) return "big5";
    } catch {
      // not Big5 either
    }
    throw new UnknownEncodingError();
  }
  return null;
}

/**
 * True when at least 95% of the characters are ones a bulletin is written in: ASCII printable and
 * white space, Latin-1 letters, general punctuation, CJK (with its punctuation, full-width forms and
 * extensions), and the usual symbols. Random bytes read as UTF-16 land mostly elsewhere.
 */
function plausibleText(text: string): boolean {
  const chars = [...text];
  if (chars.length === 0) return false;
  const ok = chars.filter((c) => /[\t\n\r\u0020-\u007e\u00a0-\u00fe\u2000-\u206f\u2100-\u27bf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u{20000}-\u{3134f}]/u.test(c)).length;
  return ok >= chars.length * 0.95;
}

/**
 * A UTF-8 file with a damaged byte or two (a cut-off copy, a bad disk): named with its lines, so the
 * office can mend it, instead of "not text". Null when the bytes are not nearly all UTF-8 text.
 */
function damagedUtf8(bytes: Uint8Array): TextFileError | null {
  if (bytes.includes(0)) return null;
  const text = new TextDecoder("utf-8").decode(bytes);
  const bad = text.match(/\ufffd/g)?.length ?? 0;
  if (bad === 0 || bad > 3 || !plausibleText(text.replace(/\ufffd/g, ""))) return null;
  const lines = [...new Set(text.split(/\r\n?|\n/).flatMap((l, i) => (l.includes("\ufffd") ? [i + 1] : [])))].join("、");
  return new TextFileError("damaged", `这个文件是 UTF-8 编码，但第 ${lines} 行有 ${bad} 处损坏的字节，无法可靠读取；请在原文件中改正或重新保存后再上传`, { lines, count: bad });
}

// C0 controls other than tab, line feed, form feed and carriage return: text has almost none.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/**
 * Bytes → text; what was removed on the way (a few stray control characters) is added to `notices`
 * in Chinese. Throws TextFileError with a Chinese message: "binary" when they are not text (a NUL
 * byte outside UTF-16, invalid in every supported encoding, or full of control characters),
 * "damaged" for UTF-8 with a damaged byte or two (naming the lines), "unknown_encoding" for bytes
 * that read as GBK only into private-use characters, "empty" when there is nothing but white space.
 */
export function readTextFile(bytes: Uint8Array, notices?: string[]): string {
  let enc: TextEncodingName | null;
  try {
    enc = detectEncoding(bytes);
  } catch (e) {
    if (e instanceof UnknownEncodingError) throw new TextFileError("unknown_encoding", UNKNOWN_ENCODING_MESSAGE);
    throw e;
  }
  if (!enc) throw damagedUtf8(bytes) ?? new TextFileError("binary", NOT_TEXT_MESSAGE);
  if (enc === "big5") notices?.push("这个文件是繁体中文（Big5）编码，已按 Big5 读取，文字保持繁体，请核对");
  let text: string;
  try {
    text = new TextDecoder(enc, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new TextFileError("binary", NOT_TEXT_MESSAGE);
  }
  text = text.replace(/^\uFEFF/, "");
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > Math.max(2, text.length * 0.01) || text.includes("\u0000")) throw new TextFileError("binary", NOT_TEXT_MESSAGE);
  // A few stray controls (an old DOS file's closing Ctrl-Z, say) are removed — and said so.
  if (controls > 0) notices?.push(`已删除文件中 ${controls} 个不可见的控制字符（如旧文件末尾的 Ctrl-Z）`);
  text = text.replace(CONTROL, "").replace(/\r\n?/g, "\n");
  if (!text.trim()) throw new TextFileError("empty", "文件是空的");
  return text;
}
