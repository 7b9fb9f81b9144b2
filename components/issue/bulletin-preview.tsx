import type { BulletinDocument } from "@/lib/bulletin/document";
import { bulletinToText } from "@/lib/bulletin/text";

/** The issue as it reads, from the same renderer as the text export. */
export function BulletinPreview({ doc }: { doc: BulletinDocument }) {
  return (
    <pre className="text-preview" data-testid="bulletin-preview">
      {bulletinToText(doc).trim()}
    </pre>
  );
}
