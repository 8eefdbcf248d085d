import { analyticsSettingsValue, type AnalyticsSettings, type AnalyticsSettingsValue, type analyticsSettingsUpdate } from '@crm/contracts';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { readSetting, writeSetting } from '../../platform/settings.js';

type Db = AppContext['db'];
const settingKey = 'customer_analytics';

/** The thresholds of the analyses (the textbook defaults until an administrator saves them). */
export async function readAnalyticsSettings(db: Db): Promise<AnalyticsSettingsValue> {
  return (await readSetting(db, settingKey, analyticsSettingsValue)).value;
}

async function state(db: Db): Promise<AnalyticsSettings> {
  const { value, version } = await readSetting(db, settingKey, analyticsSettingsValue);
  return { ...value, version };
}

export async function getAnalyticsSettings(ctx: AppContext, _actor: Actor): Promise<AnalyticsSettings> {
  return state(ctx.db);
}

/** Save them with the version read; 409 with the current settings when somebody saved in between. They apply from the next run. */
export async function updateAnalyticsSettings(ctx: AppContext, actor: Actor, input: z.output<typeof analyticsSettingsUpdate>): Promise<AnalyticsSettings> {
  const { version, ...value } = input;
  const written = await writeSetting(ctx.db, settingKey, value, version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (!written) throw conflict(await state(ctx.db));
  return state(ctx.db);
}
