import type { Paragraph } from "@/lib/editor/schema";
import { issueLabel } from "./numbering";
import type { IssueKind, NumberingStyle, SupplementLabel } from "./numbering";

/**
 * The bulletin as plain data: what every export and the preview are pure functions of.
 * Built from the database by lib/data, or parsed from text by the importer.
 */
export interface BulletinDocument {
  masthead: Masthead;
  /** 目录提要: the chosen highlights, in issue order, possibly shortened titles. */
  toc: string[];
  /** In print order. A section whose title is null is the lead block, printed without a heading. */
  sections: BulletinSection[];
  footer: Footer;
  /** Anything not approved prints marked 草稿. */
  draft: boolean;
}

export interface Masthead {
  title: string;
  year: number;
  number: number;
  totalNumber: number;
  office: string;
  /** ISO date, yyyy-mm-dd. */
  date: string;
  /** Absent: a regular issue. A double issue (合刊) covers number..numberEnd and totalNumber..totalNumberEnd. */
  kind?: IssueKind;
  numberEnd?: number | null;
  totalNumberEnd?: number | null;
  /** A supplement's printed name (增刊, 专刊, 特刊); its number is 0 when unnumbered, its totalNumber 0. */
  supplementLabel?: SupplementLabel | null;
  /** How the issue line is printed; absent: Arabic numerals, year not in brackets. */
  numbering?: NumberingStyle;
}

export interface BulletinSection {
  title: string | null;
  items: BulletinItem[];
}

export interface BulletinItem {
  /** The item's id in the database, when it has one: lets the preview and comments point at it. */
  id?: number;
  title: string;
  paragraphs: Paragraph[];
  /** Attribution without the brackets, e.g. "昌平区科协"; null for the office's own news. */
  source: string | null;
  /** A person credited in the attribution (（通讯员 张三）, （市科协 张三）): names joined by 、. */
  author?: string | null;
}

export interface Footer {
  mailbox: string;
  editor: string;
  reviewer: string;
  /** 分送 groups, one printed line each. */
  distribution: string[];
  /** 印发 line: issuing office and date (yyyy-mm-dd), when recorded. */
  printedBy?: string | null;
  printedDate?: string | null;
  /** 共印N份 */
  printRun?: number | null;
}

export function bulletinFileName(doc: BulletinDocument, ext: string): string {
  const m = doc.masthead;
  return `${m.title}-${issueLabel(m)}${doc.draft ? "-草稿" : ""}.${ext}`;
}
