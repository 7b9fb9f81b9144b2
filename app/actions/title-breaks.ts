"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { setTitleBreaks, setTitleBreaksSchema } from "@/lib/data/title-breaks";

/** Sets or clears an item title's manual line breaks (the desk's title break editor). */
export const setTitleBreaksAction = defineAction(["editor"], setTitleBreaksSchema, (actor, input) => {
  const view = setTitleBreaks(actor, input);
  revalidatePath(`/desk/items/${input.itemId}`);
  return view;
});
