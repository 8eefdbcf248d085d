import { columnReindexer } from '../../platform/search-reindex.js';
import { searchKeyOf } from '../../platform/search.js';

/** Contacts' search keys (name and its pinyin forms). */
export const contactSearchReindexer = columnReindexer({ name: 'contacts', table: 'contacts', column: 'search_key', sources: ['name'], keyOf: (row) => searchKeyOf(row.name) });
