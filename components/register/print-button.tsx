"use client";

/** Prints the page (the register is laid out for paper; controls are hidden in print). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
