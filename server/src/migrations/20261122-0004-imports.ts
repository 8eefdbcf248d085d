import type { Kysely } from 'kysely';
import type { Engine } from '../platform/config.js';
import type { Migration } from '../platform/db/migrate.js';

export const imports: Migration = {
  name: '20261122-0004-imports',
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async up(db: Kysely<unknown>, engine: Engine) {
    // Filled in by the work on this part of the archive.
  },
};
