import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { CLIENT_SETS, type ClientSet, pickMessages } from "@/lib/i18n/client-messages";

/**
 * Gives the client components below it the messages of one set of namespaces (lib/i18n/
 * client-messages.ts) with the request's locale and time zone. Server component.
 */
export async function ClientMessages({ set, children }: { set: ClientSet; children: React.ReactNode }) {
  const messages = (await getMessages()) as Record<string, unknown>;
  return <NextIntlClientProvider messages={pickMessages(messages, CLIENT_SETS[set])}>{children}</NextIntlClientProvider>;
}
