"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { approveIssueAction, returnIssueAction, signIssueAction } from "@/app/actions/review";
import { ConfirmDialog } from "@/components/review/confirm-button";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * Approve at this reader's level — 审核 (`review`) or 签发 (`sign`) — after a confirmation, or
 * return with a required reason. `final`: this approval makes the issue approved for printing.
 */
export function ReviewForm({
  issueId,
  version,
  fingerprint,
  level = "review",
  final = true,
  blocked = false,
}: {
  issueId: number;
  version: number;
  fingerprint: string;
  level?: "review" | "sign";
  final?: boolean;
  /** This reader sent the round, changed it, or gave its 审核: the page says why; approving is off (the action refuses it too). */
  blocked?: boolean;
}) {
  const t = useTranslations("review");
  const ts = useTranslations("signoff");
  const approveLabel = level === "sign" ? ts("sign") : final ? t("approve") : ts("passReview");
  const uid = useId();
  const [comment, setComment] = useState("");
  const [confirming, setConfirming] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const { run, pending, error, fieldErrors } = useFormAction(
    (op: "approve" | "return") =>
      op === "approve" ? (level === "sign" ? signIssueAction : approveIssueAction)({ issueId, version, fingerprint }) : returnIssueAction({ issueId, version, comment }),
    { refresh: "always" },
  );
  const commentError = fieldErrors.comment ?? null;

  const approve = () => void run("approve").then(() => setConfirming(false));
  const sendBack = () => void run("return");

  return (
    <div className="card form decide" role="group" aria-label={t("queueTitle")}>
      <label htmlFor={`${uid}-comment`}>
        {t("comment")} <small>{t("commentHint")}</small>
      </label>
      <textarea
        id={`${uid}-comment`}
        rows={3}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        aria-invalid={commentError ? true : undefined}
        aria-describedby={commentError ? `${uid}-comment-error` : undefined}
      />
      {commentError && (
        <span id={`${uid}-comment-error`} className="field-error">
          {commentError}
        </span>
      )}
      {error && !commentError && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="buttons">
        <button ref={trigger} type="button" className="primary" disabled={pending || blocked} onClick={() => setConfirming(true)}>
          {approveLabel}
        </button>
        <button type="button" disabled={pending} onClick={sendBack}>
          {t("returnToEditor")}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          question={level === "sign" ? ts("signConfirm") : final ? t("approveConfirm") : ts("passReviewConfirm")}
          label={approveLabel}
          className="primary"
          disabled={pending}
          onConfirm={approve}
          onCancel={() => {
            setConfirming(false);
            trigger.current?.focus();
          }}
        >
          <p>
            {t("fingerprint")} <code title={fingerprint}>{fingerprint.slice(0, 16)}</code>
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
