import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/env";
import { LoginError, verifyLogin } from "./users";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const fwd = headers?.["x-forwarded-for"];
  const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(",")[0]?.trim();
  return first || (headers?.["x-real-ip"] as string | undefined) || "local";
}

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 3600 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      name: "password",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("invalid_credentials");
        try {
          const actor = await verifyLogin(parsed.data.username, parsed.data.password, clientIp(req?.headers));
          return { id: String(actor.id), name: actor.displayName };
        } catch (e) {
          // next-auth passes the message to the login page, which shows it in the user's language.
          if (e instanceof LoginError) throw new Error(e.code === "throttled" ? `throttled:${e.retryAfterSeconds}` : e.code);
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.uid = Number(user.id);
      return token;
    },
    async session({ session, token }) {
      // Roles and unit are read from the database on every request by getActor(); the session
      // only carries who is logged in.
      session.userId = typeof token.uid === "number" ? token.uid : undefined;
      return session;
    },
  },
};
