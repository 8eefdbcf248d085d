import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResponse, Opportunity } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { apiRequest } from '../../../shared/api/client';
import { usePermissions } from '../../auth';
import { dealStageName } from './deal-format';
import { formatMoney } from '../../../shared/format/format';

/** A global-search result for a deal. */
export interface OpportunityHit {
  key: string;
  type: 'opportunity';
  title: string;
  detail: string;
  path: string;
}

/** Deals whose name or customer matches `q`, for the global search (needs opportunities.view). */
export function useOpportunitySearch(q: string): { hits: OpportunityHit[]; fetching: boolean } {
  const { locale } = useI18n();
  const { can } = usePermissions();
  const query = useQuery({
    queryKey: ['search', 'opportunities', q],
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<Opportunity>>('/opportunities', { query: { q, page: 1, pageSize: 4 }, signal }),
    enabled: q !== '' && can('opportunities.view'),
    placeholderData: keepPreviousData,
  });
  const hits = q
    ? (query.data?.items ?? []).map((deal) => ({
        key: `opportunity-${deal.id}`,
        type: 'opportunity' as const,
        title: deal.name,
        detail: [deal.customerName, dealStageName(deal, locale), formatMoney(deal.amount, deal.currency, locale), deal.ownerName]
          .filter(Boolean)
          .join(' · '),
        path: `/opportunities/${deal.id}`,
      }))
    : [];
  return { hits, fetching: query.isFetching };
}
