"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { distributeIssue, distributeIssueSchema } from "@/lib/data/issues";

export const distributeIssueAction = defineAction(["office"], distributeIssueSchema, (actor, input) => {
  const i = distributeIssue(actor, input);
  revalidatePath("/office");
  return { id: i.id, version: i.version, status: i.status };
});
