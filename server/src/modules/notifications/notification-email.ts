import { notificationPath, type Locale, type NotificationKind } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import { t, type MessageKey } from '../../platform/i18n.js';
import { enqueueEmail, excerpt, htmlOf } from '../email/index.js';
import { mailRecipients } from '../users/index.js';
import { wantsEmail } from './notification-preferences.js';

type Db = AppContext['db'];

/**
 * Queue the notification as an email too, in the notifying transaction, when its user chose email
 * for its kind: written in the user's language, with a link to the record. Users who left, and
 * kinds the user keeps to the bell, get none.
 */
export async function emailIfChosen(
  db: Db,
  n: { userId: number; kind: NotificationKind; params?: Record<string, string | number>; entityType?: string; entityId?: number; at: string },
): Promise<void> {
  if (!(await wantsEmail(db, n.userId, n.kind))) return;
  const recipient = (await mailRecipients(db, [n.userId])).get(n.userId);
  if (!recipient) return;
  const locale: Locale = recipient.locale === 'en' ? 'en' : 'zh-CN';
  const message = t(locale, `notification_${n.kind}` as MessageKey, n.params ?? {});
  await enqueueEmail(db, {
    kind: 'notification',
    to: recipient.email,
    subject: excerpt(message, 150),
    text: message,
    html: htmlOf(message),
    linkPath: notificationPath(n),
    locale,
    userId: n.userId,
    notificationKind: n.kind,
    at: n.at,
  });
}
