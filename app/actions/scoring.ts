"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { saveRuleVersion, saveRulesSchema } from "@/lib/data/scoring-rules";

export const saveRulesAction = defineAction(["admin"], saveRulesSchema, (actor, input) => {
  const v = saveRuleVersion(actor, input);
  revalidatePath("/admin/scoring");
  return { effectiveFrom: v.effectiveFrom };
});
