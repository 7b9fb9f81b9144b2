"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import {
  addSection,
  addSectionSchema,
  confirmUnit,
  confirmUnitSchema,
  createUnit,
  createUnitSchema,
  createUser,
  createUserSchema,
  liftLoginThrottle,
  liftThrottleSchema,
  mergeUnit,
  mergeUnitSchema,
  moveSection,
  moveSectionSchema,
  removeSection,
  renameSection,
  renameSectionSchema,
  resetPassword,
  resetPasswordSchema,
  sectionRefSchema,
  setSectionActive,
  setSectionActiveSchema,
  setUnitActive,
  setUnitActiveSchema,
  setUserActive,
  setUserActiveSchema,
  updatePublication,
  updatePublicationSchema,
  updateUnit,
  updateUnitSchema,
  updateUser,
  updateUserSchema,
} from "@/lib/data/admin";

const done = () => {
  revalidatePath("/admin", "layout");
  return { ok: true as const };
};

export const createUnitAction = defineAction(["admin"], createUnitSchema, (actor, input) => (createUnit(actor, input), done()));
export const updateUnitAction = defineAction(["admin"], updateUnitSchema, (actor, input) => (updateUnit(actor, input), done()));
export const setUnitActiveAction = defineAction(["admin"], setUnitActiveSchema, (actor, input) => (setUnitActive(actor, input), done()));
export const confirmUnitAction = defineAction(["admin"], confirmUnitSchema, (actor, input) => (confirmUnit(actor, input), done()));
export const mergeUnitAction = defineAction(["admin"], mergeUnitSchema, (actor, input) => (mergeUnit(actor, input), done()));

// Only ok: the user row (let alone its hash) never travels back to the browser.
export const createUserAction = defineAction(["admin"], createUserSchema, (actor, input) => (createUser(actor, input), done()));
export const updateUserAction = defineAction(["admin"], updateUserSchema, (actor, input) => (updateUser(actor, input), done()));
export const resetPasswordAction = defineAction(["admin"], resetPasswordSchema, (actor, input) => (resetPassword(actor, input), done()));
export const liftThrottleAction = defineAction(["admin"], liftThrottleSchema, (actor, input) => (liftLoginThrottle(actor, input), done()));
export const setUserActiveAction = defineAction(["admin"], setUserActiveSchema, (actor, input) => (setUserActive(actor, input), done()));

export const updatePublicationAction = defineAction(["admin"], updatePublicationSchema, (actor, input) => (updatePublication(actor, input), done()));
export const addSectionAction = defineAction(["admin"], addSectionSchema, (actor, input) => (addSection(actor, input), done()));
export const renameSectionAction = defineAction(["admin"], renameSectionSchema, (actor, input) => (renameSection(actor, input), done()));
export const moveSectionAction = defineAction(["admin"], moveSectionSchema, (actor, input) => (moveSection(actor, input), done()));
export const removeSectionAction = defineAction(["admin"], sectionRefSchema, (actor, input) => ({ ...done(), ...removeSection(actor, input) }));
export const setSectionActiveAction = defineAction(["admin"], setSectionActiveSchema, (actor, input) => (setSectionActive(actor, input), done()));
