import { z } from 'zod';
import { email, id, int4Max, listOf, pageQuery, settingsVersion } from './common.js';
import { followUpRecord } from './activities.js';
import { notificationKinds, type NotificationKind } from './notifications.js';
import { multilineString } from './text.js';

/**
 * Email (issue 13): the company's SMTP server set by an administrator, an outbox that every email
 * goes through (notifications a user chose to receive by email, emails written to customers, the
 * administrator's test), and each user's choice of which notifications also arrive by email.
 */

/** How the connection to the SMTP server is protected: none (port 25), STARTTLS (587) or TLS from the start (465). */
export const smtpSecurities = ['none', 'starttls', 'tls'] as const;
export type SmtpSecurity = (typeof smtpSecurities)[number];

/** What an SMTP settings form shows: the password never leaves the server, only whether one is set. */
export const emailSettings = z.object({
  host: z.string(),
  port: z.number().int(),
  security: z.enum(smtpSecurities),
  user: z.string(),
  passwordSet: z.boolean(),
  fromAddress: z.string(),
  fromName: z.string(),
  /** The CRM's address (https://crm.example.com) that links in emails start with; empty: CRM_PUBLIC_URL, else no link. */
  appUrl: z.string(),
  /** A host and a sender are set: queued emails are sent. Without them they wait in the outbox. */
  configured: z.boolean(),
  /** 0 until an administrator saves them. */
  version: z.number().int(),
});
export type EmailSettings = z.infer<typeof emailSettings>;

const oneLine = (max: number) => z.string().trim().max(max);
const hostName = oneLine(253).regex(/^$|^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[[0-9A-Fa-f:.]+\]$/, { message: 'emailHostInvalid' });
const appUrl = oneLine(300).refine((v) => v === '' || /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(v), { message: 'emailAppUrlInvalid' });

/**
 * PUT /settings/email. `password` left out keeps the stored one, a string replaces it, null
 * removes it. An empty host turns sending off (emails then wait in the outbox); with a host, the
 * sender's address is needed.
 */
export const emailSettingsUpdate = z
  .object({
    host: hostName,
    port: z.number().int().min(1).max(65535),
    security: z.enum(smtpSecurities),
    user: oneLine(254),
    password: z.string().max(200).nullable().optional(),
    fromAddress: z.union([z.literal(''), email]),
    fromName: oneLine(100),
    appUrl,
    version: settingsVersion,
  })
  .strict()
  .superRefine((v, issue) => {
    if (v.host !== '' && v.fromAddress === '') issue.addIssue({ code: 'custom', path: ['fromAddress'], message: 'emailFromNeeded' });
  });
export type EmailSettingsUpdate = z.input<typeof emailSettingsUpdate>;

/** Where an email stands: waiting (queued, also between attempts), being handed to the server, sent, or given up after the last attempt. */
export const emailStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof emailStatuses)[number];
/** Why it was written: a notification, an email to a customer, the administrator's test. */
export const emailKinds = ['notification', 'customer', 'test'] as const;
export type EmailKind = (typeof emailKinds)[number];
/** Attempts before an email is failed; the waits between them (minutes) grow. */
export const emailMaxAttempts = 5;
export const emailRetryMinutes = [1, 5, 15, 60] as const;

export const outboxEmail = z.object({
  id: z.number().int(),
  kind: z.enum(emailKinds),
  status: z.enum(emailStatuses),
  to: z.string(),
  subject: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** The customer an email to a customer was written on. */
  customerId: z.number().int().nullable(),
  /** The user a notification email is for. */
  userId: z.number().int().nullable(),
});
export type OutboxEmail = z.infer<typeof outboxEmail>;

export const outboxList = listOf(outboxEmail).extend({
  /** How many emails are in each status, whatever the filter. */
  counts: z.object({ queued: z.number().int(), sending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
});
export type OutboxList = z.infer<typeof outboxList>;
/** GET /settings/email/outbox: newest first; one status or every one. */
export const outboxQuery = z.object({ status: z.enum(emailStatuses).optional(), page: pageQuery.page, pageSize: pageQuery.pageSize }).strict();
export type OutboxQuery = z.input<typeof outboxQuery>;

/**
 * Notifications that also arrive by email, unless the user turns them off: what waits for the
 * user (an approval), what was given to them (a customer, a lead) and a colleague naming them in
 * a follow-up. The rest arrive in the bell only unless the user turns email on.
 */
export const emailByDefault: readonly NotificationKind[] = ['approval_requested', 'customer_assigned', 'lead_assigned', 'mentioned'];

export const notificationPreferences = z.object({
  /** Every notification kind, in the order of notificationKinds. */
  preferences: z.array(z.object({ kind: z.enum(notificationKinds), email: z.boolean() })),
  /** Where the emails go (the user's sign-in address). */
  emailAddress: z.string(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

/** PUT /me/notification-preferences: the kinds listed change, the others keep their choice. */
export const notificationPreferencesUpdate = z
  .object({
    preferences: z
      .array(z.object({ kind: z.enum(notificationKinds), email: z.boolean() }).strict())
      .max(notificationKinds.length)
      .refine((items) => new Set(items.map((i) => i.kind)).size === items.length, { message: 'notificationKindTwice' }),
  })
  .strict();
export type NotificationPreferencesUpdate = z.input<typeof notificationPreferencesUpdate>;

/**
 * POST /customers/:id/emails: an email to the customer, sent through the outbox and kept as an
 * `email` follow-up on its timeline. `to` defaults to the contact's email (with `contactId`, a
 * contact of this customer), else the customer's.
 */
export const customerEmailCreate = z
  .object({
    to: email.optional(),
    contactId: z.number().int().positive().max(int4Max).optional(),
    subject: oneLine(200).min(1),
    body: multilineString(10000).min(1),
  })
  .strict();
export type CustomerEmailCreate = z.input<typeof customerEmailCreate>;

export const customerEmailResult = z.object({ email: outboxEmail, followUp: followUpRecord });
export type CustomerEmailResult = z.infer<typeof customerEmailResult>;

export const outboxParams = z.object({ id }).strict();
