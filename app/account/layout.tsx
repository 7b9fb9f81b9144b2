import { ClientMessages } from "@/components/layout/client-messages";

/** The account pages (password change): their messages only. */
export default function AccountLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages set="auth">{children}</ClientMessages>;
}
