import type { WorkReport, WorkReportCreate, WorkReportKind, WorkReportListQuery, WorkReportUpdate } from '@crm/contracts';

/** Whose reports: mine, or my team's (the authors in my data scope). */
export const reportTabs = ['mine', 'team'] as const;
export type ReportTab = (typeof reportTabs)[number];

/** The list's filters, as the address keeps them (a link reproduces the view). */
export interface ReportFilters {
  tab: ReportTab;
  kind: WorkReportKind | null;
  authorId: number | null;
  from: string | null;
  to: string | null;
  page: number;
}

const day = /^\d{4}-\d{2}-\d{2}$/;
const positive = (value: string | null): number | null => (value && /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : null);
const dateOf = (value: string | null): string | null => (value && day.test(value) ? value : null);

export function parseReportFilters(params: URLSearchParams): ReportFilters {
  const kind = params.get('kind');
  return {
    tab: params.get('tab') === 'team' ? 'team' : 'mine',
    kind: kind === 'daily' || kind === 'weekly' ? kind : null,
    authorId: positive(params.get('authorId')),
    from: dateOf(params.get('from')),
    to: dateOf(params.get('to')),
    page: positive(params.get('page')) ?? 1,
  };
}

/** The address after a change: any filter change goes back to the first page; defaults are left out. */
export function reportFilterParams(current: ReportFilters, patch: Partial<ReportFilters>): URLSearchParams {
  const next = { ...current, ...patch, ...(patch.page === undefined ? { page: 1 } : {}) };
  if (next.tab === 'mine') next.authorId = null;
  const params = new URLSearchParams();
  if (next.tab === 'team') params.set('tab', 'team');
  if (next.kind) params.set('kind', next.kind);
  if (next.authorId) params.set('authorId', String(next.authorId));
  if (next.from) params.set('from', next.from);
  if (next.to) params.set('to', next.to);
  if (next.page > 1) params.set('page', String(next.page));
  return params;
}

/** How many filters narrow the list (the tab is not one). */
export function activeFilterCount(f: ReportFilters): number {
  return [f.kind, f.authorId, f.from ?? f.to].filter((v) => v !== null).length;
}

export const reportPageSize = 20;

/** The API query of the filters: mine means me as the author. */
export function reportListQuery(f: ReportFilters, meId: number | null): WorkReportListQuery {
  const authorId = f.tab === 'mine' ? meId : f.authorId;
  return {
    page: f.page,
    pageSize: reportPageSize,
    ...(authorId ? { authorId } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

/** The texts of the report form (empty strings for nothing). */
export interface ReportValues {
  summary: string;
  plan: string;
  problems: string;
}

export function reportValues(report: Pick<WorkReport, 'summary' | 'plan' | 'problems'>): ReportValues {
  return { summary: report.summary, plan: report.plan ?? '', problems: report.problems ?? '' };
}

const orNull = (text: string | undefined): string | null => (text && text.trim() !== '' ? text : null);

export function createReportPayload(kind: WorkReportKind, date: string, values: ReportValues): WorkReportCreate {
  return { kind, date, summary: values.summary, plan: orNull(values.plan), problems: orNull(values.problems) };
}

/** Only what changed, with the version read; `refresh` takes the figures again. */
export function updateReportPayload(report: WorkReport, values: ReportValues, refresh: boolean): WorkReportUpdate {
  const before = reportValues(report);
  return {
    version: report.version,
    ...(values.summary !== before.summary ? { summary: values.summary } : {}),
    ...(values.plan !== before.plan ? { plan: orNull(values.plan) } : {}),
    ...(values.problems !== before.problems ? { problems: orNull(values.problems) } : {}),
    ...(refresh ? { refreshFigures: true } : {}),
  };
}
