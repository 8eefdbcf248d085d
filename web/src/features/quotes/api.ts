import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Contract, ListResponse, Locale, Opportunity, Quote, QuoteCreate, QuoteListQuery, QuoteRevision, QuoteStatus, QuoteUpdate } from '@crm/contracts';
import { API_BASE, apiRequest, buildQuery } from '../../shared/api/client';
import { refreshApprovals } from '../approvals';

export const quoteKeys = {
  all: ['quotes'] as const,
  lists: ['quotes', 'list'] as const,
  list: (query: QuoteListQuery) => ['quotes', 'list', query] as const,
  detail: (id: number) => ['quotes', 'detail', id] as const,
  revisions: (id: number) => ['quotes', 'revisions', id] as const,
};

function refresh(queryClient: QueryClient, quote: Quote): void {
  queryClient.setQueryData(quoteKeys.detail(quote.id), quote);
  void queryClient.invalidateQueries({ queryKey: quoteKeys.lists });
  void queryClient.invalidateQueries({ queryKey: quoteKeys.revisions(quote.id) });
}

export function useQuoteList(query: QuoteListQuery, enabled = true) {
  return useQuery({
    queryKey: quoteKeys.list(query),
    queryFn: ({ signal }) => apiRequest<ListResponse<Quote>>('/quotes', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useQuote(id: number) {
  return useQuery({
    queryKey: quoteKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<Quote>(`/quotes/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useQuoteRevisions(id: number) {
  return useQuery({
    queryKey: quoteKeys.revisions(id),
    queryFn: ({ signal }) => apiRequest<{ items: QuoteRevision[] }>(`/quotes/${id}/revisions`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useSaveQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: QuoteCreate | QuoteUpdate }) =>
      id === undefined ? apiRequest<Quote>('/quotes', { method: 'POST', body }) : apiRequest<Quote>(`/quotes/${id}`, { method: 'PATCH', body }),
    onSuccess: (quote) => refresh(queryClient, quote),
  });
}

export function useQuoteStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ quote, status }: { quote: Quote; status: QuoteStatus }) =>
      apiRequest<Quote>(`/quotes/${quote.id}/status`, { method: 'POST', body: { status, version: quote.version } }),
    onSuccess: (quote) => {
      refresh(queryClient, quote);
      // Sending may have submitted it for approval, moving it back to draft withdraws the request.
      refreshApprovals(queryClient);
    },
  });
}

export function useMakeQuoteCurrent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (quote: Quote) => apiRequest<Quote>(`/quotes/${quote.id}/current`, { method: 'POST', body: { version: quote.version } }),
    onSuccess: (quote) => {
      refresh(queryClient, quote);
      // The deal's other quote stopped being current.
      void queryClient.invalidateQueries({ queryKey: ['quotes', 'detail'] });
    },
  });
}

export function useDeleteQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (quote: Quote) => apiRequest<void>(`/quotes/${quote.id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: quoteKeys.lists }),
  });
}

/** Customers matching a search, for the quote form's customer picker. */
export function useCustomerChoices(q: string) {
  return useQuery({
    queryKey: ['quotes', 'customer-choices', q],
    queryFn: ({ signal }) => apiRequest<ListResponse<{ id: number; name: string; archiveNo: string }>>('/customers', { query: { q: q || undefined, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A customer's open deals, for the quote form's opportunity picker. */
export function useDealChoices(customerId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['quotes', 'deal-choices', customerId],
    queryFn: ({ signal }) => apiRequest<ListResponse<Opportunity>>('/opportunities', { query: { customerId, pageSize: 100 }, signal }),
    enabled: enabled && customerId !== undefined,
  });
}

/** The contract made from a quote, if any (one per quote). */
export function useContractOfQuote(quoteId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['contracts', 'list', { quoteId }],
    queryFn: ({ signal }) => apiRequest<ListResponse<Contract>>('/contracts', { query: { quoteId, pageSize: 1 }, signal }),
    enabled,
  });
}

/** POST /quotes/:id/contract: a draft contract from an accepted quote. */
export function useContractFromQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (quote: Quote) => apiRequest<Contract>(`/quotes/${quote.id}/contract`, { method: 'POST', body: {} }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['contracts'] }),
  });
}

/** The quote's PDF download: a plain link (the session cookie goes along), labelled in the UI's language. */
export function quotePdfHref(id: number, locale: Locale): string {
  return `${API_BASE}/quotes/${id}/pdf${buildQuery({ lang: locale })}`;
}
