import { listViewBuiltIns, type BuiltInListView, type ListView, type ListViewList, type ListViewRef } from '@crm/contracts';

/**
 * A list page's URL and a view's stored query, one to the other. A view keeps the list's API query
 * parameters (what the server checks it against); most lists keep exactly those in their URL, so
 * the default adapter copies them. The page, the sort and the page size are never filters.
 */
export interface ListAdapter {
  /** The URL's filters as the API's query parameters. */
  toFilters(params: URLSearchParams): Record<string, string>;
  /** A view's filters as URL parameters; `current` keeps what belongs to the page alone (a board or table mode). */
  toParams(filters: Record<string, string>, current: URLSearchParams): URLSearchParams;
}

const notFilters = new Set(['page', 'sort', 'pageSize']);

export const sameAsApi: ListAdapter = {
  toFilters: (params) => Object.fromEntries([...params.entries()].filter(([key, value]) => !notFilters.has(key) && value !== '')),
  toParams: (filters) => new URLSearchParams(filters),
};

/** What a view holds of a list: filters, sort (null: the list's default) and page size. */
export interface ViewQuery {
  filters: Record<string, string>;
  sort: string | null;
  pageSize: number | null;
}

export type AnyView = (Pick<BuiltInListView, 'filters' | 'sort'> & { pageSize?: number | null }) | Pick<ListView, 'filters' | 'sort' | 'pageSize'>;

/** The view the URL shows now, as it would be saved. */
export function viewQueryOf(params: URLSearchParams, adapter: ListAdapter): ViewQuery {
  const pageSize = Number(params.get('pageSize'));
  return { filters: adapter.toFilters(params), sort: params.get('sort') || null, pageSize: Number.isInteger(pageSize) && pageSize > 0 ? pageSize : null };
}

/** The URL that shows a view: its filters, its sort and page size, the first page. */
export function paramsOfView(view: AnyView, adapter: ListAdapter, current: URLSearchParams): URLSearchParams {
  const out = adapter.toParams(view.filters, current);
  if (view.sort) out.set('sort', view.sort);
  if (view.pageSize) out.set('pageSize', String(view.pageSize));
  return out;
}

function canonical(filters: Record<string, string>, sort: string | null): string {
  return JSON.stringify([Object.entries(filters).sort(([a], [b]) => a.localeCompare(b)), sort]);
}

/** Whether the URL shows this view (same filters and sort; paging aside). */
export function showsView(params: URLSearchParams, view: AnyView, adapter: ListAdapter): boolean {
  const now = viewQueryOf(params, adapter);
  return canonical(now.filters, now.sort) === canonical(view.filters, view.sort ?? null);
}

/** Keys of the switcher's options: `builtin:mine`, `view:12`. */
export const builtInKey = (key: string) => `builtin:${key}`;
export const savedKey = (id: number) => `view:${id}`;

/** The API's reference to the view an option key names (a saved view's id, a built-in view's key). */
export function refOfKey(key: string): ListViewRef | null {
  if (key.startsWith('view:')) return Number(key.slice(5));
  return listViewBuiltIns.find((k) => `builtin:${k}` === key) ?? null;
}

/**
 * The default view's URL and columns, remembered in this browser so that the list opens with it
 * at once (null: never seen; `query` '' : no default).
 */
interface CachedDefault {
  query: string;
  columns: string[];
}
const cacheKey = (list: ListViewList) => `crm.listViews.default.${list}`;

export function readCachedDefault(list: ListViewList): CachedDefault | null {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(cacheKey(list)) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { query, columns } = parsed as Partial<CachedDefault>;
    return typeof query === 'string' && Array.isArray(columns) ? { query, columns: columns.filter((c): c is string => typeof c === 'string') } : null;
  } catch {
    return null;
  }
}

export function writeCachedDefault(list: ListViewList, value: CachedDefault): void {
  try {
    window.localStorage.setItem(cacheKey(list), JSON.stringify(value));
  } catch {
    // Private browsing: the list waits for the server's answer next time.
  }
}
