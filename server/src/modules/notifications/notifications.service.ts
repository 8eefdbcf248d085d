import type { Locale, Notification, NotificationKind, NotificationList } from '@crm/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { t, type MessageKey } from '../../platform/i18n.js';
import type { Actor } from '../../platform/auth/actor.js';
import { emailIfChosen } from './notification-email.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Tell a user something, inside the caller's transaction so that the notice exists exactly when
 * the change it reports does. `params` are the values its message shows (names, counts, days).
 * When the user chose email for the kind, the email is queued in the same transaction.
 */
export async function notify(
  db: Db,
  n: { userId: number; kind: NotificationKind; params?: Record<string, string | number>; entityType?: string; entityId?: number; at: string },
): Promise<void> {
  await db
    .insertInto('notifications')
    .values({
      user_id: n.userId,
      kind: n.kind,
      params: JSON.stringify(n.params ?? {}),
      entity_type: n.entityType ?? null,
      entity_id: n.entityId ?? null,
      created_at: n.at,
      read_at: null,
    })
    .execute();
  await emailIfChosen(db, n);
}

function present(row: { id: number; kind: string; params: string; entity_type: string | null; entity_id: number | null; created_at: string; read_at: string | null }, locale: Locale): Notification {
  const params = JSON.parse(row.params) as Record<string, string | number>;
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    message: t(locale, `notification_${row.kind}` as MessageKey, params),
    params,
    entityType: row.entity_type,
    entityId: row.entity_id,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** Only one's own notifications are ever listed or marked. */
export async function listNotifications(ctx: AppContext, actor: Actor, query: { page: number; pageSize: number; unread?: 'true' | 'false' }, locale: Locale): Promise<NotificationList> {
  let q = ctx.db.selectFrom('notifications').where('user_id', '=', actor.userId);
  if (query.unread === 'true') q = q.where('read_at', 'is', null);
  const [rows, total, unread] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('notifications').where('user_id', '=', actor.userId).where('read_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => present(r, locale)), total: Number(total.n), page: query.page, pageSize: query.pageSize, unread: Number(unread.n) };
}

export async function markRead(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const result = await ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock.now().toISOString() })
    .where('id', '=', id)
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    const mine = await ctx.db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
    if (!mine) throw notFound();
  }
}

export async function markAllRead(ctx: AppContext, actor: Actor): Promise<void> {
  await ctx.db.updateTable('notifications').set({ read_at: ctx.clock.now().toISOString() }).where('user_id', '=', actor.userId).where('read_at', 'is', null).execute();
}

/**
 * My unread notifications of some kinds (the workbench's reminders), newest first, at most
 * `limit`, with how many there are: my notifications by the (user, id) index.
 */
export async function unreadOfKinds(ctx: AppContext, actor: Actor, kinds: readonly NotificationKind[], limit: number, locale: Locale): Promise<{ items: Notification[]; total: number }> {
  if (kinds.length === 0) return { items: [], total: 0 };
  const q = ctx.db.selectFrom('notifications').where('user_id', '=', actor.userId).where('read_at', 'is', null).where('kind', 'in', kinds);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => present(r, locale)), total: Number(total.n) };
}
