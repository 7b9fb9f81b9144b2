import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

/** Sends one plain-text e-mail; rejects when the server refuses it. */
export interface Mailer {
  send(mail: { to: string; subject: string; text: string }): Promise<void>;
}

/** A mailer over SMTP (nodemailer), e.g. smtp://user:pass@mail.example.org:587. */
export function smtpMailer(url: string, from: string, opts: { tlsRejectUnauthorized?: boolean } = {}): Mailer {
  const transport = nodemailer.createTransport(url, { tls: { rejectUnauthorized: opts.tlsRejectUnauthorized ?? true } });
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}

/** The mailer configured by SMTP_URL / MAIL_FROM, or null when SMTP is not configured. */
export function mailerFromEnv(): Mailer | null {
  return env.SMTP_URL ? smtpMailer(env.SMTP_URL, env.MAIL_FROM) : null;
}

/** REMINDER_OFFSETS_HOURS as numbers. */
export function reminderOffsetsHours(): number[] {
  return env.REMINDER_OFFSETS_HOURS.split(",").map(Number);
}
