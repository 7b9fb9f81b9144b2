import { ClientMessages } from "@/components/layout/client-messages";

/** The unit's pages: the messages of the item form and list only. */
export default function ContributorLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages set="contributor">{children}</ClientMessages>;
}
