import { leadSorts, leadStatuses, manGrades, type LeadListQuery, type LeadStatus, type ManGrade } from '@crm/contracts';

export const pageSizes = [10, 20, 50, 100] as const;
export const defaultSort = '-updatedAt';
export type LeadSort = (typeof leadSorts)[number];

/** The owner filter's value for "no owner": the lead pool. */
export const LEAD_POOL = 'none';

/** The list's view as kept in the URL, so that a link reproduces it. */
export interface LeadListParams {
  q: string;
  status: LeadStatus[];
  grade: ManGrade[];
  source?: string;
  /** A user id, or `none` for the lead pool. */
  ownerId?: string;
  province?: string;
  /** YYYY-MM-DD, inclusive. */
  createdFrom?: string;
  createdTo?: string;
  sort: LeadSort;
  page: number;
  pageSize: number;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

function listOf<T extends string>(values: readonly T[], value: string | null): T[] {
  return (value ?? '')
    .split(',')
    .map((s) => oneOf(values, s.trim()))
    .filter((s): s is T => s !== undefined);
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function day(value: string | null): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

export function parseLeadParams(params: URLSearchParams): LeadListParams {
  const ownerId = params.get('ownerId');
  const source = params.get('source');
  const pageSize = positiveInt(params.get('pageSize'), 20);
  return {
    q: params.get('q') ?? '',
    status: listOf(leadStatuses, params.get('status')),
    grade: listOf(manGrades, params.get('grade')),
    source: source && /^[a-z][a-z0-9_]*$/.test(source) ? source : undefined,
    ownerId: ownerId === LEAD_POOL || (ownerId && /^\d+$/.test(ownerId)) ? ownerId : undefined,
    province: params.get('province') || undefined,
    createdFrom: day(params.get('createdFrom')),
    createdTo: day(params.get('createdTo')),
    sort: oneOf(leadSorts, params.get('sort')) ?? defaultSort,
    page: positiveInt(params.get('page'), 1),
    pageSize: (pageSizes as readonly number[]).includes(pageSize) ? pageSize : 20,
  };
}

/** Writes the view back to the URL, leaving defaults out. */
export function toLeadSearchParams(view: LeadListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (view.q) out.set('q', view.q);
  if (view.status.length > 0) out.set('status', view.status.join(','));
  if (view.grade.length > 0) out.set('grade', view.grade.join(','));
  if (view.source) out.set('source', view.source);
  if (view.ownerId) out.set('ownerId', view.ownerId);
  if (view.province) out.set('province', view.province);
  if (view.createdFrom) out.set('createdFrom', view.createdFrom);
  if (view.createdTo) out.set('createdTo', view.createdTo);
  if (view.sort !== defaultSort) out.set('sort', view.sort);
  if (view.page !== 1) out.set('page', String(view.page));
  if (view.pageSize !== 20) out.set('pageSize', String(view.pageSize));
  return out;
}

/** Whether any filter (not paging or sort) narrows the list; `ignoreOwner` for the lead pool. */
export function hasLeadFilters(view: LeadListParams, ignoreOwner = false): boolean {
  return Boolean(
    view.q ||
      view.status.length > 0 ||
      view.grade.length > 0 ||
      view.source ||
      (!ignoreOwner && view.ownerId) ||
      view.province ||
      view.createdFrom ||
      view.createdTo,
  );
}

export function toLeadApiQuery(view: LeadListParams): LeadListQuery {
  const query: LeadListQuery = { page: view.page, pageSize: view.pageSize, sort: view.sort };
  if (view.q) query.q = view.q;
  if (view.status.length > 0) query.status = view.status.join(',');
  if (view.grade.length > 0) query.grade = view.grade.join(',');
  if (view.source) query.source = view.source;
  if (view.ownerId) query.ownerId = view.ownerId === LEAD_POOL ? LEAD_POOL : Number(view.ownerId);
  if (view.province) query.province = view.province;
  if (view.createdFrom) query.createdFrom = view.createdFrom;
  if (view.createdTo) query.createdTo = view.createdTo;
  return query;
}
