import "server-only";
import { getTranslations } from "next-intl/server";
import type { BulletinDocument } from "@/lib/bulletin/document";
import { canPrint } from "@/lib/bulletin/font-files";
import { findUnprintable } from "@/lib/bulletin/glyph-preflight";

/**
 * The glyph preflight on the desk board, the review page and next to the export links: each
 * character of the issue that no embedded face can print, with where it is. Nothing when all print.
 */
export async function GlyphPreflight({ doc }: { doc: BulletinDocument }) {
  const problems = findUnprintable(doc, canPrint);
  if (!problems.length) return null;
  const t = await getTranslations("glyphPreflight");
  return (
    <div role="alert" className="note" data-testid="glyph-preflight">
      <p>
        <strong>{t("title", { count: problems.length })}</strong>
      </p>
      <p>{t("intro")}</p>
      <ul>
        {problems.map((p) => (
          <li key={p.codePoint} data-testid="glyph-problem">
            {t("line", { char: p.char, codePoint: p.codePoint, places: p.places.join("、") })}
          </li>
        ))}
      </ul>
    </div>
  );
}
