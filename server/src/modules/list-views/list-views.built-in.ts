import { builtInViewsOf, type BuiltInListView, type ListViewBuiltIn, type ListViewList } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { t, type MessageKey } from '../../platform/i18n.js';
import { readPoolRules } from '../pool/index.js';

/** How far ahead "about to return to the pool" looks when the rules send no warning. */
const poolSoonFallbackDays = 7;

function nameKey(list: ListViewList, key: ListViewBuiltIn): MessageKey {
  if (key === 'due_today' || key === 'pool_soon') return `listViewBuiltIn_${key}`;
  if (key === 'mine') return `listViewBuiltIn_mine_${list}`;
  return `listViewBuiltIn_all_${list}`;
}

/**
 * The built-in views of a list, made for the reader: "mine" is their own id (for contacts: the
 * contacts of the customers they own), "due today" and
 * "about to return" count from today when applied (relative filters, right on any day), and look
 * as far ahead as the pool rules warn. Like every view, they only set the list's query.
 */
export async function builtInViews(ctx: AppContext, actor: Actor, list: ListViewList): Promise<BuiltInListView[]> {
  const me = String(actor.userId);
  const keys = builtInViewsOf[list];
  const warnDays = keys.includes('pool_soon') ? (await readPoolRules(ctx.db)).value.warnDaysBefore : 0;
  const definitions: Record<ListViewBuiltIn, Pick<BuiltInListView, 'filters' | 'sort'>> = {
    all: { filters: {}, sort: null },
    mine: { filters: { ownerId: me }, sort: null },
    due_today: { filters: { ownerId: me, nextFollowUpWithinDays: '0' }, sort: 'nextFollowUpOn' },
    pool_soon: { filters: { ownerId: me, poolDueWithinDays: String(warnDays > 0 ? warnDays : poolSoonFallbackDays) }, sort: 'lastFollowUpAt' },
  };
  return keys.map((key) => ({ key, name: t(actor.locale, nameKey(list, key)), ...definitions[key] }));
}
