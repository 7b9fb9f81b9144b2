"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { updatePublicationNumbering, publicationNumberingSchema } from "@/lib/data/issue-kinds";
import { addAlias, addAliasSchema, removeAlias, removeAliasSchema } from "@/lib/data/unit-aliases";

const done = () => {
  revalidatePath("/admin");
  revalidatePath("/admin/settings");
  return true as const;
};

export const addAliasAction = defineAction(["admin"], addAliasSchema, (actor, input) => (addAlias(actor, input), done()));
export const removeAliasAction = defineAction(["admin"], removeAliasSchema, (actor, input) => (removeAlias(actor, input), done()));
export const updateNumberingAction = defineAction(["admin"], publicationNumberingSchema, (actor, input) => (updatePublicationNumbering(actor, input), done()));
