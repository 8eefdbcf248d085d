import type { Locale, NotificationKind } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import { t, type MessageKey } from '../../platform/i18n.js';
import { enqueueEmail, excerpt, htmlOf } from '../email/index.js';
import { mailRecipients } from '../users/index.js';
import { wantsEmail } from './notification-preferences.js';

type Db = AppContext['db'];

/** The page of the web app a notification's record is on (what the bell opens too). */
export function notificationPath(entityType: string | null | undefined, entityId: number | null | undefined): string | null {
  const id = entityId ?? null;
  switch (entityType) {
    case 'customer':
      return id !== null ? `/customers/${id}` : null;
    case 'contract':
      return id !== null ? `/contracts/${id}` : null;
    case 'quote':
      return id !== null ? `/quotes/${id}` : null;
    case 'lead':
      return id !== null ? `/leads/${id}` : null;
    case 'opportunity':
      return id !== null ? `/opportunities/${id}` : null;
    case 'work_report':
      return id !== null ? `/reports/${id}` : null;
    case 'approval':
      return '/approvals';
    case 'import':
      return '/imports';
    default:
      return null;
  }
}

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
    linkPath: notificationPath(n.entityType, n.entityId),
    locale,
    userId: n.userId,
    notificationKind: n.kind,
    at: n.at,
  });
}
