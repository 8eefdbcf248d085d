import { reminderSettingsValue, type ReminderSettings, type reminderSettingsUpdate } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { readSetting, writeSetting } from '../../platform/settings.js';
import { readRenewalDays } from '../contracts/index.js';

type Db = AppContext['db'];
const settingKey = 'care_reminders';

export type ReminderSettingsValue = z.output<typeof reminderSettingsValue>;

/** How many days ahead each kind of care reminder is made (the defaults until an administrator saves them). */
export async function readReminderSettings(db: Db): Promise<ReminderSettingsValue> {
  return (await readSetting(db, settingKey, reminderSettingsValue)).value;
}

async function state(db: Db): Promise<ReminderSettings> {
  const { value, version } = await readSetting(db, settingKey, reminderSettingsValue);
  return { ...value, contractRenewalDays: await readRenewalDays(db), version };
}

export async function getReminderSettings(ctx: AppContext, actor: Actor): Promise<ReminderSettings> {
  authorize(actor, 'settings.view');
  return state(ctx.db);
}

/** Save them with the version read; 409 with the current settings when somebody saved in between. */
export async function updateReminderSettings(ctx: AppContext, actor: Actor, input: z.output<typeof reminderSettingsUpdate>): Promise<ReminderSettings> {
  authorize(actor, 'settings.edit');
  const { version, ...value } = input;
  const written = await writeSetting(ctx.db, settingKey, value, version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (!written) throw conflict(await state(ctx.db));
  return state(ctx.db);
}
