import { getTranslations } from "next-intl/server";
import { ScoringRulesForm } from "@/components/stats/scoring-rules-form";
import { requirePageActor } from "@/lib/auth/session";
import { listRuleVersions, POINT_KEYS } from "@/lib/data/scoring-rules";
import { todayInChina } from "@/lib/data/validation";

/** The scoring rules (信息工作考核办法): every version, and a form for a new one. Admin only. */
export default async function ScoringPage() {
  const actor = await requirePageActor("admin");
  const versions = listRuleVersions(actor);
  const t = await getTranslations("rules");
  const latest = versions[versions.length - 1];
  const points = Object.fromEntries(POINT_KEYS.map((k) => [k, latest[k]])) as Record<(typeof POINT_KEYS)[number], number>;
  return (
    <>
      <h2>{t("title")}</h2>
      <p className="hint">{t("intro")}</p>
      <ScoringRulesForm initial={{ ...points, effectiveFrom: todayInChina() }} />
      <h3>{t("versions")}</h3>
      <div style={{ overflowX: "auto" }}>
        <table className="table" data-testid="rule-versions">
          <thead>
            <tr>
              <th>{t("effectiveFrom")}</th>
              {POINT_KEYS.map((k) => (
                <th key={k}>{t(k)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...versions].reverse().map((v) => (
              <tr key={v.effectiveFrom}>
                <td>{v.id === null ? t("default") : v.effectiveFrom}</td>
                {POINT_KEYS.map((k) => (
                  <td key={k}>{k === "coUnitShare" ? (v.coUnitShare < 1 ? t("coHalf") : t("coFull")) : v[k]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
