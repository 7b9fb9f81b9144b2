import { getTranslations } from "next-intl/server";
import { issueLabeler } from "@/lib/i18n/issue-label";
import { PrintButton } from "@/components/register/print-button";
import { CorrectRegisterForm } from "@/components/register/correct-form";
import { requirePageActor } from "@/lib/auth/session";
import { hasRole } from "@/lib/data/actor";
import { listRegister, METHOD_LABELS, registerYears } from "@/lib/data/register";
import { todayInChina } from "@/lib/data/validation";
import styles from "@/components/register/register.module.css";

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await requirePageActor("office", "editor", "reviewer", "signer", "admin");
  const years = registerYears(actor);
  const asked = Number((await searchParams).year);
  const year = Number.isInteger(asked) && asked >= 1949 && asked <= 2200 ? asked : (years[0] ?? Number(todayInChina().slice(0, 4)));
  const rows = listRegister(actor, year);
  const [t, label] = await Promise.all([getTranslations("register"), issueLabeler()]);
  const canCorrect = hasRole(actor, "office");
  return (
    <section className={styles.page}>
      <div className="title-row">
        <h1>
          {year}年{t("title")}
        </h1>
        <span className="no-print">
          <a className="button" href={`/api/register/${year}`} download>
            {t("xlsx")}
          </a>{" "}
          <PrintButton label={t("print")} />
        </span>
      </div>
      <p className="hint no-print">{t("intro")}</p>
      <form method="get" className={`no-print ${styles.yearForm}`}>
        <label htmlFor="register-year">{t("year")}</label>{" "}
        <select id="register-year" name="year" defaultValue={year}>
          {[...new Set([year, ...years])].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>{" "}
        <button type="submit">{t("showYear")}</button>
      </form>
      {rows.length === 0 ? (
        <p className="empty">{t("empty", { year })}</p>
      ) : (
        <table className="table" data-testid="register">
          <thead>
            <tr>
              <th scope="col">{t("n")}</th>
              <th scope="col">{t("issue")}</th>
              <th scope="col">{t("issueDate")}</th>
              <th scope="col">{t("date")}</th>
              <th scope="col">{t("method")}</th>
              <th scope="col">{t("groups")}</th>
              <th scope="col">{t("count")}</th>
              <th scope="col">{t("printRun")}</th>
              <th scope="col">{t("by")}</th>
              <th scope="col">{t("corrections")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.issue.id}>
                <td>{i + 1}</td>
                <td>{label(r.issue)}</td>
                <td>{r.issue.date}</td>
                <td>{r.current.date}</td>
                <td>{METHOD_LABELS[r.current.method]}</td>
                <td>
                  {r.current.groups.map((g) => (
                    <div key={g}>{g}</div>
                  ))}
                </td>
                <td>{r.current.recipientCount}</td>
                <td>{r.current.printRun ?? "—"}</td>
                <td>{r.current.recordedByName}</td>
                <td>
                  {r.corrections.length > 0 && t("correctedTimes", { count: r.corrections.length, reason: r.current.reason })}
                  {canCorrect && <CorrectRegisterForm entry={{ id: r.current.id, date: r.current.date, method: r.current.method, groups: r.current.groups, recipientCount: r.current.recipientCount, printRun: r.current.printRun }} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
