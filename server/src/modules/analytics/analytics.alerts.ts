import { formatMoney, type AnalyticsSettingsValue } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import { notify } from '../notifications/index.js';
import type { RunRow } from './analytics.runs.js';

type Db = AppContext['db'];

const money = (fen: number) => formatMoney(fen, 'CNY', 'zh-CN');

/**
 * What a finished run tells the owners, compared with the finished run before it (one transaction,
 * so that the notices and the win-backs exist exactly when both are written):
 * - churn risk: every customer at risk in this run that was not at risk in the run before (or had
 *   no row there, e.g. its first purchase came since) → one `churn_risk` notice to its owner. A
 *   customer that stays at risk is not told about again; one that recovered and falls back is.
 * - win-back: every customer whose status was `lost` in the run before and is not in this one (it
 *   bought again) → a row of analytics_winbacks and one `customer_won_back` notice to its owner.
 * Customers of the public pool (no owner) are recorded but nobody is notified; each notice names
 * only the customer of the owner it goes to. The first run of all has no run before it: it sets
 * the baseline and tells nobody (else installing the analytics would send one notice per
 * customer already at risk). Returns how many notices of each kind were sent.
 */
export async function alertOwners(ctx: Pick<AppContext, 'db' | 'clock'>, run: RunRow, settings: AnalyticsSettingsValue): Promise<{ churn: number; wonBack: number }> {
  const previous = await ctx.db
    .selectFrom('analytics_runs')
    .select(['id', 'as_of'])
    .where('status', '=', 'done')
    .where('id', '<', run.id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!previous) return { churn: 0, wonBack: 0 };
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const churn = await newlyAtRisk(trx, run.id, previous.id);
    for (const r of churn) {
      await notify(trx, {
        userId: r.owner_id,
        kind: 'churn_risk',
        entityType: 'customer',
        entityId: r.customer_id,
        at,
        params: {
          customer: r.name,
          lastOn: r.last_on,
          days: Number(r.recency_days),
          interval: r.average_interval_days === null ? '—' : Number(r.average_interval_days),
          factor: settings.churnFactor,
          spend: money(Number(r.monetary)),
          previousSpend: money(Number(r.previous_monetary)),
          months: settings.rfmWindowMonths,
          drop: settings.spendDropPercent,
        },
      });
    }
    const won = await trx
      .selectFrom('analytics_results as ar')
      .innerJoin('analytics_results as p', (j) => j.onRef('p.customer_id', '=', 'ar.customer_id').on('p.run_id', '=', previous.id))
      .innerJoin('customers as c', 'c.id', 'ar.customer_id')
      .select(['ar.customer_id', 'ar.last_on', 'p.recency_days', 'c.name', 'c.owner_id'])
      .where('ar.run_id', '=', run.id)
      .where('ar.status', '<>', 'lost')
      .where('p.status', '=', 'lost')
      .where('c.deleted_at', 'is', null)
      .orderBy('ar.customer_id')
      .execute();
    let told = 0;
    for (const r of won) {
      const inserted = await trx
        .insertInto('analytics_winbacks')
        .values({ run_id: run.id, customer_id: r.customer_id, won_back_on: r.last_on, owner_id: r.owner_id, previous_run_id: previous.id, lost_days: Number(r.recency_days) })
        .onConflict((oc) => oc.columns(['run_id', 'customer_id']).doNothing())
        .returning('customer_id')
        .executeTakeFirst();
      if (!inserted || r.owner_id === null) continue;
      await notify(trx, {
        userId: r.owner_id,
        kind: 'customer_won_back',
        entityType: 'customer',
        entityId: r.customer_id,
        at,
        params: { customer: r.name, date: r.last_on, previousAsOf: previous.as_of, lostDays: Number(r.recency_days), lostAfter: settings.lostAfterDays },
      });
      told += 1;
    }
    return { churn: churn.length, wonBack: told };
  });
}

/** The owned, live customers at risk in `runId` that were not at risk (or had no row) in `previousId`. */
function newlyAtRisk(db: Db, runId: number, previousId: number) {
  return db
    .selectFrom('analytics_results as ar')
    .innerJoin('customers as c', 'c.id', 'ar.customer_id')
    .leftJoin('analytics_results as p', (j) => j.onRef('p.customer_id', '=', 'ar.customer_id').on('p.run_id', '=', previousId))
    .select(['ar.customer_id', 'ar.last_on', 'ar.recency_days', 'ar.average_interval_days', 'ar.monetary', 'ar.previous_monetary', 'c.name', 'c.owner_id'])
    .where('ar.run_id', '=', runId)
    .where('ar.churn_risk', '=', 1)
    .where('c.deleted_at', 'is', null)
    .where('c.owner_id', 'is not', null)
    .where((eb) => eb.or([eb('p.customer_id', 'is', null), eb('p.churn_risk', '=', 0)]))
    .orderBy('ar.customer_id')
    .$narrowType<{ owner_id: number }>()
    .execute();
}
