import { creditSettingsValue, type CreditSettings, type CreditSettingsValue, type creditSettingsUpdate } from '@crm/contracts';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { readSetting, writeSetting } from '../../platform/settings.js';

type Db = AppContext['db'];
const settingKey = 'credit_rating';

/** The weights, thresholds and policies (the defaults of contracts/src/credit.ts until an administrator saves them). */
export async function readCreditSettings(db: Db): Promise<CreditSettingsValue> {
  return (await readSetting(db, settingKey, creditSettingsValue)).value;
}

async function state(db: Db): Promise<CreditSettings> {
  const { value, version } = await readSetting(db, settingKey, creditSettingsValue);
  return { ...value, version };
}

export async function getCreditSettings(ctx: AppContext, _actor: Actor): Promise<CreditSettings> {
  return state(ctx.db);
}

/** Save them with the version read; 409 with the current settings when somebody saved in between. They apply from the next assessment saved. */
export async function updateCreditSettings(ctx: AppContext, actor: Actor, input: z.output<typeof creditSettingsUpdate>): Promise<CreditSettings> {
  const { version, ...value } = input;
  const written = await writeSetting(ctx.db, settingKey, value, version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (!written) throw conflict(await state(ctx.db));
  return state(ctx.db);
}
