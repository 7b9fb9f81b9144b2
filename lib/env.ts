import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  DATABASE_PATH: z.string().min(1).default("data/jianbao.sqlite"),
  AUTH_SECRET: z.string().min(32).optional(),
  AUTH_SECRET_FILE: z.string().min(1).default("data/auth-secret"),
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
  // "1" loads the demo publication, units, users and items into an empty database.
  SEED_DEMO: z.enum(["0", "1"]).default("1"),
  // Reminder e-mails: an SMTP URL (smtp://user:pass@host:587, smtps://… for TLS); unset: in-app only.
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("简报编发 <noreply@localhost>"),
  // Hours before a deadline (截稿, call) to remind units that have sent nothing, comma-separated.
  REMINDER_OFFSETS_HOURS: z
    .string()
    .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/)
    .default("24,2"),
  // How often the server process looks for due reminders; "0" turns the in-process scheduler off.
  REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Addresses of reverse proxies whose X-Forwarded-For is believed (comma-separated); none by default.
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.union([z.ipv4(), z.ipv6()]))),
});

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string };

function loadOrCreateSecret(file: string): string {
  const abs = path.resolve(file);
  if (existsSync(abs)) {
    const s = readFileSync(abs, "utf8").trim();
    if (s.length >= 32) return s;
  }
  mkdirSync(path.dirname(abs), { recursive: true });
  const s = randomBytes(32).toString("base64url");
  writeFileSync(abs, s + "\n", { mode: 0o600 });
  return s;
}

function parse(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${fields}`);
  }
  const e = parsed.data;
  // The app is self-hosted behind whatever host name the office uses; trust the Host header
  // unless an explicit NEXTAUTH_URL pins it.
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "1";
  return { ...e, AUTH_SECRET: e.AUTH_SECRET ?? loadOrCreateSecret(e.AUTH_SECRET_FILE) };
}

const g = globalThis as unknown as { __jianbaoEnv?: Env };
export const env: Env = (g.__jianbaoEnv ??= parse());
