import {
  contractNumberingValue,
  contractRenewalSettingsValue,
  contractSequenceKey,
  defaultContractNumberPattern,
  formatContractNumber,
  parseContractNumberPattern,
  type ContractNumbering,
  type ContractRenewalSettings,
  type PatternPart,
  type contractNumberingUpdate,
  type contractRenewalSettingsUpdate,
} from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import { companyTimeZone, localDate } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict } from '../../platform/errors.js';
import { readSetting, writeSetting } from '../../platform/settings.js';
import * as repo from './contracts.repository.js';

type Db = AppContext['db'];
const numberingKey = 'contract_numbering';
const renewalKey = 'contract_renewals';
/** How many taken numbers a create skips (after a pattern change) before it gives up. */
const maxSkips = 50;

function partsOf(pattern: string): PatternPart[] {
  const parsed = parseContractNumberPattern(pattern);
  if ('parts' in parsed) return parsed.parts;
  const fallback = parseContractNumberPattern(defaultContractNumberPattern);
  if (!('parts' in fallback)) throw new Error('the default contract number pattern is not valid');
  return fallback.parts;
}

const dateOf = (day: string) => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) });

async function numberingState(ctx: AppContext, db: Db): Promise<ContractNumbering> {
  const { value, version } = await readSetting(db, numberingKey, contractNumberingValue);
  const today = localDate(ctx.clock.now(), await companyTimeZone(db));
  const parts = partsOf(value.pattern);
  return { pattern: value.pattern, example: formatContractNumber(parts, dateOf(today), 1), version };
}

export async function getContractNumbering(ctx: AppContext, actor: Actor): Promise<ContractNumbering> {
  authorize(actor, 'settings.view');
  return numberingState(ctx, ctx.db);
}

/** Save the pattern with the version read; 409 with the current settings when stale. */
export async function updateContractNumbering(ctx: AppContext, actor: Actor, input: z.output<typeof contractNumberingUpdate>): Promise<ContractNumbering> {
  authorize(actor, 'settings.edit');
  const written = await writeSetting(ctx.db, numberingKey, { pattern: input.pattern }, input.version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (!written) throw conflict(await numberingState(ctx, ctx.db));
  return numberingState(ctx, ctx.db);
}

/**
 * The next contract number on `day` (company date): the pattern's sequence for the day's date
 * parts, reserved atomically (counters upsert), skipping a number already taken (possible only
 * after the pattern changed). The unique index on contracts.number is the last guard.
 */
export async function nextContractNumber(db: Db, day: string): Promise<string> {
  const { value } = await readSetting(db, numberingKey, contractNumberingValue);
  const parts = partsOf(value.pattern);
  const date = dateOf(day);
  const key = contractSequenceKey(parts, date);
  for (let i = 0; i < maxSkips; i++) {
    const number = formatContractNumber(parts, date, await repo.reserveSequence(db, key));
    if (!(await repo.numberTaken(db, number))) return number;
  }
  throw new AppError('CONFLICT', 'contractNumbersExhausted');
}

export async function readRenewalDays(db: Db): Promise<number> {
  return (await readSetting(db, renewalKey, contractRenewalSettingsValue)).value.days;
}

async function renewalState(db: Db): Promise<ContractRenewalSettings> {
  const { value, version } = await readSetting(db, renewalKey, contractRenewalSettingsValue);
  return { days: value.days, version };
}

export async function getContractRenewalSettings(ctx: AppContext, actor: Actor): Promise<ContractRenewalSettings> {
  authorize(actor, 'settings.view');
  return renewalState(ctx.db);
}

export async function updateContractRenewalSettings(ctx: AppContext, actor: Actor, input: z.output<typeof contractRenewalSettingsUpdate>): Promise<ContractRenewalSettings> {
  authorize(actor, 'settings.edit');
  const written = await writeSetting(ctx.db, renewalKey, { days: input.days }, input.version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (!written) throw conflict(await renewalState(ctx.db));
  return renewalState(ctx.db);
}
