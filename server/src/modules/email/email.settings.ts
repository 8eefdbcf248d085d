import { smtpSecurities, type EmailSettings, type emailSettingsUpdate } from '@crm/contracts';
import { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { resealSecret, sealSecret } from '../../platform/secrets.js';
import { readSetting, writeSetting } from '../../platform/settings.js';

type Db = AppContext['db'];
const settingKey = 'email.smtp';

/**
 * The SMTP settings as stored (the password with them, in the settings table, encrypted with the
 * server's key: platform/secrets.ts; a plain one an older version stored is still read, and
 * encrypted on the next save. It is never answered, only whether one is set). Defaults: nothing
 * set, so emails wait in the outbox.
 */
const storedSmtp = z.object({
  host: z.string().default(''),
  port: z.number().int().default(587),
  security: z.enum(smtpSecurities).default('starttls'),
  user: z.string().default(''),
  /** Encrypted (`enc:v1:...`), or a legacy plain value; openSecret gives the password. */
  password: z.string().default(''),
  fromAddress: z.string().default(''),
  fromName: z.string().default(''),
  appUrl: z.string().default(''),
});
export type SmtpSettings = z.output<typeof storedSmtp>;

/** A host and a sender: without both nothing is sent and emails stay queued. */
export function isConfigured(smtp: SmtpSettings): boolean {
  return smtp.host !== '' && smtp.fromAddress !== '';
}

export async function readSmtpSettings(db: Db): Promise<{ value: SmtpSettings; version: number }> {
  return readSetting(db, settingKey, storedSmtp);
}

function present(value: SmtpSettings, version: number): EmailSettings {
  const { password, ...rest } = value;
  return { ...rest, passwordSet: password !== '', configured: isConfigured(value), version };
}

/** The SMTP settings without the password (settings.view). */
export async function getEmailSettings(ctx: AppContext, actor: Actor): Promise<EmailSettings> {
  authorize(actor, 'settings.view');
  const { value, version } = await readSmtpSettings(ctx.db);
  return present(value, version);
}

/**
 * Change the SMTP settings (settings.edit): a password left out is kept, null removes it. 409 with
 * the current settings when the version is stale: the write is conditional on it, so the password
 * kept is the one of the version the caller read.
 */
export async function updateEmailSettings(ctx: AppContext, actor: Actor, input: z.output<typeof emailSettingsUpdate>): Promise<EmailSettings> {
  authorize(actor, 'settings.edit');
  const current = await readSmtpSettings(ctx.db);
  const password = input.password === undefined ? resealSecret(ctx.config, current.value.password) : sealSecret(ctx.config, input.password ?? '');
  const value: SmtpSettings = {
    host: input.host,
    port: input.port,
    security: input.security,
    user: input.user,
    password,
    fromAddress: input.fromAddress,
    fromName: input.fromName,
    appUrl: input.appUrl.replace(/\/+$/, ''),
  };
  const stale = async () => {
    const now = await readSmtpSettings(ctx.db);
    return conflict(present(now.value, now.version));
  };
  if (current.version !== input.version) throw await stale();
  const written = await writeSetting(ctx.db, settingKey, value, input.version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (!written) throw await stale();
  return present(value, input.version + 1);
}
