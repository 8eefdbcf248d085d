import { emailMaxAttempts, emailRetryMinutes } from '@crm/contracts';
import type { ConnectionOptions } from 'node:tls';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { AppContext } from '../../platform/context.js';
import type { ScheduledTask } from '../../platform/scheduler.js';
import { openSecret } from '../../platform/secrets.js';
import { compose } from './email.render.js';
import * as repo from './email.repository.js';
import { isConfigured, readSmtpSettings, type SmtpSettings } from './email.settings.js';

/** A sender that took an email this long ago and never settled it has died: the email is due again. */
const staleClaimMs = 10 * 60_000;

export interface SenderRun {
  sent: number;
  /** Attempts that failed and will be tried again later. */
  retrying: number;
  /** Emails given up after their last attempt. */
  failed: number;
}

function transportOptions(smtp: SmtpSettings, password: string, tls: ConnectionOptions | undefined): SMTPTransport.Options {
  return {
    host: smtp.host,
    port: smtp.port,
    // TLS from the first byte (465); STARTTLS is then required, or never tried for "none".
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    auth: smtp.user !== '' ? { user: smtp.user, pass: password } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    // Certificates are verified (against the system's CAs unless told otherwise): never turned off.
    ...(tls ? { tls: { ...tls, rejectUnauthorized: true } } : {}),
  };
}

/** What an SMTP error says, short enough to keep: the server's answer when there was one. */
function errorText(error: unknown): string {
  const e = error as { response?: string; responseCode?: number; message?: string };
  const text = e.response ?? e.message ?? String(error);
  return text.slice(0, 1000);
}

/**
 * Send what is due in the outbox (at most `batch` emails): each is claimed by a conditional
 * update, handed to the SMTP server, then marked sent, or queued again after 1, 5, 15 and 60
 * minutes, and failed after its fifth attempt. Without SMTP settings nothing is sent and the
 * emails wait. Safe to run on several servers at once: each email is claimed by one. `tls` adds
 * TLS options (the tests trust their loopback server's own certificate with `ca`).
 */
export async function runEmailSender(ctx: AppContext, options: { batch?: number; tls?: ConnectionOptions } = {}): Promise<SenderRun> {
  const result: SenderRun = { sent: 0, retrying: 0, failed: 0 };
  const start = ctx.clock.now();
  await repo.releaseStale(ctx.db, new Date(start.getTime() - staleClaimMs).toISOString(), start.toISOString());
  const { value: smtp } = await readSmtpSettings(ctx.db);
  if (!isConfigured(smtp)) return result;
  const ids = await repo.dueIds(ctx.db, start.toISOString(), options.batch ?? 50);
  if (ids.length === 0) return result;
  // A password this server's key cannot decrypt fails each attempt with the reason (visible in the outbox).
  let password = '';
  let keyError: Error | null = null;
  try {
    password = openSecret(ctx.config, smtp.password);
  } catch (error) {
    keyError = error as Error;
  }
  const transport = nodemailer.createTransport(transportOptions(smtp, password, options.tls));
  const baseUrl = smtp.appUrl || ctx.config.publicUrl || null;
  try {
    for (const id of ids) {
      const claimedAt = ctx.clock.now().toISOString();
      if (!(await repo.claim(ctx.db, id, claimedAt))) continue;
      const row = await repo.findEmail(ctx.db, id);
      if (!row) continue;
      const body = compose(row, baseUrl);
      try {
        if (keyError) throw keyError;
        await transport.sendMail({
          from: { name: smtp.fromName, address: smtp.fromAddress },
          to: row.to_address,
          replyTo: row.reply_to ? { name: row.reply_to_name ?? '', address: row.reply_to } : undefined,
          subject: row.subject,
          text: body.text,
          html: body.html ?? undefined,
        });
        await repo.settle(ctx.db, id, claimedAt, { status: 'sent', next_attempt_at: null, last_error: null, sent_at: ctx.clock.now().toISOString() });
        result.sent += 1;
      } catch (error) {
        const now = ctx.clock.now();
        const last = row.attempts >= emailMaxAttempts;
        const wait = emailRetryMinutes[Math.min(row.attempts, emailRetryMinutes.length) - 1] ?? 60;
        await repo.settle(ctx.db, id, claimedAt, {
          status: last ? 'failed' : 'queued',
          next_attempt_at: last ? null : new Date(now.getTime() + wait * 60_000).toISOString(),
          last_error: errorText(error),
          sent_at: null,
        });
        if (last) result.failed += 1;
        else result.retrying += 1;
      }
    }
  } finally {
    transport.close();
  }
  return result;
}

/** The scheduled task that sends the outbox every `seconds` seconds. */
export function emailSenderTask(ctx: AppContext, seconds: number): ScheduledTask {
  return { name: 'email-sender', everyMs: Math.max(5, seconds) * 1000, run: () => runEmailSender(ctx) };
}
