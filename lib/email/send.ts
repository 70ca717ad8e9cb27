import "server-only";
import type { Transporter } from "nodemailer";
import type { Database } from "@/db";
import { storeOutboxMessage } from "@/db/queries/email-outbox";
import { AppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/errors/log";
import { emailFrom, emailTransport, env as processEnv, type Env } from "@/lib/env";
import type { EmailContent } from "./messages";

/*
 * The one way mail leaves: through SMTP (nodemailer) when SMTP_URL is set, otherwise into the
 * development outbox (the email_outbox table) with a one-line notice on the server console.
 * Never silently dropped: a failed SMTP send throws, so the request that asked for the mail
 * fails visibly instead of the user waiting for a link that never comes. Logs carry the kind
 * and outbox id, never a body; outside development not the link either (it holds a token).
 */

// One transport (and its connection handling) per SMTP URL and process.
const globalForMail = globalThis as unknown as { __livemindSmtp?: Map<string, Transporter> };

async function smtpTransport(url: string): Promise<Transporter> {
  const transports = (globalForMail.__livemindSmtp ??= new Map());
  let transport = transports.get(url);
  if (!transport) {
    const nodemailer = await import("nodemailer");
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

export interface Recipient {
  email: string;
  /** The account the mail belongs to, when it goes to an address the account does not have yet. */
  userId?: string;
}

export async function sendEmail(db: Database, to: Recipient, content: EmailContent, e: Env = processEnv): Promise<void> {
  if (emailTransport(e) === "smtp" && e.SMTP_URL) {
    try {
      const transport = await smtpTransport(e.SMTP_URL);
      await transport.sendMail({ from: emailFrom(e), to: to.email, subject: content.subject, text: content.body });
    } catch (error) {
      logError(`email: send ${content.kind} over SMTP`, error);
      throw new AppError("unavailable:email", undefined, { cause: error });
    }
    return;
  }
  const { id } = await storeOutboxMessage(db, { ...content, toEmail: to.email, userId: to.userId });
  const where = e.NODE_ENV === "development" && content.link ? `: ${content.link}` : " (read it in the email_outbox table)";
  console.info(`[email outbox] ${content.kind} mail ${id}${where}`);
}
