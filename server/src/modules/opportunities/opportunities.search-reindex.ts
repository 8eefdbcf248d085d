import { columnReindexer } from '../../platform/search-reindex.js';
import { searchKeyOf } from '../../platform/search.js';

/** Deals' search keys (name and its pinyin forms). */
export const dealSearchReindexer = columnReindexer({ name: 'deals', table: 'opportunities', column: 'search', sources: ['name'], keyOf: (row) => searchKeyOf(row.name) });
