/**
 * Which message namespaces each part of the app sends to the browser. The root layout sends none;
 * each route group's layout wraps its pages in <ClientMessages set="…"> with the namespaces its
 * client components use (useTranslations in a "use client" file), so a page carries only those —
 * the item form no longer downloads the desk's, the admin's and the audit log's messages.
 * lib/i18n/client-messages.test.ts follows every page's imports and fails when a client component
 * uses a namespace its set lacks: add the namespace here.
 */
export const CLIENT_SETS = {
  contributor: ["attributionMove", "confirm", "conflict", "copyCheck", "deleteDraft", "deskEdits", "docxImport", "item", "itemForm", "recognition", "storedText", "titleField", "withdraw"],
  desk: ["calls", "comments", "confirm", "desk", "issueKinds", "item", "nearDuplicates", "office", "pdfExport", "recognition", "signoff", "storedText", "titles"],
  office: ["archive", "archiveBatch", "confirm", "correction", "errors", "office", "pdfExport", "recognition", "register", "storedText"],
  review: ["comments", "confirm", "office", "pdfExport", "review", "signoff"],
  admin: ["admin", "issueKinds", "roles", "rules", "signoff", "storedText", "unitKind", "wordLists"],
  auth: ["auth"],
  firstRun: ["firstRun"],
} as const satisfies Record<string, readonly string[]>;

export type ClientSet = keyof typeof CLIENT_SETS;

/** The messages of `namespaces` only (top-level keys of the merged feature files). */
export function pickMessages(messages: Record<string, unknown>, namespaces: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of namespaces) if (n in messages) out[n] = messages[n];
  return out;
}
