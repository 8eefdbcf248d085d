import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/**
 * Contacts get a search key of their own: the normalised name and its pinyin forms (张伟: 张伟
 * zhangwei zw), so that a contact is found by pinyin as customers, leads and deals are. Written
 * with every change of the name; rows written before are filled by the search re-index that runs
 * in the background after start (it also adds pinyin to the other records' search keys).
 */
export const searchPinyin: Migration = {
  name: '20261206-0025-search-pinyin',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('contacts').addColumn('search_key', 'text', (c) => c.notNull().defaultTo('')).execute();
  },
};
