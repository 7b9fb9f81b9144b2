/**
 * Errors the data layer throws for the UI to show. `code` is a message key under "errors" in the
 * locale files; `field` names the form field it concerns, when there is one.
 */
export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid"
  /** A route handler's query parameter (lib/api/query.ts): params `param`, `label`, `value`. */
  | "invalid_param"
  /** A period whose end is before its start: params `from`, `to` (yyyy-mm-dd), field `to`. */
  | "invalid_range"
  | "conflict"
  | "board_conflict"
  | "not_allowed_now"
  | "draft_not_deletable"
  /** The editor decides on an item its unit has withdrawn meanwhile. */
  | "withdrawn_by_unit"
  | "content_changed"
  | "self_approval"
  /** The first admin's password is the demo accounts' published one; field `password`. */
  | "password_demo"
  | "quote_not_found"
  | "duplicate_number"
  | "duplicate_total"
  /** A new issue's date outside its year: params `date` (Chinese form), `year`; field `date`. */
  | "date_other_year"
  /** A 印发日期 outside its issue's range (lib/data/register.ts assertDistributionDate): params from, to; field date. */
  | "distribution_date_range"
  /** An issue's 截稿时间 after its date or more than a year before it: params `date` (Chinese form); field `deadline`. */
  | "deadline_outside_issue"
  /** A 批示 or 转报 dated before the item's first publication: params `date` (yyyy-mm-dd); field `date`. */
  | "date_before_publication"
  /** A paper distribution sending more copies than were printed: params `count`, `printRun`; field `recipientCount`. */
  | "copies_over_print_run"
  /** A call's deadline not after now; field `deadline`. */
  | "deadline_past"
  /** A call's deadline more than `days` days ahead; field `deadline`. */
  | "deadline_too_far"
  | "duplicate_supplement"
  | "title_mismatch"
  | "throttled"
  | "upload_too_large"
  | "upload_unpacked_too_large"
  | "upload_empty"
  | "upload_binary"
  /** A UTF-8 text file with a damaged byte or two: params `lines` (e.g. "2、5"), `count`. */
  | "upload_damaged"
  /** Bytes that read as GBK only into private-use characters and not as Big5 either. */
  | "upload_unknown_encoding"
  | "upload_bad_docx"
  | "upload_unsupported"
  | "upload_unparsable"
  | "name_taken"
  | "username_taken"
  | "unit_required"
  | "self_lockout"
  | "merge_same"
  | "must_change_password"
  | "wrong_password"
  | "password_unchanged"
  | "title_changed"
  | "title_breaks_invalid";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(code);
  }
}

export const forbidden = () => new AppError("forbidden");
export const notFound = () => new AppError("not_found");
