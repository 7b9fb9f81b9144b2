// The production server: Next.js behind a plain Node HTTP server that records, for every request,
// the address the TCP connection came from (header x-jianbao-peer, overwriting anything a client
// sent). lib/auth/client-ip.ts takes the client's address from it, and believes X-Forwarded-For
// only from proxies listed in TRUSTED_PROXIES — `next start` alone keeps a client-sent
// X-Forwarded-For as it is, so a forged one could not be told from the real address.
//   node scripts/server.mjs [-p PORT] [-H HOST]
import { createServer } from "node:http";

const args = process.argv.slice(2);
const opt = (short, long, fallback) => {
  const i = args.findIndex((a) => a === short || a === long);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(opt("-p", "--port", process.env.PORT ?? "3000"));
const hostname = opt("-H", "--hostname", "0.0.0.0");

process.env.NODE_ENV ??= "production";
process.env.JIANBAO_PEER_HEADER = "1";
const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

createServer((req, res) => {
  req.headers["x-jianbao-peer"] = req.socket.remoteAddress ?? "";
  handle(req, res);
}).listen(port, hostname, () => {
  console.log(`简报编发 ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});
