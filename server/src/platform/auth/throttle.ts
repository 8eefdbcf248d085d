import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';

/** Keys are kept hashed: the table holds no email or address, and every key has the same length. */
const hashed = (key: string) => crypto.createHash('sha256').update(key).digest('hex');

/**
 * Counts attempts per key (an account, an address) in a window, in the database: the limits hold
 * across restarts and across servers sharing it. An attempt is counted before it is tried, in one
 * atomic statement (`insert … on conflict do update … returning`), so parallel attempts cannot all
 * slip under the limit; it runs on its own, never inside a request's transaction, so a request
 * that fails cannot roll its count back. A key's window starts at its first attempt; past the limit
 * the key waits until the window ends.
 */
export class Throttle {
  private attempts = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
  ) {}

  /** Count an attempt: milliseconds to wait when it is over the limit, else 0. */
  async attempt(key: string, limit: number, windowMs: number): Promise<number> {
    const now = this.clock.now();
    const at = now.toISOString();
    const resetAt = new Date(now.getTime() + windowMs).toISOString();
    const { rows } = await sql<{ count: number; reset_at: string }>`
      insert into throttles (key_hash, count, reset_at) values (${hashed(key)}, 1, ${resetAt})
      on conflict (key_hash) do update set
        count = case when throttles.reset_at <= ${at} then 1 else throttles.count + 1 end,
        reset_at = case when throttles.reset_at <= ${at} then excluded.reset_at else throttles.reset_at end
      returning count, reset_at`.execute(this.db);
    if (++this.attempts % 1000 === 0) await this.db.deleteFrom('throttles').where('reset_at', '<=', at).execute();
    const row = rows[0];
    if (!row || Number(row.count) <= limit) return 0;
    return Math.max(1000, Date.parse(row.reset_at) - now.getTime());
  }

  /** Give back one counted attempt (a login from an address that turned out right). */
  async refund(key: string): Promise<void> {
    await this.db.updateTable('throttles').set({ count: sql`count - 1` }).where('key_hash', '=', hashed(key)).where('count', '>', 0).execute();
  }

  /** Forget a key's attempts (its account signed in). */
  async reset(key: string): Promise<void> {
    await this.db.deleteFrom('throttles').where('key_hash', '=', hashed(key)).execute();
  }
}
