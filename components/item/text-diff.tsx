import type { DiffPart } from "@/lib/editor/diff";

/** Shows a character diff: insertions underlined, deletions struck through, readable without colour. */
export function TextDiff({ parts, label }: { parts: DiffPart[]; label: string }) {
  return (
    <div className="text-diff" aria-label={label} data-testid="text-diff">
      {parts.map((p, i) =>
        p.kind === "same" ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === "added" ? (
          <ins key={i}>{p.text}</ins>
        ) : (
          <del key={i}>{p.text}</del>
        ),
      )}
    </div>
  );
}
