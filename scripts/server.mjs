// The production server: Next.js behind a plain Node HTTP server that records, for every request,
// the address the TCP connection came from (header x-jianbao-peer, overwriting anything a client
// sent). lib/auth/client-ip.ts takes the client's address from it, and believes X-Forwarded-For
// only from proxies listed in TRUSTED_PROXIES — `next start` alone keeps a client-sent
// X-Forwarded-For as it is, so a forged one could not be told from the real address.
//   node scripts/server.mjs [-p PORT] [-H HOST]
//
// On SIGTERM or SIGINT it shuts down promptly: it stops accepting connections, closes idle
// keep-alive connections, answers any new request on an open connection 503 (服务器正在关闭),
// lets requests in flight finish (at most SHUTDOWN_GRACE_MS, then their connections are cut),
// stops the reminder scheduler, closes the PDF browser and the database, and exits 0.
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
 * A server action's JSON arguments (text/plain bodies; forms with files are multipart, see
 * checkedMultipartAction) are read here first: a body that is not JSON, or nested deeper than any form
 * sends, gets a 400 with a message instead of the 500 Next.js answers. The body is then replayed to
 * Next.js unchanged.
 */
async function checkedActionRequest(req, res) {
  const body = await readBody(req, res);
  if (!body) return null;
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
  return replayed(req, body);
}

/** The whole body of an action request, or null (answered 413) past the limit. */
async function readBody(req, res) {
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
  return Buffer.concat(chunks);
}

/** The same request object, its body served again from memory. */
function replayed(req, body) {
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
 * The parts of a multipart body: name, whether it is a file (has a filename), and for fields the
 * text. Null when the body is not well-formed multipart for `boundary`.
 */
function multipartParts(body, boundary) {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return null;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === "--") return parts;
    const next = body.indexOf(delimiter, at);
    if (next < 0) return null;
    const part = body.subarray(at, next);
    const headEnd = part.indexOf("\r\n\r\n");
    if (headEnd < 0) return null;
    const head = part.subarray(0, headEnd).toString("utf8");
    const name = /content-disposition:[^\r\n]*?\bname="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) return null;
    const file = /content-disposition:[^\r\n]*?\bfilename="/i.test(head);
    parts.push({ name, file, text: file ? "" : part.subarray(headEnd + 4, part.length - 2).toString("utf8") });
    at = next;
  }
}

/**
 * A server action's multipart form (arguments with a file: the archive import's upload) is read
 * here first, and refused with a 400 and a message when its parts do not fit together — a field
 * that refers to a file part ("$B1") that is missing or is not a file. Next.js would otherwise
 * fail decoding it and log an error (⨯ Referenced Blob is not a Blob) before the 500 that
 * badActionBodyIs400 turns into a 400. No browser sends such a form. The body is then replayed.
 */
async function checkedMultipartAction(req, res) {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(req.headers["content-type"] ?? "");
  const body = await readBody(req, res);
  if (!body) return null;
  const parts = boundary ? multipartParts(body, boundary[1] ?? boundary[2]) : null;
  let ok = parts !== null;
  if (ok) {
    const files = new Set(parts.filter((p) => p.file).map((p) => p.name));
    // React's reply encoding: "$B<hex>" names the file part <decimal> (unprefixed arguments only).
    for (const p of parts) {
      if (p.file || !/^\d+$/.test(p.name)) continue;
      for (const m of p.text.matchAll(/"\$B([0-9a-f]+)"/g)) if (!files.has(String(parseInt(m[1], 16)))) ok = false;
    }
  }
  if (!ok) {
    refuse(res, 400, "请求格式不正确。", "The request is not in the expected format.", "bad_request");
    return null;
  }
  return replayed(req, body);
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

// --- shutdown ------------------------------------------------------------------------------------
const SHUTDOWN_GRACE_MS = 5000;
const inflight = new Set();
let shuttingDown = false;
let finishing = null;

/** After the last request (or the grace period): scheduler, PDF browser, database, exit. */
function finish(signal, started) {
  finishing ??= (async () => {
    const g = globalThis;
    try {
      g.__jianbaoReminders?.stop();
    } catch {}
    const pdf = g.__bulletinPdf;
    if (pdf?.keepWarm) clearTimeout(pdf.keepWarm);
    const browser = pdf?.browser;
    if (pdf) Object.assign(pdf, { browser: null, context: null });
    // The browser gets two seconds to close; it is a child process and dies with us anyway.
    if (browser) await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
    try {
      g.__jianbaoDb?.$client?.close();
    } catch {}
    console.log(`${signal}: 已关闭（${Date.now() - started} ms）`);
    process.exit(0);
  })();
  return finishing;
}

function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  const started = Date.now();
  console.log(`${signal}: 不再接受新请求，等待 ${inflight.size} 个进行中的请求完成…`);
  server.close();
  server.closeIdleConnections();
  // Responses still to come close their connection instead of keeping it alive.
  for (const res of inflight) if (!res.headersSent) res.setHeader("connection", "close");
  if (inflight.size === 0) void finish(signal, started);
  else {
    const cap = setTimeout(() => {
      console.log(`${signal}: ${inflight.size} 个请求超过 ${SHUTDOWN_GRACE_MS} ms 未完成，断开`);
      server.closeAllConnections();
      void finish(signal, started);
    }, SHUTDOWN_GRACE_MS);
    shutdown.done = () => {
      clearTimeout(cap);
      void finish(signal, started);
    };
  }
}
process.once("SIGTERM", () => shutdown("SIGTERM"));
process.once("SIGINT", () => shutdown("SIGINT"));

const server = createServer(async (req, res) => {
  if (shuttingDown) {
    // A request on a connection that was open before the signal: refused, and the connection closed.
    res.setHeader("connection", "close");
    refuse(res, 503, "服务器正在关闭，请稍后再试。", "The server is shutting down; please try again shortly.", "shutting_down");
    return;
  }
  inflight.add(res);
  res.on("close", () => {
    inflight.delete(res);
    if (!shuttingDown) return;
    server.closeIdleConnections();
    if (inflight.size === 0) shutdown.done?.();
  });
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
  if (req.method === "POST" && req.headers["next-action"] && (req.headers["content-type"] ?? "").startsWith("multipart/form-data")) {
    const replay = await checkedMultipartAction(req, res);
    if (replay) handle(replay, res);
    return;
  }
  handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`简报编发 ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});
