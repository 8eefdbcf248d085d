import type { AbcClass, AnalyticsSettingsValue, CustomerServicePolicy, Locale, PolicyClass, ServicePolicy, ServiceTier, ValueClass } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import { t } from '../../platform/i18n.js';
import { finishedRun } from './analytics.runs.js';
import { readAnalyticsSettings } from './analytics.settings.js';

type Db = AppContext['db'];
const tierOrder: ServiceTier[] = ['priority', 'regular', 'basic'];

/** One class's policy: the saved text, or the seed's built-in text in the reader's language when none is saved. */
export function policyOf(policyClass: PolicyClass, settings: AnalyticsSettingsValue, locale: Locale): ServicePolicy {
  const saved = settings.servicePolicies[policyClass];
  return { policyClass, tier: saved.tier, text: saved.text !== '' ? saved.text : t(locale, `analyticsPolicy_${policyClass}`) };
}

/** The policies of an ABC class and a value class, and the higher of their tiers. */
export function policiesOf(abcClass: AbcClass, valueClass: ValueClass, settings: AnalyticsSettingsValue, locale: Locale): CustomerServicePolicy {
  const abc = policyOf(abcClass, settings, locale);
  const value = policyOf(valueClass, settings, locale);
  return { abc, value, tier: tierOrder[Math.min(tierOrder.indexOf(abc.tier), tierOrder.indexOf(value.tier))] ?? 'basic' };
}

/**
 * The service policy of a customer for other modules: the tier and text of its ABC and value class
 * in the latest finished run (current settings), or null when no run has classified it. No data
 * scope: the caller has already decided the customer may be read.
 */
export async function servicePolicyOf(db: Db, customerId: number, locale: Locale = 'zh-CN'): Promise<CustomerServicePolicy | null> {
  const run = await finishedRun(db);
  if (!run) return null;
  const row = await db.selectFrom('analytics_results').select(['abc_class', 'value_class']).where('run_id', '=', run.id).where('customer_id', '=', customerId).executeTakeFirst();
  if (!row) return null;
  return policiesOf(row.abc_class as AbcClass, row.value_class as ValueClass, await readAnalyticsSettings(db), locale);
}
