"use server";

import { defineAction } from "@/lib/auth/action";
import { approveIssue, issueRefSchema, returnIssue, returnIssueSchema } from "@/lib/data/issues";

export const approveIssueAction = defineAction(["reviewer"], issueRefSchema, (actor, input) => {
  const i = approveIssue(actor, input);
  return { id: i.id, version: i.version, status: i.status, fingerprint: i.approvalFingerprint };
});

export const returnIssueAction = defineAction(["reviewer"], returnIssueSchema, (actor, input) => {
  const i = returnIssue(actor, input);
  return { id: i.id, version: i.version, status: i.status };
});
