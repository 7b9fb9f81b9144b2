import { PublicationForm, SectionCatalogue } from "@/components/admin/settings-panel";
import { requirePageActor } from "@/lib/auth/session";
import { publicationSettings } from "@/lib/data/admin";

export default async function AdminSettingsPage() {
  const actor = await requirePageActor("admin");
  const { publication, sections } = publicationSettings(actor);
  return (
    <>
      <PublicationForm initial={publication} />
      <SectionCatalogue sections={sections.map(({ id, title, active, used }) => ({ id, title, active, used }))} />
    </>
  );
}
