"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { correctItem, correctItemSchema } from "@/lib/data/issues";

/** 勘误: a new revision of a distributed issue, with one item's title and text corrected. */
export const correctItemAction = defineAction(["office"], correctItemSchema, (actor, input) => {
  const i = correctItem(actor, input);
  revalidatePath("/office/archive");
  return { id: i.id, version: i.version };
});
