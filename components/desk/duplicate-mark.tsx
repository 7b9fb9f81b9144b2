"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Suspense, use } from "react";
import { bookTitle } from "@/lib/text/book-title";

/** A printed or inbox item a waiting item closely matches (lib/data/near-duplicates.ts). */
export interface DuplicateOf {
  id: number;
  title: string;
  /** Its unit and when it was sent or where it was printed (lib/i18n/duplicate-note.ts), bracketed. */
  note: string;
}

/**
 * The inbox row's near-duplicate mark, streamed: the list shows at once and each mark follows when
 * its lookup is done (the first look at a page of new items in a large archive can take a second).
 * `mark` resolves to the closest match, or null for none.
 */
export function DuplicateMark({ mark }: { mark: Promise<DuplicateOf | null> }) {
  return (
    <Suspense fallback={null}>
      <Resolved mark={mark} />
    </Suspense>
  );
}

function Resolved({ mark }: { mark: Promise<DuplicateOf | null> }) {
  const tn = useTranslations("nearDuplicates");
  const d = use(mark);
  if (!d) return null;
  return (
    <span className="hint" data-testid="inbox-duplicate">
      {" "}
      {tn("badge")}
      {bookTitle(d.title)}
      {d.note}{" "}
      {/* The link is named apart from the row's own title link, which may read the same. */}
      <Link href={`/desk/items/${d.id}`}>{tn("compare")}</Link>
    </span>
  );
}
