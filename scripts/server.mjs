// The production server: Next.js behind a plain Node HTTP server that records, for every request,
// the address the TCP connection came from (header x-jianbao-peer, overwriting anything a client
// sent). lib/auth/client-ip.ts takes the client's address from it, and believes X-Forwarded-For
// only from proxies listed in TRUSTED_PROXIES — `next start` alone keeps a client-sent
// X-Forwarded-For as it is, so a forged one could not be told from the real address.
//   node scripts/server.mjs [-p PORT] [-H HOST]
import { createServer } from "node:http";
import { Readable } from "node:stream";

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

// Server actions accept at most 6 MB (next.config.ts serverActions.bodySizeLimit; a 5 MB upload
// and its form). Next.js answers a larger one with a 500; it is refused here first, with the app's
// own message, from the declared size alone (nothing is read). Route handlers check their own.
const ACTION_BODY_LIMIT = 6 * 1024 * 1024;
const tooLarge = (req) => {
  if (req.method !== "POST" || !req.headers["next-action"]) return false;
  const declared = req.headers["content-length"];
  // Chunked bodies (Next.js forwards an action to the page that holds it that way) are counted while read.
  if (declared === undefined) return false;
  return !(Number(declared) <= ACTION_BODY_LIMIT);
};

const refuse = (res, status, error, error_en, code) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify({ error, error_en, code }));
};

/** Deepest nesting of [ and { outside strings; stops counting past `limit`. */
function depth(text, limit) {
  let d = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++d > max && (max = d) > limit) return max;
    } else if (c === 93 || c === 125) d--;
  }
  return max;
}

/**
 * A server action's JSON arguments (text/plain bodies; forms with files are multipart and Next.js
 * parses those itself) are read here first: a body that is not JSON, or nested deeper than any form
 * sends, gets a 400 with a message instead of the 500 Next.js answers. The body is then replayed to
 * Next.js unchanged.
 */
async function checkedActionRequest(req, res) {
  const chunks = [];
  let size = 0;
  for await (const c of req) {
    size += c.length;
    if (size > ACTION_BODY_LIMIT) {
      refuse(res, 413, "文件过大（最大 5 MB）。", "The file is too large (at most 5 MB).", "payload_too_large");
      return null;
    }
    chunks.push(c);
  }
  const body = Buffer.concat(chunks);
  const text = body.toString("utf8");
  let ok = depth(text, 64) <= 64;
  if (ok) {
    try {
      JSON.parse(text);
    } catch {
      ok = false;
    }
  }
  if (!ok) {
    refuse(res, 400, "请求格式不正确。", "The request is not in the expected format.", "bad_request");
    return null;
  }
  // The same request object, its body served again from memory.
  const replay = Readable.from([body]);
  for (const m of ["read", "on", "once", "off", "pipe", "unpipe", "pause", "resume", "removeListener", "addListener", "setEncoding", "isPaused", Symbol.asyncIterator]) {
    req[m] = replay[m].bind(replay);
  }
  Object.defineProperty(req, "readable", { get: () => replay.readable, configurable: true });
  Object.defineProperty(req, "readableEnded", { get: () => replay.readableEnded, configurable: true });
  Object.defineProperty(req, "complete", { get: () => replay.readableEnded, configurable: true });
  return req;
}

/**
 * Every server action of the app returns its refusals as data (lib/auth/action.ts catches whatever
 * the call throws), so a 500 on an action request can only be Next.js failing to decode a body no
 * browser sends (a malformed multipart form, a dangling reference). Answer that as the bad request
 * it is, with a message, instead of a 500 and an error digest.
 */
function badActionBodyIs400(res) {
  const { writeHead, write, end } = res;
  let replaced = false;
  const takeOver = () => {
    if (replaced || res.statusCode !== 500 || res.headersSent) return replaced;
    replaced = true;
    res.statusCode = 400;
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.removeHeader("content-length");
    res.removeHeader("content-encoding");
    return true;
  };
  res.writeHead = function (status, ...rest) {
    if (status === 500 && !res.headersSent) {
      res.statusCode = 500;
      if (takeOver()) return res;
    }
    return writeHead.call(this, status, ...rest);
  };
  res.write = function (chunk, ...rest) {
    if (takeOver()) return true;
    return write.call(this, chunk, ...rest);
  };
  res.end = function (chunk, ...rest) {
    if (takeOver()) {
      return end.call(this, JSON.stringify({ error: "请求格式不正确。", error_en: "The request is not in the expected format.", code: "bad_request" }));
    }
    return end.call(this, chunk, ...rest);
  };
}

createServer(async (req, res) => {
  req.headers["x-jianbao-peer"] = req.socket.remoteAddress ?? "";
  if (req.method === "POST" && req.headers["next-action"]) badActionBodyIs400(res);
  if (tooLarge(req)) {
    // Read and drop the body (up to 64 MB, then hang up) so the client gets the answer, not a broken pipe.
    let dropped = 0;
    req.on("data", (c) => {
      if ((dropped += c.length) > 64 * 1024 * 1024) req.destroy();
    });
    req.on("end", () => refuse(res, 413, "文件过大（最大 5 MB）。", "The file is too large (at most 5 MB).", "payload_too_large"));
    return;
  }
  if (req.method === "POST" && req.headers["next-action"] && (req.headers["content-type"] ?? "").startsWith("text/plain")) {
    const replay = await checkedActionRequest(req, res);
    if (replay) handle(replay, res);
    return;
  }
  handle(req, res);
}).listen(port, hostname, () => {
  console.log(`简报编发 ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});
