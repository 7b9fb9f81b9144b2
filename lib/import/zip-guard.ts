import { unzipSync } from "fflate";
import { findMainPart } from "./docx-prepare";

/**
 * Limits every .docx upload is held to before anything unpacks or parses it (issue 10, point 6):
 * the contributor's Word import (app/api/items/import-docx) and 导入往期 (the archive upload).
 * A small file can hide a huge one (a 237 KB file that unpacks to 100 MB), so the sizes the ZIP's
 * central directory declares are checked first, with fflate reading only that directory.
 */
export const ZIP_LIMITS = {
  /** The upload itself. */
  maxFileBytes: 5 * 1024 * 1024,
  /** Sum of the declared unpacked sizes of all entries. */
  maxUnpackedBytes: 40 * 1024 * 1024,
  /** word/document.xml alone (a 20,000-character item is well under 1 MB of XML). */
  maxDocumentXmlBytes: 8 * 1024 * 1024,
  maxEntries: 400,
  /** Unpacked:packed ratio of any one entry bigger than 1 MB (XML compresses ~10:1, bombs 1000:1). */
  maxRatio: 200,
} as const;

export type ZipGuardCode = "too_large" | "corrupt" | "not_word";

export class ZipGuardError extends Error {
  constructor(
    readonly code: ZipGuardCode,
    readonly detail = "",
  ) {
    super(`${code}${detail ? `: ${detail}` : ""}`);
  }
}

export interface ZipEntryInfo {
  name: string;
  /** Bytes in the archive. */
  packed: number;
  /** Bytes once unpacked, as the central directory declares. */
  unpacked: number;
}

/** The entries of a ZIP as its central directory lists them; nothing is inflated. Throws ZipGuardError("corrupt"). */
export function zipDirectory(bytes: Uint8Array): ZipEntryInfo[] {
  const out: ZipEntryInfo[] = [];
  try {
    // The filter sees each central-directory record before inflation; refusing all inflates nothing.
    unzipSync(bytes, {
      filter: (f) => {
        out.push({ name: f.name, packed: f.size, unpacked: f.originalSize });
        if (out.length > ZIP_LIMITS.maxEntries) throw new ZipGuardError("too_large", `more than ${ZIP_LIMITS.maxEntries} entries`);
        return false;
      },
    });
  } catch (e) {
    if (e instanceof ZipGuardError) throw e;
    throw new ZipGuardError("corrupt");
  }
  return out;
}

/**
 * Checks a .docx upload against ZIP_LIMITS before mammoth sees it: file size, entry count, total and
 * per-entry declared sizes, compression ratio, and that the main part the package relationships name is there. Throws
 * ZipGuardError with code too_large | corrupt | not_word; returns the directory when it passes.
 */
export function assertDocxWithinLimits(bytes: Uint8Array): ZipEntryInfo[] {
  if (bytes.byteLength > ZIP_LIMITS.maxFileBytes) throw new ZipGuardError("too_large", "file");
  if (bytes.byteLength < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ZipGuardError("corrupt");
  const entries = zipDirectory(bytes);
  const total = entries.reduce((n, e) => n + e.unpacked, 0);
  if (total > ZIP_LIMITS.maxUnpackedBytes) throw new ZipGuardError("too_large", `unpacks to ${total} bytes`);
  for (const e of entries) {
    if (e.unpacked > 1024 * 1024 && e.unpacked > e.packed * ZIP_LIMITS.maxRatio) throw new ZipGuardError("too_large", `${e.name} ratio`);
  }
  // The main part is wherever the package relationships say (word/document2.xml is valid too); read
  // only after the sizes above passed, so _rels/.rels is bounded.
  const mainName = findMainPart(bytes);
  const main = mainName ? entries.find((e) => e.name === mainName) : undefined;
  if (!main) throw new ZipGuardError("not_word");
  if (main.unpacked > ZIP_LIMITS.maxDocumentXmlBytes) throw new ZipGuardError("too_large", main.name);
  return entries;
}
