import {
  customerCategories,
  customerKinds,
  customerSorts,
  customerStatuses,
  lifecycleStages,
  type CustomerCategory,
  type CustomerKind,
  type CustomerListQuery,
  type CustomerStatus,
  type LifecycleStage,
} from '@crm/contracts';

export const pageSizes = [10, 20, 50, 100] as const;

/** The list's date filters, by their API names: days (YYYY-MM-DD) or counts of days. */
export const dateParams = ['createdFrom', 'createdTo', 'lastFollowUpBefore', 'lastFollowUpFrom', 'nextFollowUpOn', 'nextFollowUpBefore'] as const;
export const dayCountParams = ['noFollowUpDays', 'nextFollowUpWithinDays', 'poolDueWithinDays'] as const;
export type FollowUpParam = (typeof dateParams)[number] | (typeof dayCountParams)[number];
export type FollowUpFilters = Partial<Record<FollowUpParam, string>>;
export const defaultSort = '-updatedAt';

/** The list's view as kept in the URL, so that a link reproduces it. */
export interface CustomerListParams {
  q: string;
  status: CustomerStatus[];
  category?: CustomerCategory;
  kind?: CustomerKind;
  lifecycleStage?: LifecycleStage;
  ownerId?: string;
  province?: string;
  /** Keys of the managed lists. */
  industry?: string;
  source?: string;
  tags: string[];
  /** Follow-up and creation dates, as the URL (and the API) has them. */
  followUp: FollowUpFilters;
  sort: (typeof customerSorts)[number];
  page: number;
  pageSize: number;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function readFollowUp(params: URLSearchParams): FollowUpFilters {
  const out: FollowUpFilters = {};
  for (const key of dateParams) {
    const value = params.get(key);
    if (value && /^\d{4}-\d{2}-\d{2}$/.test(value)) out[key] = value;
  }
  for (const key of dayCountParams) {
    const value = params.get(key);
    if (value && /^\d{1,4}$/.test(value)) out[key] = value;
  }
  return out;
}

export function parseListParams(params: URLSearchParams): CustomerListParams {
  const ownerId = params.get('ownerId');
  const pageSize = positiveInt(params.get('pageSize'), 20);
  return {
    q: params.get('q') ?? '',
    status: (params.get('status') ?? '')
      .split(',')
      .map((s) => oneOf(customerStatuses, s))
      .filter((s): s is CustomerStatus => s !== undefined),
    category: oneOf(customerCategories, params.get('category')),
    kind: oneOf(customerKinds, params.get('kind')),
    lifecycleStage: oneOf(lifecycleStages, params.get('lifecycleStage')),
    ownerId: ownerId === 'none' || (ownerId && /^\d+$/.test(ownerId)) ? ownerId : undefined,
    province: params.get('province') || undefined,
    industry: params.get('industry') || undefined,
    source: params.get('source') || undefined,
    tags: (params.get('tags') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    followUp: readFollowUp(params),
    sort: oneOf(customerSorts, params.get('sort')) ?? defaultSort,
    page: positiveInt(params.get('page'), 1),
    pageSize: (pageSizes as readonly number[]).includes(pageSize) ? pageSize : 20,
  };
}

/** Writes the view back to the URL, leaving defaults out. */
export function toSearchParams(view: CustomerListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (view.q) out.set('q', view.q);
  if (view.status.length > 0) out.set('status', view.status.join(','));
  if (view.category) out.set('category', view.category);
  if (view.kind) out.set('kind', view.kind);
  if (view.lifecycleStage) out.set('lifecycleStage', view.lifecycleStage);
  if (view.ownerId) out.set('ownerId', view.ownerId);
  if (view.province) out.set('province', view.province);
  if (view.industry) out.set('industry', view.industry);
  if (view.source) out.set('source', view.source);
  if (view.tags.length > 0) out.set('tags', view.tags.join(','));
  for (const [key, value] of Object.entries(view.followUp)) if (value) out.set(key, value);
  if (view.sort !== defaultSort) out.set('sort', view.sort);
  if (view.page !== 1) out.set('page', String(view.page));
  if (view.pageSize !== 20) out.set('pageSize', String(view.pageSize));
  return out;
}

export function hasFilters(view: CustomerListParams): boolean {
  return Boolean(
    view.q ||
      view.status.length > 0 ||
      view.category ||
      view.kind ||
      view.lifecycleStage ||
      view.ownerId ||
      view.province ||
      view.industry ||
      view.source ||
      view.tags.length > 0 ||
      Object.keys(view.followUp).length > 0,
  );
}

export function toApiQuery(view: CustomerListParams): CustomerListQuery {
  const query: CustomerListQuery = { page: view.page, pageSize: view.pageSize, sort: view.sort };
  if (view.q) query.q = view.q;
  if (view.status.length > 0) query.status = view.status.join(',');
  if (view.category) query.category = view.category;
  if (view.kind) query.kind = view.kind;
  if (view.lifecycleStage) query.lifecycleStage = view.lifecycleStage;
  if (view.ownerId) query.ownerId = view.ownerId;
  if (view.province) query.province = view.province;
  if (view.industry) query.industry = view.industry;
  if (view.source) query.source = view.source;
  if (view.tags.length > 0) query.tags = view.tags.join(',');
  Object.assign(query, view.followUp);
  return query;
}

/** How many of the filter controls are set (the count on a phone's filter button). */
export function activeFilterCount(view: CustomerListParams, hideOwner = false): number {
  return (view.status.length > 0 ? 1 : 0) + [view.category, view.kind, hideOwner ? undefined : view.ownerId, view.province, view.industry, view.source].filter(Boolean).length;
}
