import type { Actor } from "@/lib/data/actor";
import { titleBreakView } from "@/lib/data/title-breaks";
import { TitleBreakForm } from "./title-break-form";

/**
 * On the desk's item page: the title's manual line breaks (GB/T 9704-2012 §7.3.1 — words whole,
 * lines balanced). The words come from the server's segmenter (jieba), so this part loads the view
 * and the form below edits it.
 */
export function TitleBreakEditor({ actor, itemId }: { actor: Actor; itemId: number }) {
  const view = titleBreakView(actor, itemId);
  return <TitleBreakForm view={view} />;
}
