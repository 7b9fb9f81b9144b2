import "server-only";
import { isIP } from "node:net";
import { env } from "@/lib/env";

/** Set by scripts/server.mjs from the TCP connection (any value the client sent is overwritten). */
export const PEER_HEADER = "x-jianbao-peer";

type Headers = Record<string, string | string[] | undefined> | Headers_ | undefined;
type Headers_ = { get(name: string): string | null };

function header(h: Headers, name: string): string | undefined {
  if (!h) return undefined;
  if (typeof (h as Headers_).get === "function") return (h as Headers_).get(name) ?? undefined;
  const v = (h as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v.join(",") : v;
}

const norm = (a: string) => a.trim().replace(/^::ffff:/, "");

/**
 * The client's address, from the connection. `X-Forwarded-For` is believed only hop by hop from
 * the right while each hop is a proxy named in TRUSTED_PROXIES (comma-separated addresses); a
 * client cannot choose its own address by sending the header. Without the server's peer header
 * (plain `next start`/`next dev`), Next.js itself puts the connection address into
 * X-Forwarded-For when the client sent none; a client-sent one is then not believed: "unknown".
 */
export function clientIp(h: Headers, trusted: readonly string[] = env.TRUSTED_PROXIES): string {
  // Believed only when scripts/server.mjs runs this process (it overwrites the header per request).
  const peer = process.env.JIANBAO_PEER_HEADER === "1" ? header(h, PEER_HEADER) : undefined;
  const chain = (header(h, "x-forwarded-for") ?? "").split(",").map(norm).filter(Boolean);
  if (peer) {
    let addr = norm(peer);
    // Walk back through trusted proxies only.
    while (trusted.includes(addr) && chain.length) {
      const next = chain.pop()!;
      if (!isIP(next)) break;
      addr = next;
    }
    return addr;
  }
  // No peer header: Next.js sets X-Forwarded-For to the socket address only when absent, so one
  // entry that is a valid address is the connection; anything else may be forged.
  if (chain.length === 1 && isIP(chain[0])) return chain[0];
  return "unknown";
}
