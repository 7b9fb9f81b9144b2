"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import {
  recordForward,
  recordForwardSchema,
  recordInstruction,
  recordInstructionSchema,
  removeForward,
  removeInstruction,
  removeRecognitionSchema,
} from "@/lib/data/recognition";

export const recordInstructionAction = defineAction(["office"], recordInstructionSchema, (actor, input) => {
  const row = recordInstruction(actor, input);
  revalidatePath(`/office/items/${input.itemId}`);
  return { id: row.id };
});

export const removeInstructionAction = defineAction(["office"], removeRecognitionSchema, (actor, input) => {
  removeInstruction(actor, input);
  revalidatePath("/office/items");
  return { ok: true };
});

export const recordForwardAction = defineAction(["office"], recordForwardSchema, (actor, input) => {
  const row = recordForward(actor, input);
  revalidatePath(`/office/items/${input.itemId}`);
  return { id: row.id };
});

export const removeForwardAction = defineAction(["office"], removeRecognitionSchema, (actor, input) => {
  removeForward(actor, input);
  revalidatePath("/office/items");
  return { ok: true };
});
