import { listViewQuerySchemas, type ListViewList, type ListViewVisibility, type Locale } from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, forbidden, type ErrorDetail } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n.js';
import { parse } from '../../platform/validation.js';
import { findReadable } from '../customers/index.js';
import { departmentInfo } from '../departments/index.js';
import { activeUser, isUserInScope } from '../users/index.js';

/** What a saved view holds, as it will be stored. */
export interface ViewState {
  list: ListViewList;
  visibility: ListViewVisibility;
  departmentId: number | null;
  filters: Record<string, string>;
  sort: string | null;
  pageSize: number | null;
}

const problem = (path: string, message: MessageKey): ErrorDetail => ({ path, message });
/** Kept apart from the filters: the sort and page size have fields of their own, the page is never kept. */
const notFilters = ['page', 'pageSize', 'sort'];

/**
 * The filters, sort and page size must be a query the list's GET accepts, checked by the same
 * schema: each bad parameter is a field-level issue under `filters.<name>` (or `sort`, `pageSize`)
 * in the caller's language.
 */
export function queryIssues(state: ViewState, locale: Locale): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const key of Object.keys(state.filters)) if (notFilters.includes(key)) details.push(problem(`filters.${key}`, 'listViewNotAFilter'));
  const candidate: Record<string, string> = { ...state.filters };
  for (const key of notFilters) delete candidate[key];
  if (state.sort !== null) candidate.sort = state.sort;
  if (state.pageSize !== null) candidate.pageSize = String(state.pageSize);
  try {
    parse(listViewQuerySchemas[state.list], candidate, locale);
  } catch (error) {
    if (!(error instanceof AppError) || !error.details) throw error;
    for (const d of error.details) {
      const head = d.path.split('.')[0] ?? '';
      details.push({ path: head === 'sort' || head === 'pageSize' ? head : `filters.${head}`, message: d.message });
    }
  }
  return details;
}

/**
 * Records a filter names must be ones the caller may see (a view never names someone else's
 * customer, nor a user outside the caller's data scope); applying the view is scoped anyway.
 */
export async function referenceIssues(ctx: AppContext, actor: Actor, filters: Record<string, string>): Promise<ErrorDetail[]> {
  const details: ErrorDetail[] = [];
  const ownerId = filters.ownerId;
  if (ownerId !== undefined && /^\d+$/.test(ownerId)) {
    const id = Number(ownerId);
    if (!(await activeUser(ctx, id)) || !(await isUserInScope(ctx, actor, id))) details.push(problem('filters.ownerId', 'listViewUnknownOwner'));
  }
  const customerId = filters.customerId;
  if (customerId !== undefined && /^\d+$/.test(customerId)) {
    const visible = await findReadable(ctx.db, actor, Number(customerId)).then(
      () => true,
      () => false,
    );
    if (!visible) details.push(problem('filters.customerId', 'listViewUnknownCustomer'));
  }
  return details;
}

/**
 * Who sees the view: personal needs nothing; a department or everyone needs views.share. A
 * department view goes to the caller's department unless another is named, which must be theirs
 * or one below it (any department for a caller who sees all records). Returns the department.
 */
export async function sharingIssues(ctx: AppContext, actor: Actor, visibility: ListViewVisibility, departmentId: number | null | undefined): Promise<{ departmentId: number | null; details: ErrorDetail[] }> {
  if (visibility === 'personal') {
    return { departmentId: null, details: departmentId ? [problem('departmentId', 'listViewDepartmentOnlyShared')] : [] };
  }
  if (!can(actor, 'views.share')) throw forbidden();
  if (visibility === 'everyone') return { departmentId: null, details: departmentId ? [problem('departmentId', 'listViewDepartmentOnlyShared')] : [] };
  const chosen = departmentId ?? actor.departmentId;
  if (chosen === null) return { departmentId: null, details: [problem('departmentId', 'listViewNeedsDepartment')] };
  const department = await departmentInfo(ctx, chosen);
  const within = department !== null && (actor.dataScope === 'all' || (actor.departmentPath !== null && department.path.startsWith(actor.departmentPath)));
  return { departmentId: chosen, details: within ? [] : [problem('departmentId', 'listViewDepartmentOutside')] };
}
