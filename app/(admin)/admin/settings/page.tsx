import { NumberingSettings } from "@/components/admin/numbering-settings";
import { PublicationForm, SectionCatalogue } from "@/components/admin/settings-panel";
import { requirePageActor } from "@/lib/auth/session";
import { publicationSettings } from "@/lib/data/admin";
import { currentPublication } from "@/lib/data/publication";

export default async function AdminSettingsPage() {
  const actor = await requirePageActor("admin");
  const { publication, sections } = publicationSettings(actor);
  const { numerals, yearBrackets, lastPublishedYear, lastPublishedNumber, lastPublishedTotal } = currentPublication();
  const numbering = { numerals, yearBrackets, lastPublishedYear, lastPublishedNumber, lastPublishedTotal };
  return (
    <>
      <PublicationForm initial={publication} />
      <NumberingSettings initial={numbering} />
      <SectionCatalogue sections={sections.map(({ id, title, active, used }) => ({ id, title, active, used }))} />
    </>
  );
}
