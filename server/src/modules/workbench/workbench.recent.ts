import type { HistoryEntityType, RecentRecordType, WorkbenchRecent } from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { customerReadScope, movableCustomers } from '../customers/index.js';
import { recentlyTouchedBy } from '../history/index.js';
import { leadsByIds } from '../leads/index.js';
import { visibleDealNames } from '../opportunities/index.js';

type Db = AppContext['db'];
const permissionOf = { customer: 'customers.view', lead: 'leads.view', opportunity: 'opportunities.view' } as const;
/** History entries read to find the records: enough for `limit` records after repeats and records out of sight. */
const entriesPerRecord = 5;

/** The names of the records among `ids` the actor may still see (live, in scope), by id. */
const namesOf: Record<RecentRecordType, (db: Db, actor: Actor, ids: number[]) => Promise<Map<number, string>>> = {
  customer: async (db, actor, ids) => new Map((await movableCustomers(db, ids, customerReadScope(actor))).map((c) => [c.id, c.name])),
  lead: async (db, actor, ids) => {
    const { rows, visible } = await leadsByIds(db, ids, actor);
    return new Map([...visible].flatMap((id) => { const row = rows.get(id); return row ? [[id, row.name] as const] : []; }));
  },
  opportunity: (db, actor, ids) => visibleDealNames(db, actor, ids),
};

/**
 * Customers, leads and deals I created or changed lately, newest first, as they are named now;
 * only the kinds I may view and the records I may still see. Null when I may view none of them.
 */
export async function recentRecords(ctx: AppContext, actor: Actor, limit: number): Promise<{ items: WorkbenchRecent[] } | null> {
  const types = (Object.keys(permissionOf) as RecentRecordType[]).filter((type) => can(actor, permissionOf[type]));
  if (types.length === 0) return null;
  const touched = await recentlyTouchedBy(ctx.db, actor.userId, types satisfies HistoryEntityType[], limit * entriesPerRecord);
  const names = new Map<string, string>();
  await Promise.all(
    types.map(async (type) => {
      const ids = touched.filter((t) => t.entityType === type).map((t) => t.entityId);
      for (const [id, name] of await namesOf[type](ctx.db, actor, ids)) names.set(`${type}:${id}`, name);
    }),
  );
  const items = touched.flatMap((t) => {
    const name = names.get(`${t.entityType}:${t.entityId}`);
    return name === undefined ? [] : [{ type: t.entityType as RecentRecordType, id: t.entityId, name, action: t.action, at: t.at }];
  });
  return { items: items.slice(0, limit) };
}
