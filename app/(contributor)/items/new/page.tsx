import { getFormatter, getTranslations } from "next-intl/server";
import { nearDateTime } from "@/lib/i18n/dates";
import { GuidancePanel } from "@/components/calls/guidance-panel";
import { ItemForm } from "@/components/item/item-form";
import { openCallsForUnit } from "@/lib/data/calls";
import { requirePageActor } from "@/lib/auth/session";
import { defaultSource } from "@/lib/data/attribution-default";
import { itemUnitName, listUnitNames, TITLE_MAX } from "@/lib/data/items";
import { currentPublication, listCatalogue } from "@/lib/data/publication";

export default async function NewItemPage({ searchParams }: { searchParams: Promise<{ call?: string }> }) {
  const actor = await requirePageActor("contributor");
  const open = openCallsForUnit(actor);
  const wanted = Number((await searchParams).call);
  const callId = open.some((c) => c.call.id === wanted) ? wanted : null;
  const [t, tf, tc, format] = await Promise.all([getTranslations("item"), getTranslations("itemForm"), getTranslations("calls"), getFormatter()]);
  const sections = listCatalogue(currentPublication().id).filter((s) => s.active);
  const unitName = actor.unitId ? itemUnitName(actor.unitId) : "";
  return (
    <section>
      <h1>{t("newTitle")}</h1>
      <p className="hint">{tf("intro")}</p>
      <ItemForm
        initial={{
          title: "",
          body: { type: "doc", content: [{ type: "paragraph" }] },
          // The office's own news prints without a 署名; every other unit's name is its default.
          source: defaultSource(actor),
          suggestedSectionId: null,
          eventDate: "",
          contactName: actor.displayName,
          contactPhone: "",
          noteToEditor: "",
          callId,
        }}
        initialChars={0}
        sections={sections.map((s) => ({ id: s.id, title: s.title }))}
        titleMax={TITLE_MAX}
        userId={actor.id}
        unitName={unitName}
        sourcePlaceholder={defaultSource(actor)}
        unitNames={listUnitNames()}
        calls={open.map((c) => ({ id: c.call.id, label: `${c.call.topic}（${tc("due", { time: nearDateTime(format, c.call.deadline) })}）` }))}
        guidance={<GuidancePanel calls={open.map((c) => ({ ...c.call, pastDeadline: c.pastDeadline }))} />}
      />
    </section>
  );
}
