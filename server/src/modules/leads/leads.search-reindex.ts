import { columnReindexer } from '../../platform/search-reindex.js';
import { searchText } from './leads.records.js';

/** Leads' search text (name, company, numbers, email, with pinyin forms). */
export const leadSearchReindexer = columnReindexer({
  name: 'leads', table: 'leads', column: 'search', sources: ['name', 'company', 'mobile', 'phone', 'email'],
  keyOf: (row) => searchText({ name: row.name ?? '', company: row.company ?? null, mobile: row.mobile ?? null, phone: row.phone ?? null, email: row.email ?? null }),
});
