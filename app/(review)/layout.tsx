import { ClientMessages } from "@/components/layout/client-messages";

/** The review pages: their messages only. */
export default function ReviewLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages set="review">{children}</ClientMessages>;
}
