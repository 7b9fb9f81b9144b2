"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { approveIssueAction, returnIssueAction, signIssueAction } from "@/app/actions/review";

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
}: {
  issueId: number;
  version: number;
  fingerprint: string;
  level?: "review" | "sign";
  final?: boolean;
}) {
  const t = useTranslations("review");
  const ts = useTranslations("signoff");
  const approveLabel = level === "sign" ? ts("sign") : final ? t("approve") : ts("passReview");
  const router = useRouter();
  const uid = useId();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [commentError, setCommentError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);

  async function approve() {
    setPending(true);
    const res = await (level === "sign" ? signIssueAction : approveIssueAction)({ issueId, version, fingerprint });
    setPending(false);
    setConfirming(false);
    if ("error" in res) setError(res.error);
    router.refresh();
  }

  async function sendBack() {
    setPending(true);
    const res = await returnIssueAction({ issueId, version, comment });
    setPending(false);
    if ("error" in res) {
      setError(res.error);
      setCommentError(res.fieldErrors?.comment ?? null);
      return;
    }
    router.refresh();
  }

  return (
    <div className="card decide" role="group" aria-label={t("queueTitle")}>
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
      {confirming ? (
        <div role="alertdialog" aria-labelledby={`${uid}-confirm`} className="confirm">
          <p id={`${uid}-confirm`}>{level === "sign" ? ts("signConfirm") : final ? t("approveConfirm") : ts("passReviewConfirm")}</p>
          <p>
            {t("fingerprint")} <code title={fingerprint}>{fingerprint.slice(0, 16)}</code>
          </p>
          <div className="buttons">
            <button type="button" className="primary" disabled={pending} onClick={approve} autoFocus>
              {approveLabel}
            </button>
            <button type="button" disabled={pending} onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <div className="buttons">
          <button type="button" className="primary" disabled={pending} onClick={() => setConfirming(true)}>
            {approveLabel}
          </button>
          <button type="button" disabled={pending} onClick={sendBack}>
            {t("returnToEditor")}
          </button>
        </div>
      )}
    </div>
  );
}
