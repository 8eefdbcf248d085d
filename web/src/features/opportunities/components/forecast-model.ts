import type { ForecastQuery, OpportunityListQuery } from '@crm/contracts';
import dayjs from 'dayjs';
import type { MessageKey } from '../../../app/i18n/translate';

/** The money figures of a forecast month, in the order the chart and the table show them. */
export const figureKeys = ['won', 'commit', 'bestCase', 'pipeline', 'weighted'] as const;
export type FigureKey = (typeof figureKeys)[number];

export const figureLabels: Record<FigureKey, MessageKey> = {
  won: 'forecast.won',
  commit: 'forecast.commit',
  bestCase: 'forecast.bestCase',
  pipeline: 'forecast.pipeline',
  weighted: 'forecast.weighted',
};

export const figureColors: Record<FigureKey, string> = {
  won: '#52c41a',
  commit: '#1677ff',
  bestCase: '#69b1ff',
  pipeline: '#bfbfbf',
  weighted: '#fa8c16',
};

/** The forecast page's view as kept in the URL. */
export interface ForecastParams {
  from: string;
  to: string;
  groupBy: 'owner' | 'department';
  pipelineId?: number;
  departmentId?: number;
}

const monthPattern = /^\d{4}-\d{2}$/;

export function parseForecastParams(params: URLSearchParams): ForecastParams {
  const thisMonth = dayjs().format('YYYY-MM');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const validFrom = monthPattern.test(from) ? from : thisMonth;
  const validTo = monthPattern.test(to) && to >= validFrom ? to : dayjs(`${validFrom}-01`).add(2, 'month').format('YYYY-MM');
  const id = (key: string) => {
    const n = Number(params.get(key));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  return {
    from: validFrom,
    to: validTo,
    groupBy: params.get('groupBy') === 'department' ? 'department' : 'owner',
    pipelineId: id('pipelineId'),
    departmentId: id('departmentId'),
  };
}

export function toForecastSearchParams(view: ForecastParams): URLSearchParams {
  const out = new URLSearchParams({ from: view.from, to: view.to });
  if (view.groupBy !== 'owner') out.set('groupBy', view.groupBy);
  if (view.pipelineId) out.set('pipelineId', String(view.pipelineId));
  if (view.departmentId) out.set('departmentId', String(view.departmentId));
  return out;
}

export function toForecastQuery(view: ForecastParams): ForecastQuery {
  return {
    from: view.from,
    to: view.to,
    groupBy: view.groupBy,
    ...(view.pipelineId ? { pipelineId: view.pipelineId } : {}),
    ...(view.departmentId ? { departmentId: view.departmentId } : {}),
  };
}

/** What a drill-down shows: the deals behind one figure of one month (of one owner or department). */
export interface DrillDown {
  month: string;
  figure: FigureKey;
  group?: { id: number | null; name: string };
}

/**
 * The list query for a drill-down. Won: the deals won that month. Commit: open deals committed.
 * Best case, pipeline, weighted: the month's open deals (each shows its own forecast category).
 */
export function drillDownQuery(view: ForecastParams, drill: DrillDown, page: number): OpportunityListQuery {
  const query: OpportunityListQuery = { forecastMonth: drill.month, page, pageSize: 20, sort: '-amount' };
  query.status = drill.figure === 'won' ? 'won' : 'open';
  if (drill.figure === 'commit') query.forecastCategory = 'commit';
  if (view.pipelineId) query.pipelineId = view.pipelineId;
  const groupId = drill.group?.id;
  if (groupId !== undefined && groupId !== null) {
    if (view.groupBy === 'owner') query.ownerId = groupId;
    else query.departmentId = groupId;
  }
  if (query.departmentId === undefined && view.departmentId) query.departmentId = view.departmentId;
  return query;
}
