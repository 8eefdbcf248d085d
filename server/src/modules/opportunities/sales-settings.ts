import { salesSettings, type LostReason, type SalesSettings, type SalesSettingsState, type salesSettingsUpdate } from '@crm/contracts';
import { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, type ErrorDetail } from '../../platform/errors.js';
import { readSetting, writeSetting } from '../../platform/settings.js';

type Db = AppContext['db'];
export const salesSettingsKey = 'sales';

const defaultLostReasons: LostReason[] = [
  { key: 'price', labelZh: '价格太高', labelEn: 'Price too high', active: true },
  { key: 'competitor', labelZh: '选择了竞争对手', labelEn: 'Chose a competitor', active: true },
  { key: 'no_budget', labelZh: '没有预算', labelEn: 'No budget', active: true },
  { key: 'no_decision', labelZh: '无决策/搁置', labelEn: 'No decision / on hold', active: true },
  { key: 'timing', labelZh: '时机不对', labelEn: 'Bad timing', active: true },
  { key: 'product_fit', labelZh: '产品不符合需求', labelEn: 'Product does not fit', active: true },
  { key: 'lost_contact', labelZh: '失去联系', labelEn: 'Lost contact', active: true },
  { key: 'other', labelZh: '其他', labelEn: 'Other', active: true },
];

/** The stored settings with the defaults of a new installation (¥1,000,000.00 is a big deal). */
const storedSalesSettings = z.object({
  lostReasons: salesSettings.shape.lostReasons.default(defaultLostReasons),
  bigDealAmount: salesSettings.shape.bigDealAmount.default(100_000_000),
  baseCurrency: salesSettings.shape.baseCurrency.default('CNY'),
  rates: salesSettings.shape.rates.default({ USD: 7.1, EUR: 7.7, HKD: 0.91, JPY: 0.047 }),
});

/** The sales settings and their version (0 until an administrator saves them); `db` may be a transaction. */
export async function readSalesSettings(db: Db): Promise<{ value: SalesSettings; version: number }> {
  return readSetting(db, salesSettingsKey, storedSalesSettings);
}

/** Base-currency units per unit of `currency`, or null when there is no rate for it. */
export function rateOf(settings: SalesSettings, currency: string): number | null {
  if (currency === settings.baseCurrency) return 1;
  return settings.rates[currency] ?? null;
}

export function isActiveLostReason(settings: SalesSettings, key: string): boolean {
  return settings.lostReasons.some((r) => r.key === key && r.active);
}

/** Every signed-in user reads them: the deal forms need the lost reasons and currencies. */
export async function getSalesSettings(ctx: AppContext, _actor: Actor): Promise<SalesSettingsState> {
  const { value, version } = await readSalesSettings(ctx.db);
  return { ...value, version };
}

export async function updateSalesSettings(ctx: AppContext, actor: Actor, input: z.output<typeof salesSettingsUpdate>): Promise<SalesSettingsState> {
  authorize(actor, 'settings.edit');
  const { version, ...settings } = input;
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  settings.lostReasons.forEach((reason, index) => {
    if (seen.has(reason.key)) details.push({ path: `lostReasons.${index}.key`, message: 'salesDuplicateReason' });
    seen.add(reason.key);
  });
  if (settings.rates[settings.baseCurrency] !== undefined) details.push({ path: `rates.${settings.baseCurrency}`, message: 'salesBaseRate' });
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
  const written = await writeSetting(ctx.db, salesSettingsKey, settings, version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (!written) throw conflict(await getSalesSettings(ctx, actor));
  return getSalesSettings(ctx, actor);
}
