import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type FeedRow = Selectable<DB['calendar_feeds']>;

export async function feedOf(db: Db, userId: number): Promise<FeedRow | undefined> {
  return db.selectFrom('calendar_feeds').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function feedByToken(db: Db, tokenHash: string): Promise<FeedRow | undefined> {
  return db.selectFrom('calendar_feeds').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** The user's one feed, now with this token: one statement, so that two at once leave one feed (the later token). */
export async function replaceFeed(db: Db, userId: number, tokenHash: string, at: string): Promise<void> {
  await db
    .insertInto('calendar_feeds')
    .values({ user_id: userId, token_hash: tokenHash, created_at: at, last_used_at: null })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: tokenHash, created_at: at, last_used_at: null }))
    .execute();
}

/** Remove the user's feed; false when there was none. */
export async function deleteFeed(db: Db, userId: number): Promise<boolean> {
  const r = await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function markUsed(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('calendar_feeds').set({ last_used_at: at }).where('id', '=', id).execute();
}
