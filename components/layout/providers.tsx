"use client";

import { QueryClientProvider, QueryClient } from "@tanstack/react-query";
import { useState } from "react";

/**
 * React Query for the desk's pages (the board and the issue form are its only users), given by
 * app/(desk)/layout.tsx: other pages do not load it. No next-auth SessionProvider anywhere: nothing
 * reads the session in the browser (pages get the actor on the server; signIn/signOut work without
 * it), and it asked /api/auth/session on every page load and every focus of the window.
 */
export function QueryProvider({ children }: { children: React.ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** The former name, kept so code written against it still builds. */
export const Providers = QueryProvider;
