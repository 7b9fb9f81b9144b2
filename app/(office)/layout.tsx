import { ClientMessages } from "@/components/layout/client-messages";

/** The office's pages: their messages only. */
export default function OfficeLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages set="office">{children}</ClientMessages>;
}
