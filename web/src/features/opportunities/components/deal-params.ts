import {
  opportunitySorts,
  opportunityStatuses,
  type OpportunityBoardQuery,
  type OpportunityListQuery,
  type OpportunityStatus,
} from '@crm/contracts';
import { yuanToFen } from '../../../shared/format/format';

export const pageSizes = [10, 20, 50, 100] as const;
export const defaultSort = '-updatedAt';
export type DealSort = (typeof opportunitySorts)[number];
export type DealView = 'board' | 'table';

/** The opportunities page as kept in the URL: a link reproduces the view and its filters. */
export interface DealParams {
  view: DealView;
  pipelineId?: number;
  /** One stage of the pipeline (the stage funnel's drill-down); the filter bar has no control for it. */
  stageId?: number;
  ownerId?: number;
  departmentId?: number;
  closeFrom?: string;
  closeTo?: string;
  /** Yuan, as typed; the API takes fen. */
  amountMin?: number;
  amountMax?: number;
  overdue: boolean;
  q: string;
  /** The table's own: status, order and paging. */
  status?: OpportunityStatus;
  sort: DealSort;
  page: number;
  pageSize: number;
}

function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

function amount(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isFinite(n) && n >= 0 ? n : undefined;
}

function isoDate(value: string | null): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

export function parseDealParams(params: URLSearchParams): DealParams {
  const pageSize = positiveInt(params.get('pageSize')) ?? 20;
  return {
    view: params.get('view') === 'table' ? 'table' : 'board',
    pipelineId: positiveInt(params.get('pipelineId')),
    stageId: positiveInt(params.get('stageId')),
    ownerId: positiveInt(params.get('ownerId')),
    departmentId: positiveInt(params.get('departmentId')),
    closeFrom: isoDate(params.get('closeFrom')),
    closeTo: isoDate(params.get('closeTo')),
    amountMin: amount(params.get('amountMin')),
    amountMax: amount(params.get('amountMax')),
    overdue: params.get('overdue') === 'true',
    q: params.get('q') ?? '',
    status: opportunityStatuses.find((s) => s === params.get('status')),
    sort: opportunitySorts.find((s) => s === params.get('sort')) ?? defaultSort,
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: (pageSizes as readonly number[]).includes(pageSize) ? pageSize : 20,
  };
}

/** Writes the view back to the URL, leaving defaults out. */
export function toDealSearchParams(view: DealParams): URLSearchParams {
  const out = new URLSearchParams();
  if (view.view !== 'board') out.set('view', view.view);
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') out.set(key, String(value));
  };
  set('pipelineId', view.pipelineId);
  set('stageId', view.stageId);
  set('ownerId', view.ownerId);
  set('departmentId', view.departmentId);
  set('closeFrom', view.closeFrom);
  set('closeTo', view.closeTo);
  set('amountMin', view.amountMin);
  set('amountMax', view.amountMax);
  if (view.overdue) out.set('overdue', 'true');
  set('q', view.q);
  set('status', view.status);
  if (view.sort !== defaultSort) out.set('sort', view.sort);
  if (view.page !== 1) out.set('page', String(view.page));
  if (view.pageSize !== 20) out.set('pageSize', String(view.pageSize));
  return out;
}

/** Whether any filter narrows the deals (the pipeline choice does not count). */
export function hasDealFilters(view: DealParams): boolean {
  return Boolean(
    view.q ||
      view.stageId ||
      view.ownerId ||
      view.departmentId ||
      view.closeFrom ||
      view.closeTo ||
      view.amountMin !== undefined ||
      view.amountMax !== undefined ||
      view.overdue ||
      view.status,
  );
}

type SharedFilters = Omit<OpportunityBoardQuery, 'perStage'>;

/** The filters the board and the table share, in API form (amounts in fen). */
export function sharedFilters(view: DealParams): SharedFilters {
  const query: SharedFilters = {};
  if (view.pipelineId) query.pipelineId = view.pipelineId;
  if (view.stageId) query.stageId = view.stageId;
  if (view.ownerId) query.ownerId = view.ownerId;
  if (view.departmentId) query.departmentId = view.departmentId;
  if (view.closeFrom) query.closeFrom = view.closeFrom;
  if (view.closeTo) query.closeTo = view.closeTo;
  const min = yuanToFen(view.amountMin);
  const max = yuanToFen(view.amountMax);
  if (min !== null) query.amountMin = min;
  if (max !== null) query.amountMax = max;
  if (view.overdue) query.overdue = 'true';
  if (view.q) query.q = view.q;
  return query;
}

export function toListQuery(view: DealParams): OpportunityListQuery {
  const query: OpportunityListQuery = { ...sharedFilters(view), sort: view.sort, page: view.page, pageSize: view.pageSize };
  if (view.status) query.status = view.status;
  return query;
}
