import {
  builtInViewsOf,
  type ListView,
  type ListViewDefault,
  type ListViewList,
  type ListViewRef,
  type ListViews,
  type ListViewVisibility,
  type listViewCreate,
  type listViewDefaultUpdate,
  type listViewUpdate,
  type Permission,
} from '@crm/contracts';
import type { z } from 'zod';
import { authorize, can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, forbidden, invalid, notFound, type ErrorDetail } from '../../platform/errors.js';
import { departmentInfo } from '../departments/index.js';
import { userNames } from '../users/index.js';
import { builtInViews } from './list-views.built-in.js';
import { queryIssues, referenceIssues, sharingIssues, type ViewState } from './list-views.checks.js';
import * as repo from './list-views.repository.js';

/** Using a list's views needs the right to read the list. */
const listPermission: Record<ListViewList, Permission> = {
  customers: 'customers.view',
  contacts: 'contacts.view',
  leads: 'leads.view',
  opportunities: 'opportunities.view',
};

function readerOf(actor: Actor): repo.Reader {
  // The department path (`/1/4/`) names the reader's department and those above it.
  const departmentIds = (actor.departmentPath ?? '').split('/').filter(Boolean).map(Number);
  return { userId: actor.userId, departmentIds };
}

function fail(details: ErrorDetail[]): void {
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
}

async function present(ctx: AppContext, actor: Actor, rows: repo.ListViewRow[]): Promise<ListView[]> {
  const owners = await userNames(ctx, rows.map((r) => r.owner_id));
  const departments = new Map<number, string>();
  for (const id of new Set(rows.map((r) => r.department_id).filter((d): d is number => d !== null))) {
    const info = await departmentInfo(ctx, id);
    if (info) departments.set(id, info.name);
  }
  return rows.map((r) => {
    const mine = r.owner_id === actor.userId;
    return {
      id: r.id,
      version: r.version,
      list: r.list as ListViewList,
      name: r.name,
      visibility: r.visibility as ListViewVisibility,
      departmentId: r.department_id,
      departmentName: r.department_id === null ? null : (departments.get(r.department_id) ?? null),
      ownerId: r.owner_id,
      ownerName: owners.get(r.owner_id) ?? null,
      filters: JSON.parse(r.filters) as Record<string, string>,
      columns: JSON.parse(r.columns) as string[],
      sort: r.sort,
      pageSize: r.page_size,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      createdBy: r.created_by,
      updatedBy: r.updated_by,
      can: { edit: mine, delete: mine },
    };
  });
}

async function presentOne(ctx: AppContext, actor: Actor, row: repo.ListViewRow): Promise<ListView> {
  const [one] = await present(ctx, actor, [row]);
  if (!one) throw notFound();
  return one;
}

/** The reader's default of a list, if it still names a view they may use; else `all` (unfiltered). */
function defaultOf(stored: { view_id: number | null; built_in: string | null } | undefined, list: ListViewList, visible: repo.ListViewRow[]): ListViewRef {
  if (stored?.view_id != null && visible.some((v) => v.id === stored.view_id)) return stored.view_id;
  return builtInViewsOf[list].find((k) => k === stored?.built_in) ?? 'all';
}

/** A list's built-in views, the saved views the reader may see and the reader's default. */
export async function listViews(ctx: AppContext, actor: Actor, list: ListViewList): Promise<ListViews> {
  authorize(actor, listPermission[list]);
  const rows = await repo.visibleViews(ctx.db, list, readerOf(actor));
  const stored = await repo.findDefault(ctx.db, actor.userId, list);
  return {
    list,
    builtIn: await builtInViews(ctx, actor, list),
    items: await present(ctx, actor, rows),
    defaultView: defaultOf(stored, list, rows),
    canShare: can(actor, 'views.share'),
  };
}

/** Every check of a view's new state at once: the query, the records it names, who sees it. */
async function checked(ctx: AppContext, actor: Actor, state: Omit<ViewState, 'departmentId'>, departmentId: number | null | undefined): Promise<ViewState> {
  const sharing = await sharingIssues(ctx, actor, state.visibility, departmentId);
  const full = { ...state, departmentId: sharing.departmentId };
  fail([...queryIssues(full, actor.locale), ...(await referenceIssues(ctx, actor, state.filters)), ...sharing.details]);
  return full;
}

/** A unique index keeps one name per owner and list; a race that slips past the check lands here. */
async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (/unique|duplicate/i.test(String((error as { message?: unknown }).message))) throw invalid('name', 'listViewNameTaken');
    throw error;
  }
}

export async function createView(ctx: AppContext, actor: Actor, input: z.output<typeof listViewCreate>): Promise<ListView> {
  authorize(actor, listPermission[input.list]);
  const state = await checked(ctx, actor, { list: input.list, visibility: input.visibility, filters: input.filters ?? {}, sort: input.sort ?? null, pageSize: input.pageSize ?? null }, input.departmentId);
  if (await repo.nameTaken(ctx.db, actor.userId, input.list, input.name)) throw invalid('name', 'listViewNameTaken');
  const at = ctx.clock.now().toISOString();
  const id = await uniqueName(() =>
    repo.insert(ctx.db, {
      list: state.list, name: input.name, owner_id: actor.userId, visibility: state.visibility, department_id: state.departmentId,
      filters: JSON.stringify(state.filters), columns: JSON.stringify(input.columns ?? []), sort: state.sort, page_size: state.pageSize,
      version: 1, created_at: at, updated_at: at, created_by: actor.userId, updated_by: actor.userId,
    }),
  );
  const row = await repo.findVisible(ctx.db, id, readerOf(actor));
  if (!row) throw notFound();
  return presentOne(ctx, actor, row);
}

/** A view the actor owns: NOT_FOUND when they may not see it, FORBIDDEN when it is someone else's. */
async function ownView(ctx: AppContext, actor: Actor, id: number): Promise<repo.ListViewRow> {
  const row = await repo.findVisible(ctx.db, id, readerOf(actor));
  if (!row) throw notFound();
  authorize(actor, listPermission[row.list as ListViewList]);
  if (row.owner_id !== actor.userId) throw forbidden();
  return row;
}

export async function updateView(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof listViewUpdate>): Promise<ListView> {
  const row = await ownView(ctx, actor, id);
  const visibility = input.visibility ?? (row.visibility as ListViewVisibility);
  // A view kept with its department keeps it unless the change names another (or stops sharing).
  const departmentId = input.departmentId !== undefined ? input.departmentId : input.visibility !== undefined && input.visibility !== row.visibility ? undefined : row.department_id;
  const state = await checked(
    ctx,
    actor,
    {
      list: row.list as ListViewList,
      visibility,
      filters: input.filters ?? (JSON.parse(row.filters) as Record<string, string>),
      sort: input.sort !== undefined ? input.sort : row.sort,
      pageSize: input.pageSize !== undefined ? input.pageSize : row.page_size,
    },
    departmentId,
  );
  const name = input.name ?? row.name;
  if (name !== row.name && (await repo.nameTaken(ctx.db, actor.userId, row.list, name, id))) throw invalid('name', 'listViewNameTaken');
  const at = ctx.clock.now().toISOString();
  const values = {
    name, visibility: state.visibility, department_id: state.departmentId, filters: JSON.stringify(state.filters), sort: state.sort, page_size: state.pageSize,
    ...(input.columns !== undefined ? { columns: JSON.stringify(input.columns) } : {}),
    updated_at: at, updated_by: actor.userId,
  };
  if (!(await uniqueName(() => repo.update(ctx.db, id, input.version, values)))) throw conflict(await presentOne(ctx, actor, await ownView(ctx, actor, id)));
  return presentOne(ctx, actor, await ownView(ctx, actor, id));
}

/** Delete one's own view; defaults that named it (anyone's) go with it. */
export async function deleteView(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  await ownView(ctx, actor, id);
  await ctx.db.transaction().execute((trx) => repo.remove(trx, id));
}

/** The view a list opens with for the actor: a saved view they may see, or a built-in one (`all`: unfiltered, nothing kept). */
export async function setDefaultView(ctx: AppContext, actor: Actor, input: z.output<typeof listViewDefaultUpdate>): Promise<ListViewDefault> {
  authorize(actor, listPermission[input.list]);
  const ref = input.viewId;
  let value: { viewId: number | null; builtIn: string | null } = { viewId: null, builtIn: null };
  if (typeof ref === 'number') {
    const row = await repo.findVisible(ctx.db, ref, readerOf(actor));
    if (!row || row.list !== input.list) throw invalid('viewId', 'listViewUnknownView');
    value = { viewId: ref, builtIn: null };
  } else if (ref !== 'all') {
    if (!builtInViewsOf[input.list].includes(ref)) throw invalid('viewId', 'listViewUnknownView');
    value = { viewId: null, builtIn: ref };
  }
  await repo.setDefault(ctx.db, actor.userId, input.list, value, ctx.clock.now().toISOString());
  return { list: input.list, viewId: ref };
}
