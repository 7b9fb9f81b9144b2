"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { createIssueAction } from "@/app/actions/desk";
import { useFormAction } from "@/components/ui/use-form-action";
import { dateForYear, issueUsingNumber, issueUsingSupplement, issueUsingTotal, nextRegularNumbers, nextSupplementNumberOf, type NumberingState } from "@/lib/bulletin/next-numbers";
import { calendarDay } from "@/lib/i18n/dates";
import { SUPPLEMENT_LABELS, type SupplementLabel } from "@/lib/bulletin/numbering";

interface Proposal {
  year: number;
  number: number;
  totalNumber: number;
  /** Today (China), proposed as the date. */
  date: string;
  /** What the publication's numbering has used, to propose again for another year or name. */
  numbering: NumberingState;
  /** The latest issue the archive knows; `stale` when it is long ago (or there is none). */
  archive?: { label: string | null; days: number | null; stale: boolean };
}

type Kind = "regular" | "double" | "supplement";

/**
 * Proposes the next 第N期 / 总第M期 and date; the editor may change them, and may make the issue a
 * 合刊 (two numbers) or a supplement (outside the regular sequence; 增刊, 专刊 and 特刊 each
 * numbered on their own). Changing the year (or the supplement's name) proposes that year's (or
 * name's) next number again — unless the editor typed a number of their own: that one stays.
 * A 期号, 总期号 or supplement number another issue holds is pointed out beside it, naming that
 * issue (the server refuses it too); a 出刊日期 outside the chosen year is pointed out beside the
 * date with a proposal (today when the year is this year, else the same day in that year).
 */
export function NewIssueForm({ proposal }: { proposal: Proposal }) {
  const t = useTranslations("desk");
  const tk = useTranslations("issueKinds");
  const router = useRouter();
  const format = useFormatter();
  const uid = useId();
  const dateInput = useRef<HTMLInputElement>(null);
  const { archive, numbering } = proposal;
  const numbers = { year: proposal.year, number: proposal.number, totalNumber: proposal.totalNumber, date: proposal.date };
  const [values, setValues] = useState(numbers);
  const [kind, setKind] = useState<Kind>("regular");
  const [supplementLabel, setSupplementLabel] = useState<SupplementLabel>("增刊");
  const [supNumber, setSupNumber] = useState(() => nextSupplementNumberOf(numbering, numbers.year, "增刊"));
  // Numbers the editor typed: a change of year or name leaves them alone.
  const [typed, setTyped] = useState({ number: false, totalNumber: false, supplement: false });

  function changeYear(year: number) {
    const next = nextRegularNumbers(numbering, year);
    setValues((v) => ({ ...v, year, number: typed.number ? v.number : next.number, totalNumber: typed.totalNumber ? v.totalNumber : next.totalNumber }));
    if (!typed.supplement) setSupNumber(nextSupplementNumberOf(numbering, year, supplementLabel));
  }

  function changeLabel(label: SupplementLabel) {
    setSupplementLabel(label);
    if (!typed.supplement) setSupNumber(nextSupplementNumberOf(numbering, values.year, label));
  }

  // Numbers another issue holds: named (the numbering state lists every issue's numbers).
  const next = nextRegularNumbers(numbering, values.year);
  const lp = numbering.lastPublished;
  const usedUpTo = numbering.lastNumberByYear[String(values.year)] ?? 0;
  const double = kind === "double";
  let regularNote: string | null = null;
  if (kind !== "supplement" && values.number >= 1) {
    const holder = issueUsingNumber(numbering, values.year, values.number, double ? values.number + 1 : values.number);
    if (holder) regularNote = tk("numberUsed", { number: values.number, name: holder, next: next.number });
    else if (lp.year === values.year && lp.number && values.number <= lp.number) regularNote = tk("numberMayBeUsed", { year: values.year, last: lp.number, number: values.number, next: next.number });
    else if (typed.number && values.number <= usedUpTo) regularNote = tk("numberGap", { year: values.year, last: usedUpTo, number: values.number });
  }
  let totalNote: string | null = null;
  if (kind !== "supplement" && values.totalNumber >= 1) {
    const holder = issueUsingTotal(numbering, values.totalNumber, double ? values.totalNumber + 1 : values.totalNumber);
    if (holder) totalNote = tk("totalUsed", { total: values.totalNumber, name: holder, next: next.totalNumber });
    else if (lp.total && values.totalNumber <= lp.total && values.totalNumber > numbering.lastTotal) totalNote = tk("totalMayBeUsed", { last: lp.total, total: values.totalNumber, next: next.totalNumber });
  }
  const supUpTo = numbering.lastSupplementByYear[String(values.year)]?.[supplementLabel] ?? 0;
  const supHolder = kind === "supplement" ? issueUsingSupplement(numbering, values.year, supplementLabel, supNumber) : null;
  const supNote = supHolder
    ? tk("supplementUsed", { label: supplementLabel, number: supNumber, name: supHolder, next: supUpTo + 1 })
    : typed.supplement && kind === "supplement" && supNumber >= 1 && supNumber <= supUpTo
      ? tk("supplementMayBeUsed", { year: values.year, label: supplementLabel, last: supUpTo, number: supNumber })
      : null;
  // A date outside the year: said beside the date, with a date in the year to take instead.
  const day = (iso: string) => calendarDay(format, iso);
  const dateFix = dateForYear(values.date, values.year, proposal.date);
  const dateNote = dateFix ? tk(dateFix.basis === "today" ? "dateOtherYearToday" : "dateOtherYearSameDay", { date: day(values.date), year: values.year, proposed: day(dateFix.date) }) : null;
  const { run, pending, error, fieldErrors: errors } = useFormAction(createIssueAction, { errorBesideFieldOnly: true, onSuccess: (issue) => router.push(`/desk/issues/${issue.id}`) });

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    // A date outside the year is already pointed out beside the date: go there, send nothing.
    if (dateFix) {
      dateInput.current?.focus();
      return;
    }
    void run(kind === "supplement" ? { ...values, number: supNumber, totalNumber: 0, kind, supplementLabel } : { ...values, kind });
  }

  const noteOf = (name: "year" | "number" | "totalNumber") => (name === "number" ? regularNote : name === "totalNumber" ? totalNote : null);
  const num = (name: "year" | "number" | "totalNumber") => (
    <div className="field">
      <label htmlFor={`${uid}-${name}`}>{t(name)}</label>
      <input
        id={`${uid}-${name}`}
        type="number"
        min={1}
        value={values[name]}
        onChange={(e) => {
          const n = Number(e.target.value);
          if (name === "year") changeYear(n);
          else {
            setTyped((x) => ({ ...x, [name]: true }));
            setValues((v) => ({ ...v, [name]: n }));
          }
        }}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${uid}-${name}-error` : noteOf(name) ? `${uid}-${name}-note` : undefined}
      />
      {errors[name] && (
        <span id={`${uid}-${name}-error`} className="field-error">
          {errors[name]}
        </span>
      )}
      {noteOf(name) && !errors[name] && (
        <span id={`${uid}-${name}-note`} className="hint" data-testid={name === "number" ? "number-note" : "total-note"}>
          {noteOf(name)}
        </span>
      )}
    </div>
  );

  return (
    <form className="card form" onSubmit={onSubmit} aria-labelledby={`${uid}-h`} noValidate>
      <h2 id={`${uid}-h`}>{t("newIssue")}</h2>
      {archive?.stale && (
        <p className="note" role="status" data-testid="stale-archive">
          {archive.label && archive.days !== null ? tk("stale", { label: archive.label, days: archive.days }) : tk("staleNone")}
        </p>
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${uid}-kind`}>{tk("kind")}</label>
          <select id={`${uid}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="regular">{tk("regular")}</option>
            <option value="double">{tk("double")}</option>
            <option value="supplement">{tk("supplement")}</option>
          </select>
        </div>
        {kind === "supplement" && (
          <>
            <div className="field">
              <label htmlFor={`${uid}-suplabel`}>{tk("supplementLabel")}</label>
              <select id={`${uid}-suplabel`} value={supplementLabel} onChange={(e) => changeLabel(e.target.value as SupplementLabel)}>
                {SUPPLEMENT_LABELS.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${uid}-supnumber`}>{tk("supplementNumber", { label: supplementLabel })}</label>
              <input
                id={`${uid}-supnumber`}
                type="number"
                min={0}
                value={supNumber}
                onChange={(e) => {
                  setTyped((x) => ({ ...x, supplement: true }));
                  setSupNumber(Number(e.target.value));
                }}
                aria-invalid={errors.number ? true : undefined}
                aria-describedby={errors.number ? `${uid}-supnumber-error` : supNote ? `${uid}-supnumber-note` : undefined}
              />
              {errors.number && (
                <span id={`${uid}-supnumber-error`} className="field-error">
                  {errors.number}
                </span>
              )}
              {supNote && !errors.number && (
                <span id={`${uid}-supnumber-note`} className="hint" data-testid="supplement-number-note">
                  {supNote}
                </span>
              )}
            </div>
          </>
        )}
      </div>
      <div className="field-row">
        {num("year")}
        {kind !== "supplement" && num("number")}
        {kind !== "supplement" && num("totalNumber")}
        <div className="field">
          <label htmlFor={`${uid}-date`}>{t("date")}</label>
          <input
            id={`${uid}-date`}
            ref={dateInput}
            type="date"
            value={values.date}
            onChange={(e) => setValues((v) => ({ ...v, date: e.target.value }))}
            aria-invalid={errors.date || dateNote ? true : undefined}
            aria-describedby={errors.date ? `${uid}-date-error` : dateNote ? `${uid}-date-note` : undefined}
          />
          {errors.date && (
            <span id={`${uid}-date-error`} className="field-error">
              {errors.date}
            </span>
          )}
          {dateFix && dateNote && !errors.date && (
            <span id={`${uid}-date-note`} className="field-error" data-testid="date-note">
              {dateNote}{" "}
              <button type="button" onClick={() => setValues((v) => ({ ...v, date: dateFix.date }))}>
                {tk("useDate", { proposed: day(dateFix.date) })}
              </button>
            </span>
          )}
        </div>
      </div>
      {kind === "double" && (
        <p className="hint">
          {tk("doubleHint", { number: values.number, end: values.number + 1, total: values.totalNumber, totalEnd: values.totalNumber + 1, next: values.number + 2, nextTotal: values.totalNumber + 2 })}
        </p>
      )}
      {kind === "supplement" && <p className="hint">{tk("supplementHint")}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}
