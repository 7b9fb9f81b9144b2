"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { addCommentAction, resolveCommentAction } from "@/app/actions/review";
import { useFormAction } from "@/components/ui/use-form-action";
import type { Thread } from "@/lib/data/review";
import { FormFooter } from "@/components/ui/form-footer";
import { bookTitle, innerBookTitle } from "@/lib/text/book-title";

interface Props {
  issueId: number;
  threads: Thread[];
  items: { id: number; title: string }[];
  /** The reviewer may open new threads while the issue is in review. */
  canOpen: boolean;
}

/**
 * Review comments: general or anchored to an item (and a quoted passage of it), answered and
 * resolved in threads. The printed page sits in an iframe, so anchoring happens here, beside it:
 * each item of the issue has its own 「对此篇提意见」.
 */
export function CommentThreads({ issueId, threads, items, canOpen }: Props) {
  const t = useTranslations("comments");
  const uid = useId();
  const [anchor, setAnchor] = useState<number | null | undefined>(undefined);
  const titleOf = (id: number | null) => items.find((i) => i.id === id)?.title;
  const general = threads.filter((th) => th.itemId === null || !titleOf(th.itemId));

  return (
    <section className="threads" aria-labelledby={`${uid}-h`} data-testid="comment-threads">
      <h2 id={`${uid}-h`}>{t("title")}</h2>
      {threads.length === 0 && <p className="empty">{t("none")}</p>}
      {canOpen && anchor === undefined && (
        <button type="button" onClick={() => setAnchor(null)} data-testid="comment-general">
          {t("newGeneral")}
        </button>
      )}
      {canOpen && anchor === null && <NewThread issueId={issueId} itemId={null} onDone={() => setAnchor(undefined)} />}
      {general.length > 0 && (
        <ol className="thread-list">
          {general.map((th) => (
            <ThreadView key={th.id} thread={th} itemTitle={titleOf(th.itemId)} issueId={issueId} />
          ))}
        </ol>
      )}
      <h3>{t("byItem")}</h3>
      <ol className="anchor-items">
        {items.map((i) => {
          const mine = threads.filter((th) => th.itemId === i.id);
          return (
            <li key={i.id} data-testid={`anchor-item-${i.id}`}>
              <p className="anchor-title">
                {bookTitle(i.title)} {mine.length > 0 && <small>{t("count", { count: mine.length })}</small>}
              </p>
              {canOpen && anchor !== i.id && (
                <button type="button" onClick={() => setAnchor(i.id)}>
                  {t("onThisItem")}
                </button>
              )}
              {canOpen && anchor === i.id && <NewThread issueId={issueId} itemId={i.id} itemTitle={i.title} onDone={() => setAnchor(undefined)} />}
              {mine.length > 0 && (
                <ol className="thread-list">
                  {mine.map((th) => (
                    <ThreadView key={th.id} thread={th} itemTitle={i.title} issueId={issueId} />
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function NewThread({ issueId, itemId, itemTitle, onDone }: { issueId: number; itemId: number | null; itemTitle?: string; onDone: () => void }) {
  const t = useTranslations("comments");
  const uid = useId();
  const [quote, setQuote] = useState("");
  const [body, setBody] = useState("");
  const { run, pending, ...state } = useFormAction(addCommentAction, { refresh: true, onSuccess: onDone });
  const error = state.fieldErrors.body ?? state.fieldErrors.quote ?? state.error;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    void run({ issueId, itemId, parentId: null, quote: quote || null, body });
  }

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={`${uid}-h`} data-testid="new-comment">
      <h4 id={`${uid}-h`}>{itemTitle ? t("onItem", { title: innerBookTitle(itemTitle) }) : t("general")}</h4>
      {itemId !== null && (
        <label>
          {t("quote")}
          <input value={quote} onChange={(e) => setQuote(e.target.value)} placeholder={t("quoteHint")} />
        </label>
      )}
      <label>
        {t("body")}
        <textarea rows={3} value={body} onChange={(e) => setBody(e.target.value)} aria-invalid={error ? true : undefined} />
      </label>
      <FormFooter submit={t("add")} pending={pending} error={error}>
        <button type="button" disabled={pending} onClick={onDone}>
          {t("cancel")}
        </button>
      </FormFooter>
    </form>
  );
}

function ThreadView({ thread, itemTitle, issueId }: { thread: Thread; itemTitle?: string; issueId: number }) {
  const t = useTranslations("comments");
  const [reply, setReply] = useState("");
  const { run, pending, ...state } = useFormAction(
    (op: "reply" | "toggle") =>
      op === "reply"
        ? addCommentAction({ issueId, itemId: thread.itemId, parentId: thread.id, quote: null, body: reply })
        : resolveCommentAction({ commentId: thread.id, resolved: !thread.resolved }),
    { refresh: "always", onSuccess: (_data, op) => (op === "reply" ? setReply("") : undefined) },
  );
  const error = state.fieldErrors.body ?? state.error;
  const send = () => void run("reply");
  const toggle = () => void run("toggle");

  return (
    <li className={`thread ${thread.resolved ? "resolved" : ""}`} data-testid={`thread-${thread.id}`} data-resolved={thread.resolved}>
      <p className="thread-anchor">
        {itemTitle ? t("onItem", { title: innerBookTitle(itemTitle) }) : t("general")}
        {thread.round ? ` · ${t("round", { round: thread.round })}` : ""}
        {thread.resolved && <span className="status status-approved">{t("resolved")}</span>}
      </p>
      {thread.quote && (
        <blockquote>
          {thread.quote}
          {thread.quoteChanged && <small className="quote-changed"> {t("quoteChanged")}</small>}
        </blockquote>
      )}
      <p>
        <strong>{thread.author}</strong>：{thread.body}
      </p>
      {thread.replies.map((r) => (
        <p key={r.id} className="reply">
          <strong>{r.author}</strong>：{r.body}
        </p>
      ))}
      <div className="reply-form">
        <label className="sr-only" htmlFor={`reply-${thread.id}`}>
          {t("reply")}
        </label>
        <input id={`reply-${thread.id}`} value={reply} onChange={(e) => setReply(e.target.value)} placeholder={t("reply")} />
        <button type="button" disabled={pending || !reply.trim()} onClick={send}>
          {t("send")}
        </button>
        <button type="button" disabled={pending} onClick={toggle}>
          {thread.resolved ? t("reopen") : t("resolve")}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}
