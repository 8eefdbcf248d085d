import {
  customFieldLimit,
  selectFieldTypes,
  type CustomField,
  type CustomFieldEntity,
  type CustomFieldOption,
  type CustomFieldType,
  type customFieldCreate,
  type customFieldListQuery,
  type customFieldOrder,
  type customFieldUpdate,
  type ListResponse,
} from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import * as repo from './custom-fields.repository.js';

function present(row: repo.FieldRow): CustomField {
  return {
    id: row.id,
    entity: row.entity as CustomFieldEntity,
    key: row.key,
    type: row.type as CustomFieldType,
    labelZh: row.label_zh,
    labelEn: row.label_en,
    options: JSON.parse(row.options) as CustomFieldOption[],
    required: row.required === 1,
    position: row.position,
    active: row.active === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}

function checkOptions(type: CustomFieldType, options: CustomFieldOption[]): void {
  const isSelect = selectFieldTypes.includes(type);
  if (isSelect && options.length === 0) throw invalid('options', 'customFieldOptionsNeeded');
  if (!isSelect && options.length > 0) throw invalid('options', 'customFieldNoOptions');
  if (new Set(options.map((o) => o.value)).size !== options.length) throw invalid('options', 'customFieldOptionsUnique');
}

/** Custom fields, in their order; any signed-in user (forms need them), deactivated ones for settings viewers. */
export async function listFields(ctx: AppContext, actor: Actor, query: z.output<typeof customFieldListQuery>): Promise<ListResponse<CustomField>> {
  if (query.includeInactive) authorize(actor, 'settings.view');
  const rows = await repo.list(ctx.db, query.entity, query.includeInactive ?? false);
  return { items: rows.map(present), total: rows.length, page: 1, pageSize: Math.max(rows.length, 1) };
}

export async function getField(ctx: AppContext, id: number): Promise<CustomField> {
  const row = await repo.findById(ctx.db, id);
  if (!row) throw notFound();
  return present(row);
}

/** Add a field at the end of its entity's list. */
export async function createField(ctx: AppContext, actor: Actor, input: z.output<typeof customFieldCreate>): Promise<CustomField> {
  authorize(actor, 'settings.edit');
  checkOptions(input.type, input.options);
  const now = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.findByKey(trx, input.entity, input.key)) throw invalid('key', 'customFieldKeyTaken');
    const { count, last } = await repo.countAndLastPosition(trx, input.entity);
    if (count >= customFieldLimit) throw invalid('key', 'customFieldLimit');
    return repo.insert(trx, {
      entity: input.entity,
      key: input.key,
      type: input.type,
      label_zh: input.labelZh,
      label_en: input.labelEn,
      options: JSON.stringify(input.options),
      required: input.required ? 1 : 0,
      position: last + 1,
      active: 1,
      meta: '{}',
      version: 1,
      created_at: now,
      updated_at: now,
      created_by: actor.userId,
      updated_by: actor.userId,
    });
  });
  return getField(ctx, id);
}

/** Change labels, options, the required flag, or reactivate; entity, key and type never change. */
export async function updateField(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof customFieldUpdate>): Promise<CustomField> {
  authorize(actor, 'settings.edit');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findById(trx, id);
    if (!row) throw notFound();
    if (row.version !== input.version) throw conflict(present(row));
    if (input.options !== undefined) checkOptions(row.type as CustomFieldType, input.options);
    const changes: Partial<repo.FieldRow> = {
      ...(input.labelZh !== undefined ? { label_zh: input.labelZh } : {}),
      ...(input.labelEn !== undefined ? { label_en: input.labelEn } : {}),
      ...(input.options !== undefined ? { options: JSON.stringify(input.options) } : {}),
      ...(input.required !== undefined ? { required: input.required ? 1 : 0 } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
    };
    if (!(await repo.update(trx, id, input.version, { ...changes, updated_at: now, updated_by: actor.userId }))) {
      // Read again: the conflict shows what the other writer committed, not what this one read.
      const current = await repo.findById(trx, id);
      throw current ? conflict(present(current)) : notFound();
    }
  });
  return getField(ctx, id);
}

/** "Delete" = deactivate: records stop showing and accepting the field; stored values are kept. */
export async function deactivateField(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'settings.edit');
  const row = await repo.findById(ctx.db, id);
  if (!row) throw notFound();
  if (row.active === 0) return;
  const now = ctx.clock.now().toISOString();
  await repo.setFields(ctx.db, id, { active: 0, version: row.version + 1, updated_at: now, updated_by: actor.userId });
}

/** Reorder all fields of one entity (deactivated ones included). */
export async function orderFields(ctx: AppContext, actor: Actor, input: z.output<typeof customFieldOrder>): Promise<ListResponse<CustomField>> {
  authorize(actor, 'settings.edit');
  await ctx.db.transaction().execute(async (trx) => {
    const rows = await repo.list(trx, input.entity, true);
    const known = new Set(rows.map((r) => r.id));
    if (input.ids.length !== rows.length || new Set(input.ids).size !== input.ids.length || !input.ids.every((i) => known.has(i))) {
      throw invalid('ids', 'customFieldOrderMismatch');
    }
    for (const [index, fieldId] of input.ids.entries()) await repo.setFields(trx, fieldId, { position: index + 1 });
  });
  const rows = await repo.list(ctx.db, input.entity, true);
  return { items: rows.map(present), total: rows.length, page: 1, pageSize: Math.max(rows.length, 1) };
}
