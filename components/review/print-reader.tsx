"use client";

import { useRef, useState } from "react";

/**
 * The print view for reading, at the page's full width and at full size (not the board's
 * 60 % preview), as tall as the document so the page scrolls instead of the frame. The frame runs
 * no script (sandbox); same origin only, so its fonts load and its height can be read here.
 */
export function PrintReader({ html, title }: { html: string; title: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState<number | null>(null);
  const fit = () => {
    const doc = ref.current?.contentDocument;
    if (doc) setHeight(Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0));
  };
  return (
    <iframe
      ref={ref}
      title={title}
      srcDoc={html}
      sandbox="allow-same-origin"
      className="print-reader"
      data-testid="print-frame"
      onLoad={fit}
      style={height ? { height: height + 2 } : undefined}
    />
  );
}
