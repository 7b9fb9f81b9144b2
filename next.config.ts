import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./lib/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["better-sqlite3", "playwright-core", "bcryptjs", "@node-rs/jieba"],
  // Let e2e runs build into their own directory so they never clobber a running dev server.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  experimental: {
    // Uploads (导入往期) go through a server action: a 5 MB file plus its form. Larger bodies are
    // answered 413 with the app's own message by scripts/server.mjs before Next.js reads them.
    serverActions: { bodySizeLimit: "6mb" },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV !== "production") }];
  },
};

export default withNextIntl(nextConfig);
