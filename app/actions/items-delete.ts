"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { deleteDraft, deleteDraftSchema } from "@/lib/data/item-delete";

/** 删除草稿: a draft the unit has never submitted (the data function checks unit and state). */
export const deleteDraftAction = defineAction(["contributor"], deleteDraftSchema, (actor, input) => {
  const res = deleteDraft(actor, input);
  revalidatePath("/items");
  return res;
});
