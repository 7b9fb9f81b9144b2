import { ClientMessages } from "@/components/layout/client-messages";
import { QueryProvider } from "@/components/layout/providers";
/** The desk's pages: its messages, and React Query (the board; no other part of the app uses it). */
export default function DeskLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages set="desk"><QueryProvider>{children}</QueryProvider></ClientMessages>;
}
