import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/env";
import { clientIp } from "./client-ip";
import { endSessions, LoginError, sessionState, verifyLogin } from "./users";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1000),
});

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
    /**
     * Runs on every request that reads the session. The token carries the user's session version
     * at sign-in; once sign-out, a password reset, a role change or deactivation has bumped it,
     * the token no longer names anyone.
     */
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = sessionState(token.uid)?.sessionVersion ?? -1;
        return token;
      }
      if (typeof token.uid !== "number") return token;
      const state = sessionState(token.uid);
      if (!state || !state.active || state.sessionVersion !== token.sv) return { revoked: true } as typeof token;
      token.mustChangePassword = state.mustChangePassword;
      return token;
    },
    async session({ session, token }) {
      // Roles and unit are read from the database on every request by getActor(); the session
      // only carries who is logged in. An ended session names no one.
      if (typeof token.uid !== "number" || token.revoked) return { expires: session.expires };
      session.userId = token.uid;
      session.mustChangePassword = token.mustChangePassword === true;
      return session;
    },
  },
  events: {
    // Sign-out ends every session of the user, not only this browser's cookie.
    async signOut({ token }) {
      if (typeof token?.uid === "number" && !token.revoked && sessionState(token.uid)?.sessionVersion === token.sv) endSessions(token.uid);
    },
  },
};
