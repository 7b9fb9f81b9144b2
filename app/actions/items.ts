"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import {
  createItem,
  itemFieldsSchema,
  itemIdSchema,
  itemRefSchema,
  latestOwnItem,
  saveItemSchema,
  saveOwnItem,
  submitItem,
  updateItem,
  updateItemSchema,
  withdrawItem,
} from "@/lib/data/items";
import type { Item } from "@/db/schema";

const ref = (i: Item) => ({ id: i.id, version: i.version, status: i.status });

/** A new draft (the form's first save, or 保存草稿 on a new item). */
export const createItemAction = defineAction(["contributor"], itemFieldsSchema, (actor, input) => {
  const item = createItem(actor, input);
  revalidatePath("/items");
  return ref(item);
});

/** An explicit save (保存草稿), recorded as a revision of its own; the editor's edits use it too. */
export const updateItemAction = defineAction(["contributor", "editor"], updateItemSchema, (actor, input) => {
  const item = updateItem(actor, input);
  revalidatePath("/items");
  return ref(item);
});

/**
 * Autosave while typing: the same checks, folded into one revision while the person keeps typing.
 * A save from an out-of-date page answers with what is stored now, for the page to show.
 */
export const autosaveItemAction = defineAction(["contributor"], saveItemSchema, (actor, input) => saveOwnItem(actor, input, { autosave: true }));

/** What is stored now, when this page's copy turned out to be out of date. */
export const latestItemAction = defineAction(["contributor"], itemIdSchema, (actor, input) => latestOwnItem(actor, input.id));

export const submitItemAction = defineAction(["contributor"], itemRefSchema, (actor, input) => {
  const item = submitItem(actor, input);
  revalidatePath("/items");
  return ref(item);
});

export const withdrawItemAction = defineAction(["contributor"], itemRefSchema, (actor, input) => {
  const item = withdrawItem(actor, input);
  revalidatePath("/items");
  return ref(item);
});
