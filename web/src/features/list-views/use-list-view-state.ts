import type { BuiltInListView, ListView, ListViewList, ListViews } from '@crm/contracts';
import { useEffect, useMemo, useState } from 'react';
import type { SetURLSearchParams } from 'react-router-dom';
import { useListViews } from './api';
import { builtInKey, paramsOfView, readCachedDefault, savedKey, sameAsApi, showsView, viewQueryOf, writeCachedDefault, type ListAdapter, type ViewQuery } from './view-params';

/** The list's visible columns, when it lets the user choose them (a view keeps and restores them). */
export interface ViewColumns {
  visible: string[];
  set: (columns: string[]) => void;
}

export interface ListViewState {
  list: ListViewList;
  data: ListViews | undefined;
  /** The option shown: a view the URL matches, or null (an unsaved view). */
  activeKey: string | null;
  active: { builtIn: BuiltInListView } | { saved: ListView } | null;
  defaultKey: string | null;
  /** The user's own saved view the list last showed (changed since or not): what "save changes" writes to. */
  base: ListView | null;
  /** False while the list should wait: it opens with the user's default view, not known yet. */
  ready: boolean;
  apply: (key: string) => void;
  /** What "save" would keep now. */
  current: () => ViewQuery & { columns: string[] };
}

const keyOfDefault = (ref: ListViews['defaultView']) => (typeof ref === 'number' ? savedKey(ref) : builtInKey(ref));

/**
 * A list page's views: which one the URL shows, applying one (URL and columns), and opening the
 * list with the user's default. With no parameters in the URL the list waits for the default:
 * at once from this browser's memory of it, else until the server says which it is.
 */
export function useListViewState(list: ListViewList, params: URLSearchParams, setParams: SetURLSearchParams, options: { adapter?: ListAdapter; columns?: ViewColumns } = {}): ListViewState {
  const adapter = options.adapter ?? sameAsApi;
  const views = useListViews(list);
  const data = views.data;
  const [settled, setSettled] = useState(false);
  const empty = params.toString() === '';

  const all = useMemo(() => [...(data?.builtIn ?? []).map((v) => ({ key: builtInKey(v.key), view: v, builtIn: true as const })), ...(data?.items ?? []).map((v) => ({ key: savedKey(v.id), view: v, builtIn: false as const }))], [data]);
  const defaultKey = data ? keyOfDefault(data.defaultView) : null;
  const defaultView = all.find((v) => v.key === defaultKey) ?? null;
  const columns = options.columns;

  const setColumns = columns?.set;

  // Once per visit: an empty URL opens the default view (remembered here, else the server's).
  let opening: { query: string; columns: string[] } | null | undefined;
  if (!settled) {
    const cached = empty ? readCachedDefault(list) : null;
    if (!empty) opening = null;
    else if (cached) opening = cached.query ? cached : null;
    else if (data || views.isError) opening = defaultView ? { query: paramsOfView(defaultView.view, adapter, params).toString(), columns: 'columns' in defaultView.view ? defaultView.view.columns : [] } : null;
  }
  useEffect(() => {
    if (settled || opening === undefined) return;
    setSettled(true);
    if (!opening) return;
    setParams(new URLSearchParams(opening.query), { replace: true });
    if (setColumns && opening.columns.length > 0) setColumns(opening.columns);
  }, [settled, opening, setParams, setColumns]);

  // Remember the default for the next visit.
  useEffect(() => {
    if (!data) return;
    const view = defaultView?.view;
    writeCachedDefault(list, { query: view ? paramsOfView(view, adapter, new URLSearchParams()).toString() : '', columns: view && 'columns' in view ? view.columns : [] });
  }, [data, defaultView, list, adapter]);

  const match = all.find((v) => showsView(params, v.view, adapter)) ?? null;
  const [baseId, setBaseId] = useState<number | null>(null);
  const matchedId = match && !match.builtIn ? (match.view as ListView).id : null;
  useEffect(() => {
    if (matchedId !== null) setBaseId(matchedId);
  }, [matchedId]);
  const base = data?.items.find((v) => v.id === baseId && v.can.edit) ?? null;
  return {
    list,
    data,
    activeKey: match?.key ?? null,
    active: match ? (match.builtIn ? { builtIn: match.view as BuiltInListView } : { saved: match.view as ListView }) : null,
    defaultKey,
    base,
    ready: settled || !empty,
    apply: (key) => {
      const found = all.find((v) => v.key === key);
      if (!found) return;
      setParams(paramsOfView(found.view, adapter, params));
      if (columns && !found.builtIn && found.view.columns.length > 0) columns.set(found.view.columns);
    },
    current: () => ({ ...viewQueryOf(params, adapter), columns: columns?.visible ?? [] }),
  };
}
