"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { arrangeIssue, arrangeSchema, boardView, issueMetaSchema, updateIssueMeta } from "@/lib/data/arrange";
import { idSchema } from "@/lib/data/validation";
import { defineAction } from "@/lib/auth/action";
import { createIssue, issueRefSchema, newIssueSchema, reopenIssue, sendToReview } from "@/lib/data/issues";
import { decideItem, decideItemSchema, decideItems, decideItemsSchema } from "@/lib/data/items";
import type { Issue } from "@/db/schema";

const issueRef = (i: Issue) => ({ id: i.id, version: i.version, status: i.status });

export const decideItemAction = defineAction(["editor"], decideItemSchema, (actor, input) => {
  const item = decideItem(actor, input);
  revalidatePath("/desk/inbox");
  return { id: item.id, version: item.version, status: item.status };
});

export const createIssueAction = defineAction(["editor"], newIssueSchema, (actor, input) => issueRef(createIssue(actor, input)));

export const sendToReviewAction = defineAction(["editor"], issueRefSchema, (actor, input) => issueRef(sendToReview(actor, input)));
export const reopenIssueAction = defineAction(["editor"], issueRefSchema, (actor, input) => issueRef(reopenIssue(actor, input)));

const boardRefSchema = z.object({ issueId: idSchema });

/** The arrange board as it is now (the board's React Query reads this). */
export const boardAction = defineAction(["editor"], boardRefSchema, (actor, input) => boardView(actor, input.issueId));

/** One change to the arrangement; returns the board after it, or refuses a stale change. */
export const arrangeAction = defineAction(["editor"], arrangeSchema, (actor, input) => {
  arrangeIssue(actor, input);
  return boardView(actor, input.issueId);
});

export const updateIssueMetaAction = defineAction(["editor"], issueMetaSchema, (actor, input) => {
  const issue = updateIssueMeta(actor, input);
  revalidatePath("/desk/issues");
  revalidatePath(`/desk/issues/${issue.id}`);
  return issueRef(issue);
});

export const decideItemsAction = defineAction(["editor"], decideItemsSchema, (actor, input) => {
  const done = decideItems(actor, input);
  revalidatePath("/desk/inbox");
  return { count: done.length };
});
