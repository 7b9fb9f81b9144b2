import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    userId?: number;
    mustChangePassword?: boolean;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    /** users.session_version at sign-in (lib/auth/options.ts). */
    sv?: number;
    revoked?: boolean;
    mustChangePassword?: boolean;
  }
}
