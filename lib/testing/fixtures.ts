// Helpers shared by the data tests: demo users as actors, the code of a refused call, a unit's item.
import { db } from "@/db";
import { loadActor } from "@/lib/auth/users";
import type { Actor } from "@/lib/data/actor";
import { AppError } from "@/lib/data/errors";
import { createItem, type ItemFields, submitItem } from "@/lib/data/items";
import { paragraphsToDoc, type Paragraph } from "@/lib/editor/schema";

/** A demo user (db/seed.ts) loaded the way a request loads its actor. */
export function demoActor(username: string): Actor {
  const row = db.$client.prepare("select id from users where username = ?").get(username) as { id: number } | undefined;
  const actor = row && loadActor(row.id);
  if (!actor) throw new Error(`no demo user ${username}`);
  return actor;
}

/** The AppError code a call is refused with, or "no error". */
export function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return "no error";
}

/** 昌平区科协's item with the given title and paragraphs. */
export function itemFields(title: string, paragraphs: (string | Paragraph)[] = ["6月20日，昌平区科协举办科普讲座。"]): ItemFields {
  return {
    title,
    body: paragraphsToDoc(paragraphs),
    source: "昌平区科协",
    suggestedSectionId: null,
    eventDate: "2026-06-20",
    contactName: "刘明",
    contactPhone: "010-12345678",
    noteToEditor: "",
  };
}

/** The unit creates an item with this title and these paragraphs (itemFields) and submits it; the submitted item. */
export function sendItem(unit: Actor, title: string, paragraphs: (string | Paragraph)[]) {
  const item = createItem(unit, itemFields(title, paragraphs));
  return submitItem(unit, { id: item.id, version: item.version });
}
