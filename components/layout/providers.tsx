"use client";

import { QueryClientProvider, QueryClient } from "@tanstack/react-query";
import { useState } from "react";

/**
 * Client-side providers for every page. No next-auth SessionProvider: nothing reads the session in
 * the browser (pages get the actor on the server; signIn/signOut work without it), and it asked
 * /api/auth/session on every page load and every focus of the window.
 */
export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
