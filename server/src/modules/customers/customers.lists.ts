import type { IndustriesState, industriesUpdate } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { companyTimeZone, localDate } from '../../platform/company.js';
import { AppError, conflict, invalid, type ErrorDetail } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n.js';
import { writeSetting } from '../../platform/settings.js';
import { industriesKey, readIndustries, readLeadSources } from '../lists/index.js';
import * as repo from './customers.repository.js';

/** Customers' managed lists: industries (行业, kept here) and sources (客户来源, the lead sources). */
type Db = AppContext['db'];

/** Every signed-in user reads the industries: the customer form and filters offer them. */
export async function getIndustries(ctx: AppContext, _actor: Actor): Promise<IndustriesState> {
  return readIndustries(ctx.db);
}

/** Replace the industries: keys unique; an industry customers use can be switched off, not removed. */
export async function updateIndustries(ctx: AppContext, actor: Actor, input: z.output<typeof industriesUpdate>): Promise<IndustriesState> {
  authorize(actor, 'settings.edit');
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    if (seen.has(item.key)) details.push({ path: `items.${i}.key`, message: 'industryDuplicate' satisfies MessageKey });
    seen.add(item.key);
  });
  const current = await readIndustries(ctx.db);
  const removed = current.items.map((s) => s.key).filter((key) => !seen.has(key));
  if ((await repo.listValuesInUse(ctx.db, 'industry', removed)).size > 0) details.push({ path: 'items', message: 'industryInUse' satisfies MessageKey });
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
  const written = await writeSetting(ctx.db, industriesKey, { items: input.items }, input.version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (!written) throw conflict(await readIndustries(ctx.db));
  return readIndustries(ctx.db);
}

/** Which of these source keys customers still use (the lead sources' editor asks before a removal). */
export function customerSourcesInUse(db: Db, keys: string[]): Promise<Set<string>> {
  return repo.listValuesInUse(db, 'source', keys);
}

/**
 * Field-level issues of an industry and a source written by a user: each a key of its list, and
 * active unless it is the value the record already has (a switched-off item stays on old records).
 */
export async function checkListValues(db: Db, input: { industry?: string | null; source?: string | null }, stored: { industry: string | null; source: string | null } | null): Promise<void> {
  const details: ErrorDetail[] = [];
  const check = async (field: 'industry' | 'source', value: string | null | undefined) => {
    if (value === undefined || value === null || value === stored?.[field]) return;
    const { items } = field === 'industry' ? await readIndustries(db) : await readLeadSources(db);
    const item = items.find((i) => i.key === value);
    const unknown: MessageKey = field === 'industry' ? 'customerUnknownIndustry' : 'customerUnknownSource';
    const inactive: MessageKey = field === 'industry' ? 'customerInactiveIndustry' : 'customerInactiveSource';
    if (!item) details.push({ path: field, message: unknown });
    else if (!item.active) details.push({ path: field, message: inactive });
  };
  await check('industry', input.industry);
  await check('source', input.source);
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
}

/** A next follow-up day set by hand is today or later (company time zone); null clears it. */
export async function checkNextFollowUp(ctx: AppContext, day: string | null, path: string): Promise<void> {
  if (day === null) return;
  if (day < localDate(ctx.clock.now(), await companyTimeZone(ctx.db))) throw invalid(path, 'followUpNextInPast');
}
