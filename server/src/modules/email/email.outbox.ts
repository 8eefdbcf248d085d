import type { EmailKind, EmailStatus, Locale, OutboxEmail, OutboxList, outboxQuery } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { t } from '../../platform/i18n.js';
import { mailRecipients } from '../users/index.js';
import { htmlOf } from './email.render.js';
import * as repo from './email.repository.js';

type Db = AppContext['db'];

/** An email to queue; `at` is the causing change's time (the email is due then). */
export interface EmailToQueue {
  kind: EmailKind;
  to: string;
  subject: string;
  text: string;
  /** HTML of the same content; by default the text as paragraphs. */
  html?: string;
  /** A web app path the email links to (/customers/12). */
  linkPath?: string | null;
  locale: Locale;
  replyTo?: { address: string; name: string } | null;
  userId?: number | null;
  notificationKind?: string | null;
  customerId?: number | null;
  followUpId?: number | null;
  createdBy?: number | null;
  at: string;
}

/**
 * Put an email in the outbox, in the caller's transaction: it exists exactly when the change that
 * causes it does, and the sender takes it from there (it is never dropped: with no SMTP server set
 * it waits). Returns its id.
 */
export function enqueueEmail(db: Db, email: EmailToQueue): Promise<number> {
  return repo.insertEmail(db, {
    kind: email.kind,
    status: 'queued',
    to_address: email.to,
    reply_to: email.replyTo?.address ?? null,
    reply_to_name: email.replyTo?.name.slice(0, 100) ?? null,
    subject: email.subject.slice(0, 300),
    text_body: email.text,
    html_body: email.html ?? htmlOf(email.text),
    link_path: email.linkPath ?? null,
    locale: email.locale,
    attempts: 0,
    next_attempt_at: email.at,
    claimed_at: null,
    last_error: null,
    user_id: email.userId ?? null,
    notification_kind: email.notificationKind ?? null,
    customer_id: email.customerId ?? null,
    follow_up_id: email.followUpId ?? null,
    created_at: email.at,
    created_by: email.createdBy ?? null,
    sent_at: null,
  });
}

export function presentEmail(row: repo.OutboxRow): OutboxEmail {
  return {
    id: row.id,
    kind: row.kind as EmailKind,
    status: row.status as EmailStatus,
    to: row.to_address,
    subject: row.subject,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    customerId: row.customer_id,
    userId: row.user_id,
  };
}

/** One email of the outbox as it stands now. */
export async function outboxEmail(db: Db, id: number): Promise<OutboxEmail> {
  const row = await repo.findEmail(db, id);
  if (!row) throw notFound();
  return presentEmail(row);
}

/** The outbox for the administrator (settings.edit): newest first, with the count in each status. */
export async function listOutbox(ctx: AppContext, actor: Actor, query: z.output<typeof outboxQuery>): Promise<OutboxList> {
  authorize(actor, 'settings.edit');
  const [{ rows, total }, counts] = await Promise.all([
    repo.listEmails(ctx.db, query.status, query.pageSize, (query.page - 1) * query.pageSize),
    repo.countByStatus(ctx.db),
  ]);
  return { items: rows.map(presentEmail), total, page: query.page, pageSize: query.pageSize, counts };
}

/** Send a failed (or waiting) email again now, with a fresh set of attempts (settings.edit); 409 when it is being sent or was sent. */
export async function retryEmail(ctx: AppContext, actor: Actor, id: number): Promise<OutboxEmail> {
  authorize(actor, 'settings.edit');
  if (!(await repo.requeue(ctx.db, id, ctx.clock.now().toISOString()))) {
    const row = await repo.findEmail(ctx.db, id);
    if (!row) throw notFound();
    throw new AppError('CONFLICT', 'emailNotRetriable', undefined, presentEmail(row), { status: t(actor.locale, `emailStatus_${row.status as EmailStatus}`) });
  }
  return outboxEmail(ctx.db, id);
}

/** Queue a test email to the administrator's own address (settings.edit): the outbox and the admin page show how it went. */
export async function sendTestEmail(ctx: AppContext, actor: Actor): Promise<OutboxEmail> {
  authorize(actor, 'settings.edit');
  const me = (await mailRecipients(ctx.db, [actor.userId])).get(actor.userId);
  if (!me) throw notFound();
  const locale: Locale = me.locale === 'en' ? 'en' : me.locale === 'zh-CN' ? 'zh-CN' : actor.locale;
  const id = await enqueueEmail(ctx.db, {
    kind: 'test',
    to: me.email,
    subject: t(locale, 'emailTestSubject'),
    text: t(locale, 'emailTestBody', { name: me.name }),
    locale,
    userId: actor.userId,
    createdBy: actor.userId,
    at: ctx.clock.now().toISOString(),
  });
  return outboxEmail(ctx.db, id);
}
