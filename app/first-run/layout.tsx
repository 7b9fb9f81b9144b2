import { ClientMessages } from "@/components/layout/client-messages";

/** The first-run page: its messages only. */
export default function FirstRunLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages set="firstRun">{children}</ClientMessages>;
}
