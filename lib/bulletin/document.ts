/**
 * The bulletin as plain data: what every export and the preview are pure functions of. Built from
 * the database by lib/data, or parsed from text by the importer. The types are derived from the one
 * schema in ./document-schema.ts.
 */
export type { BulletinDocument, BulletinItem, BulletinSection, Footer, Masthead } from "./document-schema";
import type { BulletinDocument } from "./document-schema";
import { issueLabel } from "./numbering";

export function bulletinFileName(doc: BulletinDocument, ext: string): string {
  const m = doc.masthead;
  return `${m.title}-${issueLabel(m)}${doc.draft ? "-草稿" : ""}.${ext}`;
}
