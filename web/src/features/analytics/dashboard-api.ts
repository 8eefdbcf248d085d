import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CompositionCustomer, DashboardAbc, DashboardChart, DashboardChurn, DashboardComposition, DashboardPyramid, DashboardQuadrants, DashboardRevenue, DashboardRfm, RevenueCustomer } from '@crm/contracts';
import { API_BASE, apiRequest, buildQuery } from '../../shared/api/client';
import type { CustomerAnalyticsPage } from './api';

/** The dashboards' filters, as the URL and the API carry them. */
export interface DashboardFilters {
  from?: string | undefined;
  to?: string | undefined;
  departmentId?: number | undefined;
}
type Query = Record<string, string | number | undefined>;

const keys = {
  chart: (name: string, query: Query) => ['analytics', 'dashboard', name, query] as const,
};

function useChart<T>(name: string, url: string, query: Query) {
  return useQuery({ queryKey: keys.chart(name, query), queryFn: ({ signal }) => apiRequest<T>(url, { query, signal }), placeholderData: keepPreviousData });
}

export const useComposition = (f: DashboardFilters, province?: string) =>
  useChart<DashboardComposition>('composition', '/analytics/dashboard/composition', { ...f, province });
export const useRevenueByMonth = (f: DashboardFilters) => useChart<DashboardRevenue>('revenue', '/analytics/dashboard/revenue', { ...f });
export const useAbcPareto = (f: DashboardFilters) => useChart<DashboardAbc>('abc', '/analytics/dashboard/abc', { departmentId: f.departmentId, limit: 50 });
export const useValuePyramid = (f: DashboardFilters) => useChart<DashboardPyramid>('pyramid', '/analytics/dashboard/value-pyramid', { departmentId: f.departmentId });
export const useQuadrants = (f: DashboardFilters) => useChart<DashboardQuadrants>('quadrants', '/analytics/dashboard/quadrants', { departmentId: f.departmentId });
export const useRfmSegments = (f: DashboardFilters) => useChart<DashboardRfm>('rfm', '/analytics/dashboard/rfm', { departmentId: f.departmentId });
export const useChurnList = (f: DashboardFilters, page: number) =>
  useChart<DashboardChurn>('churn', '/analytics/dashboard/churn', { departmentId: f.departmentId, page, pageSize: 10 });

export interface CompositionCustomersPage {
  items: CompositionCustomer[];
  total: number;
  page: number;
  pageSize: number;
}
export const useCompositionCustomers = (query: Query | null) =>
  useQuery({
    queryKey: keys.chart('composition-customers', query ?? {}),
    queryFn: ({ signal }) => apiRequest<CompositionCustomersPage>('/analytics/dashboard/composition/customers', { query: query ?? {}, signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
export const useRevenueCustomers = (query: Query | null) =>
  useQuery({
    queryKey: keys.chart('revenue-customers', query ?? {}),
    queryFn: ({ signal }) => apiRequest<{ items: RevenueCustomer[]; total: number }>('/analytics/dashboard/revenue/customers', { query: query ?? {}, signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
export const useClassCustomers = (query: Query | null) =>
  useQuery({
    queryKey: ['analytics', 'customers', query ?? {}] as const,
    queryFn: ({ signal }) => apiRequest<CustomerAnalyticsPage>('/analytics/customers', { query: query ?? {}, signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });

/** The download address of a chart's figures (the browser downloads the file itself). */
export function dashboardExportHref(chart: DashboardChart, query: Query): string {
  return `${API_BASE}/analytics/dashboard/${chart}/export${buildQuery({ ...query, format: 'xlsx' })}`;
}
