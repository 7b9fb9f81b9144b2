"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The print view for reading, at the page's full width and at full size (not the board's
 * 60 % preview), as tall as the document so the page scrolls instead of the frame. The frame runs
 * no script (sandbox); same origin only, so its fonts load and its height can be read here.
 */
export function PrintReader({ html, title }: { html: string; title: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState<number | null>(null);
  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const measure = () => {
      const doc = frame.contentDocument;
      if (doc?.documentElement) setHeight(Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0));
    };
    // The server-rendered frame may have loaded before this ran; measure now, on load, and again
    // once its fonts are in (the text reflows when the print faces replace the fallback).
    const fit = () => {
      measure();
      void frame.contentDocument?.fonts?.ready.then(measure);
    };
    frame.addEventListener("load", fit);
    if (frame.contentDocument?.readyState === "complete") fit();
    return () => frame.removeEventListener("load", fit);
  }, [html]);
  return (
    <iframe
      ref={ref}
      title={title}
      srcDoc={html}
      sandbox="allow-same-origin"
      className="print-reader"
      data-testid="print-frame"
      style={height ? { height: height + 2 } : undefined}
    />
  );
}
