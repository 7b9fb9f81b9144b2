"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { approveIssue, approveIssueSchema, returnIssue, returnIssueSchema, signIssue } from "@/lib/data/issues";
import { addComment, addCommentSchema, resolveComment, resolveCommentSchema } from "@/lib/data/review";

export const approveIssueAction = defineAction(["reviewer"], approveIssueSchema, (actor, input) => {
  const i = approveIssue(actor, input);
  return { id: i.id, version: i.version, status: i.status, fingerprint: i.approvalFingerprint };
});

export const signIssueAction = defineAction(["signer"], approveIssueSchema, (actor, input) => {
  const i = signIssue(actor, input);
  return { id: i.id, version: i.version, status: i.status, fingerprint: i.approvalFingerprint };
});

export const returnIssueAction = defineAction(["reviewer", "signer"], returnIssueSchema, (actor, input) => {
  const i = returnIssue(actor, input);
  return { id: i.id, version: i.version, status: i.status };
});

export const addCommentAction = defineAction(["reviewer", "signer", "editor"], addCommentSchema, (actor, input) => {
  const c = addComment(actor, input);
  revalidatePath(`/review/issues/${input.issueId}`);
  revalidatePath(`/desk/issues/${input.issueId}`);
  return { id: c.id };
});

export const resolveCommentAction = defineAction(["reviewer", "editor"], resolveCommentSchema, (actor, input) => {
  const c = resolveComment(actor, input);
  revalidatePath(`/review/issues/${c.issueId}`);
  revalidatePath(`/desk/issues/${c.issueId}`);
  return { id: c.id };
});
