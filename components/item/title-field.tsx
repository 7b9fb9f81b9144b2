"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { Finding } from "@/lib/copycheck";
import { oneLineTitle } from "@/lib/item/form-values";
import { lengthOf } from "@/lib/text/count";
import { InvisibleNotice, useInvisibleNotice } from "@/components/ui/invisible-notice";
import { useGrowingTextarea } from "@/components/ui/use-growing-textarea";
import { FindingList } from "./copy-check";
import type { Fields } from "./form-field";
import styles from "./item-form.module.css";

type TitleFinding = Finding & { key: string };

/**
 * 标题: a text area that grows with the title, so a long title is seen whole, but stays one line of
 * text — Enter moves on to the body instead of adding a line, and line breaks that arrive by paste or drop are removed (the
 * person is told). Invisible characters are removed and odd spaces made ordinary ones (the text
 * rule), also with a notice naming them. The counter counts user-perceived characters (`lengthOf`,
 * the same count as the server's limit): an emoji is one.
 */
export function TitleField({
  uid,
  fields,
  value,
  titleMax,
  findings,
  onChange,
  onIgnore,
  onFix,
}: {
  uid: string;
  fields: Fields;
  value: string;
  titleMax: number;
  findings: TitleFinding[];
  onChange: (title: string) => void;
  onIgnore: (key: string) => void;
  onFix: (f: TitleFinding) => void;
}) {
  const t = useTranslations("item");
  const tf = useTranslations("itemForm");
  const tj = useTranslations("titleField");
  const ref = useRef<HTMLTextAreaElement>(null);
  const locale = useLocale();
  const [joined, setJoined] = useState(false);
  const invisible = useInvisibleNotice();
  const cleaned = invisible.notices;
  const titleLength = lengthOf(value.trim());
  useGrowingTextarea(ref, value);
  return (
    <div className="field">
      <label htmlFor={`${uid}-title`}>{t("title")}</label>
      <textarea
        ref={ref}
        {...fields.field("title", `${uid}-title-count${joined ? ` ${uid}-title-joined` : ""}${cleaned.length ? ` ${uid}-title-cleaned` : ""}`)}
        className={styles.titleInput}
        rows={1}
        value={value}
        onChange={(e) => {
          const one = invisible.track((c) => oneLineTitle(e.target.value, locale, c));
          if (one.changed) setJoined(true);
          invisible.settle(one.value, value);
          onChange(one.value);
        }}
        onKeyDown={(e) => {
          // Enter (not the one that ends an IME composition) adds no line: it goes on to the body.
          if (e.key === "Enter" && !e.nativeEvent.isComposing) {
            e.preventDefault();
            document.getElementById(`${uid}-body`)?.focus();
          }
        }}
        required
        autoComplete="off"
        spellCheck={false}
      />
      <span id={`${uid}-title-count`} className={`hint ${titleLength > titleMax ? styles.over : ""}`} data-testid="title-count">
        {titleLength > titleMax ? tf("titleOver", { count: titleLength, max: titleMax, over: titleLength - titleMax }) : tf("titleCount", { count: titleLength, max: titleMax })}
      </span>
      {joined && (
        <span id={`${uid}-title-joined`} className="hint" role="status" data-testid="title-joined">
          {tj("joined")}
        </span>
      )}
      {cleaned.length > 0 && (
        <InvisibleNotice id={`${uid}-title-cleaned`} testId="title-cleaned" onDismiss={invisible.dismiss}>
          {tj("cleaned", { what: cleaned.join(invisible.separator) })}
        </InvisibleNotice>
      )}
      {fields.errorFor("title")}
      {findings.length > 0 && <FindingList findings={findings} testId="title-findings" onIgnore={onIgnore} onFix={onFix} />}
    </div>
  );
}
