import type { CompanySettings, companySettingsUpdate } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import { readCompanySettings, writeCompanySettings } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';

/** Every signed-in user reads the company settings (the web shows times and "today" by them). */
export function getCompanySettings(ctx: AppContext, _actor: Actor): Promise<CompanySettings> {
  return readCompanySettings(ctx.db);
}

/** Change the company settings (settings.edit); 409 with the current ones when the version is stale. */
export async function updateCompanySettings(ctx: AppContext, actor: Actor, input: z.output<typeof companySettingsUpdate>): Promise<CompanySettings> {
  authorize(actor, 'settings.edit');
  const current = await readCompanySettings(ctx.db);
  // The logo is kept: it changes through its own address.
  const value = { timeZone: input.timeZone, name: input.name ?? current.name, nameEn: input.nameEn ?? current.nameEn, logo: current.logo };
  const written = await writeCompanySettings(ctx.db, value, input.version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (!written) throw conflict(await readCompanySettings(ctx.db));
  return readCompanySettings(ctx.db);
}
