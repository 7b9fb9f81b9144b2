import type { Paragraph } from "@/lib/editor/schema";

/** Read-only paragraphs with their bold and italic runs. Text is rendered as text, never as HTML. */
export function RichTextView({ paragraphs, source }: { paragraphs: Paragraph[]; source?: string | null }) {
  return (
    <div className="rich-view">
      {paragraphs.map((p, i) => (
        <p key={i}>
          {p.map((r, j) => {
            let node: React.ReactNode = r.text;
            if (r.italic) node = <em>{node}</em>;
            if (r.bold) node = <strong>{node}</strong>;
            return <span key={j}>{node}</span>;
          })}
          {source && i === paragraphs.length - 1 && <span className="source">（{source}）</span>}
        </p>
      ))}
    </div>
  );
}
