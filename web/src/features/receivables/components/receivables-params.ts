import { agingGroups, type AgingGroup } from '@crm/contracts';

export const receivableTabs = ['aging', 'due', 'payments'] as const;
export type ReceivableTab = (typeof receivableTabs)[number];
export type DueStatus = 'overdue' | 'open';

/** The receivables page's view, kept in its address so that a link reproduces it. */
export interface ReceivablesView {
  tab: ReceivableTab;
  groupBy: AgingGroup;
  due: DueStatus;
  from?: string;
  to?: string;
  /** Payments tab: payments whose owner (at the time of receipt) is this user. */
  ownerId?: number;
  page: number;
  pageSize: number;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const positiveInt = (text: string | null, fallback: number, max: number) => {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
};

/** ?tab=payments&from=2026-01-01&to=2026-03-31&ownerId=7&page=2: unknown or malformed values fall back to the defaults. */
export function parseReceivablesView(params: URLSearchParams): ReceivablesView {
  const tab = receivableTabs.find((t) => t === params.get('tab')) ?? 'aging';
  const groupBy = agingGroups.find((g) => g === params.get('groupBy')) ?? 'customer';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const owner = Number(params.get('ownerId'));
  const ownerId = Number.isInteger(owner) && owner >= 1 && owner <= 2_147_483_647 ? owner : null;
  return {
    tab,
    groupBy,
    due: params.get('due') === 'open' ? 'open' : 'overdue',
    ...(isoDate.test(from) ? { from } : {}),
    ...(isoDate.test(to) ? { to } : {}),
    ...(ownerId !== null ? { ownerId } : {}),
    page: positiveInt(params.get('page'), 1, 100000),
    pageSize: positiveInt(params.get('pageSize'), tab === 'aging' ? 50 : 20, 200),
  };
}

/** The view back as search parameters, leaving out what is the default. */
export function receivablesSearch(view: ReceivablesView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.tab !== 'aging') out.set('tab', view.tab);
  if (view.groupBy !== 'customer') out.set('groupBy', view.groupBy);
  if (view.due !== 'overdue') out.set('due', view.due);
  if (view.from) out.set('from', view.from);
  if (view.to) out.set('to', view.to);
  if (view.ownerId) out.set('ownerId', String(view.ownerId));
  if (view.page !== 1) out.set('page', String(view.page));
  if (view.pageSize !== (view.tab === 'aging' ? 50 : 20)) out.set('pageSize', String(view.pageSize));
  return out;
}

/** DSO as shown: whole days below 100 get one decimal (12.5), larger ones none; null when nothing was sold. */
export function dsoText(days: number | null): string | null {
  if (days === null || !Number.isFinite(days)) return null;
  return days < 100 ? String(Math.round(days * 10) / 10) : String(Math.round(days));
}
