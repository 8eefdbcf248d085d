import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/**
 * The workbench lists the records a user touched last: their latest history entries. Without an
 * index on the actor, that is a backward scan of the whole history (millions of follow-up and
 * change entries) until enough of theirs turn up, and all of it for a user who did little lately.
 */
export const workbench: Migration = {
  name: '20261206-0026-workbench',
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('change_log_actor').on('change_log').columns(['actor_id', 'id']).execute();
  },
};
