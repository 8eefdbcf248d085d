import { fenToYuan, yuanToFen } from '../../../shared/format/format';
import type { ListAdapter } from '../../list-views';

/** Kept apart from a view: the board or table mode and the table's own place in the list. */
const pageOnly = new Set(['view', 'page', 'sort', 'pageSize']);
const money = new Set(['amountMin', 'amountMax']);

/**
 * The deals page's URL and a saved view: the view keeps the API's query (amounts in fen), the URL
 * has yuan as typed; the board or table mode stays as the user has it.
 */
export const dealViewAdapter: ListAdapter = {
  toFilters(params) {
    const out: Record<string, string> = {};
    for (const [key, value] of params) {
      if (pageOnly.has(key) || value === '') continue;
      out[key] = money.has(key) ? String(yuanToFen(Number(value)) ?? value) : value;
    }
    return out;
  },
  toParams(filters, current) {
    const out = new URLSearchParams();
    const mode = current.get('view');
    if (mode) out.set('view', mode);
    for (const [key, value] of Object.entries(filters)) out.set(key, money.has(key) ? String(fenToYuan(Number(value)) ?? value) : value);
    return out;
  },
};
