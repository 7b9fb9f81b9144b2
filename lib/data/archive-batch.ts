import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { issues } from "@/db/schema";
import { readUploadText, UploadError } from "@/lib/archive/read-upload";
import { readZipEntries, ZipError } from "@/lib/archive/zip-entries";
import type { BulletinDocument } from "@/lib/bulletin/document";
import { issueLabel } from "@/lib/bulletin/numbering";
import { BulletinParseError, documentFromParsed, DROPPED_REASONS, parseBulletin } from "@/lib/bulletin/parse-text";
import { type Actor, requireRole } from "./actor";
import { importBulletin, totalOrderWarning } from "./archive";
import { AppError } from "./errors";
import { currentPublication } from "./publication";

/** One file's outcome in a batch import. */
export interface FileImportReport {
  file: string;
  status: "imported" | "refused";
  /** Why it was refused, in Chinese. */
  reason?: string;
  /** What the office should check even though it was imported (or that would have been). */
  warnings: string[];
  /** The issue as printed: 2024年第3期, 2024年第3-4期合刊, 2024年增刊第1期. */
  issue?: string;
  issueId?: number;
  items?: number;
  unitsCreated?: string[];
}

export interface BatchImportReport {
  files: FileImportReport[];
  imported: number;
  refused: number;
  /** Numbers missing in the years of `gapYears` (after the import), and running numbers missing in their span. */
  gaps: string[];
  /**
   * The years the gap check looked at: those of the issues the batch imported; when it imported
   * nothing, every year the archive holds (so the verdict describes the archive as it is).
   */
  gapYears: number[];
  /** Units the batch created (flagged for an admin to confirm or merge). */
  unitsCreated: string[];
}

export interface BatchImportOptions {
  /** Import files whose masthead title differs from the publication's (else they are refused with a warning to confirm). */
  acceptTitle?: boolean;
}

const UPLOAD_REASONS: Record<UploadError["code"], (p: Record<string, string | number>) => string> = {
  too_large: () => "文件过大（最大 5 MB）",
  unpacked_too_large: () => "Word 文件解压后过大（图片太多或文件异常）",
  empty: () => "文件是空的",
  binary: () => "不是文本文件（含有二进制内容）",
  damaged: (p) => `UTF-8 文本第 ${p.lines} 行有 ${p.count} 处损坏的字节，无法可靠读取，请改正或重新保存后再导入`,
  unknown_encoding: () => "无法确定文字编码（按 GBK 读出的是乱码），请另存为 UTF-8 编码的 .txt 后再导入",
  bad_docx: () => "Word 文件损坏或不是 .docx",
  unsupported: () => "只支持 .txt、.md、.docx 和 .zip",
};

const compact = (s: string) => s.replace(/\s/gu, "");

/**
 * Imports many past issues at once: files (.txt, .md, .docx) and .zip archives of them, in the
 * order given (a zip's files in name order). Each file is read, parsed and imported on its own,
 * so one bad file refuses only itself; the report says per file what was imported, what was
 * refused and why, and what to check (a masthead title that is not the publication's, lines the
 * parser left out, highlights that match no item, units created or matched by an alias). At the
 * end it lists the gaps in the numbering of the years the batch touched. Office or admin; null
 * actor: the system (command line).
 */
export async function importArchiveBatch(actor: Actor | null, inputs: { name: string; bytes: Uint8Array }[], options: BatchImportOptions = {}): Promise<BatchImportReport> {
  if (actor) requireRole(actor, "office", "admin");
  const pub = currentPublication();
  const files: FileImportReport[] = [];
  const expanded: { name: string; bytes: Uint8Array }[] = [];
  for (const input of inputs) {
    if (!/\.zip$/i.test(input.name)) {
      expanded.push(input);
      continue;
    }
    try {
      const { files: inner, skipped } = readZipEntries(input.bytes);
      expanded.push(...inner.map((f) => ({ name: `${input.name}/${f.name}`, bytes: f.bytes })));
      for (const s of skipped) files.push({ file: `${input.name}/${s}`, status: "refused", reason: "只支持 .txt、.md 和 .docx，已跳过", warnings: [] });
    } catch (e) {
      files.push({ file: input.name, status: "refused", reason: e instanceof ZipError ? e.message : "压缩包无法读取", warnings: [] });
    }
  }

  const years = new Set<number>();
  const unitsCreated: string[] = [];
  for (const input of expanded) {
    const report: FileImportReport = { file: input.name, status: "refused", warnings: [] };
    files.push(report);
    let doc: BulletinDocument;
    try {
      const text = await readUploadText(input.name, input.bytes, report.warnings);
      const parsed = parseBulletin(text);
      doc = documentFromParsed(parsed);
      if (parsed.dropped.length) {
        const counts = new Map<string, number>();
        for (const d of parsed.dropped) counts.set(DROPPED_REASONS[d.reason], (counts.get(DROPPED_REASONS[d.reason]) ?? 0) + 1);
        report.warnings.push(`略去 ${parsed.dropped.length} 行（${[...counts].map(([r, n]) => `${r} ${n}`).join("，")}）`);
      }
    } catch (e) {
      report.reason = e instanceof UploadError ? UPLOAD_REASONS[e.code](e.params) : e instanceof BulletinParseError ? e.message : "无法读取";
      continue;
    }
    const m = doc.masthead;
    const supplement = m.kind === "supplement";
    const missing = [!m.year && "年份", !m.number && !supplement && "期号", !m.totalNumber && !supplement && "总期号", !m.date && "日期"].filter(Boolean);
    if (missing.length) {
      report.reason = `没有识别出报头的${missing.join("、")}，无法归档；请在“导入往期”页面逐个补全后导入`;
      continue;
    }
    report.issue = issueLabel(m);
    if (!m.office) report.warnings.push("报头没有编印单位");
    if (m.title && compact(m.title) !== compact(pub.title)) {
      const warning = `报头刊名「${m.title}」与本刊「${pub.title}」不同，请确认是同一刊物`;
      if (!options.acceptTitle) {
        report.reason = `${warning}（确认后勾选“刊名不同也导入”，或命令行加 --accept-title）`;
        continue;
      }
      report.warnings.push(warning);
    }
    try {
      // The title was compared above (and confirmed, or the file refused).
      const r = importBulletin(actor, { ...doc, masthead: { ...m, title: m.title || pub.title } }, input.name, { acceptTitle: true });
      Object.assign(report, { status: "imported", issueId: r.issueId, items: r.items, unitsCreated: r.unitsCreated });
      years.add(m.year);
      if (r.unitsCreated.length) {
        report.warnings.push(`新建单位（待管理员确认或合并）：${r.unitsCreated.join("、")}`);
        unitsCreated.push(...r.unitsCreated);
      }
      if (r.unitsAliased?.length) report.warnings.push(`按别名对应的单位：${r.unitsAliased.map(([a, b]) => `${a} → ${b}`).join("、")}`);
      if (r.totalOrder) report.warnings.push(totalOrderWarning(r.totalOrder));
      if (r.tocUnmatched.length) report.warnings.push(`目录提要没有对应稿件：${r.tocUnmatched.join("；")}`);
    } catch (e) {
      report.reason =
        e instanceof AppError && e.code === "duplicate_number"
          ? `${e.params.year}年第${e.params.number}期已存在，期号不能重复`
          : e instanceof AppError && e.code === "duplicate_supplement"
            ? `${e.params.year}年${e.params.label}第${e.params.number}期已存在，期号不能重复`
          : e instanceof AppError && e.code === "duplicate_total"
            ? `本期（${report.issue}）的总第${e.params.total}期已被${e.params.year}年第${e.params.number}期使用，总期号不能重复`
            : e instanceof AppError
            ? `内容不完整（${e.field ?? e.code}）`
            : e instanceof Error
              ? e.message
              : String(e);
    }
  }
  const imported = files.filter((f) => f.status === "imported").length;
  // Nothing imported: the verdict is over the whole archive, not over an empty set of years
  // (which would always say 「没有缺口」).
  if (!years.size) for (const r of db.select({ year: issues.year }).from(issues).where(eq(issues.publicationId, pub.id)).all()) years.add(r.year);
  const gapYears = [...years].sort((a, b) => a - b);
  return { files, imported, refused: files.length - imported, gaps: numberingGaps(pub.id, gapYears), gapYears, unitsCreated };
}

/**
 * Gaps in the regular numbering: per year, the numbers from 1 to the highest held that no issue
 * (nor either end of a 合刊) has; and running numbers missing between the lowest and highest held.
 */
export function numberingGaps(publicationId: number, years: Iterable<number>): string[] {
  const rows = db.select().from(issues).where(eq(issues.publicationId, publicationId)).all().filter((r) => r.kind !== "supplement");
  const out: string[] = [];
  const list = [...years];
  for (const year of list.sort((a, b) => a - b)) {
    const held = new Set<number>();
    for (const r of rows.filter((r) => r.year === year)) for (let n = r.number; n <= (r.numberEnd ?? r.number); n++) held.add(n);
    const top = Math.max(0, ...held);
    const missing = Array.from({ length: top }, (_, k) => k + 1).filter((n) => !held.has(n));
    if (missing.length) out.push(`${year}年缺${missing.map((n) => `第${n}期`).join("、")}`);
  }
  // Running numbers: only the span of the years looked at (an older run may have its own gaps).
  const wanted = new Set(list);
  const totals = new Set<number>();
  for (const r of rows.filter((r) => wanted.has(r.year))) for (let n = r.totalNumber; n <= (r.totalNumberEnd ?? r.totalNumber); n++) totals.add(n);
  if (totals.size) {
    const [lo, hi] = [Math.min(...totals), Math.max(...totals)];
    const missing = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k).filter((n) => !totals.has(n));
    if (missing.length) out.push(`总期号缺${missing.length > 20 ? `${missing.slice(0, 20).map((n) => `第${n}期`).join("、")}等 ${missing.length} 期` : missing.map((n) => `第${n}期`).join("、")}`);
  }
  return out;
}
