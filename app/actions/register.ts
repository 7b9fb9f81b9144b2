"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { correctRegisterEntry, correctRegisterSchema } from "@/lib/data/register";

export const correctRegisterAction = defineAction(["office"], correctRegisterSchema, (actor, input) => {
  const row = correctRegisterEntry(actor, input);
  revalidatePath("/office/register");
  revalidatePath("/office/archive");
  return { id: row.id };
});
