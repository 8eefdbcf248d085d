import { emailByDefault, notificationKinds, type NotificationKind, type NotificationPreferences, type notificationPreferencesUpdate } from '@crm/contracts';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { mailRecipients } from '../users/index.js';

type Db = AppContext['db'];

/** Whether the user wants this kind of notification by email too: their choice, else the default (emailByDefault). */
export async function wantsEmail(db: Db, userId: number, kind: NotificationKind): Promise<boolean> {
  const row = await db.selectFrom('notification_preferences').select('email').where('user_id', '=', userId).where('kind', '=', kind).executeTakeFirst();
  return row ? row.email === 1 : emailByDefault.includes(kind);
}

async function preferencesOf(db: Db, userId: number): Promise<Map<string, boolean>> {
  const rows = await db.selectFrom('notification_preferences').select(['kind', 'email']).where('user_id', '=', userId).execute();
  return new Map(rows.map((r) => [r.kind, r.email === 1]));
}

/** Every notification kind with whether it also arrives by email, for the signed-in user. */
export async function getPreferences(ctx: AppContext, actor: Actor): Promise<NotificationPreferences> {
  const me = (await mailRecipients(ctx.db, [actor.userId])).get(actor.userId);
  if (!me) throw notFound();
  const chosen = await preferencesOf(ctx.db, actor.userId);
  return {
    preferences: notificationKinds.map((kind) => ({ kind, email: chosen.get(kind) ?? emailByDefault.includes(kind) })),
    emailAddress: me.email,
  };
}

/** Change one's own choices: the kinds listed are stored (an upsert each), the others stay as they were. */
export async function updatePreferences(ctx: AppContext, actor: Actor, input: z.output<typeof notificationPreferencesUpdate>): Promise<NotificationPreferences> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const p of input.preferences) {
      const email = p.email ? 1 : 0;
      await trx
        .insertInto('notification_preferences')
        .values({ user_id: actor.userId, kind: p.kind, email, updated_at: at })
        .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ email, updated_at: at }))
        .execute();
    }
  });
  return getPreferences(ctx, actor);
}
