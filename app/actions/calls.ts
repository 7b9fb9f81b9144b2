"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { closeCall, closeCallSchema, guidanceSchema, publishCall, publishCallSchema, updateGuidance } from "@/lib/data/calls";
import { remindNow, remindNowSchema } from "@/lib/data/reminders";

export const publishCallAction = defineAction(["editor"], publishCallSchema, (actor, input) => {
  const call = publishCall(actor, input);
  revalidatePath("/desk/calls");
  return { id: call.id };
});

export const closeCallAction = defineAction(["editor"], closeCallSchema, (actor, input) => {
  closeCall(actor, input);
  revalidatePath("/desk/calls");
  return { ok: true };
});

export const remindNowAction = defineAction(["editor"], remindNowSchema, async (actor, input) => {
  const sent = await remindNow(actor, input);
  revalidatePath("/desk/calls");
  return { units: sent.unitIds.length, emailed: sent.emailed };
});

export const updateGuidanceAction = defineAction(["editor"], guidanceSchema, (actor, input) => {
  updateGuidance(actor, input);
  revalidatePath("/desk/calls");
  return { ok: true };
});
