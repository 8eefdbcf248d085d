import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ListResponse,
  PriceList,
  PriceListCreate,
  PriceListUpdate,
  Product,
  ProductCategory,
  ProductCategoryCreate,
  ProductCategoryUpdate,
  ProductCreate,
  ProductListQuery,
  ProductPrice,
  ProductUpdate,
} from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const productKeys = {
  all: ['products'] as const,
  list: (query: ProductListQuery) => ['products', 'list', query] as const,
  categories: ['products', 'categories'] as const,
  priceLists: ['products', 'price-lists'] as const,
  priceList: (id: number) => ['products', 'price-lists', 'detail', id] as const,
};

export function useProductList(query: ProductListQuery, enabled = true) {
  return useQuery({
    queryKey: productKeys.list(query),
    queryFn: ({ signal }) => apiRequest<ListResponse<Product>>('/products', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Products matching a search, for pickers (active ones). */
export function useProductSearch(q: string) {
  return useProductList({ q: q || undefined, active: 'true', pageSize: 20, sort: 'code' });
}

export function useSaveProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: ProductCreate | ProductUpdate }) =>
      id === undefined ? apiRequest<Product>('/products', { method: 'POST', body }) : apiRequest<Product>(`/products/${id}`, { method: 'PATCH', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: productKeys.all }),
  });
}

export function useDeleteProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/products/${id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: productKeys.all }),
  });
}

export function useProductCategories(enabled = true) {
  return useQuery({
    queryKey: productKeys.categories,
    queryFn: ({ signal }) => apiRequest<{ items: ProductCategory[] }>('/product-categories', { signal }),
    enabled,
  });
}

export function useSaveCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: ProductCategoryCreate | ProductCategoryUpdate }) =>
      id === undefined
        ? apiRequest<ProductCategory>('/product-categories', { method: 'POST', body })
        : apiRequest<ProductCategory>(`/product-categories/${id}`, { method: 'PATCH', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: productKeys.all }),
  });
}

export function useDeleteCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/product-categories/${id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: productKeys.all }),
  });
}

export function usePriceLists(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...productKeys.priceLists, page, pageSize],
    queryFn: ({ signal }) => apiRequest<ListResponse<PriceList>>('/price-lists', { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePriceList(id: number | undefined) {
  return useQuery({
    queryKey: productKeys.priceList(id ?? 0),
    queryFn: ({ signal }) => apiRequest<PriceList>(`/price-lists/${id}`, { signal }),
    enabled: id !== undefined,
  });
}

export function useSavePriceList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: PriceListCreate | PriceListUpdate }) =>
      id === undefined ? apiRequest<PriceList>('/price-lists', { method: 'POST', body }) : apiRequest<PriceList>(`/price-lists/${id}`, { method: 'PATCH', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: productKeys.all }),
  });
}

export function useDeletePriceList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/price-lists/${id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: productKeys.all }),
  });
}

/** What a customer pays for a product today (for a quote line's default price). */
export function fetchProductPrice(productId: number, customerId: number): Promise<ProductPrice> {
  return apiRequest<ProductPrice>(`/products/${productId}/price`, { query: { customerId } });
}
