import crypto from 'node:crypto';
import { type LeadForm, type leadFormCreate, type leadFormUpdate, type ListResponse } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, notFound, type ErrorDetail } from '../../platform/errors.js';
import { checkLeadInput } from '../leads/index.js';
import { presentForm, type StoredField } from './lead-forms.presenter.js';
import * as repo from './lead-forms.repository.js';

type Db = AppContext['db'];
type FieldsInput = z.output<typeof leadFormCreate>['fields'];

/** An unguessable link part: 16 random bytes, 22 URL-safe characters. */
function newToken(): string {
  return crypto.randomBytes(16).toString('base64url');
}

/** Each field once; the name asked for and required (a lead cannot exist without it). */
function checkFields(fields: FieldsInput): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    if (seen.has(f.field)) details.push({ path: `fields.${i}.field`, message: 'leadFormFieldTwice' });
    seen.add(f.field);
  });
  const name = fields.findIndex((f) => f.field === 'name');
  if (name < 0) details.push({ path: 'fields', message: 'leadFormNameNeeded' });
  else if (!fields[name]?.required) details.push({ path: `fields.${name}.required`, message: 'leadFormNameRequired' });
  return details;
}

/** The source must be one new leads may get (an active source of the list), as the leads module judges it. */
async function checkSource(ctx: AppContext, db: Db, source: string): Promise<ErrorDetail[]> {
  const problems = await checkLeadInput(ctx, db, { source });
  return problems.map((p) => ({ path: p.path, message: p.key }));
}

function failIfAny(details: ErrorDetail[]): void {
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
}

function storedFields(fields: FieldsInput): string {
  const stored: StoredField[] = fields.map((f) => ({ field: f.field, required: f.required, ...(f.label ? { label: f.label } : {}) }));
  return JSON.stringify(stored);
}

/** Every live form (settings.view). */
export async function listForms(ctx: AppContext, actor: Actor, origin: string): Promise<ListResponse<LeadForm>> {
  authorize(actor, 'settings.view');
  const rows = await repo.listLive(ctx.db);
  return { items: rows.map((r) => presentForm(r, origin)), total: rows.length, page: 1, pageSize: Math.max(rows.length, 1) };
}

export async function getForm(ctx: AppContext, actor: Actor, id: number, origin: string): Promise<LeadForm> {
  authorize(actor, 'settings.view');
  const row = await repo.findLive(ctx.db, id);
  if (!row) throw notFound();
  return presentForm(row, origin);
}

/** A new form with a fresh public link (settings.edit). */
export async function createForm(ctx: AppContext, actor: Actor, input: z.output<typeof leadFormCreate>, origin: string): Promise<LeadForm> {
  authorize(actor, 'settings.edit');
  failIfAny([...checkFields(input.fields), ...(await checkSource(ctx, ctx.db, input.source))]);
  const now = ctx.clock.now().toISOString();
  const id = await repo.insert(ctx.db, {
    token: newToken(),
    name: input.name,
    title: input.title ?? null,
    description: input.description ?? null,
    fields: storedFields(input.fields),
    thank_you: input.thankYou,
    source: input.source,
    active: input.active ? 1 : 0,
    submission_count: 0,
    deleted_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
    created_by: actor.userId,
    updated_by: actor.userId,
  });
  return getForm(ctx, actor, id, origin);
}

/** Change what the form asks and says; 409 with the current form when the version is stale. The link stays. */
export async function updateForm(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof leadFormUpdate>, origin: string): Promise<LeadForm> {
  authorize(actor, 'settings.edit');
  const row = await repo.findLive(ctx.db, id);
  if (!row) throw notFound();
  if (row.version !== input.version) throw conflict(presentForm(row, origin));
  // Keeping a source that was deactivated since is allowed: only a change is checked.
  failIfAny([
    ...(input.fields !== undefined ? checkFields(input.fields) : []),
    ...(input.source !== undefined && input.source !== row.source ? await checkSource(ctx, ctx.db, input.source) : []),
  ]);
  const changes: Partial<repo.FormRow> = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.fields !== undefined ? { fields: storedFields(input.fields) } : {}),
    ...(input.thankYou !== undefined ? { thank_you: input.thankYou } : {}),
    ...(input.source !== undefined ? { source: input.source } : {}),
    ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
  };
  const now = ctx.clock.now().toISOString();
  if (!(await repo.update(ctx.db, id, input.version, { ...changes, updated_at: now, updated_by: actor.userId }))) {
    const current = await repo.findLive(ctx.db, id);
    if (!current) throw notFound();
    throw conflict(presentForm(current, origin));
  }
  return getForm(ctx, actor, id, origin);
}

/** Soft delete: the link stops working at once; leads that came through it keep their form id. */
export async function deleteForm(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'settings.edit');
  if (!(await repo.softDelete(ctx.db, id, { userId: actor.userId, at: ctx.clock.now().toISOString() }))) throw notFound();
}
