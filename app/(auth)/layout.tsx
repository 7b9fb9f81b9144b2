import { ClientMessages } from "@/components/layout/client-messages";

/** Sign-in and sign-out: their messages only. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages set="auth">{children}</ClientMessages>;
}
