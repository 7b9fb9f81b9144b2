"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { createItem, itemFieldsSchema, itemRefSchema, submitItem, updateItem, updateItemSchema, withdrawItem } from "@/lib/data/items";
import type { Item } from "@/db/schema";

const ref = (i: Item) => ({ id: i.id, version: i.version, status: i.status });

export const createItemAction = defineAction(["contributor"], itemFieldsSchema, (actor, input) => ref(createItem(actor, input)));

export const updateItemAction = defineAction(["contributor", "editor"], updateItemSchema, (actor, input) => ref(updateItem(actor, input)));

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
