import type { AppContext } from '../../platform/context.js';
import type { SearchReindexer } from '../../platform/search-reindex.js';
import { refreshCustomers } from './customers.derived.js';
import { lock } from './customers.repository.js';

/** Customers' search keys and gram index rewritten from their records and contacts, a batch at a time. */
export const customerSearchReindexer: SearchReindexer = {
  name: 'customers',
  async reindex(ctx: AppContext, afterId, limit) {
    const rows = await ctx.db.selectFrom('customers').select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute();
    if (rows.length === 0) return null;
    const ids = rows.map((r) => r.id);
    await ctx.db.transaction().execute(async (trx) => {
      await lock(trx, ctx.engine, ids);
      await refreshCustomers(trx, ctx, ids);
    });
    return ids[ids.length - 1] as number;
  },
};
