"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { addCommentAction, resolveCommentAction } from "@/app/(review)/review/actions";
import type { Thread } from "@/lib/data/review";

interface Props {
  issueId: number;
  threads: Thread[];
  items: { id: number; title: string }[];
  /** The reviewer may open new threads while the issue is in review. */
  canOpen: boolean;
}

/** Review comments: general or anchored to an item (and a quoted passage), answered and resolved in threads. */
export function CommentThreads({ issueId, threads, items, canOpen }: Props) {
  const t = useTranslations("comments");
  const router = useRouter();
  const uid = useId();
  const [itemId, setItemId] = useState<number | null>(null);
  const [quote, setQuote] = useState("");
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const titleOf = (id: number | null) => items.find((i) => i.id === id)?.title;

  async function open(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    const res = await addCommentAction({ issueId, itemId, parentId: null, quote: quote || null, body });
    setPending(false);
    if ("error" in res) return setError(res.fieldErrors?.body ?? res.error);
    setError(null);
    setBody("");
    setQuote("");
    router.refresh();
  }

  return (
    <section className="threads" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t("title")}</h2>
      {threads.length === 0 && <p className="empty">{t("none")}</p>}
      <ol className="thread-list">
        {threads.map((th) => (
          <ThreadView key={th.id} thread={th} itemTitle={titleOf(th.itemId)} issueId={issueId} />
        ))}
      </ol>
      {canOpen && (
        <form className="card form" onSubmit={open} noValidate>
          <h3>{t("new")}</h3>
          <label>
            {t("anchor")}
            <select value={itemId ?? ""} onChange={(e) => setItemId(e.target.value ? Number(e.target.value) : null)}>
              <option value="">{t("general")}</option>
              {items.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </select>
          </label>
          {itemId !== null && (
            <label>
              {t("quote")}
              <input value={quote} onChange={(e) => setQuote(e.target.value)} maxLength={200} placeholder={t("quoteHint")} />
            </label>
          )}
          <label>
            {t("body")}
            <textarea rows={3} value={body} onChange={(e) => setBody(e.target.value)} aria-invalid={error ? true : undefined} />
          </label>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={pending}>
            {t("add")}
          </button>
        </form>
      )}
    </section>
  );
}

function ThreadView({ thread, itemTitle, issueId }: { thread: Thread; itemTitle?: string; issueId: number }) {
  const t = useTranslations("comments");
  const router = useRouter();
  const [reply, setReply] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function send() {
    setPending(true);
    const res = await addCommentAction({ issueId, itemId: thread.itemId, parentId: thread.id, quote: null, body: reply });
    setPending(false);
    if ("error" in res) return setError(res.fieldErrors?.body ?? res.error);
    setReply("");
    setError(null);
    router.refresh();
  }

  async function toggle() {
    setPending(true);
    const res = await resolveCommentAction({ commentId: thread.id, resolved: !thread.resolved });
    setPending(false);
    if ("error" in res) setError(res.error);
    router.refresh();
  }

  return (
    <li className={`thread ${thread.resolved ? "resolved" : ""}`} data-testid={`thread-${thread.id}`}>
      <p className="thread-anchor">
        {itemTitle ? t("onItem", { title: itemTitle }) : t("general")}
        {thread.round ? ` · ${t("round", { round: thread.round })}` : ""}
        {thread.resolved && <span className="status status-approved">{t("resolved")}</span>}
      </p>
      {thread.quote && <blockquote>{thread.quote}</blockquote>}
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
        <input id={`reply-${thread.id}`} value={reply} onChange={(e) => setReply(e.target.value)} placeholder={t("reply")} maxLength={2000} />
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
