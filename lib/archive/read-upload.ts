import mammoth from "mammoth";
import { assertDocxWithinLimits, ZIP_LIMITS, ZipGuardError } from "@/lib/import/zip-guard";
import { readTextFile, TextFileError } from "@/lib/import/read-text";
import { InvisibleCleaner } from "@/lib/text/invisible";

/** The same limits as the contributor's Word import (lib/import/zip-guard.ts). */
export const MAX_UPLOAD_BYTES = ZIP_LIMITS.maxFileBytes;

/** Why an upload was refused; `params` for the message of `damaged` (lines, count). */
export class UploadError extends Error {
  constructor(
    readonly code: "too_large" | "unpacked_too_large" | "empty" | "binary" | "damaged" | "unknown_encoding" | "bad_docx" | "unsupported",
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

/**
 * The text of an uploaded past issue: a .txt through the one text reader (lib/import/read-text.ts), a .docx through mammoth's raw text
 * (one paragraph a line). Anything else — other types, binary data, a corrupt .docx — is refused.
 * Invisible characters are removed and odd spaces made ordinary spaces (the text rule, lib/text/invisible.ts);
 * what was removed or replaced is added to `notices` in Chinese, as the reader's other changes are.
 */
export async function readUploadText(name: string, bytes: Uint8Array, notices?: string[]): Promise<string> {
  const cleaner = new InvisibleCleaner();
  const text = cleaner.clean(await readRaw(name, bytes, notices));
  notices?.push(...cleaner.notices());
  return text;
}

async function readRaw(name: string, bytes: Uint8Array, notices?: string[]): Promise<string> {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new UploadError("too_large");
  if (bytes.byteLength === 0) throw new UploadError("empty");
  const lower = name.toLowerCase();
  if (lower.endsWith(".docx")) {
    // A .docx is a zip archive: PK\x03\x04.
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) throw new UploadError("bad_docx");
    // Declared sizes and entry count first: nothing is unpacked from a file that would be too big.
    try {
      assertDocxWithinLimits(bytes);
    } catch (e) {
      if (e instanceof ZipGuardError) throw new UploadError(e.unpacksTooLarge ? "unpacked_too_large" : e.code === "too_large" ? "too_large" : "bad_docx");
      throw e;
    }
    try {
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      if (!value.trim()) throw new UploadError("empty");
      return value;
    } catch (e) {
      if (e instanceof UploadError) throw e;
      throw new UploadError("bad_docx");
    }
  }
  if (lower.endsWith(".txt") || lower.endsWith(".md")) {
    // The one text reader: UTF-8 (BOM or not), GBK/GB18030, UTF-16.
    try {
      return readTextFile(bytes, notices);
    } catch (e) {
      if (e instanceof TextFileError) throw new UploadError(e.code, e.params);
      throw e;
    }
  }
  throw new UploadError("unsupported");
}
