import { WordListsPanel } from "@/components/admin/word-lists-panel";
import { requirePageActor } from "@/lib/auth/session";
import { listWordListEntries } from "@/lib/data/word-lists";

export default async function AdminWordListsPage() {
  const actor = await requirePageActor("admin");
  const rows = listWordListEntries(actor).map(({ id, list, term, replacement, note }) => ({ id, list, term, replacement, note }));
  return <WordListsPanel rows={rows} />;
}
