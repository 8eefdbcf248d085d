import type { QueryClient } from '@tanstack/react-query';
import { prefetchListViews, readCachedDefault } from '../list-views';
import { prefetchCustomerList } from './api';
import { parseListParams, toApiQuery } from './components/customer-list-params';

/**
 * The customer list's first data, asked for at start-up beside the page's files instead of once
 * they have run: the saved views and, at the same time, the page of customers the list will show.
 * With an empty address the list opens the user's default view: the one this browser remembers,
 * else the built-in default (all customers, newest changes first), which the saved views then
 * confirm; a different default costs one page of customers fetched for nothing. Settles when both
 * have answered (the page waits for them beside its code: app/startup.ts).
 */
export function prefetchCustomerListPage(queryClient: QueryClient, search: string): Promise<unknown> {
  const params = new URLSearchParams(search);
  const views = prefetchListViews(queryClient, 'customers');
  // Custom-field filters (cf_*) are read by their own feature: the page fetches those itself.
  if ([...params.keys()].some((key) => key.startsWith('cf_'))) return views;
  const cached = params.toString() === '' ? readCachedDefault('customers') : null;
  return Promise.all([views, prefetchCustomerList(queryClient, toApiQuery(parseListParams(cached ? new URLSearchParams(cached.query) : params)))]);
}
