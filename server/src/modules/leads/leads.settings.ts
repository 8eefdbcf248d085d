import { assignmentRule, type AssignmentRule, type AssignmentRulesState, type LeadSourcesState, type assignmentRulesUpdate, type leadSourcesUpdate } from '@crm/contracts';
import { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, type ErrorDetail } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n.js';
import { readSetting, writeSetting } from '../../platform/settings.js';
import { customerSourcesInUse } from '../customers/index.js';
import { defaultSourceList, readLeadSources, sourcesKey } from '../lists/index.js';
import { activeUserDirectory } from '../users/index.js';
import * as repo from './leads.repository.js';

/** The administrator's lists for leads: the sources offered and the assignment rules. */
type Db = AppContext['db'];

const rulesKey = 'lead_assignment_rules';

const rulesSetting = z.object({ rules: z.array(assignmentRule).default([]) });

// The sources are one list with customers' (客户来源): the lists module reads it.
export { defaultSourceList, readLeadSources };

export async function readAssignmentRules(db: Db): Promise<{ rules: AssignmentRule[]; version: number }> {
  const { value, version } = await readSetting(db, rulesKey, rulesSetting);
  return { rules: value.rules, version };
}

function refuse(details: ErrorDetail[]): never {
  throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
}

/** Every signed-in user reads the sources: the lead forms offer them. */
export async function getLeadSources(ctx: AppContext, _actor: Actor): Promise<LeadSourcesState> {
  return readLeadSources(ctx.db);
}

/** Replace the list: keys unique; a key leads or customers still use may be deactivated, not removed. */
export async function updateLeadSources(ctx: AppContext, actor: Actor, input: z.output<typeof leadSourcesUpdate>): Promise<LeadSourcesState> {
  authorize(actor, 'settings.edit');
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    if (seen.has(item.key)) details.push({ path: `items.${i}.key`, message: 'leadSourceDuplicate' satisfies MessageKey });
    seen.add(item.key);
  });
  const current = await readLeadSources(ctx.db);
  const removed = current.items.map((s) => s.key).filter((key) => !seen.has(key));
  if ((await repo.sourcesInUse(ctx.db, removed)).size > 0 || (await customerSourcesInUse(ctx.db, removed)).size > 0) details.push({ path: 'items', message: 'leadSourceInUse' satisfies MessageKey });
  if (details.length > 0) refuse(details);
  const written = await writeSetting(ctx.db, sourcesKey, { items: input.items }, input.version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (!written) throw conflict(await readLeadSources(ctx.db));
  return readLeadSources(ctx.db);
}

export async function getAssignmentRules(ctx: AppContext, actor: Actor): Promise<AssignmentRulesState> {
  authorize(actor, 'settings.view');
  return readAssignmentRules(ctx.db);
}

/** Replace the rules: ids unique, users active, sources known. */
export async function updateAssignmentRules(ctx: AppContext, actor: Actor, input: z.output<typeof assignmentRulesUpdate>): Promise<AssignmentRulesState> {
  authorize(actor, 'settings.edit');
  const details: ErrorDetail[] = [];
  const active = new Set((await activeUserDirectory(ctx.db)).map((u) => u.id));
  const sources = new Set((await readLeadSources(ctx.db)).items.map((s) => s.key));
  const ids = new Set<string>();
  input.rules.forEach((rule, i) => {
    if (ids.has(rule.id)) details.push({ path: `rules.${i}.id`, message: 'leadRuleDuplicateId' satisfies MessageKey });
    ids.add(rule.id);
    rule.userIds.forEach((userId, j) => {
      if (!active.has(userId)) details.push({ path: `rules.${i}.userIds.${j}`, message: 'unknownUser' satisfies MessageKey });
    });
    rule.sources.forEach((source, j) => {
      if (!sources.has(source)) details.push({ path: `rules.${i}.sources.${j}`, message: 'leadUnknownSource' satisfies MessageKey });
    });
  });
  if (details.length > 0) refuse(details);
  // A user named twice would get twice the turns: keep each once, in order.
  const rules = input.rules.map((rule) => ({ ...rule, userIds: [...new Set(rule.userIds)], provinces: [...new Set(rule.provinces)], sources: [...new Set(rule.sources)] }));
  const written = await writeSetting(ctx.db, rulesKey, { rules }, input.version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (!written) throw conflict(await readAssignmentRules(ctx.db));
  return readAssignmentRules(ctx.db);
}
