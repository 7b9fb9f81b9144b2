"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { deleteWordListEntry, deleteWordListEntrySchema, saveWordListEntry, saveWordListEntrySchema } from "@/lib/data/word-lists";

export const saveWordListEntryAction = defineAction(["admin"], saveWordListEntrySchema, (actor, input) => {
  const row = saveWordListEntry(actor, input);
  revalidatePath("/admin/word-lists");
  return { id: row.id };
});

export const deleteWordListEntryAction = defineAction(["admin"], deleteWordListEntrySchema, (actor, input) => {
  deleteWordListEntry(actor, input);
  revalidatePath("/admin/word-lists");
  return { ok: true as const };
});
