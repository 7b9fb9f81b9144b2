import "server-only";
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { toResult } from "@/lib/auth/action";
import { PdfBusyError, PdfUnavailableError } from "@/lib/bulletin/pdf-errors";
import { AppError, type AppErrorCode } from "@/lib/data/errors";
import { TransitionError } from "@/lib/workflow/item";

/**
 * The HTTP status of every data-layer error code, one table for every route handler. A new code
 * must be given one here (the Record is exhaustive, so tsc fails without it). 4xx only: a refusal
 * is never a server error.
 */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  must_change_password: 403,
  not_found: 404,
  invalid: 400,
  invalid_param: 400,
  invalid_range: 400,
  date_other_year: 400,
  distribution_date_range: 400,
  deadline_outside_issue: 400,
  date_before_publication: 400,
  copies_over_print_run: 400,
  deadline_past: 400,
  deadline_too_far: 400,
  unit_required: 400,
  merge_same: 400,
  wrong_password: 400,
  password_unchanged: 400,
  password_demo: 400,
  title_breaks_invalid: 400,
  upload_empty: 400,
  upload_binary: 415,
  upload_damaged: 422,
  upload_unknown_encoding: 415,
  upload_bad_docx: 415,
  upload_unsupported: 415,
  upload_unparsable: 422,
  upload_too_large: 413,
  upload_unpacked_too_large: 413,
  conflict: 409,
  board_conflict: 409,
  not_allowed_now: 409,
  draft_not_deletable: 409,
  withdrawn_by_unit: 409,
  content_changed: 409,
  title_changed: 409,
  self_approval: 409,
  self_lockout: 409,
  quote_not_found: 409,
  duplicate_number: 409,
  duplicate_total: 409,
  duplicate_supplement: 409,
  title_mismatch: 409,
  name_taken: 409,
  username_taken: 409,
  throttled: 429,
};

/**
 * The HTTP status for an error a route handler caught: the table above for an AppError, 409 for a
 * workflow step not allowed from the current state (TransitionError), 503 for the PDF renderer
 * being missing or too busy, 500 for anything else.
 */
export function httpStatusOf(e: unknown): number {
  if (e instanceof AppError) return HTTP_STATUS[e.code] ?? 400;
  if (e instanceof TransitionError) return 409;
  if (e instanceof PdfUnavailableError || e instanceof PdfBusyError) return 503;
  return 500;
}

/**
 * A route handler's answer to a caught error: `{ error, fieldErrors? }` in the user's language
 * (the same shape server actions return, lib/auth/action.ts toResult) with the status of
 * httpStatusOf. The PDF renderer's errors are logged (an operator must act) and answered with
 * their own message; an unexpected error is logged by toResult and answered 「操作失败…」, never
 * with its text.
 */
export async function errorResponse(e: unknown): Promise<NextResponse> {
  const t = await getTranslations("errors");
  const status = httpStatusOf(e);
  if (e instanceof PdfUnavailableError || e instanceof PdfBusyError) {
    console.error(e.message);
    return NextResponse.json({ error: t(e.code) }, { status, headers: { "cache-control": "no-store" } });
  }
  return NextResponse.json(toResult(t, e), { status, headers: { "cache-control": "no-store" } });
}
